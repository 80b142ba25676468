"""Many jobs at once against the mock: wait_all/as_completed poll one list for all of them and
keep each job's lag promise; submit_many says exactly which specs became jobs."""

from __future__ import annotations

import asyncio
import random
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from scnet_hpc import (
    AsyncClient,
    Client,
    InvalidArgumentError,
    JobNotFoundError,
    JobSpec,
    JobState,
    JobTimeoutError,
    PollSchedule,
    RequestTimeoutError,
    SubmitManyError,
)
from scnet_hpc.mock import Clock

from .sdk_helpers import envelope, scripted

MakeClient = Callable[..., Client]
#: huge gaps, so that jobs leave the realtime list (5 minutes) between two polls
COARSE = PollSchedule(initial=1000, floor=1000, fraction=1, ceiling=1000)


def counts(mock: Any) -> dict[str, int]:
    out: dict[str, int] = {}
    for (_, op), n in mock.requests.items():
        out[op] = out.get(op, 0) + n
    return out


def delta(after: dict[str, int], before: dict[str, int]) -> dict[str, int]:
    return {op: n - before.get(op, 0) for op, n in after.items() if n - before.get(op, 0)}


def end_times(mock: Any) -> dict[str, float]:
    """When the mock's engine says each job ended (epoch seconds)."""
    records = list(mock.engine.realtime_jobs(mock.scheduler_id))
    records += list(mock.engine.history_jobs(mock.scheduler_id))
    return {r.job_id: float(r.end_time) for r in records if r.end_time is not None}


def sleeper(seconds: int, name: str = "sweep") -> JobSpec:
    return JobSpec(command=f"sleep {seconds}", queue="normal", walltime=3600, job_name=name)


def single_wait_polls(schedule: PollSchedule, finish: float) -> int:
    """Polls one ``Job.wait()`` sends for a job ending ``finish`` s after waiting started."""
    t, previous, polls = 0.0, None, 0
    while True:
        polls += 1
        if t >= finish:
            return polls
        delay = schedule.next_delay(previous, t)
        t, previous = t + delay, delay


def test_as_completed_100_jobs_one_list_per_poll_each_within_its_lag_promise(
    make_client: MakeClient, mock: Any, clock: Clock
) -> None:
    client = make_client()
    rng = random.Random(14)
    jobs = client.submit_many([sleeper(rng.randint(5, 600)) for _ in range(100)])
    assert len({job.id for job in jobs}) == 100
    before, started = counts(mock), clock.now()
    seen: dict[str, float] = {}
    order = []
    for job in client.as_completed(jobs):
        assert job.status is not None
        assert job.status.state is JobState.COMPLETED
        seen[job.id] = clock.now()
        order.append(job)
    sent = delta(counts(mock), before)
    assert {j.id for j in order} == {j.id for j in jobs}
    assert all(any(j is o for o in order) for j in jobs)  # the handles given come back
    ended = end_times(mock)
    schedule = PollSchedule()
    for job in jobs:
        waited = ended[job.id] - started
        lag = seen[job.id] - ended[job.id]
        assert 0 <= lag <= max(schedule.floor, schedule.fraction * waited) + 1e-6, (job.id, lag)
    ends = [ended[j.id] for j in order]
    assert ends == sorted(ends)  # completion order
    # one realtime list per poll for all 100: as many as one wait() for the last job
    last = max(ended.values()) - started
    assert set(sent) == {"list_jobs"}
    assert sent["list_jobs"] <= single_wait_polls(schedule, last) + 1
    assert sent["list_jobs"] < 60  # 100 separate wait()s: ~4,000


def test_wait_all_returns_statuses_in_order_and_sends_what_as_completed_sends(
    make_client: MakeClient, mock: Any
) -> None:
    client = make_client()
    jobs = client.submit_many(
        [sleeper(300), JobSpec(command="exit 3", queue="debug", walltime=60), sleeper(20)]
    )
    before = counts(mock)
    looks: list[tuple[str, Any]] = []
    statuses = client.wait_all(
        [jobs[0], int(jobs[1].id), jobs[2].id],  # handles and ids
        on_status=lambda job_id, status: looks.append((job_id, status)),
    )
    assert {job_id for job_id, _ in looks} == {j.id for j in jobs}
    assert looks[-1] == (jobs[0].id, statuses[0])  # the 300 s job is the last one seen
    assert [s.job_id for s in statuses] == [j.id for j in jobs]
    assert [s.state for s in statuses] == [JobState.COMPLETED, JobState.FAILED, JobState.COMPLETED]
    assert jobs[0].status is statuses[0]  # a handle given is updated
    assert set(delta(counts(mock), before)) == {"list_jobs"}
    assert client.wait_all([]) == []


def test_jobs_gone_from_realtime_are_found_with_one_history_list_for_all(
    make_client: MakeClient, mock: Any
) -> None:
    client = make_client()
    jobs = client.submit_many([sleeper(60 + 10 * i) for i in range(5)])
    before = counts(mock)
    statuses = client.wait_all(jobs, poll=COARSE)
    assert all(s.source == "history" and s.state is JobState.COMPLETED for s in statuses)
    assert delta(counts(mock), before) == {"list_jobs": 2, "list_history_jobs": 1}


def test_an_unknown_job_is_not_found_after_three_windows(
    make_client: MakeClient, mock: Any
) -> None:
    client = make_client()
    client.clusters()
    before = counts(mock)
    with pytest.raises(JobNotFoundError) as caught:
        client.wait_all(["424242"])
    assert caught.value.job_id == "424242"
    assert delta(counts(mock), before) == {"list_jobs": 1, "list_history_jobs": 3}


def test_timeout_names_every_unfinished_job(make_client: MakeClient, clock: Clock) -> None:
    client = make_client()
    short, long, longer = client.submit_many([sleeper(30), sleeper(3000), sleeper(4000)])
    started = clock.now()
    with pytest.raises(JobTimeoutError) as caught:
        client.wait_all([short, long, longer], timeout=120)
    assert clock.now() - started == 120  # the last look is at the deadline
    error = caught.value
    assert isinstance(error, TimeoutError)
    assert set(error.unfinished) == {long.id, longer.id}
    assert error.unfinished[long.id].state is JobState.RUNNING
    assert set(error.finished) == {short.id}
    assert error.job_id == long.id
    assert "2 of 3 jobs did not finish within 120 s" in str(error)
    # as_completed hands out what finished before it raises
    got = []
    with pytest.raises(JobTimeoutError):
        got.extend(j.id for j in client.as_completed([short, long], timeout=60))
    assert got == [short.id]


def test_as_completed_yields_in_completion_order(make_client: MakeClient) -> None:
    client = make_client()
    jobs = client.submit_many([sleeper(300), sleeper(100), sleeper(200)])
    assert [j.id for j in client.as_completed(jobs)] == [jobs[1].id, jobs[2].id, jobs[0].id]
    with pytest.raises(InvalidArgumentError, match="timeout"):
        next(iter(client.as_completed(jobs, timeout=-1)))


def _specs_with_a_bad_one() -> list[JobSpec]:
    specs = [sleeper(10, f"s{i}") for i in range(5)]
    specs[2] = JobSpec(command="true", queue="no-such-queue", walltime=60, job_name="bad")
    return specs


def test_submit_many_says_which_specs_became_jobs(make_client: MakeClient, mock: Any) -> None:
    client = make_client()
    client.clusters()
    before = counts(mock)
    with pytest.raises(SubmitManyError) as caught:
        client.submit_many(_specs_with_a_bad_one(), concurrency=3)
    error = caught.value
    assert [i for i, _ in error.submitted] == [0, 1, 3, 4]
    assert [i for i, _ in error.failed] == [2]
    assert error.jobs[2] is None
    assert error.errors[2] is not None
    assert error.maybe_submitted == []
    assert "1 of 5 specs were not submitted (4 became jobs)" in str(error)
    assert delta(counts(mock), before).get("submit_job") == 5  # each once, none retried
    listed = {row.job_name: row.job_id for row in client.jobs()}
    assert listed == {f"s{i}": job.id for i, job in error.submitted}


def test_async_submit_many_and_wait_all(make_async_client: Callable[..., AsyncClient]) -> None:
    async def run() -> None:
        async with make_async_client() as client:
            with pytest.raises(SubmitManyError) as caught:
                await client.submit_many(_specs_with_a_bad_one(), concurrency=4)
            assert [i for i, _ in caught.value.submitted] == [0, 1, 3, 4]
            jobs = [job for _, job in caught.value.submitted]
            done = [job async for job in client.as_completed(jobs)]
            assert {j.id for j in done} == {j.id for j in jobs}
            statuses = await client.wait_all(jobs)
            assert all(s.state is JobState.COMPLETED for s in statuses)

    asyncio.run(run())


def test_a_submit_lost_in_transport_is_not_retried_and_may_exist() -> None:
    transport, seen = scripted(envelope("101"), httpx.ReadTimeout("slow"), envelope("103"))
    client = Client(
        "http://mock", "t", scheduler_id=1, cluster_user="u", home_path="/h", transport=transport
    )
    specs = [JobSpec(command="true", queue="q", work_dir="/h/w", walltime=60)] * 3
    with pytest.raises(SubmitManyError) as caught:
        client.submit_many(specs, concurrency=1)
    assert len(seen) == 3
    assert [job.id for _, job in caught.value.submitted] == ["101", "103"]
    assert isinstance(caught.value.errors[1], RequestTimeoutError)
    assert caught.value.maybe_submitted == [1]
    with pytest.raises(InvalidArgumentError, match="concurrency"):
        client.submit_many(specs, concurrency=0)
    with pytest.raises(InvalidArgumentError, match="JobSpec"):
        client.submit_many([specs[0], "not a spec"])  # type: ignore[list-item]
    assert len(seen) == 3  # checked before anything is sent


def test_the_realtime_list_is_read_page_by_page(
    make_client: MakeClient, mock: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from scnet_hpc import _many

    monkeypatch.setattr(_many, "DEFAULT_PAGE_SIZE", 4)
    client = make_client()
    jobs = client.submit_many([sleeper(5) for _ in range(10)])
    before = counts(mock)
    every_minute = PollSchedule(initial=60, floor=60, fraction=0, ceiling=60)
    statuses = client.wait_all(jobs, poll=every_minute)
    assert [s.state for s in statuses] == [JobState.COMPLETED] * 10
    assert delta(counts(mock), before) == {"list_jobs": 6}  # 2 polls x pages of 4, 4, 2
