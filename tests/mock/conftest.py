"""Fixtures for the mock deployment's tests: an in-process client and a token (the app and its
frozen clock come from tests/conftest.py)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from scnet_hpc.mock.testing import sync_client

from .mock_contract import Api


@pytest.fixture
def http(app: Any) -> Iterator[Any]:
    with sync_client(app) as client:
        yield client


@pytest.fixture
def api(http: Any, mock: Any) -> Api:
    return Api(http, mock.mint_token(), mock.scheduler_id)
