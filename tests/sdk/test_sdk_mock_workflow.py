"""The SDK against the mock deployment, in-process: jobs from submit to output, and every read."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from urllib.parse import parse_qs

import pytest

from scnet_hpc import (
    Client,
    InvalidArgumentError,
    JobNotFoundError,
    JobRejectedError,
    JobSpec,
    JobState,
    JobTimeoutError,
    PollSchedule,
)
from scnet_hpc.mock import Clock

MakeClient = Callable[..., Client]

#: wait() with huge gaps, so that a job can leave the realtime list between two polls.
COARSE = PollSchedule(initial=1000, floor=1000, fraction=1, ceiling=1000)


def counts(mock: Any, *ops: str) -> dict[str, int]:
    return {op: sum(n for (m, o), n in mock.requests.items() if o == op) for op in ops}


def test_discovery_through_center_and_clusters(make_client: MakeClient, mock: Any) -> None:
    client = make_client()
    info = client.region_info()
    assert (info.id, info.cluster_user, info.home_path) == ("11250", "demo", "/public/home/demo")
    assert info.hpc_url == "http://mock"  # center's 'http://mock/hpc' without the '/hpc'
    assert [r.id for r in client.regions()] == ["11250", "20078"]
    assert client.clusters()[0].id == mock.scheduler_id
    assert {q.queue_name for q in client.queues()} == {"debug", "normal"}
    assert counts(mock, "issue_tokens", "get_center", "list_clusters") == {
        "issue_tokens": 1,
        "get_center": 1,
        "list_clusters": 1,  # clusters() also told the client its default scheduler
    }


def test_submit_wait_and_output_in_realtime(make_client: MakeClient, mock: Any) -> None:
    client = make_client()
    job = client.submit(
        JobSpec(command="sleep 600; echo done; hostname", queue="debug", walltime="00:20:00")
    )
    assert job.status is None
    status = job.wait()
    assert status.state is JobState.COMPLETED
    assert status.source == "realtime"
    assert job.output() == "done\ndbg01\n"
    assert job.output("stderr") == ""
    assert counts(mock, "submit_job")["submit_job"] == 1


def test_wait_follows_the_job_into_history_and_reads_its_output(
    make_client: MakeClient, mock: Any, clock: Clock
) -> None:
    client = make_client()
    job = client.submit(JobSpec(command="sleep 60; seq 3", queue="normal", walltime=300))
    started = clock.now()
    status = job.wait(poll=COARSE)
    # first look: queued; the second, 1000 s later, finds it gone from realtime (5-minute window)
    assert clock.now() - started == 1000
    assert status.source == "history"
    assert status.state is JobState.COMPLETED
    assert status.acct_time
    assert counts(mock, "get_job", "list_history_jobs", "get_history_job") == {
        "get_job": 2,
        "list_history_jobs": 1,  # found in the 1-day window
        "get_history_job": 1,
    }
    assert job.output() == "1\n2\n3\n"


def test_failed_cancelled_and_timed_out_jobs(make_client: MakeClient, clock: Clock) -> None:
    client = make_client()
    failed = client.submit(JobSpec(command="echo oops >&2; exit 3", queue="debug", walltime=60))
    assert failed.wait().state is JobState.FAILED
    assert failed.output("stderr") == "oops\n"
    long = client.submit(JobSpec(command="sleep 3600", queue="debug", walltime=120))
    assert long.wait().state is JobState.TIMEOUT
    running = client.submit(JobSpec(command="sleep 3600", queue="normal", walltime=7200))
    clock.advance(5)
    assert running.refresh().state is JobState.RUNNING
    answer = running.cancel()
    assert "successfully" in answer[str(running.scheduler_id)]
    assert running.refresh().state is JobState.CANCELLED
    clock.advance(3600)  # long gone from realtime: history says deleted
    assert running.refresh().raw_state == "statD"


def test_wait_times_out_with_the_last_status(make_client: MakeClient, clock: Clock) -> None:
    client = make_client()
    job = client.submit(JobSpec(command="sleep 3600", queue="normal", walltime=7200))
    started = clock.now()
    with pytest.raises(JobTimeoutError) as caught:
        job.wait(timeout=60)
    assert clock.now() - started == 60  # the last look is at the deadline, not after it
    assert caught.value.last_status.state is JobState.RUNNING
    assert isinstance(caught.value, TimeoutError)


def test_a_job_not_yet_visible_is_tolerated(make_client: MakeClient, mock: Any) -> None:
    client = make_client()
    job = client.submit(JobSpec(command="hostname", queue="debug", walltime=60))
    # the scheduler forgets the job for a moment (live: the detail lags a few seconds)
    real = mock.engine.realtime_job
    hidden = {"left": 2}

    def lagging(scheduler_id: int, job_id: str) -> Any:
        if hidden["left"] > 0:
            hidden["left"] -= 1
            return None
        return real(scheduler_id, job_id)

    mock.engine.realtime_job = lagging
    assert job.refresh().state is JobState.UNKNOWN  # not an error
    assert job.wait().state is JobState.COMPLETED
    assert counts(mock, "list_history_jobs")["list_history_jobs"] == 0


def test_unknown_job_ids(make_client: MakeClient, mock: Any) -> None:
    client = make_client()
    with pytest.raises(JobNotFoundError, match="99999"):
        client.job("99999")
    assert counts(mock, "list_history_jobs")["list_history_jobs"] == 3  # 1, 7, 30 days
    assert client.history_job("99999") is None


def test_an_old_job_is_found_in_a_wider_window(
    make_client: MakeClient, mock: Any, clock: Clock, recorder: Any
) -> None:
    client = make_client()
    job = client.submit(JobSpec(command="echo old", queue="debug", walltime=60))
    clock.advance(3 * 86400)
    again = client.job(job.id)
    assert again.status is not None
    assert again.state is JobState.COMPLETED
    assert counts(mock, "list_history_jobs")["list_history_jobs"] == 2  # 1 day, then 7
    detail_calls = [r for r in recorder.requests if "/historyjobs/" in r.url.path]
    query = parse_qs(detail_calls[-1].url.query.decode())
    assert query["acctTime"] == [again.status.acct_time]
    assert again.output() == "old\n"


def test_scheduler_rejections_are_typed(make_client: MakeClient, mock: Any) -> None:
    client = make_client()
    with pytest.raises(JobRejectedError) as caught:
        client.submit(JobSpec(command="hostname", queue="debug", walltime="02:00:00"))
    assert caught.value.msg.startswith("exitcode:1, errorinfo: sbatch: error:")
    assert counts(mock, "submit_job")["submit_job"] == 1


def test_lists_page_through_everything(make_client: MakeClient, mock: Any, clock: Clock) -> None:
    client = make_client()
    ids = {
        client.submit(JobSpec(command="sleep 100", queue="normal", walltime=600)).id
        for _ in range(7)
    }
    rows = client.jobs(page_size=3)
    assert {r.job_id for r in rows} == ids
    assert counts(mock, "list_jobs")["list_jobs"] == 3
    assert len(client.jobs(limit=5, page_size=3)) == 5
    assert [r.job_id for r in client.jobs(job_id=min(ids))] == [min(ids)]
    clock.advance(1000)
    history = client.history(page_size=4, days=1)
    assert {r.job_id for r in history} == ids
    assert client.history(state=JobState.CANCELLED) == []
    with pytest.raises(InvalidArgumentError, match="RUNNING has no history state code"):
        client.history(state=JobState.RUNNING)


def test_files_statistics_and_limits(make_client: MakeClient) -> None:
    client = make_client()
    job = client.submit(JobSpec(command="seq 2500", queue="debug", walltime=60))
    job.wait()
    path = f"/public/home/demo/std.out.{job.id}"
    first = client.read_file(path)
    assert (first.all_line_total, first.total_trigger_times) == (2500, 3)
    last = client.read_file(path, page=1, direction="UP")
    assert last.data.endswith("2500\n")
    text = client.read_text(path)
    assert text.splitlines() == [str(i) for i in range(1, 2501)]
    assert client.job_state_stats()[0].name == "jobview_status_run"
    assert client.queue_stats() == []
    assert client.used_walltime() >= 0
    assert client.storage_quota()[0].threshold == 300
    limits = client.user_limits()
    assert limits is not None
    assert limits.user_max_cpu == 256
    assert {d.queue_name for d in client.queue_details()} == {"debug", "normal"}


def test_static_token_client(make_client: MakeClient, mock: Any) -> None:
    client = make_client("token")
    assert client.clusters()[0].id == mock.scheduler_id
    assert client.region_info().cluster_user == "demo"  # center, with the same token
    job = client.submit(JobSpec(command="echo hi", queue="debug", walltime=60))
    assert job.wait().state is JobState.COMPLETED
    assert counts(mock, "issue_tokens")["issue_tokens"] == 0


def test_arguments_are_checked_before_sending(make_client: MakeClient, mock: Any) -> None:
    client = make_client()
    with pytest.raises(InvalidArgumentError):
        client.read_file("/x", page=0)
    with pytest.raises(InvalidArgumentError):
        client.cancel([])
    with pytest.raises(InvalidArgumentError):
        client.jobs(state="running")
    with pytest.raises(InvalidArgumentError):
        client.history(start_time="yesterday")
    with pytest.raises(InvalidArgumentError):
        client.submit({"GAP_CMD_FILE": "x"})  # type: ignore[arg-type]
    assert sum(mock.requests.values()) == 0


def test_wait_reports_every_look_and_statuses_serialise(make_client: MakeClient, mock: Any) -> None:
    import json

    client = make_client()
    job = client.submit(JobSpec(command="sleep 20; echo x", queue="debug", walltime=60))
    seen: list[Any] = []
    status = job.wait(on_status=seen.append)
    assert seen[-1] is status
    assert len(seen) == counts(mock, "get_job")["get_job"]
    assert next(s.state for s in seen if s is not None) is not JobState.COMPLETED
    data = json.loads(json.dumps(status.to_dict()))
    assert data["state"] == "completed"
    assert data["detail"]["jobInitAttr"]["JobState"] == "COMPLETED"
