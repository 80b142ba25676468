"""When a failed request is repeated, and how long to wait first.

Only operations that cannot do harm twice are repeated (see ``_operations``). They are repeated
on what is usually transient: the connection failing or timing out, the gateway answering
502/503/504 (or 429), a body that is not JSON (maintenance pages, cut-off bodies), and the Java
exceptions the live service is known to throw on reads (``10001`` with a
``NullPointerException`` in the message, e.g. on the queue endpoint). An error envelope that
means something (bad parameter, permission) is final.

Delays grow exponentially, are capped, and carry jitter so that many clients failing together
do not come back together. ``Retry-After`` from the gateway is honoured up to the cap.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from .errors import (
    ContractViolation,
    HttpStatusError,
    ScnetError,
    ServerError,
    TransportError,
)

__all__ = ["RETRY_STATUSES", "RetryPolicy", "is_transient"]

RETRY_STATUSES = frozenset({429, 502, 503, 504})
_JAVA_EXCEPTION_MARKERS = ("exception", "java.")


@dataclass(frozen=True)
class RetryPolicy:
    """``max_retries`` repeats after the first attempt, waiting
    ``min(backoff_max, backoff_initial * backoff_multiplier ** n)`` scaled by a random factor in
    ``[1 - jitter, 1]`` before repeat ``n`` (0-based)."""

    max_retries: int = 3
    backoff_initial: float = 0.5
    backoff_multiplier: float = 2.0
    backoff_max: float = 8.0
    jitter: float = 0.5

    def __post_init__(self) -> None:
        if self.max_retries < 0:
            raise ValueError(f"max_retries must be >= 0, got {self.max_retries}")
        if not 0.0 <= self.jitter <= 1.0:
            raise ValueError(f"jitter must be within [0, 1], got {self.jitter}")
        if self.backoff_initial < 0 or self.backoff_max < 0 or self.backoff_multiplier < 1:
            raise ValueError("backoff times must be >= 0 and the multiplier >= 1")

    def delay(self, retry: int, rng: random.Random, retry_after: float | None = None) -> float:
        """Seconds to wait before repeat number ``retry`` (0 for the first repeat)."""
        base = min(self.backoff_max, self.backoff_initial * self.backoff_multiplier**retry)
        if retry_after is not None and retry_after >= 0:
            return min(max(base, retry_after), self.backoff_max)
        return base * (1.0 - self.jitter * rng.random())


def is_transient(error: ScnetError) -> bool:
    """Whether repeating the same read could succeed."""
    if isinstance(error, HttpStatusError):
        return error.status_code in RETRY_STATUSES
    if isinstance(error, TransportError):
        return True
    if isinstance(error, ContractViolation):
        return error.not_json
    if isinstance(error, ServerError) and error.code == "10001":
        text = f"{error.msg} {error.raw.get('data') if isinstance(error.raw, dict) else ''}"
        return any(marker in text.lower() for marker in _JAVA_EXCEPTION_MARKERS)
    return False
