"""Per-call settings: timeouts, retries and whether answers are checked against the spec."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import httpx

from ._retry import RetryPolicy

__all__ = ["DEFAULT_PAGE_SIZE", "DEFAULT_TIMEOUT", "Options", "make_timeout"]

#: Connect within 5 s, then allow 30 s for each read/write (the slowest documented read, a
#: 30-day history list, takes about 9 s on the live service).
DEFAULT_TIMEOUT = httpx.Timeout(30.0, connect=5.0)
#: Rows asked per page of a list call (realtime jobs, history).
DEFAULT_PAGE_SIZE = 500


@dataclass(frozen=True)
class Options:
    """Per-call settings (``Client.with_options`` makes a client with other ones)."""

    timeout: httpx.Timeout = field(default_factory=lambda: DEFAULT_TIMEOUT)
    retry: RetryPolicy = field(default_factory=RetryPolicy)
    validate: bool = True
    #: Save every answer here, secrets and user names masked (``_recording``); None: don't.
    record_dir: Path | None = None


def make_timeout(value: float | httpx.Timeout | None) -> httpx.Timeout:
    """A float is the read/write/pool timeout, with connect capped at 5 s; ``None`` the default.

    To wait forever, pass ``httpx.Timeout(None)`` explicitly.
    """
    if value is None:
        return DEFAULT_TIMEOUT
    if isinstance(value, httpx.Timeout):
        return value
    if isinstance(value, bool) or not isinstance(value, int | float) or value <= 0:
        raise ValueError(f"timeout must be a positive number of seconds, got {value!r}")
    return httpx.Timeout(float(value), connect=min(5.0, float(value)))
