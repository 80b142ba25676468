"""``history(state=...)`` filters by the state ``JobStatus.from_history_row`` reads from a row:
``FAILED`` (``statDE``, and ``statC`` with a non-zero exit status) and ``COMPLETED`` (``statC``
with a zero one), which no single history code captures."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from scnet_hpc import Client, JobSpec, JobState, JobStatus
from scnet_hpc.mock import Clock

from .sdk_helpers import MOCK_URL, envelope, scripted

MakeClient = Callable[..., Client]


def history_params(recorder: Any) -> list[dict[str, str]]:
    return [dict(r.url.params) for r in recorder.requests if r.url.path.endswith("/historyjobs")]


@pytest.fixture
def finished(make_client: MakeClient, clock: Clock) -> dict[str, str]:
    """One completed, two failed (non-zero exits) and one cancelled job, all in history."""
    client = make_client()
    ids = {
        "ok": client.submit(JobSpec(command="echo ok", queue="debug", walltime=60)).id,
        "exit3": client.submit(JobSpec(command="exit 3", queue="debug", walltime=60)).id,
        "false": client.submit(JobSpec(command="false", queue="debug", walltime=60)).id,
    }
    long = client.submit(JobSpec(command="sleep 500", queue="debug", walltime=600))
    clock.advance(60)
    long.cancel()
    ids["cancelled"] = long.id
    clock.advance(60)
    return ids


def test_failed_and_completed_follow_the_row_reading(
    make_client: MakeClient, recorder: Any, finished: dict[str, str]
) -> None:
    client = make_client()
    recorder.requests.clear()
    failed = client.history(state=JobState.FAILED, days=1)
    assert {r.job_id for r in failed} == {finished["exit3"], finished["false"]}
    assert {JobStatus.from_history_row(r).state for r in failed} == {JobState.FAILED}
    completed = client.history(state=JobState.COMPLETED, days=1)
    assert [r.job_id for r in completed] == [finished["ok"]]
    cancelled = client.history(state=JobState.CANCELLED, days=1)
    assert [r.job_id for r in cancelled] == [finished["cancelled"]]
    # FAILED asks for every state, COMPLETED for statC; a raw code goes out unchanged and
    # keeps the service's meaning (statC: also the jobs that exited non-zero).
    raw = client.history(state="statC", days=1)
    assert {r.job_id for r in raw} == {finished["ok"], finished["exit3"], finished["false"]}
    sent = [p.get("jobState") for p in history_params(recorder)]
    assert sent == [None, "statC", "statD", "statC"]


def test_failed_pages_until_the_limit_is_met(
    make_client: MakeClient, recorder: Any, finished: dict[str, str]
) -> None:
    client = make_client()
    recorder.requests.clear()
    one = client.history(state=JobState.FAILED, days=1, limit=1, page_size=1)
    assert len(one) == 1
    assert one[0].job_id in (finished["exit3"], finished["false"])
    both = client.history(state=JobState.FAILED, days=1, page_size=1)
    assert {r.job_id for r in both} == {finished["exit3"], finished["false"]}
    pages = history_params(recorder)
    assert all(p["limit"] == "1" for p in pages)
    # Every row of the window is looked at once for the unlimited call (4 rows, 1 per page).
    assert [p["start"] for p in pages[-4:]] == ["0", "1", "2", "3"]


def row(job_id: str, state: str, exit_status: Any) -> dict[str, Any]:
    return {
        "jobId": job_id, "jobmanagerId": 1, "jobName": "j", "jobState": state, "queue": "q",
        "jobEndTime": "2026-01-01 00:00:00", "jobExitStatus": exit_status,
    }  # fmt: skip


def test_statde_rows_are_failed_too() -> None:
    rows = [
        row("1", "statC", 0),
        row("2", "statDE", 0),
        row("3", "statC", "256"),
        row("4", "statD", 0),
    ]
    transport, seen = scripted(envelope({"total": 4, "list": rows}))
    client = Client(MOCK_URL, "t", scheduler_id=1, transport=transport, retries=0)
    failed = client.history(state=JobState.FAILED, start_time="2026-01-01 00:00:00")
    assert [r.job_id for r in failed] == ["2", "3"]
    assert "jobState" not in seen[0].url.params
