"""Fixtures of the fault drills: ``drill(faults)`` serves a mock with those fault rules under
uvicorn (stopped after the test) and returns a ``fault_drill.Drill``."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator

import pytest

from .fault_drill import Drill, start_drill


@pytest.fixture
def drill() -> Iterator[Callable[[str | None], Drill]]:
    with contextlib.ExitStack() as stack:
        yield lambda faults: start_drill(stack, faults)
