"""The simulated scheduler's eligible pending jobs, per (queue, user) lane, in submit order.

A dispatch pass visits the eligible pending jobs in submit order: a job whose queue was found
without a free core earlier in the pass waits for ``Resources``; else one whose user is at a
limit waits for that limit; else it starts if it fits, or waits for ``Resources`` (and marks its
queue full when no core is left). Visiting every pending job at every pass made each submit
cost as much as the jobs already waiting (tens of milliseconds at 20,000).

Two kinds of jobs can only wait, and their reason follows from where in the pass they stand:
those behind a queue already found full, and those of a user at the running-job limit (which
no start in a pass can lift). A pass therefore merges the lanes in submit order and drops a
lane at its first job of either kind; what a lane left unvisited is kept as a *verdict*
(first unvisited position, where its queue was found full) and turned into a reason when a
record is read (``reason``). A pass costs the jobs that might start, not every pending job.

Positions are job ids as numbers: the simulated engine numbers jobs in submit order, and the
tasks of an array ``<id>_<n>`` (which reserves the ids ``<id>`` to ``<id> + N - 1``) stand at
``<id> + n``.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Iterator

from ..base import JobRecord

__all__ = ["AT_JOB_LIMIT", "DispatchPass", "Lanes", "position"]

Lane = tuple[str, str]  # (queue, user)
#: The reason of a job whose user is at the running-job limit (Slurm's word).
AT_JOB_LIMIT = "QOSMaxJobsPerUserLimit"


def position(job_id: str) -> int:
    """Where a job stands in submit order: ``12`` → 12, array task ``12_3`` → 15."""
    if job_id.isdigit():
        return int(job_id)
    head, _, task = job_id.partition("_")
    return int(head) + int(task)


class Lanes:
    """Eligible pending jobs per lane, and the verdicts of the last pass."""

    def __init__(self) -> None:
        self._lanes: dict[Lane, dict[str, None]] = {}  # ordered sets of job ids
        self._verdicts: dict[Lane, tuple[int, int | None]] = {}

    def enter(self, rec: JobRecord) -> None:
        """A pending job became eligible to start."""
        lane = self._lanes.setdefault((rec.queue, rec.user), {})
        # same-second ties pop by text
        if lane and position(next(reversed(lane))) > position(rec.job_id):
            ordered = sorted([*lane, rec.job_id], key=position)
            lane.clear()
            lane.update(dict.fromkeys(ordered))
        else:
            lane[rec.job_id] = None

    def leave(self, rec: JobRecord) -> None:
        """A job left the pending state (started or cancelled)."""
        key = (rec.queue, rec.user)
        lane = self._lanes.get(key)
        if lane is not None:
            lane.pop(rec.job_id, None)
            if not lane:
                del self._lanes[key]

    def reason(self, rec: JobRecord) -> str | None:
        """The reason the last pass gave ``rec`` without visiting it; None if it visited it
        (or the job is not waiting in a lane): then the record's own reason is current."""
        key = (rec.queue, rec.user)
        verdict = self._verdicts.get(key)
        if verdict is None or rec.job_id not in self._lanes.get(key, {}):
            return None
        unvisited, full_at = verdict
        at = position(rec.job_id)
        if at < unvisited:
            return None
        return "Resources" if full_at is not None and full_at < at else AT_JOB_LIMIT

    @property
    def settled(self) -> bool:
        """True when every record's own reason is current (the last pass visited them all)."""
        return not self._verdicts

    def dispatch_pass(self, at_job_limit: Callable[[str], bool]) -> DispatchPass:
        return DispatchPass(self, at_job_limit)


class DispatchPass:
    """One pass: iterate to get the jobs to visit, tell it what happened, then ``finish()``.

    ``full`` (queue -> position of the job that found it without a free core) and ``capped``
    (users at the running-job limit) are read before each job is handed out, so what the
    caller adds to them takes effect at once.
    """

    def __init__(self, lanes: Lanes, at_job_limit: Callable[[str], bool]) -> None:
        self._lanes = lanes
        self.full: dict[str, int] = {}
        self.capped: set[str] = set()
        self._started: list[JobRecord] = []
        lanes._verdicts.clear()
        self._heads: list[tuple[int, Lane, str, Iterator[str]]] = []
        for key, lane in lanes._lanes.items():
            ids = iter(lane)
            first = next(ids, None)
            if first is None:
                continue
            if key[1] not in self.capped and at_job_limit(key[1]):
                self.capped.add(key[1])
            heapq.heappush(self._heads, (position(first), key, first, ids))

    def __iter__(self) -> Iterator[tuple[int, str]]:
        """``(position, job id)`` of each job to visit, in submit order."""
        heads = self._heads
        while heads:
            at, key, job_id, rest = heapq.heappop(heads)
            if key[0] in self.full or key[1] in self.capped:
                self._lanes._verdicts[key] = (at, None)  # this job and the rest wait
                continue
            yield at, job_id
            following = next(rest, None)
            if following is not None:
                heapq.heappush(heads, (position(following), key, following, rest))

    def started(self, rec: JobRecord) -> None:
        self._started.append(rec)

    def finish(self) -> None:
        verdicts = self._lanes._verdicts
        for key, (unvisited, _) in verdicts.items():
            verdicts[key] = (unvisited, self.full.get(key[0]))
        for rec in self._started:  # after the pass: its iterators walk the lanes
            self._lanes.leave(rec)
