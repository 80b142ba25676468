"""``wait``: poll a job until it has finished, with a live status line on a terminal.

``Job.wait()`` blocks without telling anyone what it sees, so the CLI runs the same loop itself
on ``Job.refresh()`` (which already tolerates a just-submitted job being invisible and falls
back to history once the job has left the realtime list) with the SDK's ``PollSchedule``. On a
terminal the state is a spinner line on stderr; elsewhere each state change is one line.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

import click

from scnet_hpc import Job, JobState, JobStatus, JobTimeoutError, PollSchedule

from ._errors import CliError, ExitCode
from ._state import CliState, common_options, get_state

if TYPE_CHECKING:
    from rich.status import Status

__all__ = ["finish", "wait", "watch"]


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
    status: Status
    with console.status("waiting", spinner="dots") as status:
        yield status.update


def watch(
    state: CliState,
    job: Job,
    timeout: float | None,
    interval: float | None,
    *,
    sleep: Callable[[float], Any] | None = None,
    clock: Callable[[], float] = time.monotonic,
) -> JobStatus:
    """Poll ``job`` until it is terminal; ``JobTimeoutError`` after ``timeout`` seconds."""
    schedule = _schedule(interval)
    started = clock()
    previous: float | None = None
    last: JobState | None = None
    try:
        with _status_line(state) as update:
            while True:
                status = job.refresh()
                elapsed = clock() - started
                if update is not None:
                    update(f"job {job.id}: {status.state.value} ({status.source}), {elapsed:.0f} s")
                elif status.state is not last:
                    state.out.note(f"job {job.id}: {status.state.value}")
                last = status.state
                if status.is_terminal:
                    return status
                delay = schedule.next_delay(previous, elapsed)
                if timeout is not None:
                    remaining = timeout - elapsed
                    if remaining <= 0:
                        raise JobTimeoutError(job.id, timeout, status)
                    delay = min(delay, remaining)
                (sleep or _sleep)(delay)
                previous = delay
    except KeyboardInterrupt:
        raise CliError(
            f"interrupted; job {job.id} keeps running ('scnet-hpc wait {job.id}' to go on "
            f"waiting, 'scnet-hpc cancel {job.id}' to stop it)",
            ExitCode.INTERRUPTED,
        ) from None


def _sleep(seconds: float) -> None:
    time.sleep(seconds)


def finish(job: Job, status: JobStatus) -> None:
    """Exit status 7 when the job ended in any way but completed."""
    if status.state is not JobState.COMPLETED:
        code = f" (exit code {status.exit_code})" if status.exit_code else ""
        raise CliError(f"job {job.id} finished as {status.state.value}{code}", ExitCode.JOB_FAILED)


@click.command()
@click.argument("job_id")
@click.option("--timeout", type=click.FloatRange(min=0), help="Give up after this many seconds.")
@click.option(
    "--interval",
    type=click.FloatRange(min=0, min_open=True),
    help="Poll every this many seconds (default: 1 s, growing to 10% of the time waited).",
)
@common_options
def wait(job_id: str, timeout: float | None, interval: float | None) -> None:
    """Wait until a job has finished; exit status 7 unless it completed, 5 on --timeout."""
    from ._jobs import status_data, status_table

    state = get_state()
    handle = state.client().job(job_id)
    status = watch(state, handle, timeout, interval)
    data = status_data(handle, status)
    assert data is not None
    state.out.emit(data, lambda: status_table(data))
    finish(handle, status)
