"""One job state across the three vocabularies the service speaks.

Realtime calls report ``statR statQ statH statS statE statC statW statX``; history calls
``statC statD statT statRQ statN statDE``; the scheduler's own record (``jobInitAttr.JobState``)
uses Slurm words. The realtime code is coarse — a cancelled or failed job is ``statC`` during its
five minutes in the realtime list — so the Slurm word wins when present, and a history ``statC``
with a non-zero accounting exit status counts as failed.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, fields
from typing import Any, Literal

from scnet_hpc_api.models import HistoryJob, HistoryJobDetail, RealtimeJob, RealtimeJobDetail
from scnet_hpc_api.types import Unset

__all__ = ["JobState", "JobStatus", "from_history", "from_history_row", "from_realtime"]


class JobState(str, enum.Enum):
    """Where a job is in its life; ``is_terminal`` once it will not change any more."""

    QUEUED = "queued"
    WAITING = "waiting"
    HELD = "held"
    RUNNING = "running"
    SUSPENDED = "suspended"
    EXITING = "exiting"
    REQUEUED = "requeued"
    COMPLETED = "completed"
    FAILED = "failed"
    CANCELLED = "cancelled"
    TIMEOUT = "timeout"
    NODE_FAIL = "node_fail"
    UNKNOWN = "unknown"

    @property
    def is_terminal(self) -> bool:
        return self in _TERMINAL

    @classmethod
    def from_code(cls, code: str | None) -> JobState:
        """Any realtime/history code or Slurm word (case-insensitive); ``UNKNOWN`` otherwise."""
        if not code:
            return cls.UNKNOWN
        text = code.strip()
        found = _CODES.get(text) or _CODES.get(text.lower()) or _SLURM.get(text.upper())
        return found or cls.UNKNOWN

    def __str__(self) -> str:
        return self.value


_TERMINAL = frozenset(
    {JobState.COMPLETED, JobState.FAILED, JobState.CANCELLED, JobState.TIMEOUT, JobState.NODE_FAIL}
)
_CODES: dict[str, JobState] = {
    # realtime
    "statR": JobState.RUNNING,
    "statQ": JobState.QUEUED,
    "statH": JobState.HELD,
    "statS": JobState.SUSPENDED,
    "statE": JobState.EXITING,
    "statC": JobState.COMPLETED,
    "statW": JobState.WAITING,
    "statX": JobState.UNKNOWN,
    # history
    "statD": JobState.CANCELLED,
    "statT": JobState.TIMEOUT,
    "statRQ": JobState.REQUEUED,
    "statN": JobState.NODE_FAIL,
    "statDE": JobState.FAILED,
}
_CODES.update({k.lower(): v for k, v in list(_CODES.items())})
_SLURM: dict[str, JobState] = {
    "PENDING": JobState.QUEUED,
    "CONFIGURING": JobState.QUEUED,
    "RUNNING": JobState.RUNNING,
    "COMPLETING": JobState.RUNNING,
    "RESIZING": JobState.RUNNING,
    "STAGE_OUT": JobState.RUNNING,
    "SIGNALING": JobState.RUNNING,
    "SUSPENDED": JobState.SUSPENDED,
    "STOPPED": JobState.SUSPENDED,
    "REQUEUED": JobState.REQUEUED,
    "REQUEUE_FED": JobState.REQUEUED,
    "REQUEUE_HOLD": JobState.HELD,
    "PREEMPTED": JobState.REQUEUED,
    "COMPLETED": JobState.COMPLETED,
    "FAILED": JobState.FAILED,
    "BOOT_FAIL": JobState.FAILED,
    "OUT_OF_MEMORY": JobState.FAILED,
    "SPECIAL_EXIT": JobState.FAILED,
    "CANCELLED": JobState.CANCELLED,
    "REVOKED": JobState.CANCELLED,
    "TIMEOUT": JobState.TIMEOUT,
    "DEADLINE": JobState.TIMEOUT,
    "NODE_FAIL": JobState.NODE_FAIL,
}


@dataclass(frozen=True)
class JobStatus:
    """What the service said about a job at one moment.

    ``source`` tells which call answered (``"realtime"`` or ``"history"``); ``raw_state`` is
    the code or word the state was read from; ``detail`` is the generated model as received.
    """

    job_id: str
    state: JobState
    raw_state: str
    source: Literal["realtime", "history"]
    name: str | None = None
    queue: str | None = None
    exit_code: str | None = None
    work_dir: str | None = None
    stdout_path: str | None = None
    stderr_path: str | None = None
    start_time: str | None = None
    end_time: str | None = None
    acct_time: str | None = None
    detail: Any = None

    @property
    def is_terminal(self) -> bool:
        return self.state.is_terminal

    @classmethod
    def from_history_row(cls, row: HistoryJob) -> JobStatus:
        """The status a row of ``Client.history()`` describes (``source`` ``"history"``).

        A ``statC`` row with a non-zero accounting exit status (``jobExitStatus``) reads as
        ``FAILED``: the history code alone does not tell a failed job from a completed one.
        """
        return from_history_row(row)

    @classmethod
    def from_realtime_row(cls, row: RealtimeJob) -> JobStatus:
        """The status a row of ``Client.jobs()`` describes (``source`` ``"realtime"``).

        The Slurm word (``jobInitAttr.jobState``, e.g. ``CANCELLED``) wins over the coarse
        realtime code: a job cancelled a moment ago is listed as ``statC``, not as completed.
        """
        return from_realtime(row.job_id, row)

    def to_dict(self) -> dict[str, Any]:
        """Plain data (JSON-ready): every field, ``state`` as its value, ``detail`` as a dict."""
        data = {f.name: getattr(self, f.name) for f in fields(self) if f.name != "detail"}
        data["state"] = self.state.value
        to_dict = getattr(self.detail, "to_dict", None)
        data["detail"] = to_dict() if callable(to_dict) else None
        return data

    def __repr__(self) -> str:
        return (
            f"JobStatus(job_id={self.job_id!r}, state={self.state.name}, "
            f"raw_state={self.raw_state!r}, source={self.source!r})"
        )


def _s(value: Any) -> str | None:
    if value is None or isinstance(value, Unset):
        return None
    text = str(value)
    return text or None


def from_realtime(job_id: str, detail: RealtimeJobDetail | RealtimeJob) -> JobStatus:
    """A realtime detail or list row (a row has no top-level ``exitCode``)."""
    attr = None if isinstance(detail.job_init_attr, Unset) else detail.job_init_attr
    word = _s(attr.job_state) if attr is not None else None
    code = _s(detail.job_status)
    state = JobState.from_code(word) if word else JobState.UNKNOWN
    raw = word or ""
    if state is JobState.UNKNOWN and code:
        state, raw = JobState.from_code(code), code
    end = _s(attr.end_time) if attr is not None else None
    return JobStatus(
        job_id=_s(detail.job_id) or job_id,
        state=state,
        raw_state=raw or code or "",
        source="realtime",
        name=detail.job_name,
        queue=detail.queue,
        exit_code=(_s(attr.exit_code) if attr is not None else None)
        or _s(getattr(detail, "exit_code", None)),
        work_dir=_s(detail.work_dir),
        stdout_path=_s(detail.output_path) or (_s(attr.std_out) if attr is not None else None),
        stderr_path=_s(detail.error_path) or (_s(attr.std_err) if attr is not None else None),
        start_time=_s(detail.job_start_time),
        end_time=None if end in (None, "Unknown") else _api_time(end),
        detail=detail,
    )


def _api_time(text: str) -> str:
    """``2026-09-14T14:47:13`` (Slurm's form in ``jobInitAttr``) as the API writes times,
    ``2026-09-14 14:47:13``, so a status's start and end time read alike."""
    date, sep, clock = text.partition("T")
    return f"{date} {clock}" if sep and len(date) == 10 and clock[:2].isdigit() else text


def _history_state(code: str, exit_status: Any) -> JobState:
    state = JobState.from_code(code)
    if state is JobState.COMPLETED and _nonzero(exit_status):
        return JobState.FAILED
    return state


def _nonzero(value: Any) -> bool:
    if value is None or isinstance(value, Unset):
        return False
    try:
        return float(value) != 0
    except (TypeError, ValueError):
        return False


def _from_history(item: HistoryJob | HistoryJobDetail, **more: Any) -> JobStatus:
    """What a history row and a history detail both say (the detail adds the output paths)."""
    return JobStatus(
        job_id=item.job_id,
        state=_history_state(item.job_state, item.job_exit_status),
        raw_state=item.job_state,
        source="history",
        name=item.job_name,
        queue=item.queue,
        exit_code=_s(item.job_exit_status),
        work_dir=_s(item.workdir),
        start_time=_s(item.job_start_time),
        end_time=_s(item.job_end_time),
        detail=item,
        **more,
    )


def from_history(detail: HistoryJobDetail) -> JobStatus:
    return _from_history(
        detail,
        stdout_path=_s(detail.stdout),
        stderr_path=_s(detail.stderr),
        acct_time=detail.acct_time,
    )


def from_history_row(row: HistoryJob) -> JobStatus:
    return _from_history(row, acct_time=_s(row.acct_time))
