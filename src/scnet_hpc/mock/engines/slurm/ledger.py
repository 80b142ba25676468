"""The Slurm engine's record of the jobs it submitted: who asked for them, and what they asked.

Slurm knows a job's owner only as the OS user that ran ``sbatch`` (the one running the mock),
and forgets parts of the request that the API shows back: the command (the script went to
sbatch on stdin), the application name, GPUs/DCUs per node, the output patterns once only the
job completion log remembers the job. So every accepted submission is written here, one JSON
line per job, and a Slurm job is shown to an API user only if this ledger says it is theirs.
Jobs submitted to the cluster in any other way (``sbatch`` in a shell, other tests) stay
invisible to the API, and so do the FAILED records that a refused ``sbatch`` can leave behind.

The file lives in the cluster's state directory, so it survives mock restarts and disappears
with the cluster's own job state. Several mock processes may share it: appends are single
``write`` calls of one line, and every reader picks up lines other processes added.
"""

from __future__ import annotations

import json
import logging
import os
import threading
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Any

__all__ = ["Ledger", "LedgerEntry"]

log = logging.getLogger("scnet_hpc.mock.slurm")


@dataclass(frozen=True)
class LedgerEntry:
    """One submission, as accepted by sbatch. ``job_id`` is what sbatch printed (for an array,
    the array's id; its tasks are ``<job_id>_<n>``)."""

    job_id: str
    scheduler_id: int
    user: str
    account: str
    name: str
    command: str
    work_dir: str
    stdout_pattern: str
    stderr_pattern: str
    submitted_at: int
    app_name: str = "BASE"
    gpus_per_node: int = 0
    dcus_per_node: int = 0
    mem_per_node_mb: int | None = None
    exclusive: bool = False
    array_size: int = 0
    #: the OS user the job runs as ("" in ledgers written before accounts had one)
    os_user: str = ""


_FIELDS = {f.name for f in fields(LedgerEntry)}


class Ledger:
    """Entries by job id; backed by a JSON-lines file, or memory only when ``path`` is None."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self._lock = threading.Lock()
        self._entries: dict[str, LedgerEntry] = {}
        self._read_upto = 0
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._refresh()

    def add(self, entry: LedgerEntry) -> None:
        with self._lock:
            self._entries[entry.job_id] = entry
            if self.path is not None:
                line = json.dumps(asdict(entry), ensure_ascii=False) + "\n"
                fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
                try:
                    os.write(fd, line.encode("utf-8"))
                finally:
                    os.close(fd)

    def get(self, job_id: str) -> LedgerEntry | None:
        with self._lock:
            self._refresh()
            return self._entries.get(job_id)

    def snapshot(self) -> dict[str, LedgerEntry]:
        with self._lock:
            self._refresh()
            return dict(self._entries)

    def _refresh(self) -> None:
        """Read the lines appended since the last look (by this or another process)."""
        if self.path is None:
            return
        try:
            size = self.path.stat().st_size
        except FileNotFoundError:
            self._entries.clear()
            self._read_upto = 0
            return
        if size < self._read_upto:  # the file was replaced: start over
            self._entries.clear()
            self._read_upto = 0
        if size == self._read_upto:
            return
        with self.path.open("rb") as f:
            f.seek(self._read_upto)
            chunk = f.read(size - self._read_upto)
        complete = chunk[: chunk.rfind(b"\n") + 1]  # a line still being written waits
        self._read_upto += len(complete)
        for raw in complete.splitlines():
            entry = _entry(raw)
            if entry is not None:
                self._entries[entry.job_id] = entry


def _entry(raw: bytes) -> LedgerEntry | None:
    try:
        data: Any = json.loads(raw)
        return LedgerEntry(**{k: v for k, v in data.items() if k in _FIELDS})
    except (ValueError, TypeError, AttributeError):
        log.warning("ignoring an unreadable line of the Slurm engine's job ledger")
        return None
