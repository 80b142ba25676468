"""Fixtures for the mock deployment's tests: a frozen-clock app, an in-process client, a token."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from mock_contract import Api

from scnet_hpc.mock import Clock, create_app
from scnet_hpc.mock.testing import sync_client


@pytest.fixture
def clock() -> Clock:
    return Clock(speed=0)  # frozen: only clock.advance() moves time


@pytest.fixture
def app(clock: Clock) -> Any:
    return create_app(clock=clock)


@pytest.fixture
def mock(app: Any) -> Any:
    return app.state.mock


@pytest.fixture
def http(app: Any) -> Iterator[Any]:
    with sync_client(app) as client:
        yield client


@pytest.fixture
def api(http: Any, mock: Any) -> Api:
    return Api(http, mock.mint_token(), mock.scheduler_id)
