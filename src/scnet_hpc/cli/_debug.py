"""``--debug``: every request as a curl command (secrets masked), other SDK logs as comments.

The SDK logs each request on ``scnet_hpc.http`` as a curl line that it has already masked; the
CLI masks again here, by shape (secret headers, secret JSON/form/query members) and by value
(the token, secret key and access key it was given), so that one forgotten call site cannot put
a secret on a terminal or into a pasted bug report. Everything else the SDK logs is printed as a
``#`` comment, which keeps stderr pasteable into a shell.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable
from types import TracebackType
from typing import TextIO

from scnet_hpc import redact

__all__ = ["MASK", "DebugLog", "mask"]

MASK = "***"
_SECRET_NAMES = r"token|accesskey|access_key|signature|secretkey|secret_key|authorization"  # noqa: S105 - names, not a secret
_HEADER = re.compile(rf"(-H\s+'?(?:{_SECRET_NAMES}):\s*)([^'\s]+)", re.IGNORECASE)
_JSON_MEMBER = re.compile(rf'("(?:{_SECRET_NAMES})"\s*:\s*")([^"]*)(")', re.IGNORECASE)
_QUERY = re.compile(rf"((?<![A-Za-z_])(?:{_SECRET_NAMES})=)([^&'\s]+)", re.IGNORECASE)
_MIN_SECRET = 4


def mask(text: str, secrets: Iterable[str | None] = ()) -> str:
    """``text`` with secret headers, members and the given secret values replaced by ***."""
    for secret in sorted((s for s in secrets if s and len(s) >= _MIN_SECRET), key=len)[::-1]:
        text = text.replace(secret, MASK)
    text = _HEADER.sub(lambda m: m.group(1) + MASK, text)
    text = _JSON_MEMBER.sub(lambda m: m.group(1) + MASK + m.group(3), text)
    text = _QUERY.sub(lambda m: m.group(1) + MASK, text)
    return redact(text)


class _Handler(logging.Handler):
    def __init__(self, stream: Callable[[], TextIO], secrets: Callable[[], Iterable[str | None]]):
        super().__init__(logging.DEBUG)
        self._stream = stream
        self._secrets = secrets

    def emit(self, record: logging.LogRecord) -> None:
        try:
            text = mask(record.getMessage(), self._secrets())
            if record.name == "scnet_hpc.http" and text.startswith("curl "):
                line = text
            else:
                line = f"# {record.levelname.lower()}: {text}"
            stream = self._stream()
            stream.write(line + "\n")
            stream.flush()
        except Exception:  # never let logging break a command
            self.handleError(record)


class DebugLog:
    """Attach (``with DebugLog(...)``) the printing handler to the ``scnet_hpc`` logger."""

    def __init__(
        self, stream: Callable[[], TextIO], secrets: Callable[[], Iterable[str | None]]
    ) -> None:
        self._handler = _Handler(stream, secrets)
        self._logger = logging.getLogger("scnet_hpc")
        self._level = self._logger.level

    def start(self) -> None:
        self._level = self._logger.level
        self._logger.addHandler(self._handler)
        self._logger.setLevel(logging.DEBUG)

    def stop(self) -> None:
        self._logger.removeHandler(self._handler)
        self._logger.setLevel(self._level)

    def __enter__(self) -> DebugLog:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()
