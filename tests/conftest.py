"""Fixtures every area of the suite shares: the mock deployment in-process on a frozen clock.

An area that needs another clock overrides ``clock`` in its own conftest (the CLI and Slurm tests
run in real time); ``app`` and ``mock`` then follow it.
"""

from __future__ import annotations

from typing import Any

import pytest

from scnet_hpc.mock import Clock, create_app


@pytest.fixture
def clock() -> Clock:
    """Frozen: only ``clock.advance()`` (or an SDK's injected sleep) moves it."""
    return Clock(speed=0)


@pytest.fixture
def app(clock: Clock) -> Any:
    """A fresh mock deployment (the default deployment) on ``clock``."""
    return create_app(clock=clock)


@pytest.fixture
def mock(app: Any) -> Any:
    """The running deployment's state (``app.state.mock``): its engine, clock, request counts."""
    return app.state.mock
