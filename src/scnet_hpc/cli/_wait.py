"""``wait``: poll jobs until they have finished, live on a terminal.

The polling is the SDK's ``Job.wait()`` for one job and ``Client.as_completed()`` for several
(adaptive intervals, the few seconds a new job is not listed yet, the fall back to history once
it leaves the realtime list; for several jobs one list request per poll covers them all); their
``on_status`` hooks feed the CLI's display. On a terminal that is a spinner (one job) or a live
table (several) on stderr; elsewhere each state change is one line on stderr, so stdout keeps
only the result.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Iterator, Sequence
from typing import Any

import click
from rich.live import Live
from rich.table import Table
from rich.text import Text

from scnet_hpc import Client, Job, JobState, JobStatus, PollSchedule

from ._errors import CliError, ExitCode
from ._output import Column, rows_table, status_data, status_table
from ._state import JOB_ID, CliState, common_options, get_state

__all__ = ["finish", "schedule", "wait", "waiting_line", "watch", "watch_many"]

NOT_LISTED = "submitted, not listed yet"


def schedule(interval: float | None) -> PollSchedule:
    if interval is None:
        return PollSchedule()
    return PollSchedule(initial=interval, factor=1.0, floor=interval, fraction=0.0,
                        ceiling=interval)  # fmt: skip


@contextlib.contextmanager
def _status_line(state: CliState) -> Iterator[Callable[[str], None] | None]:
    console = state.out.console(stderr=True)
    if not console.is_terminal:
        yield None
        return
    with console.status("waiting", spinner="dots") as status:
        yield status.update


@contextlib.contextmanager
def waiting_line(
    state: CliState, label: str = "job"
) -> Iterator[Callable[[JobStatus | None], None]]:
    """An ``on_status`` callback that keeps a status line (terminal) or notes each new state."""
    started = time.monotonic()
    last: list[JobState | None] = [None]

    with _status_line(state) as update:

        def seen(status: JobStatus | None) -> None:
            what = NOT_LISTED if status is None else status.state.value
            if update is not None:
                where = f" ({status.source})" if status is not None else ""
                update(f"{label}: {what}{where}, {time.monotonic() - started:.0f} s")
            elif status is not None and status.state is not last[0]:
                state.out.note(f"{label}: {what}")
                last[0] = status.state

        yield seen


def watch(state: CliState, job: Job, timeout: float | None, interval: float | None) -> JobStatus:
    """``job.wait()`` with a status line; ``JobTimeoutError`` after ``timeout`` seconds."""
    with waiting_line(state, f"job {job.id}") as seen:
        try:
            return job.wait(timeout, poll=schedule(interval), on_status=seen)
        except KeyboardInterrupt:
            raise CliError(
                f"interrupted; job {job.id} keeps running ('scnet-hpc wait {job.id}' to go on "
                f"waiting, 'scnet-hpc cancel {job.id}' to stop it)",
                ExitCode.INTERRUPTED,
            ) from None


def finish(job: Job, status: JobStatus) -> None:
    """Exit status 7 when the job ended in any way but completed."""
    if status.state is not JobState.COMPLETED:
        code = f" (exit code {status.exit_code})" if status.exit_code else ""
        raise CliError(f"job {job.id} finished as {status.state.value}{code}", ExitCode.JOB_FAILED)


#: Columns of the result table when waiting for several jobs.
MANY_COLUMNS: list[Column] = [
    ("JOB", "job_id"),
    ("STATE", "state"),
    ("EXIT", "exit_code"),
    ("NAME", "name"),
    ("QUEUE", "queue"),
    ("END", "end_time"),
    ("SOURCE", "source"),
]


def _live_table(ids: Sequence[str], seen: dict[str, JobStatus | None], started: float) -> Table:
    done = sum(1 for s in seen.values() if s is not None and s.is_terminal)
    table = Table(
        title=f"{done} of {len(ids)} finished, {time.monotonic() - started:.0f} s",
        title_justify="left", header_style="bold", box=None, pad_edge=False,
    )  # fmt: skip
    for header in ("JOB", "STATE", "SOURCE"):
        table.add_column(header)
    for job_id in ids:
        status = seen.get(job_id)
        what = NOT_LISTED if status is None else status.state.value
        table.add_row(Text(job_id), Text(what), Text(status.source if status else "-"))
    return table


def watch_many(
    state: CliState, client: Client, ids: Sequence[str], timeout: float | None,
    interval: float | None,
) -> dict[str, tuple[Job, JobStatus]]:  # fmt: skip
    """``client.as_completed(ids)`` with a live table (terminal) or one line per state change."""
    started = time.monotonic()
    seen: dict[str, JobStatus | None] = dict.fromkeys(ids)
    last: dict[str, JobState | None] = dict.fromkeys(ids)
    console = state.out.console(stderr=True)
    live = (
        Live(console=console, auto_refresh=False, transient=True) if console.is_terminal else None
    )

    def show(job_id: str, status: JobStatus | None) -> None:
        seen[job_id] = status
        if live is not None:
            live.update(_live_table(ids, seen, started), refresh=True)
        elif status is not None and status.state is not last.get(job_id):
            state.out.note(f"job {job_id}: {status.state.value}")
            last[job_id] = status.state

    finished: dict[str, tuple[Job, JobStatus]] = {}
    with live if live is not None else contextlib.nullcontext():
        try:
            for job in client.as_completed(ids, timeout, poll=schedule(interval), on_status=show):
                assert job.status is not None
                finished[job.id] = (job, job.status)
                show(job.id, job.status)
        except KeyboardInterrupt:
            left = [job_id for job_id in ids if job_id not in finished]
            raise CliError(
                f"interrupted; {len(left)} job(s) keep running ('scnet-hpc wait "
                f"{' '.join(left)}' to go on waiting)",
                ExitCode.INTERRUPTED,
            ) from None
    return finished


@click.command()
@click.argument("job_ids", metavar="JOB_ID...", type=JOB_ID, nargs=-1, required=True)
@click.option("--timeout", type=click.FloatRange(min=0), help="Give up after this many seconds.")
@click.option(
    "--interval",
    type=click.FloatRange(min=0, min_open=True),
    help="Poll every this many seconds (default: 1 s, growing to 10% of the time waited).",
)
@common_options
def wait(job_ids: tuple[str, ...], timeout: float | None, interval: float | None) -> None:
    """Wait until jobs have finished; exit status 7 unless all completed, 5 on --timeout.

    Several jobs are polled together: one list request per poll covers them all.
    """
    state = get_state()
    if len(job_ids) == 1:
        handle = state.client().job(job_ids[0])
        status = watch(state, handle, timeout, interval)
        data = status_data(handle, status)
        assert data is not None
        state.out.emit(data, lambda: status_table(data))
        finish(handle, status)
        return
    ids = list(dict.fromkeys(job_ids))  # each job once, in the order given
    finished = watch_many(state, state.client(), ids, timeout, interval)
    rows: list[dict[str, Any]] = []
    for job_id in ids:
        job, status = finished[job_id]
        row = status_data(job, status)
        assert row is not None
        rows.append(row)
    state.out.emit(rows, lambda: rows_table(rows, MANY_COLUMNS))
    failed = [row for row in rows if row["state"] != JobState.COMPLETED.value]
    if failed:
        listed = ", ".join(f"{row['job_id']} ({row['state']})" for row in failed[:10])
        more = ", ..." if len(failed) > 10 else ""
        raise CliError(
            f"{len(failed)} of {len(rows)} jobs did not complete: {listed}{more}",
            ExitCode.JOB_FAILED,
        )
