"""Fixtures for the SDK's tests: the mock deployment in-process, clients wired to it, and a
recording transport that sees every request the SDK sends."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest

from scnet_hpc import AsyncClient, Client, _spec
from scnet_hpc.mock import Clock

from .sdk_helpers import (
    MOCK_URL,
    ASGISyncTransport,
    AsyncRecordingTransport,
    Recorder,
    RecordingTransport,
)


@pytest.fixture(params=["rust", "python"])
def engine(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Each validation engine of ``_spec`` in turn (jsonschema-rs, then jsonschema)."""
    if request.param == "python":
        monkeypatch.setenv("SCNET_HPC_VALIDATOR", "python")
    else:
        pytest.importorskip("jsonschema_rs", reason="jsonschema-rs is not installed")
        monkeypatch.delenv("SCNET_HPC_VALIDATOR", raising=False)
    assert _spec.engine_name() == request.param
    return str(request.param)


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
