"""How the mock is served: uvicorn with the fastest event loop and HTTP parser installed, and the
garbage collector kept from pausing longer as jobs pile up.

``python -m scnet_hpc.mock`` and the benchmarks' server use these, so the figures in bench/ are
those of ``make mock``.
"""

from __future__ import annotations

import gc
import importlib.util
from typing import Any

__all__ = ["GC_THRESHOLDS", "settle_heap", "uvicorn_settings"]

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
    the requests per second of asyncio and h11), one process (the mock keeps its state in
    memory), no access log."""
    return {
        "loop": "uvloop" if _installed("uvloop") else "asyncio",
        "http": "httptools" if _installed("httptools") else "h11",
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
