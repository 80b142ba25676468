"""What a command prints: one JSON document, or rich tables for people.

JSON is the machine interface, so it is plain ``json.dumps`` — no colours, no markup, no
wrapping — and every object of one kind has the same keys: models of the generated client
become snake_case dicts with *every* declared field (``null`` when the service left it out)
plus ``extra`` for undeclared members it sent. Tables are for people: values go into
``rich.text.Text`` cells so a job name like ``[bold]x`` is shown, not interpreted, and every
cell and note goes through ``printable`` so that an escape sequence from the server is not
either. (JSON escapes control characters itself.)
"""

from __future__ import annotations

import dataclasses
import enum
import json
import sys
from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any, TextIO

import attrs
from rich.console import Console, RenderableType
from rich.table import Table
from rich.text import Text
from scnet_hpc_api.types import Unset

from scnet_hpc import Job, JobStatus

from ._terminal import printable

__all__ = [
    "Column",
    "Output",
    "duration",
    "plain",
    "record_table",
    "rows_table",
    "status_data",
    "status_table",
]

#: A column: header and how to get the cell from a (plain) row.
Column = tuple[str, str | Callable[[Mapping[str, Any]], Any]]


def plain(value: Any) -> Any:
    """``value`` as JSON-ready data (dicts, lists, str, numbers, bool, None)."""
    if isinstance(value, Unset) or value is None:
        return None
    if isinstance(value, enum.Enum):
        return plain(value.value)
    if isinstance(value, str | int | float | bool):
        return value
    if attrs.has(type(value)):
        out: dict[str, Any] = {}
        extra: dict[str, Any] | None = None
        for attribute in attrs.fields(type(value)):
            item = getattr(value, attribute.name)
            if attribute.name == "additional_properties":
                extra = {str(k): plain(v) for k, v in item.items()}
            else:
                out[attribute.name] = plain(item)
        if extra is not None:
            out["extra"] = extra
        return out
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Mapping):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [plain(v) for v in value]
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Path):
        return str(value)
    return str(value)


def _cell(value: Any) -> Text:
    if value is None or value == "":
        return Text("-", style="dim")
    if isinstance(value, bool):
        return Text("yes" if value else "no")
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return Text(printable(str(value)))


class Output:
    """Renders results to stdout (JSON or tables) and notes to stderr."""

    def __init__(
        self, fmt: str = "table", *, stdout: TextIO | None = None, stderr: TextIO | None = None
    ) -> None:
        self.format = fmt
        self._stdout = stdout
        self._stderr = stderr

    @property
    def json(self) -> bool:
        return self.format == "json"

    @property
    def stdout(self) -> TextIO:
        # Looked up at use time: click's test runner swaps sys.stdout per invocation.
        return self._stdout or sys.stdout

    @property
    def stderr(self) -> TextIO:
        return self._stderr or sys.stderr

    def console(self, *, stderr: bool = False) -> Console:
        stream = self.stderr if stderr else self.stdout
        terminal = stream.isatty()
        return Console(
            file=stream,
            highlight=False,
            markup=False,
            emoji=False,
            soft_wrap=False,
            # Piped tables are still for people: do not squeeze them into 80 columns.
            width=None if terminal else 200,
        )

    # ------------------------------------------------------------------ results

    def emit(self, data: Any, table: Callable[[], RenderableType | str | None]) -> None:
        """Print ``data`` as JSON, or what ``table()`` builds from it for people."""
        if self.json:
            self.stdout.write(json.dumps(plain(data), ensure_ascii=False, indent=2) + "\n")
            self.stdout.flush()
            return
        view = table()
        if view is None:
            return
        if isinstance(view, str):
            self.stdout.write(view if view.endswith("\n") or not view else view + "\n")
            self.stdout.flush()
            return
        console = self.console()
        with console.capture() as captured:
            console.print(view)
        # Tables pad every line to their width; trailing blanks only get in the way.
        text = "\n".join(line.rstrip() for line in captured.get().splitlines())
        self.stdout.write(text.rstrip("\n") + "\n")
        self.stdout.flush()

    def note(self, text: str) -> None:
        """A line for people on stderr (never part of the result)."""
        self.stderr.write(printable(text) + "\n")
        self.stderr.flush()


def rows_table(
    rows: Sequence[Mapping[str, Any]],
    columns: Sequence[Column],
    *,
    title: str | None = None,
    empty: str = "nothing to show",
) -> RenderableType | str:
    """A table with one line per row (``empty`` when there are none)."""
    if not rows:
        return f"{title}: ({empty})" if title else f"({empty})"
    title = printable(title) if title else title
    table = Table(title=title, title_justify="left", header_style="bold", box=None, pad_edge=False)
    for header, _ in columns:
        table.add_column(header, overflow="fold")
    for row in rows:
        table.add_row(*(_cell(_get(row, getter)) for _, getter in columns))
    return table


def record_table(items: Sequence[tuple[str, Any]], *, title: str | None = None) -> Table:
    """Two columns, name and value: one object."""
    title = printable(title) if title else title
    table = Table(title=title, title_justify="left", show_header=False, box=None, pad_edge=False)
    table.add_column(style="bold", no_wrap=True)
    table.add_column(overflow="fold")
    for name, value in items:
        table.add_row(Text(name), _cell(value))
    return table


def _get(row: Mapping[str, Any], getter: str | Callable[[Mapping[str, Any]], Any]) -> Any:
    if callable(getter):
        return getter(row)
    value: Any = row
    for part in getter.split("."):
        value = value.get(part) if isinstance(value, Mapping) else None
    return value


def status_data(job: Job, status: JobStatus | None) -> dict[str, Any] | None:
    """A job status with the same keys every time (``job``, ``wait``, ``submit --wait``)."""
    if status is None:
        return None
    return {**status.to_dict(), "scheduler_id": job.scheduler_id, "terminal": status.is_terminal}


def status_table(data: Mapping[str, Any]) -> Any:
    return record_table(
        [
            (k.replace("_", " "), v)
            for k, v in data.items()
            if k not in ("terminal", "detail")  # the raw record: json only
        ],
        title=f"Job {data['job_id']}",
    )


def duration(seconds: Any) -> str | None:
    """``3.0000`` -> ``0:00:03``; ``100000`` -> ``1-03:46:40`` (days when a day or more).

    Durations the service sends as (decimal) seconds, shown the way walltimes are written.
    """
    try:
        total = round(float(seconds))
    except (TypeError, ValueError):
        return None if seconds is None else str(seconds)
    if total < 0:
        return str(seconds)
    days, rest = divmod(total, 86400)
    hours, rest = divmod(rest, 3600)
    minutes, secs = divmod(rest, 60)
    clock = f"{hours}:{minutes:02d}:{secs:02d}"
    return f"{days}-{hours:02d}:{minutes:02d}:{secs:02d}" if days else clock
