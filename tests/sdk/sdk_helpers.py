"""Small helpers shared by the SDK tests (importable as a module, unlike conftest)."""

from __future__ import annotations

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
