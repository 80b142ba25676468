"""Every public operation once, as a plan; ``Client`` and ``AsyncClient`` only run these.

Arguments the service needs but a person should not have to look up (the scheduler id, the
cluster user name, a home directory for ``work_dir``) default to what the region says.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from typing import Any, Literal

from scnet_hpc_api.api.clusters import (
    get_user_limits,
    list_clusters,
    list_queue_details,
    list_user_queues,
)
from scnet_hpc_api.api.history import list_history_jobs, list_platform_history_jobs
from scnet_hpc_api.api.jobs import cancel_jobs, list_jobs, list_platform_jobs, submit_job
from scnet_hpc_api.api.statistics import (
    get_core_state_stats,
    get_job_state_stats,
    get_queue_job_stats,
    get_storage_quota,
    get_used_walltime,
)
from scnet_hpc_api.api.users import get_user, list_group_members, list_member_jobs
from scnet_hpc_api.models import (
    CancelJobsEnvelopeData,
    CancelJobsForm,
    CancelJobsFormJobMethod,
    Cluster,
    FileContent,
    GroupMember,
    HistoryJob,
    HistoryJobDetail,
    HistoryJobPage,
    JobInfo,
    JobStateCode,
    JobStateCount,
    ListHistoryJobsSort,
    ListHistoryJobsTimeType,
    MemberJob,
    PlatformHistoryJob,
    PlatformJob,
    PlatformJobQuery,
    Queue,
    QueueDetail,
    QueueJobCount,
    RealtimeJob,
    RealtimeJobPage,
    RealtimeStateCode,
    StorageQuota,
    SubmitJobRequest,
    UserInfo,
    UserLimit,
)
from scnet_hpc_api.types import UNSET, Unset

from . import _jobs, _platform
from ._files import FilePlans
from ._jobs import JobRef, china_time
from ._jobspec import JobSpec
from ._many import JobsWaiter, SubmitOutcome
from ._operations import OPERATIONS, Operation
from ._options import DEFAULT_PAGE_SIZE, Options
from ._plans import Gather, Plan
from ._platform import CoreState
from ._poll import PollSchedule
from ._regions import Region, RegionInfo
from ._request import TokenSource, request
from ._service import CHINA_TIME
from ._session import AccessKeyCredentials, Session
from ._states import JobState, JobStatus
from ._tokens import PLATFORM_REGION
from .errors import ContractViolation, InvalidArgumentError, JobNotFoundError, ScnetError

__all__ = ["DEFAULT_PAGE_SIZE", "PLATFORM_PAGE_SIZE", "Core", "TimeArg", "scheduler_id_int"]

TimeArg = datetime | str | float | None
_REALTIME_CODES = {
    JobState.QUEUED: "statQ",
    JobState.RUNNING: "statR",
    JobState.HELD: "statH",
    JobState.SUSPENDED: "statS",
    JobState.EXITING: "statE",
    JobState.COMPLETED: "statC",
    JobState.WAITING: "statW",
    JobState.UNKNOWN: "statX",
}
#: The history code to ask the service for per state; ``None`` asks for every state.
_HISTORY_CODES: dict[JobState, str | None] = {
    JobState.COMPLETED: "statC",
    JobState.FAILED: None,  # statDE, and statC rows with a non-zero exit status
    JobState.CANCELLED: "statD",
    JobState.TIMEOUT: "statT",
    JobState.REQUEUED: "statRQ",
    JobState.NODE_FAIL: "statN",
}
#: States that no history code captures exactly: the rows the service sends are read with
#: ``JobStatus.from_history_row`` and kept when they are in that state.
_HISTORY_READ_STATES = frozenset({JobState.COMPLETED, JobState.FAILED})
#: Rows per page of the platform's cross-region lists (the web console asks for 10 to 100).
PLATFORM_PAGE_SIZE = 100


class Core:
    """The session plus per-call options; all methods return plans."""

    def __init__(self, session: Session, options: Options) -> None:
        self.session = session
        self.options = options
        self.files = FilePlans(self)

    def with_options(self, options: Options) -> Core:
        return Core(self.session, options)

    def token_source(self) -> TokenSource:
        return self.session.token_source()

    def _get(self, operation: Operation, build: Any) -> Plan[Any]:
        return request(self.session.token_source(), self.options, operation, build)

    def _scheduler(self, scheduler_id: int | str | None) -> Plan[int]:
        if scheduler_id is None:
            return (yield from self.session.scheduler_id())
        return scheduler_id_int(scheduler_id)

    def _user(self, user: str | None) -> Plan[str]:
        if user is None:
            return (yield from self.session.cluster_user())
        return _nonempty("user", user)

    # ------------------------------------------------------------------ regions & clusters

    def regions(self) -> Plan[list[Region]]:
        return self.session.regions()

    def sign_in(self) -> Plan[list[Region]]:
        return self.session.sign_in()

    def region_info(self) -> Plan[RegionInfo]:
        return self.session.region_info()

    def clusters(self) -> Plan[list[Cluster]]:
        clusters: list[Cluster] = yield from self._get(
            Operation.LIST_CLUSTERS, list_clusters._get_kwargs
        )
        self.session.remember_schedulers(clusters)
        return clusters

    def queues(self, scheduler_id: int | str | None, user: str | None) -> Plan[list[Queue]]:
        sched = yield from self._scheduler(scheduler_id)
        name = yield from self._user(user)
        queues: list[Queue] = yield from self._get(
            Operation.LIST_USER_QUEUES,
            lambda: list_user_queues._get_kwargs(name, str_job_manager_id=str(sched)),
        )
        return queues

    def queue_details(self, scheduler_id: int | str | None) -> Plan[list[QueueDetail]]:
        sched = yield from self._scheduler(scheduler_id)
        details: list[QueueDetail] = yield from self._get(
            Operation.LIST_QUEUE_DETAILS,
            lambda: list_queue_details._get_kwargs(str_job_manager_id=str(sched)),
        )
        return details

    def user_limits(self, scheduler_id: int | str | None) -> Plan[UserLimit | None]:
        sched = yield from self._scheduler(scheduler_id)
        data: UserLimit | list[UserLimit] = yield from self._get(
            Operation.GET_USER_LIMITS,
            lambda: get_user_limits._get_kwargs(str_job_manager_id=str(sched)),
        )
        if isinstance(data, list):  # the docs say array; the live service sends one object
            return data[0] if data else None
        return data

    # ------------------------------------------------------------------ jobs

    def submit(self, spec: JobSpec, scheduler_id: int | str | None) -> Plan[JobRef]:
        _check_spec(spec)
        sched = yield from self._scheduler(scheduler_id)
        home = None
        if _needs_home(spec):
            home = yield from self.session.home_path()
        return (yield from self._submit_one(spec, sched, home))

    def submit_many(
        self, specs: Sequence[JobSpec], scheduler_id: int | str | None, concurrency: int
    ) -> Plan[SubmitOutcome]:
        """Every spec submitted once, up to ``concurrency`` at a time; one failure stops none of
        the others. The session (token, scheduler, home) is settled first, so that the submits
        running side by side only read it."""
        specs = list(specs)
        for spec in specs:
            _check_spec(spec)
        if isinstance(concurrency, bool) or not isinstance(concurrency, int) or concurrency < 1:
            raise InvalidArgumentError(
                f"concurrency must be a whole number >= 1, got {concurrency!r}"
            )
        if not specs:
            return SubmitOutcome()
        sched = yield from self._scheduler(scheduler_id)
        home = None
        if any(_needs_home(spec) for spec in specs):
            home = yield from self.session.home_path()
        yield from self.token_source().endpoint(OPERATIONS[Operation.SUBMIT_JOB])
        plans = tuple(self._submit_one(spec, sched, home) for spec in specs)
        outcomes = yield Gather(plans, concurrency)
        return SubmitOutcome.of(outcomes)

    def _submit_one(self, spec: JobSpec, sched: int, home: str | None) -> Plan[JobRef]:
        info = spec.to_gap(home_path=home, now=self.session.clock())
        body = SubmitJobRequest(str_job_manager_id=sched, map_app_job_info=JobInfo.from_dict(info))
        job_id: str = yield from request(
            self.session.token_source(),
            self.options,
            Operation.SUBMIT_JOB,
            lambda: submit_job._get_kwargs("BASIC", "BASE", body=body),
        )
        return JobRef(
            job_id=str(job_id),
            scheduler_id=sched,
            submitted_at=self.session.clock(),
            stdout=info.get("GAP_STD_OUT_FILE"),
            stderr=info.get("GAP_STD_ERR_FILE"),
            job_name=info["GAP_JOB_NAME"],
            work_dir=info.get("GAP_WORK_DIR"),
        )

    def attach(self, job_id: str, scheduler_id: int | str | None) -> Plan[JobRef]:
        sched = yield from self._scheduler(scheduler_id)
        return JobRef(job_id=_job_id(job_id), scheduler_id=sched)

    def job(self, job_id: str, scheduler_id: int | str | None) -> Plan[JobRef]:
        ref = yield from self.attach(job_id, scheduler_id)
        yield from _jobs.refresh(self, ref)
        return ref

    def refresh(self, ref: JobRef) -> Plan[JobStatus]:
        return _jobs.refresh(self, ref)

    def wait(
        self,
        ref: JobRef,
        timeout: float | None,
        poll: PollSchedule | None,
        on_status: Callable[[JobStatus | None], object] | None,
    ) -> Plan[JobStatus]:
        _check_timeout(timeout)
        return _jobs.wait(self, ref, timeout, poll or PollSchedule(), on_status)

    def wait_many(
        self,
        jobs: Sequence[JobRef | str | int],
        scheduler_id: int | str | None,
        timeout: float | None,
        poll: PollSchedule | None,
        on_status: Callable[[str, JobStatus | None], object] | None,
    ) -> Plan[JobsWaiter]:
        """A ``JobsWaiter`` for handles (their ``JobRef``) and ids (on ``scheduler_id``)."""
        _check_timeout(timeout)
        items = list(jobs)
        ids = [None if isinstance(item, JobRef) else _job_id(item) for item in items]
        sched = 0
        if any(job_id is not None for job_id in ids):
            sched = yield from self._scheduler(scheduler_id)
        refs = [
            item if isinstance(item, JobRef) else JobRef(job_id=str(job_id), scheduler_id=sched)
            for item, job_id in zip(items, ids, strict=True)
        ]
        return JobsWaiter(self, refs, timeout, poll or PollSchedule(), on_status)

    def output(self, ref: JobRef, stream: Literal["stdout", "stderr"]) -> Plan[str]:
        if stream not in ("stdout", "stderr"):
            raise InvalidArgumentError(f"stream must be 'stdout' or 'stderr', got {stream!r}")
        user = yield from self.session.cluster_user()
        path = _jobs.output_path(ref, stream, user)
        if path is None:
            yield from _jobs.refresh(self, ref)
            path = _jobs.output_path(ref, stream, user)
        if path is None:
            raise JobNotFoundError(ref.job_id, f"the service does not say where its {stream} is")
        return (yield from _jobs.read_text(self, path))

    def jobs(
        self,
        *,
        state: JobState | str | None,
        queue: str | None,
        name: str | None,
        job_id: str | None,
        owner: str | None,
        scheduler_id: int | str | None,
        limit: int | None,
        page_size: int,
    ) -> Plan[list[RealtimeJob]]:
        code = _state_code(state, _REALTIME_CODES, "realtime")
        stat = RealtimeStateCode(code) if code else UNSET
        _check_paging(limit, page_size)
        sched = yield from self._scheduler(scheduler_id)
        rows: list[RealtimeJob] = []
        while limit is None or len(rows) < limit:
            size = page_size if limit is None else min(page_size, limit - len(rows))
            start = len(rows)

            def build(start: int = start, size: int = size) -> dict[str, Any]:
                return list_jobs._get_kwargs(
                    str_cluster_id_list=sched,
                    str_job_owner=_opt(owner),
                    str_job_name=_opt(name),
                    str_job_id=_opt(job_id),
                    start=start,
                    limit=size,
                    str_queue_name=_opt(queue),
                    str_job_stat=stat,
                )

            page: RealtimeJobPage = yield from self._get(Operation.LIST_JOBS, build)
            batch = page.list_ or []
            rows += batch
            if len(batch) < size or len(rows) >= page.total:
                break
        return rows

    def cancel(
        self, job_ids: str | Sequence[str], user: str | None, scheduler_id: int | str | None
    ) -> Plan[dict[str, str]]:
        ids = [job_ids] if isinstance(job_ids, str) else list(job_ids)
        if not ids:
            raise InvalidArgumentError("cancel() needs at least one job id")
        ids = [_job_id(j) for j in ids]
        sched = yield from self._scheduler(scheduler_id)
        name = yield from self._user(user)
        form = CancelJobsForm(
            job_method=CancelJobsFormJobMethod.DELETE,
            str_job_info_map=";".join(f"{sched},{name}:{j}:" for j in ids),
        )
        data: CancelJobsEnvelopeData = yield from request(
            self.session.token_source(),
            self.options,
            Operation.CANCEL_JOBS,
            lambda: cancel_jobs._get_kwargs(body=form),
        )
        return dict(data.additional_properties)

    # ------------------------------------------------------------------ history

    def history(
        self,
        *,
        start_time: TimeArg,
        end_time: TimeArg,
        days: float,
        job_id: str | None,
        state: JobState | str | None,
        queue: str | None,
        name: str | None,
        user: str | None,
        scheduler_id: int | str | None,
        by_queue_time: bool,
        sort: Literal["DESC", "ASC"],
        order_by: str | None,
        limit: int | None,
        page_size: int,
    ) -> Plan[list[HistoryJob]]:
        now = self.session.clock()
        end = _time_arg("end_time", end_time) if end_time is not None else china_time(now)
        if start_time is not None:
            begin = _time_arg("start_time", start_time)
        else:
            if isinstance(days, bool) or not isinstance(days, int | float) or days <= 0:
                raise InvalidArgumentError(f"days must be a positive number, got {days!r}")
            anchor = _parse_china(end)
            begin = china_time(anchor - days * 86400)
        if sort not in ("DESC", "ASC"):
            raise InvalidArgumentError(f"sort must be 'DESC' or 'ASC', got {sort!r}")
        code = _state_code(state, _HISTORY_CODES, "history")
        job_state = JobStateCode(code) if code else UNSET
        wanted = state if isinstance(state, JobState) and state in _HISTORY_READ_STATES else None
        _check_paging(limit, page_size)
        sched = yield from self._scheduler(scheduler_id)
        rows: list[HistoryJob] = []
        fetched = 0
        while limit is None or len(rows) < limit:
            # Rows dropped on this side make the count of rows still needed unknowable.
            size = page_size
            if limit is not None and wanted is None:
                size = min(page_size, limit - len(rows))
            start = fetched

            def build(start: int = start, size: int = size) -> dict[str, Any]:
                return list_history_jobs._get_kwargs(
                    str_cluster_name_list=str(sched),
                    start_time=begin,
                    end_time=end,
                    time_type=ListHistoryJobsTimeType.CUSTOM,
                    queue=_opt(queue),
                    sort=ListHistoryJobsSort(sort),
                    order_by=_opt(order_by),
                    job_id=_opt(job_id),
                    job_state=job_state,
                    str_user=_opt(user),
                    job_name=_opt(name),
                    start=start,
                    limit=size,
                    is_query_by_queue_time=by_queue_time,
                )

            page: HistoryJobPage = yield from self._get(Operation.LIST_HISTORY_JOBS, build)
            batch = page.list_ or []
            fetched += len(batch)
            rows += batch if wanted is None else [r for r in batch if _reads_as(r, wanted)]
            if len(batch) < size or fetched >= page.total:
                break
        return rows if limit is None else rows[:limit]

    def history_job(
        self, job_id: str, acct_time: str | None, scheduler_id: int | str | None
    ) -> Plan[HistoryJobDetail | None]:
        job_id = _job_id(job_id)
        sched = yield from self._scheduler(scheduler_id)
        if acct_time is None:
            row = yield from _jobs.find_in_history(self, job_id, sched)
            if row is None:
                return None
            acct_time = row.acct_time if isinstance(row.acct_time, str) else row.job_end_time
        return (yield from _jobs.history_detail(self, job_id, sched, acct_time))

    # ------------------------------------------------------------------ files & statistics

    def read_file(
        self, path: str, page: int, direction: Literal["DOWN", "UP"]
    ) -> Plan[FileContent]:
        _nonempty("path", path)
        if isinstance(page, bool) or not isinstance(page, int) or page < 1:
            raise InvalidArgumentError(f"page must be a whole number >= 1, got {page!r}")
        if direction not in ("DOWN", "UP"):
            raise InvalidArgumentError(f"direction must be 'DOWN' or 'UP', got {direction!r}")
        return (yield from _jobs.read_page(self, path, page, direction))

    def read_text(self, path: str) -> Plan[str]:
        _nonempty("path", path)
        return (yield from _jobs.read_text(self, path))

    def job_state_stats(self, user: str | None) -> Plan[list[JobStateCount]]:
        name = yield from self._user(user)
        counts: list[JobStateCount] = yield from self._get(
            Operation.GET_JOB_STATE_STATS, lambda: get_job_state_stats._get_kwargs(user_name=name)
        )
        return counts

    def queue_stats(self, user: str | None) -> Plan[list[QueueJobCount]]:
        name = yield from self._user(user)
        counts: list[QueueJobCount] | None = yield from self._get(
            Operation.GET_QUEUE_JOB_STATS, lambda: get_queue_job_stats._get_kwargs(user_name=name)
        )
        return counts or []  # documented: null when no queue has jobs

    def used_walltime(self, user: str | None) -> Plan[float]:
        name = yield from self._user(user)
        value: float | str = yield from self._get(
            Operation.GET_USED_WALLTIME, lambda: get_used_walltime._get_kwargs(name)
        )
        try:
            return float(value)
        except ValueError:
            raise ContractViolation(
                f"used walltime is not a number: {value!r}",
                operation=Operation.GET_USED_WALLTIME,
                raw=value,
            ) from None

    def storage_quota(self, user: str | None) -> Plan[list[StorageQuota]]:
        name = yield from self._user(user)
        quotas: list[StorageQuota] = yield from self._get(
            Operation.GET_STORAGE_QUOTA, lambda: get_storage_quota._get_kwargs(name)
        )
        return quotas

    def core_state(self) -> Plan[CoreState]:
        counts = yield from self._get(
            Operation.GET_CORE_STATE_STATS, get_core_state_stats._get_kwargs
        )
        return _platform.core_state(counts)

    # ------------------------------------------------------------------ the platform (all regions)

    def _platform_source(self) -> TokenSource:
        """The platform token when the client signs in (what public clients of the live service
        use for the platform views), else the client's own token."""
        if isinstance(self.session.credentials, AccessKeyCredentials):
            return self.session.token_source(PLATFORM_REGION)
        return self.session.token_source()

    def whoami(self) -> Plan[UserInfo]:
        # The region token: ``computerCenter`` then names the client's region.
        user: UserInfo = yield from self._get(Operation.GET_USER, get_user._get_kwargs)
        return user

    def group_members(self) -> Plan[list[GroupMember]]:
        members: list[GroupMember] = yield from request(
            self._platform_source(),
            self.options,
            Operation.LIST_GROUP_MEMBERS,
            list_group_members._get_kwargs,
        )
        return members

    def member_jobs(
        self, member: GroupMember | str, group_id: int | str | None, region: int | str | None
    ) -> Plan[list[MemberJob]]:
        if isinstance(member, GroupMember):
            name = member.cluster_user_name
            group_id = member.group_id if group_id is None else group_id
            region = member.cluster_id if region is None else region
        else:
            name = _nonempty("member", member)
        if group_id is None:
            raise InvalidArgumentError(
                "member_jobs() needs group_id, or a GroupMember from group_members()"
            )
        group = _id_int("group_id", group_id)
        if region is None:
            region = (yield from self.session.region_info()).id
        region_id = _id_int("region", region)
        jobs: list[MemberJob] = yield from request(
            self._platform_source(),
            self.options,
            Operation.LIST_MEMBER_JOBS,
            lambda: list_member_jobs._get_kwargs(region_id, group, name),
        )
        return jobs

    def platform_jobs(
        self,
        *,
        state: JobState | str | None,
        queue: str | None,
        job_id: str | None,
        region: int | str | None,
        cluster_user: str | None,
        group: bool,
        limit: int | None,
        page_size: int,
    ) -> Plan[list[PlatformJob]]:
        code = _state_code(state, _REALTIME_CODES, "realtime")
        _check_paging(limit, page_size)
        query = _platform_query(code, queue, job_id, region, cluster_user, group, "", "")
        rows: list[PlatformJob] = yield from _platform.platform_pages(
            self._platform_source(),
            self.options,
            Operation.LIST_PLATFORM_JOBS,
            lambda body: list_platform_jobs._get_kwargs(body=body),
            query,
            limit,
            page_size,
        )
        return rows

    def platform_history(
        self,
        *,
        start_time: TimeArg,
        end_time: TimeArg,
        state: JobState | str | None,
        queue: str | None,
        job_id: str | None,
        region: int | str | None,
        cluster_user: str | None,
        group: bool,
        limit: int | None,
        page_size: int,
    ) -> Plan[list[PlatformHistoryJob]]:
        code = _state_code(state, _HISTORY_CODES, "history")
        if state is not None and code is None:
            raise InvalidArgumentError(
                f"{state} has no history code to ask the platform list for; use history()"
            )
        _check_paging(limit, page_size)
        begin = "" if start_time is None else _time_arg("start_time", start_time)
        end = "" if end_time is None else _time_arg("end_time", end_time)
        query = _platform_query(code, queue, job_id, region, cluster_user, group, begin, end)
        rows: list[PlatformHistoryJob] = yield from _platform.platform_pages(
            self._platform_source(),
            self.options,
            Operation.LIST_PLATFORM_HISTORY_JOBS,
            lambda body: list_platform_history_jobs._get_kwargs(body=body),
            query,
            limit,
            page_size,
        )
        return rows


def _platform_query(
    code: str | None,
    queue: str | None,
    job_id: str | None,
    region: int | str | None,
    cluster_user: str | None,
    group: bool,
    begin: str,
    end: str,
) -> Callable[[int, int], PlatformJobQuery]:
    """The body of each page, every member sent (``""`` = no filter), as live clients do."""
    region_id = "" if region is None else str(_id_int("region", region))
    job = "" if job_id is None else _job_id(job_id)

    def query(page: int, size: int) -> PlatformJobQuery:
        return PlatformJobQuery(
            page=page,
            size=size,
            cluster_id=region_id,
            queue=queue or "",
            job_state=code or "",
            job_id=job,
            start_time=begin,
            end_time=end,
            show_group_jobs=bool(group),
            cluster_user_name=cluster_user or "",
            show_all_data=False,
        )

    return query


def _id_int(name: str, value: int | str) -> int:
    text = str(value).strip() if not isinstance(value, bool) else ""
    if not text.isdigit():
        raise InvalidArgumentError(f"{name} must be a numeric id, got {value!r}")
    return int(text)


# --------------------------------------------------------------------------- argument checks


def _opt(value: str | None) -> str | Unset:
    return UNSET if value is None else value


def _nonempty(name: str, value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise InvalidArgumentError(f"{name} must be a non-empty string, got {value!r}")
    return value.strip()


def _job_id(value: Any) -> str:
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    return _nonempty("job_id", value)


def scheduler_id_int(value: int | str, *, error: type[ScnetError] = InvalidArgumentError) -> int:
    """A scheduler id as the API's integer; ``error`` says whose mistake a bad one is (a
    method argument: ``InvalidArgumentError``; a client setting: ``ConfigurationError``)."""
    text = str(value).strip() if not isinstance(value, bool) else ""
    if not text.isdigit():
        raise error(f"scheduler_id must be a number such as 1638523853, got {value!r}")
    return int(text)


def _check_timeout(timeout: float | None) -> None:
    if timeout is not None and (isinstance(timeout, bool) or not timeout >= 0):
        raise InvalidArgumentError(f"timeout must be >= 0 seconds or None, got {timeout!r}")


def _check_spec(spec: Any) -> None:
    if not isinstance(spec, JobSpec):
        raise InvalidArgumentError(f"submit() takes a JobSpec, got {type(spec).__name__}")


def _needs_home(spec: JobSpec) -> bool:
    return spec.work_dir is None and "GAP_WORK_DIR" not in spec.extra


def _check_paging(limit: int | None, page_size: int) -> None:
    if limit is not None and (isinstance(limit, bool) or not isinstance(limit, int) or limit < 1):
        raise InvalidArgumentError(f"limit must be a whole number >= 1 or None, got {limit!r}")
    if isinstance(page_size, bool) or not isinstance(page_size, int) or page_size < 1:
        raise InvalidArgumentError(f"page_size must be a whole number >= 1, got {page_size!r}")


def _reads_as(row: HistoryJob, state: JobState) -> bool:
    return JobStatus.from_history_row(row).state is state


def _state_code(
    state: JobState | str | None, codes: Mapping[JobState, str | None], kind: str
) -> str | None:
    if state is None:
        return None
    if isinstance(state, JobState):
        if state not in codes:
            known = ", ".join(s.name for s in codes)
            raise InvalidArgumentError(f"{state.name} has no {kind} state code; use one of {known}")
        return codes[state]
    vocabulary = RealtimeStateCode if kind == "realtime" else JobStateCode
    allowed = sorted(code.value for code in vocabulary)
    if state not in allowed:
        raise InvalidArgumentError(
            f"state must be a JobState or one of {', '.join(allowed)}, got {state!r}"
        )
    return state


def _time_arg(name: str, value: TimeArg) -> str:
    """A history window bound as the API wants it (China time, ``yyyy-MM-dd HH:mm:ss``).

    Naive datetimes are local time, as everywhere in Python; numbers are epoch seconds.
    """
    if isinstance(value, datetime):
        return value.astimezone(CHINA_TIME).strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(value, int | float) and not isinstance(value, bool):
        return china_time(float(value))
    if isinstance(value, str):
        try:
            _parse_china(value.strip())
        except ValueError:
            raise InvalidArgumentError(
                f"{name} must be 'yyyy-MM-dd HH:mm:ss' (China time), got {value!r}"
            ) from None
        return value.strip()
    raise InvalidArgumentError(
        f"{name} must be a datetime, a string or epoch seconds, got {value!r}"
    )


def _parse_china(text: str) -> float:
    return datetime.strptime(text, "%Y-%m-%d %H:%M:%S").replace(tzinfo=CHINA_TIME).timestamp()
