"""The ``simulated`` engine: a small discrete-event scheduler running on the mock clock.

Nothing happens in the background. Every call first replays, in time order, the events that
fell due since the last call (jobs becoming eligible, jobs ending) and then answers; so a test
that advances the clock by ten minutes sees exactly the state that ten real minutes would have
produced, and a frozen clock gives fully repeatable runs. Job times are whole seconds, like
Slurm's.

Scheduling is first-fit over the queue's nodes in submit order, after a dispatch delay, within
the user's running-job and CPU limits; the queue and size checks at submit reproduce sbatch's
own error messages.

Job arrays (``array_size`` N ≥ 2, from ``GAP_MULTI_SUB``) are what Slurm makes of
``--array=0-(N-1)``: submit answers the array's id ``A``; every task is a job of its own named
``A_<n>`` in lists, details, history and cancel, with its own numeric id (``%j``,
``$SLURM_JOB_ID``: ``A + 1 + n``, and the last task keeps ``A`` itself, as Slurm's does) and
``%A``/``%a`` in output patterns; tasks still pending are listed as one row ``A_[n-m]`` as
``squeue`` groups them, the realtime detail of ``A`` is one of its tasks (an unfinished one
while any is), and cancelling ``A`` cancels every task. Unlike Slurm, which hands out the task
ids as tasks start, the ids are reserved at submit; and a pending task's own detail
(``A_<n>``) is found before it starts. At most ``MAX_ARRAY_SIZE`` tasks (Slurm's default).

The state is indexed so that the cost of a call does not grow with the number of jobs held:
per user (realtime and history jobs, bytes written), and per (queue, user) for the pending jobs
that are eligible to start (``lanes``: a dispatch pass visits only the jobs that might start).
"""

from __future__ import annotations

import heapq
import logging
import math
import posixpath
import re
import threading
from collections import deque
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace

from ...clock import ISO_TIME, Clock, china_time
from ...deployment.accounts import account_limits, account_storage
from ...deployment.model import Deployment, QueueSpec, RegionAccount, SchedulerSpec, within_home
from ..base import (
    CancelOutcome,
    FilePage,
    InvalidJobRequest,
    JobRecord,
    JobRequest,
    QueueInfo,
    SchedulerInfo,
    StorageInfo,
    SubmitRejected,
    UserLimits,
    page_of_lines,
)
from ..slurm_syntax import TIME_LIMIT, expand_output_pattern, time_limit_refusal
from .lanes import AT_JOB_LIMIT, Lanes
from .lanes import position as submit_position
from .program import Output, simulate

__all__ = ["MAX_ARRAY_SIZE", "FileWriter", "SimulatedEngine"]

#: Tasks per job array: Slurm's default MaxArraySize (indexes 0-1000).
MAX_ARRAY_SIZE = 1001
#: ``writer(account, path, lines, truncate)``: where a job's writes also go (see ``on_write``).
FileWriter = Callable[[RegionAccount, str, list[str], bool], None]

log = logging.getLogger("scnet_hpc.mock")

_FAILED = "sbatch: error: Batch job submission failed: "
NODE_CONFIG = _FAILED + "Requested node configuration is not available"
TOO_MANY_CPUS = _FAILED + "More processors requested than permitted"
BAD_NODE = _FAILED + "Invalid node name specified"
PARTITION_DOWN = _FAILED + "Partition in standby or down state"
BAD_ARRAY = _FAILED + "Invalid job array specification"
QOS_SUBMIT = (
    "sbatch: error: QOSMaxSubmitJobPerUserLimit\n"
    + _FAILED
    + "Job violates accounting/QOS policy (job submit limit, user's size and/or time limits)"
)


def bad_partition(name: str) -> str:
    first = f"sbatch: error: invalid partition specified: {name}"
    return f"{first}\n{_FAILED}Invalid partition name specified"


@dataclass
class _Node:
    name: str
    cores: int
    free: int


@dataclass(frozen=True)
class _Task:
    """Where an array task belongs: the array's id, its index, and its own numeric id."""

    array_id: str
    index: int
    own_id: int
    count: int


@dataclass
class _Job:
    record: JobRecord
    eligible_at: int
    cores_per_node: int
    node_list: tuple[str, ...]
    runtime: int = 0
    exit_code: int = 0
    unprinted: deque[Output] = field(default_factory=deque)  # output not due yet, in order
    task: _Task | None = None  # set for an array task


@dataclass
class _File:
    owner: str
    job_id: str  # the job that wrote it last
    lines: list[str] = field(default_factory=list)
    size: int = 0  # bytes: each line and its newline
    held: int = 0  # what it counts against the owner's output cap (size + _LINE_COST a line)


#: What a line costs the mock beyond its text (a Python str and its list slot), for the cap.
_LINE_COST = 48


@dataclass
class _Scheduler:
    spec: SchedulerSpec
    next_id: int
    nodes: dict[str, _Node]
    jobs: dict[str, _Job] = field(default_factory=dict)
    pending: dict[str, None] = field(default_factory=dict)  # ordered set, submit order
    # heap of (eligible at, position, id): ties pop in submit order, also when ids grow a digit
    not_yet_eligible: list[tuple[int, int, str]] = field(default_factory=list)
    running: list[tuple[int, str]] = field(default_factory=list)  # heap of (end, id)
    printing: list[tuple[int, str]] = field(default_factory=list)  # heap (output due at, id)
    realtime: dict[str, None] = field(default_factory=dict)  # ordered set of ids
    leaving: list[tuple[int, str]] = field(default_factory=list)  # heap (leaves realtime at, id)
    history: dict[str, JobRecord] = field(default_factory=dict)
    files: dict[str, _File] = field(default_factory=dict)
    active_by_user: dict[str, int] = field(default_factory=dict)  # pending + running jobs
    running_by_user: dict[str, tuple[int, int]] = field(default_factory=dict)  # (jobs, cores)
    used_by_user: dict[str, int] = field(default_factory=dict)  # core-seconds of finished jobs
    realtime_by_user: dict[str, dict[str, None]] = field(default_factory=dict)  # ordered sets
    history_by_user: dict[str, dict[str, JobRecord]] = field(default_factory=dict)
    written_by_user: dict[str, int] = field(default_factory=dict)  # bytes in the user's files
    held_by_user: dict[str, int] = field(default_factory=dict)  # _File.held summed per owner
    dropping: list[tuple[int, str, str, str]] = field(
        default_factory=list
    )  # heap (at, job, out, err)
    lanes: Lanes = field(default_factory=Lanes)  # the eligible pending jobs
    arrays: dict[str, tuple[str, ...]] = field(default_factory=dict)  # array id -> task ids


class SimulatedEngine:
    """In-memory engine for every scheduler of a deployment (see the module docstring)."""

    supports_arrays = True
    #: answers from memory under a lock held for microseconds: called on the event loop
    blocking = False

    def __init__(self, deployment: Deployment, clock: Clock) -> None:
        self._deployment = deployment
        self._clock = clock
        self._settings = deployment.settings
        self._lock = threading.RLock()
        self._scheds: dict[int, _Scheduler] = {}
        self._accounts: dict[tuple[int, str], RegionAccount] = {}
        self._nested: dict[tuple[int, str], list[str]] = {}
        self._file_writer: FileWriter | None = None
        for region in deployment.regions:
            for spec in region.schedulers:
                nodes: dict[str, _Node] = {}
                for queue in spec.queues:
                    for name in queue.nodes:
                        nodes.setdefault(
                            name, _Node(name, queue.cores_per_node, queue.cores_per_node)
                        )
                self._scheds[spec.id] = _Scheduler(
                    spec=spec, next_id=spec.first_job_id, nodes=nodes
                )

    # ------------------------------------------------------------------ Engine: information

    def schedulers(self) -> list[SchedulerInfo]:
        return [
            SchedulerInfo(
                id=s.spec.id,
                name=s.spec.name,
                type=s.spec.type,
                address=s.spec.address,
                port=s.spec.port,
            )
            for s in self._scheds.values()
        ]

    def queues(self, scheduler_id: int) -> list[QueueInfo]:
        with self._lock:
            s = self._advanced(scheduler_id)
            return [self._queue_info(s, q) for q in s.spec.queues]

    def _queue_info(self, s: _Scheduler, q: QueueSpec) -> QueueInfo:
        nodes = [s.nodes[n] for n in q.nodes]
        return QueueInfo(
            name=q.name,
            nodes=q.nodes,
            cores_per_node=q.cores_per_node,
            free_nodes=sum(1 for n in nodes if n.free == n.cores),
            free_cores=sum(n.free for n in nodes),
            gpus_per_node=q.gpus_per_node,
            dcus_per_node=q.dcus_per_node,
            max_walltime=q.max_walltime,
            max_nodes_per_job=q.max_nodes_per_job,
            max_cores_per_job=q.max_cores_per_job,
            min_nodes=q.min_nodes,
            priority=q.priority,
            charge_rate=q.charge_rate,
            enabled=q.enabled,
        )

    def user_limits(self, scheduler_id: int, user: str) -> UserLimits:
        account = self._account(scheduler_id, user)
        return account_limits(account, user, lambda: self.used_core_seconds(scheduler_id, user))

    def used_core_seconds(self, scheduler_id: int, user: str) -> float:
        with self._lock:
            s = self._advanced(scheduler_id)
            return float(s.used_by_user.get(user, 0))

    def storage(self, scheduler_id: int, user: str) -> list[StorageInfo]:
        account = self._account(scheduler_id, user)
        if account is None:
            return []
        with self._lock:
            written = self._advanced(scheduler_id).written_by_user.get(user, 0)
        return account_storage(account, written)

    def _account(self, scheduler_id: int, user: str) -> RegionAccount | None:
        key = (scheduler_id, user)
        if key not in self._accounts:  # only known users are cached: names come from requests
            found = self._deployment.scheduler(scheduler_id)
            owner = found and self._deployment.account_of_cluster_user(found[0].id, user)
            if not owner:
                return None
            self._accounts[key] = owner[1]
        return self._accounts[key]

    # ------------------------------------------------------------------ Engine: jobs

    def submit(self, scheduler_id: int, request: JobRequest) -> str:
        with self._lock:
            s = self._advanced(scheduler_id)
            job_id = str(s.next_id)
            stdout = _output_path(request.stdout_pattern, job_id, request)
            stderr = _output_path(request.stderr_pattern, job_id, request)
            self._check_paths(scheduler_id, request, stdout, stderr)
            queue = s.spec.queue(request.queue)
            if queue is None:
                raise SubmitRejected(bad_partition(request.queue))
            nodes, ppn = self._check_fits(queue, request)
            count = request.array_size if request.array_size >= 2 else 1
            if count > MAX_ARRAY_SIZE:
                raise SubmitRejected(BAD_ARRAY)
            account = self._account(scheduler_id, request.user)
            max_submit = account.limits.max_submit_jobs if account else -1
            active = s.active_by_user.get(request.user, 0)
            if 0 <= max_submit < active + count:  # each array task counts, as in Slurm
                raise SubmitRejected(QOS_SUBMIT)
            now = int(self._clock.now())
            first = s.next_id
            s.next_id += count
            job_id = str(first)
            if count == 1:
                self._queue(s, request, nodes, ppn, now, job_id, None)
                return job_id
            tasks = []
            for n in range(count):
                own = first if n == count - 1 else first + 1 + n
                task = _Task(job_id, n, own, count)
                tasks.append(self._queue(s, request, nodes, ppn, now, f"{job_id}_{n}", task))
            s.arrays[job_id] = tuple(tasks)
            return job_id

    def _queue(
        self,
        s: _Scheduler,
        request: JobRequest,
        nodes: int,
        ppn: int,
        now: int,
        job_id: str,
        task: _Task | None,
    ) -> str:
        """Add one pending job (or array task) named ``job_id``; returns that id."""
        record = JobRecord(
            job_id=job_id,
            scheduler_id=s.spec.id,
            name=request.name,
            user=request.user,
            account=request.account,
            queue=request.queue,
            state="PENDING",
            reason="Priority",
            submit_time=now,
            start_time=None,
            end_time=None,
            walltime=request.walltime,
            num_nodes=nodes,
            num_cores=nodes * ppn,
            gpus_per_node=request.gpus_per_node,
            dcus_per_node=request.dcus_per_node,
            mem_per_node_mb=request.mem_per_node_mb,
            work_dir=request.work_dir,
            command=request.command,
            stdout_path=_output_path(request.stdout_pattern, job_id, request, task),
            stderr_path=_output_path(request.stderr_pattern, job_id, request, task),
            app_name=request.app_name,
            exclusive=request.exclusive,
        )
        job = _Job(
            record=record,
            eligible_at=now + self._settings.dispatch_delay,
            cores_per_node=ppn,
            node_list=request.node_list,
            task=task,
        )
        s.jobs[job_id] = job
        s.realtime[job_id] = None
        s.realtime_by_user.setdefault(request.user, {})[job_id] = None
        s.active_by_user[request.user] = s.active_by_user.get(request.user, 0) + 1
        s.pending[job_id] = None
        heapq.heappush(s.not_yet_eligible, (job.eligible_at, submit_position(job_id), job_id))
        return job_id

    def _check_paths(self, scheduler_id: int, req: JobRequest, stdout: str, stderr: str) -> None:
        """The work directory and the output files (as expanded: ``%x`` is the job name, which
        may hold ``/``) lie inside the caller's home, and not inside another user's home nested
        in it: no job writes where its user could not."""
        account = self._account(scheduler_id, req.user)
        if account is None:
            raise InvalidJobRequest("GAP_WORK_DIR", f"{req.user} has no home on this cluster")
        home = account.home
        nested = self._nested_homes(scheduler_id, req.user, home)
        checks = [
            ("GAP_WORK_DIR", req.work_dir, True),
            ("GAP_STD_OUT_FILE", stdout, False),
            ("GAP_STD_ERR_FILE", stderr, False),
        ]
        for name, path, home_itself in checks:
            inside = _inside(path, home, home_itself) and not any(
                _inside(path, other, True) for other in nested
            )
            if not inside:
                raise InvalidJobRequest(
                    name, f"{path[:200]!r} is not inside the home directory {home} of {req.user}"
                )

    def _nested_homes(self, scheduler_id: int, user: str, home: str) -> list[str]:
        """Homes of the region's other users that lie inside ``home`` (the deployment does not
        change: worked out once per user)."""
        key = (scheduler_id, user)
        if key not in self._nested:
            found = self._deployment.scheduler(scheduler_id)
            homes = []
            for spec in self._deployment.users if found else ():
                account = spec.account_in(found[0].id) if found else None
                if account and account.cluster_user != user and _inside(account.home, home, False):
                    homes.append(account.home)
            self._nested[key] = homes
        return self._nested[key]

    def _check_fits(self, queue: QueueSpec, req: JobRequest) -> tuple[int, int]:
        """sbatch's checks against the partition: (nodes, cores per node) or SubmitRejected."""
        if not queue.enabled:
            raise SubmitRejected(PARTITION_DOWN)
        if req.node_list:
            unknown = [n for n in req.node_list if n not in queue.nodes]
            if unknown:
                raise SubmitRejected(BAD_NODE)
            nodes = len(req.node_list)
        else:
            nodes = req.nodes or 1
        if req.cores_per_node is not None:
            ppn = req.cores_per_node
        else:
            ppn = math.ceil((req.total_cores or 1) / nodes)
        if req.walltime <= 0:
            raise SubmitRejected(TIME_LIMIT)
        if queue.max_walltime is not None and req.walltime > queue.max_walltime:
            raise SubmitRejected(time_limit_refusal(queue.name, queue.max_walltime, req.walltime))
        if queue.max_cores_per_job is not None and nodes * ppn > queue.max_cores_per_job:
            raise SubmitRejected(TOO_MANY_CPUS)
        too_many_nodes = (
            nodes > len(queue.nodes)
            or nodes < queue.min_nodes
            or (queue.max_nodes_per_job is not None and nodes > queue.max_nodes_per_job)
        )
        if (
            too_many_nodes
            or ppn > queue.cores_per_node
            or req.gpus_per_node > queue.gpus_per_node
            or req.dcus_per_node > queue.dcus_per_node
            or (req.mem_per_node_mb or 0) > (queue.mem_per_node_mb or 2**62)
        ):
            raise SubmitRejected(NODE_CONFIG)
        if req.exclusive:
            ppn = queue.cores_per_node
        return nodes, ppn

    def realtime_jobs(self, scheduler_id: int, *, user: str | None = None) -> list[JobRecord]:
        with self._lock:
            s = self._advanced(scheduler_id)
            ids = s.realtime if user is None else s.realtime_by_user.get(user, {})
            if s.lanes.settled:  # every stored reason is current
                records = [s.jobs[i].record for i in ids]
            else:
                records = [_current(s, s.jobs[i]) for i in ids]
            return _group_pending_tasks(s, records) if s.arrays else records

    def realtime_job(self, scheduler_id: int, job_id: str) -> JobRecord | None:
        with self._lock:
            s = self._advanced(scheduler_id)
            if job_id in s.realtime:
                return _current(s, s.jobs[job_id])
            tasks = [s.jobs[i] for i in s.arrays.get(job_id, ()) if i in s.realtime]
            if not tasks:
                return None
            chosen = next((t for t in tasks if not t.record.finished), tasks[0])
            if chosen.record.state == "PENDING":  # the grouped row, as squeue shows it
                return _group_pending_tasks(s, [_current(s, t) for t in tasks])[-1]
            return _current(s, chosen)

    def history_jobs(self, scheduler_id: int, *, user: str | None = None) -> list[JobRecord]:
        with self._lock:
            s = self._advanced(scheduler_id)
            found = s.history if user is None else s.history_by_user.get(user, {})
            return list(found.values())

    def history_job(self, scheduler_id: int, job_id: str) -> JobRecord | None:
        with self._lock:
            return self._advanced(scheduler_id).history.get(job_id)

    def cancel(self, scheduler_id: int, user: str, job_ids: Sequence[str]) -> list[CancelOutcome]:
        with self._lock:
            s = self._advanced(scheduler_id)
            now = int(self._clock.now())
            outcomes = []
            freed = False
            for job_id in job_ids:
                jobs = [
                    job
                    for job in (s.jobs.get(i) for i in _named_jobs(s, job_id))
                    if job is not None and job.record.user == user
                ]
                if not jobs:
                    outcomes.append(
                        CancelOutcome(
                            job_id, False, _kill_error(job_id, "Invalid job id specified")
                        )
                    )
                elif all(job.record.finished for job in jobs):
                    msg = "Job/step already completing or completed"
                    outcomes.append(CancelOutcome(job_id, False, _kill_error(job_id, msg)))
                else:
                    for job in jobs:
                        if not job.record.finished:
                            freed = freed or job.record.state == "RUNNING"
                            self._finish(s, job, now, "CANCELLED")
                    outcomes.append(CancelOutcome(job_id, True))
            if freed:  # what the cancelled jobs held may let others start now
                self._dispatch(s, now)
            return outcomes

    def read_file(
        self, scheduler_id: int, user: str, path: str, *, page: int, from_end: bool
    ) -> FilePage:
        with self._lock:
            s = self._advanced(scheduler_id)
            f = s.files.get(posixpath.normpath(path))
            if f is None or f.owner != user:
                return FilePage(text="", total_lines=0, total_pages=0, exists=False)
            return page_of_lines(f.lines, page, from_end=from_end)

    def close(self) -> None:
        return None

    # ------------------------------------------------------------------ the simulation

    def _advanced(self, scheduler_id: int) -> _Scheduler:
        """The scheduler with every event up to the clock's now applied. Caller holds the lock."""
        s = self._scheds.get(scheduler_id)
        if s is None:
            raise KeyError(f"scheduler {scheduler_id} is not run by this engine")
        now = int(self._clock.now())
        while True:
            t = min(
                s.running[0][0] if s.running else math.inf,
                s.not_yet_eligible[0][0] if s.not_yet_eligible else math.inf,
                s.printing[0][0] if s.printing else math.inf,
            )
            if t > now:
                break
            event = int(t)
            while s.printing and s.printing[0][0] <= event:
                _, job_id = heapq.heappop(s.printing)
                job = s.jobs.get(job_id)
                if job and job.record.state == "RUNNING":
                    self._print(s, job, event)
            while s.running and s.running[0][0] <= event:
                _, job_id = heapq.heappop(s.running)
                job = s.jobs.get(job_id)
                if job and job.record.state == "RUNNING" and job.record.end_time == event:
                    self._finish(s, job, event, None)
            while s.not_yet_eligible and s.not_yet_eligible[0][0] <= event:
                _, _, job_id = heapq.heappop(s.not_yet_eligible)
                if job_id in s.pending:  # not cancelled meanwhile
                    s.lanes.enter(s.jobs[job_id].record)
            self._dispatch(s, event)
        retention = self._settings.realtime_retention
        while s.leaving and s.leaving[0][0] + retention <= now:
            _, job_id = heapq.heappop(s.leaving)
            s.realtime.pop(job_id, None)
            job = s.jobs.pop(job_id, None)
            if job is not None:
                s.realtime_by_user[job.record.user].pop(job_id, None)
                if job.task is not None and all(
                    i not in s.jobs for i in s.arrays.get(job.task.array_id, ())
                ):
                    s.arrays.pop(job.task.array_id, None)
        while s.dropping and s.dropping[0][0] <= now:
            _, job_id, *paths = heapq.heappop(s.dropping)
            for path in paths:
                f = s.files.get(path)
                if f is not None and f.job_id == job_id:  # not rewritten by a later job
                    self._drop(s, path, f)
        return s

    def _dispatch(self, s: _Scheduler, t: int) -> None:
        """Start every eligible pending job that fits now, in submit order (first fit; the
        rule and why most waiting jobs are not visited: ``lanes``)."""
        run = s.lanes.dispatch_pass(lambda user: self._at_job_limit(s, user))
        for position, job_id in run:
            job = s.jobs[job_id]
            rec = job.record
            blocked = self._user_block(s, rec)
            nodes = None if blocked else self._place(s, job)
            if nodes is not None:
                try:
                    self._start(s, job, nodes, t)
                except Exception:  # one job's failure is that job's, never the engine's
                    log.exception("job %s could not start; it fails alone", job_id)
                    run.started(rec)  # leaves its lane after the pass
                    del s.pending[job_id]
                    self._launch_failed(s, job, t)
                    continue
                run.started(rec)
                del s.pending[job_id]
                if self._at_job_limit(s, rec.user):
                    run.capped.add(rec.user)
                continue
            if not blocked and self._exhausted(s, rec.queue):
                run.full[rec.queue] = position
            reason = blocked or "Resources"
            if rec.reason != reason:
                job.record = replace(rec, reason=reason)
        run.finish()

    @staticmethod
    def _exhausted(s: _Scheduler, queue_name: str) -> bool:
        queue = s.spec.queue(queue_name)
        return queue is not None and all(s.nodes[n].free == 0 for n in queue.nodes)

    def _at_job_limit(self, s: _Scheduler, user: str) -> bool:
        account = self._account(s.spec.id, user)
        if account is None:
            return False
        limit = account.limits.max_running_jobs
        return 0 <= limit <= s.running_by_user.get(user, (0, 0))[0]

    def _user_block(self, s: _Scheduler, rec: JobRecord) -> str | None:
        account = self._account(s.spec.id, rec.user)
        if account is None:
            return None
        count, cores = s.running_by_user.get(rec.user, (0, 0))
        lim = account.limits
        if 0 <= lim.max_running_jobs <= count:
            return AT_JOB_LIMIT
        if lim.max_cpu >= 0 and cores + rec.num_cores > lim.max_cpu:
            return "QOSMaxCpuPerUserLimit"
        return None

    def _place(self, s: _Scheduler, job: _Job) -> list[_Node] | None:
        queue = s.spec.queue(job.record.queue)
        assert queue is not None
        names = job.node_list or queue.nodes
        need = job.cores_per_node
        fitting = [s.nodes[n] for n in names if s.nodes[n].free >= need]
        if job.node_list:
            return fitting if len(fitting) == len(job.node_list) else None
        return fitting[: job.record.num_nodes] if len(fitting) >= job.record.num_nodes else None

    def _start(self, s: _Scheduler, job: _Job, nodes: list[_Node], t: int) -> None:
        """Start ``job`` on ``nodes``. Everything that can fail is computed before any state
        changes, so a failure leaves the scheduler as it was (``_dispatch`` fails the job)."""
        rec = job.record
        program = simulate(
            _with_job_environment(rec.command, _environment(job)),
            default_runtime=self._settings.default_runtime,
            node=nodes[0].name,
            user=rec.user,
            work_dir=rec.work_dir,
            start=t,
        )
        limit = rec.walltime if rec.walltime is not None else program.runtime
        end = t + min(program.runtime, limit)
        unprinted = deque(replace(o, at=t + o.at) for o in program.output if t + o.at <= end)
        for node in nodes:
            node.free -= job.cores_per_node
        job.runtime, job.exit_code = program.runtime, program.exit_code
        job.record = replace(
            rec,
            state="RUNNING",
            reason="None",
            start_time=t,
            end_time=end,
            nodes=tuple(n.name for n in nodes),
        )
        count, cores = s.running_by_user.get(rec.user, (0, 0))
        s.running_by_user[rec.user] = (count + 1, cores + rec.num_cores)
        self._write(s, rec.stdout_path, rec, [], truncate=True)
        if rec.stderr_path != rec.stdout_path:
            self._write(s, rec.stderr_path, rec, [], truncate=True)
        job.unprinted = unprinted
        self._print(s, job, t)
        heapq.heappush(s.running, (end, rec.job_id))

    def _print(self, s: _Scheduler, job: _Job, t: int) -> None:
        """Write what the job's program has printed by ``t``; remember when the rest is due."""
        rec = job.record
        while job.unprinted and job.unprinted[0].at <= t:
            out = job.unprinted.popleft()
            if out.target is not None:
                path = posixpath.normpath(posixpath.join(rec.work_dir, out.target))
                account = self._account(s.spec.id, rec.user)
                if account is not None and _inside(path, account.home, False):
                    self._write(s, path, rec, out.lines, truncate=not out.append)
                continue  # outside the home: the shell's "Permission denied", nothing written
            path = rec.stderr_path if out.to_stderr else rec.stdout_path
            self._write(s, path, rec, out.lines)
        if job.unprinted:
            heapq.heappush(s.printing, (job.unprinted[0].at, rec.job_id))

    def _finish(self, s: _Scheduler, job: _Job, t: int, forced: str | None) -> None:
        """End a job at ``t``: ``forced`` is CANCELLED, or None to end as its program decides."""
        rec = job.record
        if rec.state == "RUNNING":
            self._print(s, job, t)
            job.unprinted.clear()  # what it would have printed later never is (cancel, timeout)
            for name in rec.nodes:
                s.nodes[name].free += job.cores_per_node
            count, cores = s.running_by_user[rec.user]
            s.running_by_user[rec.user] = (count - 1, cores - rec.num_cores)
        else:
            del s.pending[rec.job_id]
            s.lanes.leave(rec)
        s.active_by_user[rec.user] -= 1
        exit_code, signal, reason = job.exit_code, 0, "None"
        if forced == "CANCELLED":
            state, exit_code, signal = "CANCELLED", 0, 15
            if rec.state == "RUNNING":
                self._write(
                    s,
                    rec.stderr_path,
                    rec,
                    [
                        f"slurmstepd: error: *** JOB {rec.job_id} ON {rec.nodes[0]} "
                        f"CANCELLED AT {china_time(t, ISO_TIME)} ***"
                    ],
                )
        elif rec.walltime is not None and job.runtime > rec.walltime:
            state, exit_code, signal, reason = "TIMEOUT", 0, 15, "TimeLimit"
            self._write(
                s,
                rec.stderr_path,
                rec,
                [
                    f"slurmstepd: error: *** JOB {rec.job_id} ON {rec.nodes[0]} "
                    f"CANCELLED AT {china_time(t, ISO_TIME)} DUE TO TIME LIMIT ***"
                ],
            )
        elif exit_code != 0:
            state, reason = "FAILED", "NonZeroExitCode"
        else:
            state = "COMPLETED"
        self._ended(s, job, t, state, reason, exit_code, signal)

    def _launch_failed(self, s: _Scheduler, job: _Job, t: int) -> None:
        """A pending job that could not start (a bug, not the user's doing) ends FAILED; it took
        nothing (``_start`` changes no state before it can no longer fail)."""
        s.active_by_user[job.record.user] -= 1
        self._ended(s, job, t, "FAILED", "JobLaunchFailure", 1, 0)

    def _ended(
        self, s: _Scheduler, job: _Job, t: int, state: str, reason: str, exit_code: int, signal: int
    ) -> None:
        """Record the end of a job at ``t``: its final record, history, the user's usage."""
        rec = job.record
        start = rec.start_time if rec.start_time is not None else t
        job.record = replace(
            rec,
            state=state,
            reason=reason,
            start_time=start,
            end_time=t,
            exit_code=exit_code,
            signal=signal,
        )
        s.history[rec.job_id] = job.record
        if rec.start_time is not None:  # it ran, so it may have written files
            drop_at = t + self._settings.output_retention
            heapq.heappush(s.dropping, (drop_at, rec.job_id, rec.stdout_path, rec.stderr_path))
        s.history_by_user.setdefault(rec.user, {})[rec.job_id] = job.record
        s.used_by_user[rec.user] = s.used_by_user.get(rec.user, 0) + rec.num_cores * (t - start)
        heapq.heappush(s.leaving, (t, rec.job_id))

    def on_write(self, writer: FileWriter) -> None:
        """Also hand every write of a job to ``writer`` (the mock's file service: what a job
        writes is what the user lists and downloads)."""
        self._file_writer = writer

    def _write(
        self, s: _Scheduler, path: str, rec: JobRecord, lines: list[str], *, truncate: bool = False
    ) -> None:
        """Append ``lines`` to the file at ``path`` for job ``rec``. Another user's file is not
        the job's to write (no takeover); what goes over the owner's output cap is not written,
        as on a full quota."""
        owner = rec.user
        f = s.files.get(path)
        if f is not None and f.owner != owner:
            return
        if f is None or truncate:
            if f is not None:
                self._drop(s, path, f)
            f = s.files[path] = _File(owner, rec.job_id)
        f.job_id = rec.job_id
        room = self._settings.output_bytes_per_user - s.held_by_user.get(owner, 0)
        added = held = 0
        kept = len(lines)
        for i, line in enumerate(lines):
            cost = len(line) + 1 + _LINE_COST
            if held + cost > room:
                kept = i
                break
            added += len(line) + 1
            held += cost
        written = lines if kept == len(lines) else lines[:kept]
        f.lines.extend(written)
        f.size += added
        f.held += held
        s.written_by_user[owner] = s.written_by_user.get(owner, 0) + added
        s.held_by_user[owner] = s.held_by_user.get(owner, 0) + held
        writer = self._file_writer  # the file service's copy: what the user lists and downloads
        if writer is not None:
            account = self._account(s.spec.id, owner)
            if account is not None:
                writer(account, path, written, truncate)

    @staticmethod
    def _drop(s: _Scheduler, path: str, f: _File) -> None:
        del s.files[path]
        s.written_by_user[f.owner] -= f.size
        s.held_by_user[f.owner] -= f.held


def _current(s: _Scheduler, job: _Job) -> JobRecord:
    """The job's record, with the reason the last dispatch gave it if it did not visit it."""
    rec = job.record
    if rec.state != "PENDING":
        return rec
    reason = s.lanes.reason(rec)
    if reason is not None and reason != rec.reason:
        job.record = rec = replace(rec, reason=reason)
    return rec


def _kill_error(job_id: str, why: str) -> str:
    return f"scancel: error: Kill job error on job id {job_id}: {why}"


def _output_path(pattern: str, job_id: str, req: JobRequest, task: _Task | None = None) -> str:
    # Expanded at submit: the node is not known yet, so %N stays as written (as Slurm's would
    # for a file named before the job starts). Normalised: one file has one name.
    if task is None:
        expanded = expand_output_pattern(pattern, job_id=int(job_id), name=req.name, user=req.user)
        return posixpath.normpath(expanded)
    expanded = expand_output_pattern(
        pattern,
        job_id=task.own_id,
        name=req.name,
        user=req.user,
        array_job_id=int(task.array_id),
        array_task_id=task.index,
    )
    return posixpath.normpath(expanded)


def _inside(path: str, home: str, home_itself: bool) -> bool:
    """``path`` (normalised, absolute) is below ``home`` (or ``home`` itself if allowed)."""
    return within_home(posixpath.normpath(path), posixpath.normpath(home), home_itself=home_itself)


def _environment(job: _Job) -> dict[str, str]:
    """The ``SLURM_*`` variables a command may print (those of sbatch's job environment)."""
    rec, task = job.record, job.task
    env = {"SLURM_JOB_NAME": rec.name, "SLURM_SUBMIT_DIR": rec.work_dir}
    if task is None:
        env["SLURM_JOB_ID"] = env["SLURM_JOBID"] = rec.job_id
        return env
    env["SLURM_JOB_ID"] = env["SLURM_JOBID"] = str(task.own_id)
    env["SLURM_ARRAY_JOB_ID"] = task.array_id
    env["SLURM_ARRAY_TASK_ID"] = str(task.index)
    env["SLURM_ARRAY_TASK_COUNT"] = str(task.count)
    env["SLURM_ARRAY_TASK_MIN"] = "0"
    env["SLURM_ARRAY_TASK_MAX"] = str(task.count - 1)
    return env


_VARIABLE = re.compile(r"\$(?:\{(SLURM_[A-Z_]+)\}|(SLURM_[A-Z_]+))")


def _with_job_environment(command: str, env: Mapping[str, str]) -> str:
    """``$SLURM_...`` / ``${SLURM_...}`` replaced by the job's values (unset ones: empty)."""
    if "$SLURM_" not in command and "${SLURM_" not in command:
        return command
    return _VARIABLE.sub(lambda m: env.get(m.group(1) or m.group(2), ""), command)


def _named_jobs(s: _Scheduler, asked: str) -> Sequence[str]:
    """The job ids a user's id names: the job, every task of an array ``A``, or the tasks of
    a grouped pending row ``A_[n-m]``."""
    tasks = s.arrays.get(asked)
    if tasks is not None:
        return tasks
    m = _GROUPED.fullmatch(asked)
    if m is None:
        return (asked,)
    wanted = _indexes(m.group(2))
    return [i for i in s.arrays.get(m.group(1), ()) if int(i.partition("_")[2]) in wanted]


_GROUPED = re.compile(r"(\d+)_\[([0-9,\-]+)(?:%\d+)?\]")


def _indexes(ranges: str) -> set[int]:
    found: set[int] = set()
    for part in ranges.split(","):
        lo, _, hi = part.partition("-")
        if lo.isdigit() and (not hi or hi.isdigit()):
            found.update(range(int(lo), min(int(hi or lo), int(lo) + MAX_ARRAY_SIZE) + 1))
    return found


def _ranges(indexes: Sequence[int]) -> str:
    """``[0, 1, 2, 5]`` → ``0-2,5`` (how squeue writes an array's pending tasks)."""
    parts: list[str] = []
    start = prev = indexes[0]
    for n in [*indexes[1:], None]:
        if n is not None and n == prev + 1:
            prev = n
            continue
        parts.append(str(start) if start == prev else f"{start}-{prev}")
        if n is not None:
            start = prev = n
    return ",".join(parts)


def _group_pending_tasks(s: _Scheduler, records: list[JobRecord]) -> list[JobRecord]:
    """Pending tasks of an array as the one row ``A_[n-m]`` squeue shows (at the place of the
    first); a task gets its own row when it starts."""
    pending: dict[str, list[JobRecord]] = {}
    for rec in records:
        task = s.jobs[rec.job_id].task
        if task is not None and rec.state == "PENDING":
            pending.setdefault(task.array_id, []).append(rec)
    if not pending:
        return records
    out: list[JobRecord] = []
    for rec in records:
        task = s.jobs[rec.job_id].task
        if task is None or rec.state != "PENDING":
            out.append(rec)
            continue
        group = pending.pop(task.array_id, None)
        if group is None:  # already written out as one row
            continue
        if len(group) == 1:
            out.append(rec)
            continue
        indexes = [s.jobs[r.job_id].task.index for r in group]  # type: ignore[union-attr]
        out.append(replace(rec, job_id=f"{task.array_id}_[{_ranges(indexes)}]"))
    return out
