"""How the mock is served: uvicorn with the fastest event loop and HTTP parser installed, and the
garbage collector kept from pausing longer as jobs pile up.

``python -m scnet_hpc.mock`` and the benchmarks' server use these, so the figures in bench/ are
those of ``make mock``.
"""

from __future__ import annotations

import asyncio
import functools
import gc
import importlib.util
from typing import Any

__all__ = ["GC_THRESHOLDS", "one_write_protocol", "settle_heap", "uvicorn_settings"]

#: gc thresholds while serving (default 700, 10, 10): young collections every 50,000 new
#: container objects instead of 700. Each young collection is cheap, but at the default rate a
#: submit burst triggered hundreds a second, and every tenth of those tenth a middle one.
GC_THRESHOLDS = (50_000, 20, 100)


def _installed(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        return False


def uvicorn_settings() -> dict[str, Any]:
    """uvicorn's options: uvloop and httptools when the [mock] extra brought them (about twice
    the requests per second of asyncio and h11), each answer in one write
    (``one_write_protocol``), one process (the mock keeps its state in memory), no access log."""
    http: Any = "h11"
    if _installed("httptools"):
        http = one_write_protocol() or "httptools"
    return {
        "loop": "uvloop" if _installed("uvloop") else "asyncio",
        "http": http,
        "workers": 1,
        "access_log": False,
        "lifespan": "on",
    }


def settle_heap() -> None:
    """Once start-up is done (deployment, spec and validators loaded): collect, then move what
    is left out of the collector's sight (``gc.freeze``), so that no later full collection
    walks it again, and collect less often (``GC_THRESHOLDS``). For a server process only: a
    test process that froze its heap would keep every later cycle of those objects."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(*GC_THRESHOLDS)


class _OneWrite:
    """A transport whose writes of one event-loop turn leave as one: uvicorn writes the status
    line and headers, then the body, each with its own ``send`` system call (and, on loopback,
    its own wake-up of the client); the mock's answers are a few hundred bytes, so the two
    calls cost more than the answer. Everything else goes to the real transport."""

    __slots__ = ("_loop", "_pending", "_transport")

    def __init__(self, transport: asyncio.Transport, loop: asyncio.AbstractEventLoop) -> None:
        self._transport = transport
        self._loop = loop
        self._pending: list[bytes] = []

    def write(self, data: bytes | bytearray | memoryview) -> None:
        if not self._pending:
            self._loop.call_soon(self._flush)
        self._pending.append(bytes(data))

    def _flush(self) -> None:
        if self._pending:
            data = b"".join(self._pending)
            self._pending.clear()
            if not self._transport.is_closing():
                self._transport.write(data)

    def close(self) -> None:
        self._flush()
        self._transport.close()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._transport, name)


@functools.cache
def one_write_protocol() -> type[asyncio.Protocol] | None:
    """uvicorn's httptools protocol on a ``_OneWrite`` transport (None if uvicorn's internals
    are not what this was written against: then plain ``httptools`` serves)."""
    try:
        from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol
    except ImportError:
        return None

    class OneWriteHttpToolsProtocol(HttpToolsProtocol):
        def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
            wrapped = _OneWrite(transport, asyncio.get_running_loop())
            super().connection_made(wrapped)  # type: ignore[arg-type]

    return OneWriteHttpToolsProtocol
