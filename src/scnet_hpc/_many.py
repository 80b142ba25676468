"""Many jobs at once: waiting for all of them with one list request per poll, and submitting
many specs side by side.

Waiting for N jobs one ``Job.wait()`` at a time costs N requests per poll. ``JobsWaiter``
asks the realtime *list* once per poll instead (every page of it, per scheduler), which
covers every job of the region; jobs that have left the realtime list are looked up in the
history list, one request per window (1, 7, 30 days) for all of them, not one per job. The
polls follow the same ``PollSchedule`` as ``Job.wait()``, counted from when waiting started,
so each job is seen finished within ``max(floor, fraction × time waited)`` of its end: the
promise ``Job.wait()`` makes, held for every job.

``next_batch()`` is a plan that polls until at least one job has finished and returns those
(oldest end first): ``as_completed`` runs it again and again, ``wait_all`` until none is left.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from scnet_hpc_api.models import HistoryJob

from ._jobs import HISTORY_WINDOWS, VISIBILITY_GRACE, JobRef
from ._options import DEFAULT_PAGE_SIZE
from ._plans import Plan, Sleep
from ._poll import PollSchedule
from ._states import JobStatus, from_history_row, from_realtime
from .errors import JobNotFoundError, JobTimeoutError

if TYPE_CHECKING:
    from ._core import Core

__all__ = ["JobsWaiter", "SubmitOutcome", "find_many_in_history"]


class JobsWaiter:
    """The state of waiting for many jobs (``refs``, in the caller's order)."""

    def __init__(
        self,
        core: Core,
        refs: Sequence[JobRef],
        timeout: float | None,
        schedule: PollSchedule,
        on_status: Callable[[str, JobStatus | None], object] | None = None,
    ) -> None:
        self.core = core
        self.on_status = on_status
        self.refs = list(refs)
        self.timeout = timeout
        self.schedule = schedule
        self.pending: dict[int, JobRef] = dict(enumerate(self.refs))
        self._started: float | None = None
        self._previous: float | None = None
        self._next_sleep: float | None = None
        self._expired = False

    @property
    def done(self) -> bool:
        return not self.pending

    def next_batch(self) -> Plan[list[JobRef]]:
        """Poll until some jobs have finished; returns them (empty once none is left).

        Raises ``JobTimeoutError`` (with every unfinished job) once ``timeout`` has passed,
        ``JobNotFoundError`` for a job neither realtime nor 30 days of history know.
        """
        clock = self.core.session.clock
        if self._started is None:
            self._started = clock()
        while self.pending:
            if self._expired:
                raise self._timeout_error()
            if self._next_sleep is not None:
                yield Sleep(self._next_sleep)
                self._previous = self._next_sleep
            finished = yield from self._poll()
            elapsed = clock() - self._started
            self._next_sleep = self.schedule.delay_within(self._previous, elapsed, self.timeout)
            # past the deadline: raised at the next call, after these are handed out
            self._expired = self._next_sleep is None
            if finished:
                return finished
        return []

    def wait_all(self) -> Plan[list[JobStatus]]:
        """Every job's final status, in the caller's order."""
        while self.pending:
            yield from self.next_batch()
        return [ref.status for ref in self.refs if ref.status is not None]

    # ------------------------------------------------------------------ one poll

    def _poll(self) -> Plan[list[JobRef]]:
        now = self.core.session.clock()
        schedulers = sorted({ref.scheduler_id for ref in self.pending.values()})
        for sched in schedulers:
            refs = [ref for ref in self.pending.values() if ref.scheduler_id == sched]
            rows = yield from self.core.jobs(
                state=None, queue=None, name=None, job_id=None, owner=None,
                scheduler_id=sched, limit=None, page_size=DEFAULT_PAGE_SIZE,
            )  # fmt: skip
            listed = {row.job_id: row for row in rows}
            gone: list[JobRef] = []
            for ref in refs:
                row = listed.get(ref.job_id)
                if row is not None:
                    ref.seen = True
                    ref.status = from_realtime(ref.job_id, row)
                elif ref.seen or not _in_grace(ref, now):
                    gone.append(ref)
            if gone:
                found = yield from find_many_in_history(
                    self.core, {ref.job_id for ref in gone}, sched
                )
                for ref in gone:
                    if ref.job_id not in found:
                        raise JobNotFoundError(
                            ref.job_id,
                            "not in the realtime list nor in the last 30 days of history "
                            f"(scheduler {sched})",
                        )
                    ref.seen = True
                    ref.status = from_history_row(found[ref.job_id])
        if self.on_status is not None:
            for ref in self.pending.values():
                self.on_status(ref.job_id, ref.status)  # None while not listed yet
        finished = [
            (index, ref)
            for index, ref in self.pending.items()
            if ref.status is not None and ref.status.is_terminal
        ]
        for index, _ in finished:
            del self.pending[index]
        finished.sort(key=lambda item: (_end_time(item[1]), item[0]))
        return [ref for _, ref in finished]

    def _timeout_error(self) -> JobTimeoutError:
        unfinished = {ref.job_id: ref.status for ref in self.pending.values()}
        finished = {
            ref.job_id: ref.status
            for index, ref in enumerate(self.refs)
            if index not in self.pending and ref.status is not None
        }
        first = next(iter(self.pending.values()))
        assert self.timeout is not None
        return JobTimeoutError(
            first.job_id, self.timeout, first.status, unfinished=unfinished, finished=finished
        )


def _in_grace(ref: JobRef, now: float) -> bool:
    return ref.submitted_at is not None and now - ref.submitted_at < VISIBILITY_GRACE


def _end_time(ref: JobRef) -> str:
    return (ref.status.end_time if ref.status is not None else None) or ""


def find_many_in_history(
    core: Core, job_ids: set[str], scheduler_id: int
) -> Plan[dict[str, HistoryJob]]:
    """History rows of ``job_ids``: the 1-day window's list (every page), then 7 and 30 days
    for the ones not found yet — one list per window for all of them, not one per job."""
    now = core.session.clock()
    found: dict[str, HistoryJob] = {}
    for days in HISTORY_WINDOWS:
        rows = yield from core.history(
            start_time=now - days * 86400, end_time=now + 3600,  # an hour of slack for skew
            days=days, job_id=None, state=None, queue=None, name=None, user=None,
            scheduler_id=scheduler_id, by_queue_time=False, sort="DESC", order_by=None,
            limit=None, page_size=DEFAULT_PAGE_SIZE,
        )  # fmt: skip
        for row in rows:
            if row.job_id in job_ids and row.job_id not in found:
                found[row.job_id] = row
        if len(found) == len(job_ids):
            break
    return found


# --------------------------------------------------------------------------- submitting many


@dataclass
class SubmitOutcome:
    """Per spec of ``submit_many``: the job it became, or why it did not."""

    refs: list[JobRef | None] = field(default_factory=list)
    errors: list[Exception | None] = field(default_factory=list)

    @classmethod
    def of(cls, outcomes: Sequence[Any]) -> SubmitOutcome:
        result = cls()
        for outcome in outcomes:
            is_ref = isinstance(outcome, JobRef)
            result.refs.append(outcome if is_ref else None)
            result.errors.append(None if is_ref else outcome)
        return result

    @property
    def failed(self) -> bool:
        return any(error is not None for error in self.errors)
