"""A whole run in one plan: inputs up, the job submitted in its own folder, outputs down.

``run`` makes a work folder under the home (``scnet-runs/<name>-<time>-<random>``, unless the
spec names one), uploads the inputs into it, submits the spec with that ``work_dir``, waits,
and downloads what the job left: the files matching ``outputs`` (glob patterns relative to the
work folder, matched against ``ls`` of the service, one folder level per pattern segment) and
the job's stdout and stderr.
"""

from __future__ import annotations

import fnmatch
import os
import posixpath
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Generic, TypeVar

from . import _jobs
from ._jobs import JobRef
from ._jobspec import JobSpec
from ._plans import Plan
from ._poll import PollSchedule
from ._states import JobStatus
from .errors import InvalidArgumentError, RemoteFileNotFoundError

__all__ = ["RunResult", "download_outputs", "run"]

RUNS_FOLDER = "scnet-runs"
JobT = TypeVar("JobT")


@dataclass(frozen=True)
class RunResult(Generic[JobT]):
    """What ``run`` did: the job, how it ended, and the local files it brought back."""

    job: JobT
    status: JobStatus
    files: list[Path]
    work_dir: str


def run(
    core: Any,
    spec: JobSpec,
    inputs: Sequence[str | os.PathLike[str]],
    outputs: Sequence[str],
    download_to: str | os.PathLike[str],
    *,
    scheduler_id: int | str | None,
    timeout: float | None,
    poll: PollSchedule | None,
    on_status: Callable[[JobStatus | None], object] | None,
) -> Plan[tuple[JobRef, JobStatus, list[Path], str]]:
    """The plan of ``Client.run``: the job, its final status and the local files written."""
    locals_ = [Path(p) for p in inputs]
    for path in locals_:
        if not path.is_file():
            raise InvalidArgumentError(f"input {path} is not a file")
    _check_patterns(outputs)
    work_dir = spec.work_dir
    if not work_dir:
        home: str = yield from core.session.home_path()
        stamp = int(core.session.clock())
        tag = f"{core.session.rng.getrandbits(24):06x}"
        name = (spec.job_name or "run").replace("/", "_")
        work_dir = f"{home.rstrip('/')}/{RUNS_FOLDER}/{name}-{stamp}-{tag}"
    work_dir = yield from core.files.mkdir(work_dir, True)
    for path in locals_:
        yield from core.files.upload(path, work_dir, True, None)
    ref: JobRef = yield from core.submit(replace(spec, work_dir=work_dir), scheduler_id)
    status: JobStatus = yield from core.wait(ref, timeout, poll, on_status)
    written = yield from download_outputs(core, ref, outputs, download_to)
    return ref, status, written, work_dir


def download_outputs(
    core: Any, ref: JobRef, patterns: Sequence[str], dest: str | os.PathLike[str]
) -> Plan[list[Path]]:
    """The job's stdout, stderr and the files matching ``patterns`` into ``dest`` (a folder,
    created), keeping their paths relative to the work folder. A stream the job never wrote is
    skipped; a pattern that matches nothing is an error (an output expected and missing)."""
    _check_patterns(patterns)
    folder = Path(dest)
    folder.mkdir(parents=True, exist_ok=True)
    if ref.status is None:
        yield from _jobs.refresh(core, ref)
    work_dir = ref.work_dir or (ref.status.work_dir if ref.status else None)
    written: list[Path] = []
    user = yield from core.session.cluster_user()
    for stream in ("stdout", "stderr"):
        path = _jobs.output_path(ref, stream, user)
        if path is None:
            continue
        try:
            written.append((yield from core.files.download(path, folder, None)))
        except RemoteFileNotFoundError:
            continue  # e.g. stderr of a job that wrote none, where the service keeps no file
    if patterns and not work_dir:
        raise InvalidArgumentError(f"job {ref.job_id}: the service does not say its work folder")
    for pattern in patterns:
        matches = yield from _match(core, str(work_dir), pattern)
        if not matches:
            raise RemoteFileNotFoundError(
                "911020",
                f"no file of job {ref.job_id} matches {pattern!r} in {work_dir}",
                operation="list_files",
            )
        for relative in matches:
            target = folder / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            remote = f"{str(work_dir).rstrip('/')}/{relative}"
            written.append((yield from core.files.download(remote, target, None)))
    return written


def _match(core: Any, work_dir: str, pattern: str) -> Plan[list[str]]:
    """Paths (relative to ``work_dir``) of the files matching ``pattern``, segment by segment."""
    found = [""]
    parts = [p for p in pattern.strip("/").split("/") if p not in ("", ".")]
    for index, part in enumerate(parts):
        last = index == len(parts) - 1
        deeper: list[str] = []
        for prefix in found:
            entries = yield from core.files.ls(
                posixpath.join(work_dir, prefix) if prefix else work_dir
            )
            for entry in entries:
                if not fnmatch.fnmatchcase(entry.name, part):
                    continue
                if last and entry.is_directory is True:
                    continue
                if not last and entry.is_directory is not True:
                    continue
                deeper.append(posixpath.join(prefix, entry.name) if prefix else entry.name)
        found = deeper
    return sorted(found)


def _check_patterns(patterns: Sequence[str]) -> None:
    if isinstance(patterns, str):
        raise InvalidArgumentError("outputs must be a list of patterns, not one string")
    for pattern in patterns:
        if not isinstance(pattern, str) or not pattern.strip() or pattern.startswith("/"):
            raise InvalidArgumentError(
                f"an output pattern is relative to the work folder, got {pattern!r}"
            )
        if ".." in pattern.split("/"):
            raise InvalidArgumentError(f"an output pattern cannot climb out: {pattern!r}")
