"""Small helpers shared by the SDK tests (importable as a module, unlike conftest)."""

from __future__ import annotations

import asyncio
import base64
import json
from collections.abc import Callable
from typing import Any

import httpx

MOCK_URL = "http://mock"
CLUSTER = {
    "JobManagerType": "SLURM",
    "JobManagerAddr": "10.8.150.45",
    "id": 1638523853,
    "text": "Cluster",
    "JobManagerPort": "9091",
}


def envelope(data: Any = None, code: Any = "0", msg: str = "success") -> dict[str, Any]:
    return {"code": code, "msg": msg, "data": data}


def body(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False).encode()


def json_response(value: Any, status: int = 200, **kwargs: Any) -> httpx.Response:
    return httpx.Response(status, content=body(value), **kwargs)


def scripted(*answers: Any) -> tuple[httpx.MockTransport, list[httpx.Request]]:
    """A MockTransport answering with ``answers`` in turn (a Response, an exception to raise,
    a JSON-able value for a 200, or a callable taking the request); records the requests."""
    seen: list[httpx.Request] = []
    queue = list(answers)

    def handler(request: httpx.Request) -> httpx.Response:
        request.read()
        seen.append(request)
        if not queue:
            raise AssertionError(f"unexpected request {request.method} {request.url}")
        answer = queue.pop(0)
        if callable(answer) and not isinstance(answer, httpx.Response):
            answer = answer(request)
        if isinstance(answer, BaseException):
            raise answer
        if isinstance(answer, httpx.Response):
            return answer
        return json_response(answer)

    return httpx.MockTransport(handler), seen


class FakeSleep:
    """Records the delays the SDK asks for, and moves a fake clock by them."""

    def __init__(self, start: float = 1_800_000_000.0) -> None:
        self.now = start
        self.delays: list[float] = []

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.delays.append(seconds)
        self.now += seconds


Handler = Callable[[httpx.Request], httpx.Response]


def make_jwt(claims: dict[str, object]) -> str:
    """An unsigned-looking JWT with these claims (the SDK never verifies signatures)."""

    def part(value: dict[str, object]) -> str:
        raw = json.dumps(value).encode()
        return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()

    return f"{part({'alg': 'HS256', 'typ': 'JWT'})}.{part(claims)}.c2lnbmF0dXJl"


class ASGISyncTransport(httpx.BaseTransport):
    """Runs an ASGI app in-process for a *blocking* httpx client (one event loop per request)."""

    def __init__(self, app: Any) -> None:
        self._asgi = httpx.ASGITransport(app=app)

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        request.read()

        async def call() -> httpx.Response:
            response = await self._asgi.handle_async_request(request)
            content = await response.aread()
            return httpx.Response(response.status_code, headers=response.headers, content=content)

        return asyncio.run(call())


class Recorder:
    """Remembers every request (method, URL, headers, body) a transport was asked to send."""

    def __init__(self) -> None:
        self.requests: list[httpx.Request] = []

    def record(self, request: httpx.Request) -> None:
        request.read()
        self.requests.append(request)

    def calls(self) -> list[tuple[str, str]]:
        return [(r.method, r.url.path) for r in self.requests]

    def comparable(self, drop: frozenset[str] = frozenset()) -> list[dict[str, Any]]:
        """Requests in a form that two clients can be compared by (volatile headers dropped)."""
        out = []
        for r in self.requests:
            headers = {
                k.lower(): v
                for k, v in r.headers.items()
                if k.lower() not in drop and k.lower() not in {"content-length"}
            }
            body: Any = r.content.decode()
            kind = r.headers.get("content-type", "")
            if kind.startswith("multipart/form-data"):  # httpx draws a random boundary
                boundary = kind.split("boundary=")[-1]
                headers["content-type"] = kind.replace(boundary, "BOUNDARY")
                body = body.replace(boundary, "BOUNDARY")
            if kind.startswith("application/json") and body:
                body = json.loads(body)
            out.append({"method": r.method, "url": str(r.url), "headers": headers, "body": body})
        return out


class RecordingTransport(httpx.BaseTransport):
    def __init__(self, inner: httpx.BaseTransport, recorder: Recorder) -> None:
        self.inner, self.recorder = inner, recorder

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.recorder.record(request)
        return self.inner.handle_request(request)


class AsyncRecordingTransport(httpx.AsyncBaseTransport):
    def __init__(self, inner: httpx.AsyncBaseTransport, recorder: Recorder) -> None:
        self.inner, self.recorder = inner, recorder

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        await request.aread()
        self.recorder.requests.append(request)
        return await self.inner.handle_async_request(request)
