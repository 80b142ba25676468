"""Keep credentials out of everything the suite prints or writes.

Reports, failure messages and ``curl`` reproductions go through ``mask``: it replaces every
registered secret, anything shaped like a JWT (tokens minted during the run, tokens inside
response bodies) and the values of the ``token`` / ``signature`` / ``accessKey`` headers.
"""

from __future__ import annotations

import re
import threading

__all__ = ["MASK", "Secrets"]

MASK = "***"
_JWT = re.compile(r"eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*")
# Header values in curl commands (`-H 'token: ...'`) and in "name: value" text.
_HEADER = re.compile(
    r"(?i)\b(token|signature|accesskey|secretkey)(['\"]?\s*[:=]\s*['\"]?)([^'\"\s,}]+)"
)


class Secrets:
    """The credentials of this run; ``mask(text)`` hides them and anything token-shaped."""

    def __init__(self) -> None:
        self._values: set[str] = set()
        self._lock = threading.Lock()

    def add(self, *values: str | None) -> None:
        with self._lock:
            # Very short values would mask ordinary words; real credentials are long.
            self._values.update(v for v in values if v and len(v) >= 8)

    def mask(self, text: str) -> str:
        with self._lock:
            values = sorted(self._values, key=len, reverse=True)
        for value in values:
            text = text.replace(value, MASK)
        text = _JWT.sub(MASK, text)
        return _HEADER.sub(lambda m: m.group(1) + m.group(2) + MASK, text)
