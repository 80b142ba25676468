"""Faults on demand, for client reliability tests: latency, gateway errors, dropped connections,
bodies that are not JSON, and error envelopes, at a chosen rate and for chosen operations.

This module is imported only when faults are configured (``create_app(faults=...)``,
``python -m scnet_hpc.mock --faults ...`` or ``SCNET_MOCK_FAULTS``): property-based tests harvest
string literals from every module a process has loaded, and must not stumble on these.

Syntax (rules separated by ``;``; options separated by spaces)::

    SCNET_MOCK_FAULTS="http503 rate=0.2 ops=list_jobs,get_job; latency:1.5 rate=0.5; seed=7"

    rule    := KIND[:ARG] [rate=FLOAT] [ops=ID,ID,...] [times=N] [after]
    KIND    := latency:SECONDS        answer normally, SECONDS later
             | http502 | http503[:RETRY_AFTER] | http504
                                      gateway error page (HTML) with that status
             | html                   HTTP 200 with an HTML error page
             | nonjson                HTTP 200, Content-Type application/json, body not JSON
             | truncated              HTTP 200, the real body cut in half (Content-Length matches)
             | envelope[:CODE[/DATA]] HTTP 200 error envelope; CODE default 10001;
                                      DATA one of null (default), empty (""), string, object
             | drop                   close the connection without answering
             | reset                  send headers and part of the body, then reset the connection
    rate    probability per matching request (default 1)
    ops     operationIds the rule applies to (default: every operation)
    times   inject at most N times, then let requests through (deterministic retry tests)
    after   handle the request first, then replace the answer (the job *was* submitted)
    seed=N  seed for the random choices (a rule of its own)

Rules are tried in order for each request; every ``latency`` rule that fires adds its delay, and
the first other rule that fires decides the answer. ``drop`` and ``reset`` close the socket under
uvicorn; in-process (no socket) they raise ``ConnectionResetError`` into the client's transport.
"""

from __future__ import annotations

import asyncio
import json
import random
import threading
from dataclasses import dataclass, field
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .gateway import OperationIndex, gateway_page

__all__ = ["KINDS", "FaultConfig", "FaultMiddleware", "FaultRule"]

KINDS = frozenset(
    {
        "latency",
        "http502",
        "http503",
        "http504",
        "html",
        "nonjson",
        "truncated",
        "envelope",
        "drop",
        "reset",
    }
)
_ENVELOPE_DATA: dict[str, Any] = {
    "null": None,
    "empty": "",
    "string": "java.lang.NullPointerException",
    "object": {"exception": "java.lang.NullPointerException"},
}
_MSG = {
    "10001": "internal_error",
    "10003": "param_incomplete",
    "10004": "param_invalid",
    "10008": "权限不足",
    "10009": "没有权限访问接口",
}
_REASONS = {502: "Bad Gateway", 503: "Service Temporarily Unavailable", 504: "Gateway Time-out"}
_HTML_200 = (
    "<!DOCTYPE html><html><head><meta charset='utf-8'><title>系统维护</title></head>"
    "<body><h1>系统维护中 (system maintenance)</h1><p>请稍后再试。</p></body></html>"
)


@dataclass(frozen=True)
class FaultRule:
    kind: str
    arg: str = ""
    rate: float = 1.0
    operations: frozenset[str] = frozenset()  # empty: every operation
    times: int | None = None
    after: bool = False

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown fault kind {self.kind!r}; known: {', '.join(sorted(KINDS))}")
        if not 0.0 <= self.rate <= 1.0:
            raise ValueError(f"fault rate must be within [0, 1], got {self.rate}")
        if self.kind == "latency":
            try:
                if float(self.arg) < 0:
                    raise ValueError
            except ValueError:
                raise ValueError(
                    f"latency needs seconds, e.g. latency:0.5 (got {self.arg!r})"
                ) from None
        if self.kind == "envelope" and self.arg:
            code, _, data = self.arg.partition("/")
            if code == "0" or not code or (data and data not in _ENVELOPE_DATA):
                raise ValueError(
                    f"envelope fault wants CODE[/DATA] with CODE != 0 and DATA in "
                    f"{sorted(_ENVELOPE_DATA)}, got {self.arg!r}"
                )
        if self.kind == "http503" and self.arg and not self.arg.isdigit():
            raise ValueError(f"http503:RETRY_AFTER wants whole seconds, got {self.arg!r}")

    def applies_to(self, operation_id: str | None) -> bool:
        return not self.operations or operation_id in self.operations


@dataclass(frozen=True)
class FaultConfig:
    rules: tuple[FaultRule, ...] = ()
    seed: int | None = None
    text: str = field(default="", compare=False)

    @classmethod
    def parse(cls, text: str) -> FaultConfig:
        """Parse the ``SCNET_MOCK_FAULTS`` syntax (see the module docstring)."""
        rules: list[FaultRule] = []
        seed = None
        for item in (part.strip() for part in text.split(";")):
            if not item:
                continue
            if item.startswith("seed="):
                seed = _number(item[5:], int, "seed")
                continue
            head, *options = item.split()
            kind, _, arg = head.partition(":")
            kwargs: dict[str, Any] = {}
            for option in options:
                key, eq, value = option.partition("=")
                if option == "after":
                    kwargs["after"] = True
                elif key == "rate" and eq:
                    kwargs["rate"] = _number(value, float, "rate")
                elif key == "times" and eq:
                    kwargs["times"] = _number(value, int, "times")
                elif key == "ops" and eq:
                    kwargs["operations"] = frozenset(v for v in value.split(",") if v)
                else:
                    raise ValueError(f"fault rule {item!r}: unknown option {option!r}")
            rules.append(FaultRule(kind=kind, arg=arg, **kwargs))
        return cls(rules=tuple(rules), seed=seed, text=text)


def _number(text: str, kind: type[Any], name: str) -> Any:
    try:
        return kind(text)
    except ValueError:
        raise ValueError(f"fault option {name} wants a number, got {text!r}") from None


class FaultMiddleware:
    def __init__(self, app: ASGIApp, config: FaultConfig, index: OperationIndex) -> None:
        self.app, self.config, self.index = app, config, index
        self._random = random.Random(config.seed)  # noqa: S311 - chance, not secrecy
        self._left = [rule.times for rule in config.rules]
        self._lock = threading.Lock()

    def _fires(self, i: int, rule: FaultRule, operation_id: str | None) -> bool:
        if not rule.applies_to(operation_id):
            return False
        with self._lock:
            left = self._left[i]
            if left is not None and left <= 0:
                return False
            if rule.rate < 1.0 and self._random.random() >= rule.rate:
                return False
            if left is not None:
                self._left[i] = left - 1
            return True

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        operation_id = self.index.resolve(scope["method"], scope["path"])
        chosen = None
        for i, rule in enumerate(self.config.rules):
            if chosen is None and self._fires(i, rule, operation_id):
                if rule.kind == "latency":
                    await asyncio.sleep(float(rule.arg))
                else:
                    chosen = rule
        if chosen is None:
            await self.app(scope, receive, send)
            return
        real: list[Message] = []
        if chosen.after or chosen.kind in ("truncated", "reset"):

            async def capture(message: Message) -> None:
                real.append(message)

            await self.app(scope, receive, capture)
        await _inject(chosen, real, receive, send)


async def _send_simple(
    send: Send,
    status: int,
    body: bytes,
    content_type: str,
    extra: list[tuple[bytes, bytes]] | None = None,
) -> None:
    headers = [
        (b"content-type", content_type.encode()),
        (b"content-length", str(len(body)).encode()),
    ]
    await send(
        {"type": "http.response.start", "status": status, "headers": headers + (extra or [])}
    )
    await send({"type": "http.response.body", "body": body})


def _real_body(real: list[Message]) -> tuple[int, list[tuple[bytes, bytes]], bytes]:
    start = next((m for m in real if m["type"] == "http.response.start"), None)
    body = b"".join(m.get("body", b"") for m in real if m["type"] == "http.response.body")
    if start is None:
        return 200, [(b"content-type", b"application/json")], body
    return start["status"], list(start.get("headers", [])), body


async def _close_connection(receive: Receive, *, abort: bool) -> None:
    """Close the client's socket under uvicorn; raise when there is no socket (in-process)."""
    transport = getattr(getattr(receive, "__self__", None), "transport", None)
    if transport is None:
        raise ConnectionResetError("mock fault: connection closed by the server")
    if abort:
        transport.abort()
    else:
        transport.close()
    for _ in range(3):  # let the server notice the disconnect before it checks for a response
        await asyncio.sleep(0)


async def _inject(rule: FaultRule, real: list[Message], receive: Receive, send: Send) -> None:
    kind = rule.kind
    if kind in ("http502", "http503", "http504"):
        status = int(kind[4:])
        extra = [(b"retry-after", rule.arg.encode())] if rule.arg else []
        page = gateway_page(status, _REASONS[status]).encode()
        await _send_simple(send, status, page, "text/html", extra)
    elif kind == "html":
        await _send_simple(send, 200, _HTML_200.encode(), "text/html; charset=utf-8")
    elif kind == "nonjson":
        body = b"java.lang.NullPointerException\n\tat com.sugon.gridview.job.JobController.list"
        await _send_simple(send, 200, body, "application/json")
    elif kind == "envelope":
        code, _, data = (rule.arg or "10001").partition("/")
        payload = {
            "code": code,
            "msg": _MSG.get(code, "error"),
            "data": _ENVELOPE_DATA[data or "null"],
        }
        await _send_simple(
            send, 200, json.dumps(payload, ensure_ascii=False).encode(), "application/json"
        )
    elif kind == "truncated":
        status, headers, body = _real_body(real)
        content_type = dict(headers).get(b"content-type", b"application/json").decode()
        await _send_simple(send, status, body[: len(body) // 2], content_type)
    elif kind == "drop":
        await _close_connection(receive, abort=False)
    elif kind == "reset":
        status, headers, body = _real_body(real)
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send(
            {"type": "http.response.body", "body": body[: len(body) // 2], "more_body": True}
        )
        await _close_connection(receive, abort=True)
