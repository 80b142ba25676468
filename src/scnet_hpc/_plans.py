"""Plans and their effects: the SDK's logic, written once for sync and async.

Everything the SDK does is a *plan*: a generator that yields effects (``Send`` a request,
``Sleep`` a while, ``Gather`` the results of other plans run side by side) and receives their
results (the ``httpx.Response``, or the exception thrown back into it). A plan holds all the
logic and never performs I/O itself; the two drivers in ``_drivers`` perform the effects.
``Client`` and ``AsyncClient`` run the very same plans, so they cannot drift apart and send the
same requests.
"""

from __future__ import annotations

from collections.abc import Generator
from dataclasses import dataclass
from typing import Any, Protocol, TypeVar

import httpx

from ._logging import redact
from ._operations import Operation

__all__ = ["Effect", "Gather", "Plan", "ResponseTooLarge", "Send", "Sink", "Sleep"]

T = TypeVar("T")


class Sink(Protocol):
    """Where a ``Send`` with a sink puts a body that is bytes (a download), block by block.

    The driver calls ``start`` when the headers are in: true means "stream the body to
    ``write``" (the response then reaches the plan without its body); false means "read it as
    usual" (e.g. a JSON error envelope). Large bodies thus never sit in memory. ``taken``
    says whether the last response's body went to the sink.
    """

    taken: bool

    def start(self, response: httpx.Response) -> bool: ...

    def write(self, chunk: bytes) -> None: ...


@dataclass(frozen=True)
class Send:
    """Effect: send this request; the plan receives the ``httpx.Response`` (or the exception)."""

    operation: Operation
    method: str
    url: str
    headers: dict[str, str]
    timeout: httpx.Timeout
    params: dict[str, Any] | None = None
    json: Any = None
    data: dict[str, Any] | None = None
    #: Read at most this many (decoded) bytes of the body; more is ``ResponseTooLarge``.
    max_bytes: int | None = None
    #: Multipart parts (httpx ``files``): file objects are streamed, never read whole.
    files: Any = None
    #: Takes a body of bytes as it arrives (``max_bytes`` does not apply to it).
    sink: Sink | None = None

    def httpx_kwargs(self) -> dict[str, Any]:
        kwargs: dict[str, Any] = {
            "method": self.method,
            "url": self.url,
            "headers": self.headers,
            "timeout": self.timeout,
        }
        if self.params:
            kwargs["params"] = self.params
        if self.json is not None:
            kwargs["json"] = self.json
        if self.data is not None:
            kwargs["data"] = self.data
        if self.files is not None:
            kwargs["files"] = self.files
        return kwargs

    def __repr__(self) -> str:
        return f"Send({self.method} {redact(self.url)} [{self.operation}])"


class ResponseTooLarge(Exception):
    """Thrown into a plan by a driver: the body went past ``Send.max_bytes`` (reading stopped)."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        super().__init__(f"the body is larger than {limit} bytes")


@dataclass(frozen=True)
class Sleep:
    """Effect: wait this many seconds (with the client's injectable ``sleep``)."""

    seconds: float


@dataclass(frozen=True)
class Gather:
    """Effect: run these plans, at most ``limit`` at a time; the plan receives one outcome per
    plan, in order: its result, or the ``Exception`` it raised (one failure stops no other).

    ``drive_async`` runs them as tasks, ``drive_sync`` in up to ``limit`` threads.
    """

    plans: tuple[Plan[Any], ...]
    limit: int

    def __repr__(self) -> str:
        return f"Gather({len(self.plans)} plans, limit={self.limit})"


Effect = Send | Sleep | Gather
Plan = Generator[Effect, Any, T]
