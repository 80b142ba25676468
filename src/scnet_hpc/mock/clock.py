"""The mock's sense of time: real time times a speed factor, plus whatever tests skip ahead.

Every time-dependent behaviour of the mock (job run times, the 5-minute realtime window, token
expiry, the sign-in timestamp window) reads this clock and nothing else, so a test can run a
10-minute job in milliseconds with ``clock.advance(600)`` and a demo can run at ``speed=60``.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from datetime import datetime

from .._service import CHINA_TIME

__all__ = ["ISO_TIME", "SERVICE_TIME", "Clock", "china_time", "parse_china_time"]

SERVICE_TIME = "%Y-%m-%d %H:%M:%S"
"""How the service writes a time (``yyyy-MM-dd HH:mm:ss``, China time)."""
ISO_TIME = "%Y-%m-%dT%H:%M:%S"
"""How Slurm writes a time (scontrol's fields, slurmstepd's messages)."""


def china_time(t: float | None, layout: str = SERVICE_TIME) -> str:
    """Epoch seconds as China time in ``layout`` (default: the service's), ``""`` for ``None``
    (a time not known yet). Slurm's own lines use other layouts (``date``, slurmstepd's ISO)."""
    if t is None:
        return ""
    return datetime.fromtimestamp(t, CHINA_TIME).strftime(layout)


def parse_china_time(text: str) -> float:
    """The inverse of ``china_time`` (one trailing newline tolerated, as the contract allows)."""
    moment = datetime.strptime(text.rstrip("\n"), SERVICE_TIME)
    return moment.replace(tzinfo=CHINA_TIME).timestamp()


class Clock:
    """Epoch seconds that advance at ``speed`` times real time and jump on ``advance()``.

    ``speed=0`` freezes time (fully deterministic tests: only ``advance`` moves it).
    ``start`` is the epoch time the clock shows at creation (default: real time now).
    """

    def __init__(
        self,
        speed: float = 1.0,
        start: float | None = None,
        *,
        source: Callable[[], float] = time.time,
    ) -> None:
        if not speed >= 0:  # also rejects NaN
            raise ValueError(f"speed must be >= 0, got {speed!r}")
        self._source = source
        self._lock = threading.Lock()
        self._speed = float(speed)
        self._real_origin = source()
        self._origin = self._real_origin if start is None else float(start)

    def now(self) -> float:
        """Current mock time, epoch seconds."""
        with self._lock:
            return self._now_locked()

    def _now_locked(self) -> float:
        return self._origin + (self._source() - self._real_origin) * self._speed

    def advance(self, seconds: float) -> None:
        """Jump ``seconds`` ahead (jobs finish, tokens expire, windows close)."""
        if not seconds >= 0:
            raise ValueError(f"the clock only moves forward; got {seconds!r}")
        with self._lock:
            self._origin += seconds

    @property
    def speed(self) -> float:
        return self._speed

    @speed.setter
    def speed(self, value: float) -> None:
        if not value >= 0:
            raise ValueError(f"speed must be >= 0, got {value!r}")
        with self._lock:
            # Re-anchor so that changing the speed never makes time jump.
            self._origin = self._now_locked()
            self._real_origin = self._source()
            self._speed = float(value)

    def __repr__(self) -> str:
        return f"Clock(speed={self._speed}, now={self.now():.3f})"
