"""JobState across the three vocabularies, and the wait() poll schedule's promises."""

from __future__ import annotations

import pytest

from scnet_hpc import JobState, PollSchedule
from scnet_hpc._states import from_history, from_history_row, from_realtime
from scnet_hpc.models import HistoryJob, HistoryJobDetail, RealtimeJobDetail


@pytest.mark.parametrize(
    ("code", "state", "terminal"),
    [
        ("statR", JobState.RUNNING, False),
        ("statQ", JobState.QUEUED, False),
        ("statH", JobState.HELD, False),
        ("statS", JobState.SUSPENDED, False),
        ("statE", JobState.EXITING, False),
        ("statC", JobState.COMPLETED, True),
        ("statW", JobState.WAITING, False),
        ("statX", JobState.UNKNOWN, False),
        ("statD", JobState.CANCELLED, True),
        ("statT", JobState.TIMEOUT, True),
        ("statRQ", JobState.REQUEUED, False),
        ("statN", JobState.NODE_FAIL, True),
        ("statDE", JobState.FAILED, True),
        ("PENDING", JobState.QUEUED, False),
        ("RUNNING", JobState.RUNNING, False),
        ("COMPLETING", JobState.RUNNING, False),
        ("COMPLETED", JobState.COMPLETED, True),
        ("FAILED", JobState.FAILED, True),
        ("OUT_OF_MEMORY", JobState.FAILED, True),
        ("CANCELLED", JobState.CANCELLED, True),
        ("TIMEOUT", JobState.TIMEOUT, True),
        ("NODE_FAIL", JobState.NODE_FAIL, True),
        ("cancelled", JobState.CANCELLED, True),
        ("", JobState.UNKNOWN, False),
        ("somethingNew", JobState.UNKNOWN, False),
    ],
)
def test_every_code_maps_to_one_state(code: str, state: JobState, terminal: bool) -> None:
    assert JobState.from_code(code) is state
    assert state.is_terminal is terminal


def test_realtime_prefers_the_scheduler_word() -> None:
    detail = RealtimeJobDetail.from_dict(
        {
            "jobName": "a",
            "queue": "debug",
            "workDir": "/w",
            "jobStatus": "statC",  # the realtime list calls a failed job "completed"
            "exitCode": "",
            "outputPath": "/w/std.out.5",
            "jobInitAttr": {"JobState": "FAILED", "ExitCode": "1:0", "EndTime": "Unknown"},
        }
    )
    status = from_realtime("5", detail)
    assert status.state is JobState.FAILED
    assert status.raw_state == "FAILED"
    assert status.exit_code == "1:0"
    assert status.stdout_path == "/w/std.out.5"
    assert status.end_time is None
    assert status.source == "realtime"
    plain = from_realtime(
        "6",
        RealtimeJobDetail.from_dict(
            {"jobName": "a", "queue": "q", "workDir": "/w", "jobStatus": "statR"}
        ),
    )
    assert plain.state is JobState.RUNNING
    assert plain.job_id == "6"


def test_history_completed_with_nonzero_exit_is_failed() -> None:
    row = {
        "jobId": "7",
        "jobmanagerId": 1,
        "jobName": "a",
        "jobState": "statC",
        "queue": "q",
        "jobEndTime": "2026-01-01 00:00:00",
        "acctTime": "2026-01-01 00:00:00",
    }
    assert (
        from_history_row(HistoryJob.from_dict({**row, "jobExitStatus": 0})).state
        is JobState.COMPLETED
    )
    assert (
        from_history_row(HistoryJob.from_dict({**row, "jobExitStatus": "256"})).state
        is JobState.FAILED
    )
    detail = from_history(HistoryJobDetail.from_dict({**row, "jobState": "statT", "stdout": None}))
    assert detail.state is JobState.TIMEOUT
    assert detail.acct_time == "2026-01-01 00:00:00"
    assert detail.stdout_path is None


def _simulate(schedule: PollSchedule, finish: float) -> tuple[int, float]:
    """(polls until the job is seen finished, lateness) for a job finishing at ``finish``."""
    t, previous, polls = 0.0, None, 0
    while True:
        polls += 1
        if t >= finish:
            return polls, t - finish
        delay = schedule.next_delay(previous, t)
        t += delay
        previous = delay


def test_default_schedule_returns_within_max_2s_or_10_percent() -> None:
    schedule = PollSchedule()
    for tenth in range(1, 36000, 7):  # every finish time from 0.1 s to an hour
        finish = tenth / 10
        _, late = _simulate(schedule, finish)
        assert late <= max(2.0, 0.1 * finish) + 1e-9, (finish, late)


def test_poll_counts_for_a_ten_minute_job() -> None:
    polls, late = _simulate(PollSchedule(), 601.0)
    assert polls <= 50
    assert late <= 60.1
    cheap, cheap_late = _simulate(PollSchedule(fraction=0.25), 601.0)
    assert cheap <= 26
    assert cheap_late <= 150.25


def test_schedule_validation() -> None:
    with pytest.raises(ValueError, match="factor"):
        PollSchedule(factor=0.5)
    with pytest.raises(ValueError, match="fraction"):
        PollSchedule(fraction=2)
    with pytest.raises(ValueError, match="positive"):
        PollSchedule(initial=0)
    assert PollSchedule(ceiling=5).next_delay(100, 10_000) == 5
