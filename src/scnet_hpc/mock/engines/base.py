"""What the mock needs from a scheduler, in the scheduler's terms rather than the API's.

The HTTP layer (routing, tokens, request validation, envelopes, rendering of rows) is shared;
whatever actually runs jobs sits behind ``Engine``. ``simulated`` keeps everything in memory on
the mock clock; a ``slurm`` engine drives a real Slurm through ``slurm.cli``. Engines speak Slurm's
vocabulary (state words such as ``PENDING`` or ``TIMEOUT``, epoch seconds, core counts) because
both engines have it natively; translating to the API's codes (``statQ``, ``statD``, ...) and
formats (China-time strings, string-typed numbers) is the HTTP layer's job, done once.

Every method must be safe to call from several threads at once. An engine whose calls may
block (a command, a file system walk, a sleep) says so with a true ``blocking`` attribute: the
HTTP layer then calls it from worker threads, so that one slow call never stalls every other
client; one that answers from memory sets it false and is called on the event loop (cheaper).
An engine without the attribute is taken to block (``engine_blocks``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Protocol, runtime_checkable

__all__ = [
    "ACTIVE_STATES",
    "PAGE_LINES",
    "CancelOutcome",
    "Engine",
    "FilePage",
    "JobRecord",
    "JobRequest",
    "QueueInfo",
    "SchedulerInfo",
    "StorageInfo",
    "SubmitRejected",
    "UserLimits",
    "engine_blocks",
    "page_of_lines",
]

#: Slurm state words of jobs that have not finished.
ACTIVE_STATES = frozenset({"PENDING", "RUNNING", "SUSPENDED", "CONFIGURING", "COMPLETING"})
#: Lines per page of the file-content operation.
PAGE_LINES = 1000


class SubmitRejected(Exception):
    """The scheduler refused a job; ``message`` is its stderr, verbatim (``sbatch: error: ...``)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class SchedulerInfo:
    id: int
    name: str
    type: str
    address: str
    port: str


@dataclass(frozen=True)
class QueueInfo:
    """A queue (partition) with its limits and its current load. ``None`` limits mean unlimited."""

    name: str
    nodes: tuple[str, ...]
    cores_per_node: int
    free_nodes: int
    free_cores: int
    gpus_per_node: int = 0
    dcus_per_node: int = 0
    max_walltime: int | None = None
    max_nodes_per_job: int | None = None
    max_cores_per_job: int | None = None
    min_nodes: int = 1
    priority: int = 6000
    charge_rate: str = "1.0"
    enabled: bool = True


@dataclass(frozen=True)
class UserLimits:
    """A user's limits on one scheduler; -1 means "no limit"."""

    user: str
    account: str
    max_cpu: int = -1
    max_gpu: int = -1
    max_dcu: int = -1
    max_mlu: int = -1
    max_mem_mb: int = -1
    max_nodes: int = -1
    max_submit_jobs: int = -1
    max_running_jobs: int = -1
    account_max_cpu: int = -1
    account_max_gpu: int = -1
    account_max_dcu: int = -1
    account_max_nodes: int = -1
    #: core-seconds still available to the account, -1 when there is no budget
    remaining_core_seconds: int = -1


@dataclass(frozen=True)
class JobRequest:
    """A submit request after API-level validation: every number parsed, every rule checked
    that does not depend on the scheduler (the scheduler checks queue and limits itself).

    Exactly one of ``nodes`` / ``node_list`` and one of ``cores_per_node`` / ``total_cores``
    is set. ``stdout_pattern`` may hold Slurm's ``%j``-style patterns. ``array_size`` is the
    job-array length from ``GAP_MULTI_SUB`` (0 = a plain job); it is only ever non-zero for an
    engine whose ``supports_arrays`` attribute is true.
    """

    user: str
    account: str
    name: str
    queue: str
    command: str
    work_dir: str
    walltime: int
    stdout_pattern: str
    stderr_pattern: str
    nodes: int | None = None
    node_list: tuple[str, ...] = ()
    cores_per_node: int | None = None
    total_cores: int | None = None
    gpus_per_node: int = 0
    dcus_per_node: int = 0
    mem_per_node_mb: int | None = None
    exclusive: bool = False
    submit_type: str = "cmd"
    app_name: str = "BASE"
    extra: Mapping[str, str] = field(default_factory=dict)
    array_size: int = 0


@dataclass(frozen=True)
class JobRecord:
    """A job as the scheduler sees it. Times are epoch seconds (``None`` = not yet)."""

    job_id: str
    scheduler_id: int
    name: str
    user: str
    account: str
    queue: str
    state: str  # Slurm word: PENDING, RUNNING, COMPLETED, FAILED, CANCELLED, TIMEOUT, ...
    reason: str
    submit_time: int
    start_time: int | None
    end_time: int | None
    walltime: int | None
    num_nodes: int
    num_cores: int
    nodes: tuple[str, ...] = ()  # allocated nodes, empty while pending
    gpus_per_node: int = 0
    dcus_per_node: int = 0
    mem_per_node_mb: int | None = None
    work_dir: str = ""
    command: str = ""
    stdout_path: str = ""
    stderr_path: str = ""
    exit_code: int | None = None
    signal: int | None = None
    app_name: str = "BASE"
    exclusive: bool = False

    @property
    def finished(self) -> bool:
        return self.state not in ACTIVE_STATES


@dataclass(frozen=True)
class CancelOutcome:
    job_id: str
    ok: bool
    #: the scheduler's own message when ``ok`` is false (``scancel: error: ...``)
    message: str = ""


@dataclass(frozen=True)
class FilePage:
    text: str
    total_lines: int
    total_pages: int
    exists: bool = True


@dataclass(frozen=True)
class StorageInfo:
    path: str
    quota_gb: float
    used_gb: float
    quota_id: int = 0


@runtime_checkable
class Engine(Protocol):
    """The scheduling side of a mock deployment (see the module docstring)."""

    def schedulers(self) -> Sequence[SchedulerInfo]:
        """Every scheduler the engine runs; the deployment says which region owns which."""
        ...

    def queues(self, scheduler_id: int) -> Sequence[QueueInfo]: ...

    def user_limits(self, scheduler_id: int, user: str) -> UserLimits: ...

    def submit(self, scheduler_id: int, request: JobRequest) -> str:
        """Queue a job and return its id, or raise ``SubmitRejected`` with sbatch's message."""
        ...

    def realtime_jobs(self, scheduler_id: int, *, user: str | None = None) -> Sequence[JobRecord]:
        """Unfinished jobs plus those that finished within the realtime retention window; only
        ``user``'s when given (the HTTP layer always asks for the caller's, so that an engine
        with an index per user need not go through everyone's jobs)."""
        ...

    def realtime_job(self, scheduler_id: int, job_id: str) -> JobRecord | None: ...

    def history_jobs(self, scheduler_id: int, *, user: str | None = None) -> Sequence[JobRecord]:
        """Every finished job (the accounting database); only ``user``'s when given."""
        ...

    def history_job(self, scheduler_id: int, job_id: str) -> JobRecord | None:
        """One finished job by its id, or None."""
        ...

    def cancel(self, scheduler_id: int, user: str, job_ids: Sequence[str]) -> list[CancelOutcome]:
        """Cancel ``user``'s jobs; one outcome per id, in order. Never raises for a bad id."""
        ...

    def read_file(
        self, scheduler_id: int, user: str, path: str, *, page: int, from_end: bool
    ) -> FilePage:
        """Page ``page`` (1-based, ``PAGE_LINES`` lines) of a file ``user`` may read."""
        ...

    def used_core_seconds(self, scheduler_id: int, user: str) -> float: ...

    def storage(self, scheduler_id: int, user: str) -> Sequence[StorageInfo]: ...

    def close(self) -> None:
        """Release whatever the engine holds (threads, processes); called at app shutdown."""
        ...


def engine_blocks(engine: object) -> bool:
    """Whether the HTTP layer must keep ``engine``'s calls off its event loop (see above)."""
    return bool(getattr(engine, "blocking", True))


def page_of_lines(lines: Sequence[str], page: int, *, from_end: bool) -> FilePage:
    """Cut ``PAGE_LINES``-line pages: page 1 is the first (``from_end=False``) or last lines."""
    total = len(lines)
    pages = -(-total // PAGE_LINES)
    if page < 1 or page > pages:
        return FilePage(text="", total_lines=total, total_pages=pages)
    if from_end:
        stop = total - (page - 1) * PAGE_LINES
        start = max(0, stop - PAGE_LINES)
    else:
        start = (page - 1) * PAGE_LINES
        stop = min(total, start + PAGE_LINES)
    text = "".join(line + "\n" for line in lines[start:stop])
    return FilePage(text=text, total_lines=total, total_pages=pages)
