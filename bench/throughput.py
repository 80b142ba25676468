"""Mock throughput and latency: wrk against the mock in its own process, on loopback.

``list_clusters`` is stateless, so its rounds share one server. ``submit_job`` adds a job per
request and the mock keeps every job in its realtime list for five minutes, so each of its rounds
gets a fresh server: the figure is the submit rate of a mock holding at most a few thousand jobs,
not of one that has accumulated every earlier round's. ``mock_submit_p99_ms_after_20k_jobs`` is
the other case on purpose: submit rounds on one mock that already holds 20,000 jobs (filled by
wrk itself), to show whether a submit slows as jobs pile up; its baseline
``mock_submit_p99_ms_no_jobs`` (short submit rounds on fresh mocks) is measured in the same run,
and ``mock_submit_p99_after_20k_vs_no_jobs`` is their ratio (target ≤ 2).
"""

from __future__ import annotations

from typing import Any

import httpx

from ._report import Report
from ._server import MockServer, mock_server, settings_text
from ._timing import median
from ._wrk import WrkResult, ensure_wrk, run_wrk

__all__ = ["run"]

CONNECTIONS = 10
THREADS = 1
ROUNDS = 3
SECONDS = 5.0
WARMUP_SECONDS = 1.0

CLUSTERS_PATH = "/hpc/openapi/v2/cluster"
SUBMIT_PATH = "/hpc/openapi/v2/apptemplates/BASIC/BASE/job"
JOBS_PATH = "/hpc/openapi/v2/jobs"
#: Jobs a mock holds before the submit rounds of ``mock_submit_p99_ms_after_20k_jobs``.
PILED_UP = 20_000
FILL_SECONDS = 2.0
#: The baseline of that figure: short submit rounds on fresh mocks (warmed up on list_clusters).
NO_JOBS_ROUNDS = 5
NO_JOBS_SECONDS = 1.0


def submit_body(scheduler_id: int) -> dict[str, Any]:
    return {
        "strJobManagerID": scheduler_id,
        "mapAppJobInfo": {
            "GAP_CMD_FILE": "sleep 60",
            "GAP_NNODE": "1",
            "GAP_PPN": "1",
            "GAP_SUBMIT_TYPE": "cmd",
            "GAP_JOB_NAME": "bench",
            "GAP_WORK_DIR": "/public/home/demo",
            "GAP_QUEUE": "normal",
            "GAP_WALL_TIME": "01:00:00",
            "GAP_APPNAME": "BASE",
        },
    }


def _round(wrk: str, server: MockServer, operation: str, seconds: float) -> WrkResult:
    if operation == "list_clusters":
        kwargs: dict[str, Any] = {"method": "GET", "path": CLUSTERS_PATH}
    else:
        kwargs = {
            "method": "POST",
            "path": SUBMIT_PATH,
            "json_body": submit_body(server.scheduler_id),
        }
    result = run_wrk(
        wrk,
        server.base_url,
        token=server.token,
        connections=CONNECTIONS,
        threads=THREADS,
        seconds=seconds,
        **kwargs,
    )
    if result.bad or result.socket_errors:
        raise RuntimeError(
            f"{operation}: {result.bad} answers were not success envelopes and "
            f"{result.socket_errors} requests failed at the socket; the figure would be wrong"
        )
    return result


def _figures(report: Report, operation: str, rounds: list[WrkResult]) -> None:
    report.figure(f"mock_rps_{operation}", round(median(r.rps for r in rounds)))
    report.figure(f"mock_p50_ms_{operation}", median(r.p50_ms for r in rounds))
    report.figure(f"mock_p99_ms_{operation}", median(r.p99_ms for r in rounds))
    report.details[f"mock_{operation}_rounds"] = [
        {"requests": r.requests, "seconds": r.seconds, "p50_ms": r.p50_ms, "p99_ms": r.p99_ms}
        for r in rounds
    ]


def _jobs_held(server: MockServer) -> int:
    answer = httpx.get(
        server.base_url + JOBS_PATH,
        params={"strClusterIDList": server.scheduler_id, "start": 0, "limit": 1},
        headers={"token": server.token},
        timeout=60,
    )
    total: int = answer.json()["data"]["total"]
    return total


def _no_jobs(wrk: str, report: Report, rounds: int) -> float:
    """p99 of submits on a mock that holds (almost) no jobs: each round a fresh mock, warmed
    up on list_clusters (which adds no job), then one short submit round."""
    fresh = []
    for _ in range(rounds):
        with mock_server() as server:
            _round(wrk, server, "list_clusters", WARMUP_SECONDS)
            fresh.append(_round(wrk, server, "submit_job", NO_JOBS_SECONDS))
    p99 = median(r.p99_ms for r in fresh)
    report.figure("mock_submit_p99_ms_no_jobs", p99)
    report.setting(
        "mock_submit_no_jobs",
        f"{rounds} fresh mocks, each {WARMUP_SECONDS:g} s of list_clusters then "
        f"{NO_JOBS_SECONDS:g} s of submits (so holding at most "
        f"{max(r.requests for r in fresh)} jobs at the end of a round)",
    )
    report.details["mock_submit_no_jobs_rounds"] = [
        {"requests": r.requests, "seconds": r.seconds, "p50_ms": r.p50_ms, "p99_ms": r.p99_ms}
        for r in fresh
    ]
    return p99


def _after_pile_up(wrk: str, report: Report, rounds: int, seconds: float) -> float:
    """Fill one mock with ``PILED_UP`` jobs, then time submit rounds on it."""
    with mock_server() as server:
        fills = 0
        while _jobs_held(server) < PILED_UP:
            if fills == 30:  # 60 s of wrk has always done it; something is wrong
                raise RuntimeError(f"the mock still holds < {PILED_UP} jobs after {fills} fills")
            _round(wrk, server, "submit_job", FILL_SECONDS)
            fills += 1
        held = _jobs_held(server)
        piled = [_round(wrk, server, "submit_job", seconds) for _ in range(rounds)]
        held_after = _jobs_held(server)
    report.setting(
        "mock_submit_after_20k_jobs",
        f"one mock: {held} jobs held before the rounds, {held_after} after",
    )
    p99 = median(r.p99_ms for r in piled)
    report.figure(f"mock_submit_p99_ms_after_{PILED_UP // 1000}k_jobs", p99)
    report.details["mock_submit_after_20k_jobs_rounds"] = [
        {"requests": r.requests, "seconds": r.seconds, "p50_ms": r.p50_ms, "p99_ms": r.p99_ms}
        for r in piled
    ]
    return p99


def run(report: Report, *, quick: bool = False) -> None:
    names = [
        f"mock_{k}_{op}"
        for op in ("list_clusters", "submit_job")
        for k in ("rps", "p50_ms", "p99_ms")
    ]
    names += [
        f"mock_submit_p99_ms_after_{PILED_UP // 1000}k_jobs",
        "mock_submit_p99_ms_no_jobs",
        "mock_submit_p99_after_20k_vs_no_jobs",
    ]
    wrk, why = ensure_wrk()
    if wrk is None:
        for name in names:
            report.unavailable(name, why)
        return
    rounds, seconds = (1, 2.0) if quick else (ROUNDS, SECONDS)
    report.setting("mock_server", settings_text())
    report.setting(
        "load_generator",
        f"wrk -t{THREADS} -c{CONNECTIONS} -d{seconds:g}s, {rounds} rounds (median), "
        f"{WARMUP_SECONDS:g} s warm-up",
    )
    with mock_server() as server:
        _round(wrk, server, "list_clusters", WARMUP_SECONDS)
        listed = [_round(wrk, server, "list_clusters", seconds) for _ in range(rounds)]
    _figures(report, "list_clusters", listed)
    submitted = []
    for _ in range(rounds):
        with mock_server() as server:
            _round(wrk, server, "submit_job", WARMUP_SECONDS)
            submitted.append(_round(wrk, server, "submit_job", seconds))
    _figures(report, "submit_job", submitted)
    baseline = _no_jobs(wrk, report, 1 if quick else NO_JOBS_ROUNDS)
    piled = _after_pile_up(wrk, report, rounds, seconds)
    # the target: a submit's p99 with 20k jobs held at most twice that with none
    report.figure("mock_submit_p99_after_20k_vs_no_jobs", piled / baseline)
