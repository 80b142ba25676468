"""``wait``: poll a job until it has finished, with a live status line on a terminal.

The polling is the SDK's ``Job.wait()`` (adaptive intervals, the few seconds a new job is not
listed yet, the fall back to history once it leaves the realtime list); its ``on_status`` hook
feeds the CLI's status line. On a terminal that is a spinner on stderr; elsewhere each state
change is one line on stderr, so stdout keeps only the result.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Iterator

import click

from scnet_hpc import Job, JobState, JobStatus, PollSchedule

from ._errors import CliError, ExitCode
from ._output import status_data, status_table
from ._state import JOB_ID, CliState, common_options, get_state

__all__ = ["finish", "wait", "watch"]

NOT_LISTED = "submitted, not listed yet"


def _schedule(interval: float | None) -> PollSchedule:
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


def watch(state: CliState, job: Job, timeout: float | None, interval: float | None) -> JobStatus:
    """``job.wait()`` with a status line; ``JobTimeoutError`` after ``timeout`` seconds."""
    started = time.monotonic()
    last: list[JobState | None] = [None]

    with _status_line(state) as update:

        def seen(status: JobStatus | None) -> None:
            what = NOT_LISTED if status is None else status.state.value
            if update is not None:
                where = f" ({status.source})" if status is not None else ""
                update(f"job {job.id}: {what}{where}, {time.monotonic() - started:.0f} s")
            elif status is not None and status.state is not last[0]:
                state.out.note(f"job {job.id}: {what}")
                last[0] = status.state

        try:
            return job.wait(timeout, poll=_schedule(interval), on_status=seen)
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


@click.command()
@click.argument("job_id", type=JOB_ID)
@click.option("--timeout", type=click.FloatRange(min=0), help="Give up after this many seconds.")
@click.option(
    "--interval",
    type=click.FloatRange(min=0, min_open=True),
    help="Poll every this many seconds (default: 1 s, growing to 10% of the time waited).",
)
@common_options
def wait(job_id: str, timeout: float | None, interval: float | None) -> None:
    """Wait until a job has finished; exit status 7 unless it completed, 5 on --timeout."""
    state = get_state()
    handle = state.client().job(job_id)
    status = watch(state, handle, timeout, interval)
    data = status_data(handle, status)
    assert data is not None
    state.out.emit(data, lambda: status_table(data))
    finish(handle, status)
