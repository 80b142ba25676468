"""The user and the platform: ``whoami``, ``cores``, and ``jobs --all-regions``."""

from __future__ import annotations

import time
from typing import Any

import click

from scnet_hpc import JobState

from ._errors import CliError
from ._output import Column, duration, plain, record_table, rows_table
from ._state import common_options, get_state

__all__ = ["all_region_history", "all_region_jobs", "cores", "whoami"]

_USER_FIELDS = [
    ("user", "user_name"),
    ("full name", "full_name"),
    ("account", "account_name"),
    ("status", "account_status"),
    ("balance", "account_balance"),
    ("region", "computer_center"),
    ("country", "country"),
    ("time zone", "time_zone"),
    ("language", "language"),
]


@click.command()
@common_options
def whoami() -> None:
    """The platform user: name, account status and balance, and the region in use."""
    state = get_state()
    data = plain(state.client().whoami())
    state.out.emit(
        data, lambda: record_table([(label, data.get(key)) for label, key in _USER_FIELDS])
    )


@click.command()
@common_options
def cores() -> None:
    """CPU cores of the region: used, free and unavailable."""
    state = get_state()
    counts = state.client().core_state()
    data = {
        "used": counts.used,
        "free": counts.free,
        "unavailable": counts.unavailable,
        "total": counts.total,
        "other": counts.other,
    }
    rows: list[tuple[str, Any]] = [
        ("used", counts.used),
        ("free", counts.free),
        ("unavailable", counts.unavailable),
        *counts.other.items(),
        ("total", counts.total),
    ]
    state.out.emit(data, lambda: record_table(rows, title="CPU cores"))


_ALL_REGION_COLUMNS: list[Column] = [
    ("REGION", "cluster_name"),
    ("JOB ID", "job_id"),
    ("NAME", "job_name"),
    ("STATE", "state"),
    ("QUEUE", "queue"),
    ("USER", "cluster_user_name"),
    ("QUEUED", "job_queue_time"),
    ("RUN TIME", "job_run_time"),
    ("WALLTIME", "wall_time_req"),
]


def all_region_jobs(
    *,
    state: str | None,
    queue: str | None,
    name: str | None,
    job_id: str | None,
    owner: str | None,
    limit: int | None,
) -> None:
    """``jobs --all-regions``: the platform's list of every region's realtime jobs.

    The platform list has no name filter: ``--name`` is applied here, to the rows it sends.
    """
    app = get_state()
    found = app.client().platform_jobs(
        state=JobState(state) if state else None,
        queue=queue,
        job_id=job_id,
        cluster_user=owner,
        limit=None if name else limit,
    )
    rows = []
    for job in found:
        if name and name not in job.job_name:
            continue
        rows.append({**plain(job), "state": JobState.from_code(job.job_state).value})
    if limit is not None:
        rows = rows[:limit]
    app.out.emit(rows, lambda: rows_table(rows, _ALL_REGION_COLUMNS, empty="no jobs"))


_ALL_REGION_HISTORY_COLUMNS: list[Column] = [
    ("REGION", "cluster_name"),
    ("JOB ID", "job_id"),
    ("NAME", "job_name"),
    ("STATE", "state"),
    ("QUEUE", "queue"),
    ("USER", "cluster_user_name"),
    ("ENDED", "job_end_time"),
    ("WALLTIME USED", lambda r: duration(r.get("job_walltime_used"))),
    ("CORE HOURS", "cpu_nuclear_hour"),
]


def all_region_history(
    *,
    days: float,
    start: str | None,
    end: str | None,
    job_id: str | None,
    state: str | None,
    queue: str | None,
    name: str | None,
    limit: int | None,
    asc: bool,
    by_queue_time: bool,
) -> None:
    """``history --all-regions``: the platform's list of every region's finished jobs.

    The platform list takes no order and no queue-time window (refused here rather than
    ignored) and no name filter (``--name`` is applied to the rows it sends).
    """
    if asc or by_queue_time:
        flag = "--asc" if asc else "--by-queue-time"
        raise CliError(
            f"{flag} does not work with --all-regions (the platform list has no such option)"
        )
    wanted = JobState(state) if state else None
    if wanted is JobState.FAILED:
        raise CliError("--state failed does not work with --all-regions (no history code says it)")
    app = get_state()
    found = app.client().platform_history(
        start_time=start if start is not None else time.time() - days * 86400,
        end_time=end,
        state=wanted,
        queue=queue,
        job_id=job_id,
        limit=None if name else limit,
    )
    rows = []
    for job in found:
        if name and name not in str(job.job_name):
            continue
        rows.append({**plain(job), "state": JobState.from_code(str(job.job_state)).value})
    if limit is not None:
        rows = rows[:limit]
    app.out.emit(rows, lambda: rows_table(rows, _ALL_REGION_HISTORY_COLUMNS, empty="no jobs"))
