"""What ``Job.wait()`` costs: requests sent, and how late it returns, for jobs of 10 s, 10 min
and 10 h on a fast-forwarded clock; and what ``Client.as_completed()`` costs for 100 jobs
finishing at random times within 10 minutes.

The mock's clock is frozen (``Clock(speed=0)``) and handed to the SDK as its clock, with
``clock.advance`` as its sleep: every pause ``wait()`` takes moves mock time forward by exactly
that much, so a 10-hour job is waited for in well under a second, with the very polls a real
wait would send. Requests are counted at the mock (``app.state.mock.requests``); the lag is mock
time when ``wait()`` returns minus the job's end time as the mock's engine recorded it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ._report import Report

if TYPE_CHECKING:
    from scnet_hpc import PollSchedule

__all__ = ["DURATIONS", "MANY", "ManyResult", "WaitResult", "measure", "measure_many", "run"]

#: figure suffix -> seconds of run time (the command is ``sleep N``)
DURATIONS = {"10s": 10, "10min": 600, "10h": 36_000}
#: jobs in the many-jobs figures; their run times are drawn (seeded) from 10 s to 10 min, and
#: the last one runs the full 10 minutes, so the wait is as long as the one-job 10-min wait.
MANY = 100


@dataclass(frozen=True)
class WaitResult:
    requests: int
    lag: float
    elapsed: float  # from wait() being called to the job's end
    state: str


def measure(seconds: int, poll: PollSchedule | None = None) -> WaitResult:
    from scnet_hpc import Client, JobSpec
    from scnet_hpc.mock import Clock, create_app
    from scnet_hpc.mock.testing import serve

    clock = Clock(speed=0, start=1_800_000_000)
    app = create_app(clock=clock)
    mock = app.state.mock
    with serve(app) as base_url:
        client = Client(
            base_url,
            mock.mint_token(lifetime=10 * 86400),
            cluster_user=mock.demo.cluster_user,
            home_path=mock.demo.home,
            scheduler_id=mock.scheduler_id,
            clock=clock.now,
            sleep=clock.advance,
        )
        with client:
            walltime = max(3600, seconds * 2)
            job = client.submit(
                JobSpec(command=f"sleep {seconds}", queue="normal", walltime=walltime)
            )
            before = sum(mock.requests.values())
            started = clock.now()
            status = job.wait(poll=poll)
            returned = clock.now()
            requests = sum(mock.requests.values()) - before
    records = [r for r in mock.engine.history_jobs(mock.scheduler_id) if r.job_id == job.id]
    records += [r for r in mock.engine.realtime_jobs(mock.scheduler_id) if r.job_id == job.id]
    ended = next((r.end_time for r in records if r.end_time is not None), None)
    if ended is None:
        raise RuntimeError(
            f"wait() returned {status.state} but the mock has no end time for the job"
        )
    return WaitResult(requests, returned - ended, ended - started, str(status.state.value))


@dataclass(frozen=True)
class ManyResult:
    requests: int
    lags: dict[str, float]  # job id -> seconds between its end and as_completed yielding it
    bounds: dict[str, float]  # job id -> the promise: max(floor, fraction x time waited)
    states: dict[str, int]


def measure_many(count: int = MANY, longest: int = 600, seed: int = 14) -> ManyResult:
    """``count`` jobs (``sleep N``, N from 10 s to ``longest``) followed with ``as_completed``."""
    import random

    from scnet_hpc import Client, JobSpec, PollSchedule
    from scnet_hpc.mock import Clock, create_app
    from scnet_hpc.mock.testing import serve

    rng = random.Random(seed)
    seconds = [rng.randint(10, longest) for _ in range(count - 1)] + [longest]
    clock = Clock(speed=0, start=1_800_000_000)
    app = create_app(clock=clock)
    mock = app.state.mock
    seen: dict[str, float] = {}
    states: dict[str, int] = {}
    with serve(app) as base_url:
        client = Client(
            base_url,
            mock.mint_token(lifetime=10 * 86400),
            cluster_user=mock.demo.cluster_user,
            home_path=mock.demo.home,
            scheduler_id=mock.scheduler_id,
            clock=clock.now,
            sleep=clock.advance,
        )
        with client:
            specs = [
                JobSpec(command=f"sleep {n}", queue="normal", walltime=3600, job_name=f"j{i}")
                for i, n in enumerate(seconds)
            ]
            jobs = client.submit_many(specs)
            before = sum(mock.requests.values())
            started = clock.now()
            for job in client.as_completed(jobs):
                seen[job.id] = clock.now()
                state = job.state.value if job.state else "unknown"
                states[state] = states.get(state, 0) + 1
            requests = sum(mock.requests.values()) - before
    records = list(mock.engine.history_jobs(mock.scheduler_id))
    records += list(mock.engine.realtime_jobs(mock.scheduler_id))
    ended = {r.job_id: float(r.end_time) for r in records if r.end_time is not None}
    missing = [job_id for job_id in seen if job_id not in ended]
    if missing or len(seen) != count:
        raise RuntimeError(f"as_completed yielded {len(seen)} of {count} jobs; no end: {missing}")
    schedule = PollSchedule()
    lags = {job_id: seen[job_id] - ended[job_id] for job_id in seen}
    bounds = {
        job_id: max(schedule.floor, schedule.fraction * (ended[job_id] - started))
        for job_id in seen
    }
    return ManyResult(requests, lags, bounds, states)


def run(report: Report, *, quick: bool = False) -> None:
    try:
        import scnet_hpc  # noqa: F401
        from scnet_hpc import Client  # noqa: F401
    except ImportError as exc:
        for suffix in DURATIONS:
            report.unavailable(f"wait_requests_{suffix}", f"scnet_hpc.Client: {exc}")
            report.unavailable(f"wait_lag_{suffix}_s", f"scnet_hpc.Client: {exc}")
        return
    report.setting("wait", "default PollSchedule; mock clock frozen, advanced by the SDK's sleep")
    for suffix, seconds in DURATIONS.items():
        result = measure(seconds)
        report.figure(f"wait_requests_{suffix}", result.requests)
        report.figure(f"wait_lag_{suffix}_s", result.lag)
        report.details[f"wait_{suffix}"] = {
            "requests": result.requests,
            "lag_s": result.lag,
            "elapsed_s": result.elapsed,
            "final_state": result.state,
        }
    # The trade-off _poll.py documents: a coarser schedule for fewer requests.
    from scnet_hpc import PollSchedule

    coarse = measure(DURATIONS["10min"], PollSchedule(fraction=0.25))
    report.figure("wait_requests_10min_fraction25", coarse.requests)
    report.figure("wait_lag_10min_fraction25_s", coarse.lag)
    # Many jobs: Client.as_completed() over 100 jobs ending at random times within 10 minutes.
    report.setting(
        "wait_100jobs",
        f"{MANY} jobs 'sleep N', N seeded-random in [10, 600] s (one of 600 s), submitted with "
        "submit_many, followed with Client.as_completed (default PollSchedule); lag = mock time "
        "when yielded minus the job's end",
    )
    many = measure_many()
    one = report.figures.get("wait_requests_10min")
    report.figure("wait_requests_100jobs_10min", many.requests)
    if isinstance(one, int | float) and one:
        report.figure("wait_requests_100jobs_vs_1job_10min", many.requests / one)
    report.figure("wait_lag_100jobs_10min_s", max(many.lags.values()))
    report.figure(
        "wait_lag_100jobs_over_promise",
        max(many.lags[j] / many.bounds[j] for j in many.lags),
    )
    report.details["wait_100jobs_10min"] = {
        "requests": many.requests,
        "final_states": many.states,
        "lags_s": many.lags,
        "promise_s": many.bounds,
    }
