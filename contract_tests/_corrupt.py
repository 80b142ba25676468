"""Deliberately broken servers: an ASGI middleware that corrupts the mock's answers.

The can-fail tests wrap the embedded mock in ``Corrupt`` and run the suite's own machinery
against it; each corruption must make the suite fail with a message that names the problem.
A corruption is a function ``(request, status, body) -> (status, body)`` over decoded JSON
(``body`` is None when the answer is not JSON), optionally with a request rewrite.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

__all__ = ["Corrupt", "Corruption", "Request"]


@dataclass(frozen=True)
class Request:
    method: str
    path: str
    headers: dict[str, str]


ResponseRewrite = Callable[[Request, int, Any], tuple[int, Any]]
RequestRewrite = Callable[[Request], dict[str, str]]  # -> the headers to send instead


@dataclass(frozen=True)
class Corruption:
    name: str
    response: ResponseRewrite | None = None
    request: RequestRewrite | None = None


class Corrupt:
    """Applies ``self.corruption`` (settable between tests) to every exchange."""

    def __init__(self, app: Any) -> None:
        self.app: ASGIApp = app
        self.state = app.state  # ``state.mock`` stays reachable, as on the wrapped app
        self.corruption: Corruption | None = None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        corruption = self.corruption
        if scope["type"] != "http" or corruption is None:
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        request = Request(scope["method"], scope["path"], headers)
        if corruption.request is not None:
            new_headers = corruption.request(request)
            raw = [(k.encode("latin-1"), v.encode("latin-1")) for k, v in new_headers.items()]
            scope = {**scope, "headers": raw}
        if corruption.response is None:
            await self.app(scope, receive, send)
            return
        rewrite = corruption.response
        start: dict[str, Any] = {}
        chunks: list[bytes] = []

        async def capture(message: Message) -> None:
            if message["type"] == "http.response.start":
                start.update(message)
                return
            if message["type"] != "http.response.body":
                await send(message)
                return
            chunks.append(message.get("body", b""))
            if message.get("more_body"):
                return
            raw_body = b"".join(chunks)
            try:
                decoded: Any = json.loads(raw_body)
            except ValueError:
                decoded = None
            status, new = rewrite(request, start["status"], decoded)
            if new is not None:
                raw_body = json.dumps(new, ensure_ascii=False).encode("utf-8")
            out_headers = [
                (k, v) for k, v in start.get("headers", []) if k.lower() != b"content-length"
            ]
            out_headers.append((b"content-length", str(len(raw_body)).encode("ascii")))
            await send({"type": "http.response.start", "status": status, "headers": out_headers})
            await send({"type": "http.response.body", "body": raw_body})

        await self.app(scope, receive, capture)
