"""How often ``wait()`` asks about a job.

The promise: ``wait()`` returns at most ``max(floor, fraction × elapsed)`` after the job
finished, where ``elapsed`` is how long it has been waiting. Polls therefore start ``initial``
apart, grow by ``factor``, and never grow beyond ``max(floor, fraction × elapsed)`` (nor
``ceiling``). The defaults keep the promise at ``max(2 s, 10 %)``; a 10-minute job then costs
48 polls. Fewer polls cannot keep that promise for every finish time: with gaps of at most
``max(2, 0.1 t)`` the first 20 s need 10 polls and every further poll can advance time by at
most 10 %, which is ~36 more polls to reach 600 s. ``PollSchedule(fraction=0.25)`` costs 26
polls for 10 minutes and returns within ``max(2 s, 25 %)``.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["PollSchedule"]


@dataclass(frozen=True)
class PollSchedule:
    initial: float = 1.0
    factor: float = 1.5
    floor: float = 2.0
    fraction: float = 0.1
    ceiling: float = 300.0

    def __post_init__(self) -> None:
        if not (self.initial > 0 and self.floor > 0 and self.ceiling > 0):
            raise ValueError("poll intervals must be positive")
        if self.factor < 1:
            raise ValueError(f"factor must be >= 1, got {self.factor}")
        if not 0 <= self.fraction <= 1:
            raise ValueError(f"fraction must be within [0, 1], got {self.fraction}")

    def next_delay(self, previous: float | None, elapsed: float) -> float:
        """Seconds until the next poll, given the previous gap and the time waited so far."""
        grown = self.initial if not previous else previous * self.factor
        return min(grown, max(self.floor, self.fraction * elapsed), self.ceiling)

    def delay_within(
        self, previous: float | None, elapsed: float, timeout: float | None
    ) -> float | None:
        """``next_delay`` cut short at ``timeout`` (one last look at the deadline, not after
        it); ``None`` once the deadline has passed."""
        delay = self.next_delay(previous, elapsed)
        if timeout is None:
            return delay
        remaining = timeout - elapsed
        return None if remaining <= 0 else min(delay, remaining)
