"""What ``Job.wait()`` costs: requests sent, and how late it returns, for jobs of 10 s, 10 min
and 10 h on a fast-forwarded clock.

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

__all__ = ["DURATIONS", "WaitResult", "measure", "run"]

#: figure suffix -> seconds of run time (the command is ``sleep N``)
DURATIONS = {"10s": 10, "10min": 600, "10h": 36_000}


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
