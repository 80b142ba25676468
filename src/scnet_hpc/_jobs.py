"""Following one job: realtime first, history once it has left, and ``wait()``'s polling.

A finished job stays in the realtime calls for five minutes, then only the history calls know
it. History *detail* without ``acctTime`` scans the whole accounting database on the live
service (more than 30 s), so a job is looked up in the history *list* filtered by its id — in a
1-day window, then 7, then 30 — and the detail is asked with the ``acctTime`` that row carries.
Right after submit the realtime detail can answer ``data: null`` for a few seconds; that is not
"gone" yet.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from scnet_hpc_api.api.files import read_file_content
from scnet_hpc_api.api.history import get_history_job, list_history_jobs
from scnet_hpc_api.api.jobs import get_job
from scnet_hpc_api.models import (
    FileContent,
    FileContentForm,
    FileContentFormRollDirection,
    HistoryJob,
    HistoryJobDetail,
    HistoryJobPage,
    ListHistoryJobsTimeType,
    RealtimeJobDetail,
)

from ._operations import Operation
from ._plans import Plan, Sleep
from ._poll import PollSchedule
from ._request import request
from ._service import CHINA_TIME
from ._states import JobState, JobStatus, from_history, from_history_row, from_realtime
from .errors import JobNotFoundError, JobTimeoutError

if TYPE_CHECKING:
    from ._core import Core

__all__ = ["HISTORY_WINDOWS", "VISIBILITY_GRACE", "JobRef", "china_time"]

#: History list windows (days) tried in turn when looking a job up by id.
HISTORY_WINDOWS = (1, 7, 30)
#: How long after submit a job may be invisible in the realtime calls before it counts as gone.
VISIBILITY_GRACE = 30.0


def china_time(t: float) -> str:
    """Epoch seconds as the API's ``yyyy-MM-dd HH:mm:ss`` in China time (UTC+8)."""
    return datetime.fromtimestamp(t, CHINA_TIME).strftime("%Y-%m-%d %H:%M:%S")


@dataclass
class JobRef:
    """What a job handle knows: its id, where it runs, and what was last seen of it."""

    job_id: str
    scheduler_id: int
    submitted_at: float | None = None
    stdout: str | None = None
    stderr: str | None = None
    job_name: str | None = None
    status: JobStatus | None = None
    seen: bool = False
    work_dir: str | None = None


def realtime_detail(core: Core, job_id: str) -> Plan[RealtimeJobDetail | None]:
    detail: RealtimeJobDetail | None = yield from request(
        core.token_source(), core.options, Operation.GET_JOB, lambda: get_job._get_kwargs(job_id)
    )
    return detail


def find_in_history(core: Core, job_id: str, scheduler_id: int) -> Plan[HistoryJob | None]:
    """The job's history row, looked up by id in widening windows (1, 7, 30 days)."""
    now = core.session.clock()
    for days in HISTORY_WINDOWS:

        def build(days: int = days) -> dict[str, object]:
            return list_history_jobs._get_kwargs(
                str_cluster_name_list=str(scheduler_id),
                start_time=china_time(now - days * 86400),
                end_time=china_time(now + 3600),  # an hour of slack for clock skew
                time_type=ListHistoryJobsTimeType.CUSTOM,
                job_id=job_id,
                start=0,
                limit=10,
                is_query_by_queue_time=False,
            )

        page: HistoryJobPage = yield from request(
            core.token_source(), core.options, Operation.LIST_HISTORY_JOBS, build
        )
        for row in page.list_ or []:
            if row.job_id == job_id:
                return row
    return None


def history_detail(
    core: Core, job_id: str, scheduler_id: int, acct_time: str
) -> Plan[HistoryJobDetail | None]:
    detail: HistoryJobDetail | None = yield from request(
        core.token_source(),
        core.options,
        Operation.GET_HISTORY_JOB,
        lambda: get_history_job._get_kwargs(str(scheduler_id), job_id, acct_time=acct_time),
    )
    return detail


def status_from_history(core: Core, job_id: str, scheduler_id: int) -> Plan[JobStatus | None]:
    row = yield from find_in_history(core, job_id, scheduler_id)
    if row is None:
        return None
    acct = row.acct_time if isinstance(row.acct_time, str) and row.acct_time else row.job_end_time
    detail = yield from history_detail(core, job_id, scheduler_id, acct)
    return from_history(detail) if detail is not None else from_history_row(row)


def lookup(core: Core, ref: JobRef) -> Plan[JobStatus | None]:
    """Current status; ``None`` while a just-submitted job is not visible yet."""
    detail = yield from realtime_detail(core, ref.job_id)
    if detail is not None:
        ref.seen = True
        ref.status = from_realtime(ref.job_id, detail)
        return ref.status
    if not ref.seen and _in_grace(core, ref):
        return None
    status = yield from status_from_history(core, ref.job_id, ref.scheduler_id)
    if status is None:
        raise JobNotFoundError(
            ref.job_id,
            "not in the realtime list nor in the last 30 days of history "
            f"(scheduler {ref.scheduler_id})",
        )
    ref.seen = True
    ref.status = status
    return status


def refresh(core: Core, ref: JobRef) -> Plan[JobStatus]:
    status = yield from lookup(core, ref)
    if status is None:  # submitted moments ago, not listed yet
        status = JobStatus(ref.job_id, JobState.UNKNOWN, "", "realtime", name=ref.job_name)
        ref.status = status
    return status


def wait(
    core: Core,
    ref: JobRef,
    timeout: float | None,
    schedule: PollSchedule,
    on_status: Callable[[JobStatus | None], object] | None = None,
) -> Plan[JobStatus]:
    clock = core.session.clock
    started = clock()
    previous: float | None = None
    while True:
        status = yield from lookup(core, ref)
        if on_status is not None:
            on_status(status)  # e.g. a CLI's live status line; None while not visible yet
        if status is not None and status.is_terminal:
            return status
        delay = schedule.delay_within(previous, clock() - started, timeout)
        if delay is None:
            assert timeout is not None
            raise JobTimeoutError(ref.job_id, timeout, ref.status)
        yield Sleep(delay)
        previous = delay


def _in_grace(core: Core, ref: JobRef) -> bool:
    return (
        ref.submitted_at is not None and core.session.clock() - ref.submitted_at < VISIBILITY_GRACE
    )


# --------------------------------------------------------------------------- output


def read_page(core: Core, path: str, page: int, direction: str) -> Plan[FileContent]:
    form = FileContentForm(
        dir_path=path,
        trigger_num=page,
        roll_direction=FileContentFormRollDirection(direction),
        host_name="",
    )
    content: FileContent = yield from request(
        core.token_source(),
        core.options,
        Operation.READ_FILE_CONTENT,
        lambda: read_file_content._get_kwargs(body=form),
    )
    return content


def read_text(core: Core, path: str) -> Plan[str]:
    """The whole file, all 1000-line pages in order."""
    first = yield from read_page(core, path, 1, "DOWN")
    parts = [first.data]
    for page in range(2, first.total_trigger_times + 1):
        content = yield from read_page(core, path, page, "DOWN")
        parts.append(content.data)
    return "".join(parts)


def output_path(ref: JobRef, stream: str, cluster_user: str | None) -> str | None:
    """Where the job writes ``stream``: what the service says, else the submitted pattern."""
    status = ref.status
    known = None
    if status is not None:
        known = status.stdout_path if stream == "stdout" else status.stderr_path
    pattern = known or (ref.stdout if stream == "stdout" else ref.stderr)
    if not pattern and status is not None and status.work_dir:
        pattern = f"{status.work_dir.rstrip('/')}/std.{'out' if stream == 'stdout' else 'err'}.%j"
    if not pattern:
        return None
    path = pattern.replace("%j", ref.job_id).replace("%x", ref.job_name or status_name(ref))
    if cluster_user:
        path = path.replace("%u", cluster_user)
    return path.replace("%%", "%")


def status_name(ref: JobRef) -> str:
    return (ref.status.name if ref.status and ref.status.name else None) or "%x"
