"""Fixtures for the SDK's tests: the mock deployment in-process, clients wired to it, and a
recording transport that sees every request the SDK sends."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest
from sdk_helpers import MOCK_URL

from scnet_hpc import AsyncClient, Client
from scnet_hpc.mock import Clock, create_app


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
            if r.headers.get("content-type", "").startswith("application/json") and body:
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


@pytest.fixture
def clock() -> Clock:
    return Clock(speed=0)  # frozen: only clock.advance() (or the SDK's injected sleep) moves it


@pytest.fixture
def app(clock: Clock) -> Any:
    return create_app(clock=clock)


@pytest.fixture
def mock(app: Any) -> Any:
    return app.state.mock


@pytest.fixture
def recorder() -> Recorder:
    return Recorder()


@pytest.fixture
def make_client(app: Any, clock: Clock, recorder: Recorder) -> Iterator[Callable[..., Client]]:
    """``make_client(kind="ak"|"token", app=..., **client_kwargs)``: a Client on the mock."""
    made: list[Client] = []

    def make(kind: str = "ak", target: Any = None, **kwargs: Any) -> Client:
        target_app = target if target is not None else app
        state = target_app.state.mock
        transport = RecordingTransport(ASGISyncTransport(target_app), recorder)
        kwargs.setdefault("clock", state.clock.now)
        kwargs.setdefault("sleep", state.clock.advance)
        kwargs.setdefault("seed", 1)
        if kind == "token":
            kwargs.setdefault("platform_url", MOCK_URL)
            token = kwargs.pop("token", None) or state.mint_token()
            client = Client(MOCK_URL, token, transport=transport, **kwargs)
        else:
            demo = state.demo
            kwargs.setdefault("auth_url", MOCK_URL)
            kwargs.setdefault("platform_url", MOCK_URL)
            client = Client.from_access_key(
                kwargs.pop("user", demo.user),
                kwargs.pop("access_key", demo.access_key),
                kwargs.pop("secret_key", demo.secret_key),
                transport=transport,
                **kwargs,
            )
        made.append(client)
        return client

    yield make
    for client in made:
        client.close()


@pytest.fixture
def make_async_client(app: Any, recorder: Recorder) -> Callable[..., AsyncClient]:
    def make(kind: str = "ak", target: Any = None, **kwargs: Any) -> AsyncClient:
        target_app = target if target is not None else app
        state = target_app.state.mock
        transport = AsyncRecordingTransport(httpx.ASGITransport(app=target_app), recorder)
        kwargs.setdefault("clock", state.clock.now)
        kwargs.setdefault("sleep", state.clock.advance)
        kwargs.setdefault("seed", 1)
        if kind == "token":
            kwargs.setdefault("platform_url", MOCK_URL)
            token = kwargs.pop("token", None) or state.mint_token()
            return AsyncClient(MOCK_URL, token, transport=transport, **kwargs)
        demo = state.demo
        kwargs.setdefault("auth_url", MOCK_URL)
        kwargs.setdefault("platform_url", MOCK_URL)
        return AsyncClient.from_access_key(
            kwargs.pop("user", demo.user),
            kwargs.pop("access_key", demo.access_key),
            kwargs.pop("secret_key", demo.secret_key),
            transport=transport,
            **kwargs,
        )

    return make
