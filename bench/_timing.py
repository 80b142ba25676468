"""Medians over rounds, and percentiles, with the standard library only."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable

__all__ = ["median", "per_call_seconds"]

median = statistics.median


def per_call_seconds(call: Callable[[], object], n: int) -> float:
    """Mean wall time of one call over ``n`` back-to-back calls (one round)."""
    started = time.perf_counter()
    for _ in range(n):
        call()
    return (time.perf_counter() - started) / n
