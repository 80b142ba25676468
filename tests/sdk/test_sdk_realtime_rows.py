"""A realtime row reads as the same state everywhere: SDK, CLI ``jobs`` and the examples."""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType

import pytest

from scnet_hpc import Client, JobSpec, JobState, JobStatus
from scnet_hpc.mock import Clock

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.fixture
def example() -> Iterator[ModuleType]:
    sys.path.insert(0, str(EXAMPLES))
    try:
        yield importlib.import_module("list_and_cancel")
    finally:
        sys.path.remove(str(EXAMPLES))
        sys.modules.pop("list_and_cancel", None)
        sys.modules.pop("_common", None)


def test_a_just_cancelled_job_reads_cancelled_not_completed(
    make_client: Callable[..., Client], clock: Clock, example: ModuleType
) -> None:
    client = make_client()
    job = client.submit(JobSpec(command="sleep 500", queue="debug", walltime=600))
    clock.advance(30)
    job.cancel()
    clock.advance(5)
    rows = [row for row in client.jobs() if row.job_id == job.id]
    assert rows, "a job finished a moment ago is still in the realtime list"
    (row,) = rows
    assert JobState.from_code(row.job_status) is JobState.COMPLETED  # the coarse code misleads
    assert JobStatus.from_realtime_row(row).state is JobState.CANCELLED
    assert example.job_line(row).split()[1] == "cancelled"
