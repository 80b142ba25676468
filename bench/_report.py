"""Collect figures, print each as ``name: value``, and write them with the machine to JSON.

A figure that could not be measured is still printed (``name: n/a (why)``) and written as
``null`` with the reason, so a missing tool shows up as a gap rather than a silently shorter list.
"""

from __future__ import annotations

import datetime as _dt
import json
import os
import platform
import sys
from pathlib import Path
from typing import Any

__all__ = ["Report", "machine"]


def machine() -> dict[str, Any]:
    """What the figures were measured on (they mean little without it)."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory_gib = None
    try:
        pages, size = os.sysconf("SC_PHYS_PAGES"), os.sysconf("SC_PAGE_SIZE")
        memory_gib = round(pages * size / 2**30, 1)
    except (ValueError, OSError, AttributeError):
        pass
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_gib": memory_gib,
        "os": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
    }


def _format(value: float | int) -> str:
    if isinstance(value, int):
        return str(value)
    if abs(value) >= 100:
        return f"{value:.0f}"
    if abs(value) >= 10:
        return f"{value:.1f}"
    return f"{value:.3f}"


class Report:
    def __init__(self, out: Any = None) -> None:
        self.figures: dict[str, float | int | None] = {}
        self.missing: dict[str, str] = {}
        self.settings: dict[str, Any] = {}
        self.details: dict[str, Any] = {}
        self._out = out or sys.stdout

    def figure(self, name: str, value: float | int) -> None:
        self.figures[name] = value
        print(f"{name}: {_format(value)}", file=self._out, flush=True)

    def unavailable(self, name: str, reason: str) -> None:
        self.figures[name] = None
        self.missing[name] = reason
        print(f"{name}: n/a ({reason})", file=self._out, flush=True)

    def setting(self, name: str, value: Any) -> None:
        """A condition of the measurement (server settings, round counts): printed and kept."""
        self.settings[name] = value
        print(f"# {name}: {value}", file=self._out, flush=True)

    def write(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        document = {
            "measured_at": _dt.datetime.now(_dt.UTC).isoformat(timespec="seconds"),
            "machine": machine(),
            "figures": self.figures,
            "unavailable": self.missing,
            "settings": self.settings,
            "details": self.details,
        }
        path.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n")
