"""The ``slurm`` engine: the mock's HTTP layer in front of a real Slurm cluster.

``python -m scnet_hpc.mock --engine slurm`` (``make mock ENGINE=slurm``) serves the AC HPC API
from the local cluster that ``make slurm-up`` starts; ``create_engine`` finds it through
``SLURM_CONF`` or the ``.slurm/env`` file that script writes. Jobs really run: the command is a
batch script given to ``sbatch``, its output files appear in the work directory, and what the
API shows (states, times, nodes, exit codes, history) is what ``squeue --json`` and the job
completion log say. Nothing runs on the mock clock except the realtime list's retention
window: a finished job stays in the realtime list ``settings.realtime_retention`` seconds of
mock time after its real end (advance the clock to age it out).

Decisions, and why:

* **Users.** Each account runs its jobs as its own unprivileged OS user (``os_user`` in the
  deployment; ``make slurm-up`` creates the shipped ``scnet-demo`` and ``scnet-other``):
  sbatch, scancel and the directories made for a job run as that user, so Slurm itself keeps
  one user's jobs away from another's files, and Slurm's own checks (scancel of another
  user's job) hold too. Started as root, the engine refuses a deployment in which an account
  names no OS user (its jobs would run as root), and checks each user's home (owned by the
  user, mode 0700) and that the user can reach slurmctld. Started as another user, accounts
  without ``os_user`` run as that user. The engine also records which API user submitted
  which job (``ledger``) and shows each user only their own jobs; a job counts as theirs only
  if Slurm reports it run by the OS user the ledger names. ``%u`` in an output pattern is the
  OS user, as Slurm expands it. ``os_account(user)`` answers who a user is on the machine.
* **Paths.** A user's jobs live under their home (the deployment's ``home``): the work
  directory and the stdout/stderr files must be inside it (else the submission is refused,
  code 10001, naming the path), and missing directories there are created (as the user)
  before ``sbatch`` runs (the live platform creates them through its file API). Output
  patterns are checked as Slurm will expand them (``%x`` is the job name, ``%u`` the OS user).
  File content reads only regular files inside the user's home that the user's OS user may
  read; the check is made on the file actually opened, so a symlink swapped in after the
  check leads nowhere. Paths are compared after resolving symlinks and ``..``. Pages are read
  with bounded memory (``engines.text_pages``); a ``file`` job script is read up to
  ``MAX_SCRIPT_BYTES``.
* **Job environment.** A job starts with PATH, HOME (the API user's home), USER/LOGNAME
  (the OS user), SHELL, LANG and Slurm's ``SLURM_*`` variables; never with the mock's own
  environment, which may hold credentials.
* **Limits.** Queue limits are the partitions' real ones and ``sbatch`` enforces them (the
  local cluster sets EnforcePartLimits=ALL). Per-user limits are reported from the
  deployment; Slurm without accounting does not enforce them, so the shipped Slurm
  deployment declares none. A walltime of 00:00:00 is refused like the simulated engine
  refuses it (Slurm would read it as "no limit").
* **Arrays.** ``GAP_MULTI_SUB=N`` (N ≥ 2) submits ``--array=0-(N-1)``; the API shows the tasks
  as ``<id>_<n>`` (pending tasks still grouped by Slurm as ``<id>_[n-m]``). The realtime
  detail of the array's own id is one of its tasks, an unfinished one while any is; that of a
  task still pending in the grouped record is that record under the task's id.

See ``mapping`` for the GAP_* → sbatch table and the state words.
"""

from __future__ import annotations

import logging
import os
import re
import stat
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import BinaryIO, TypeVar

from ...clock import Clock
from ...deployment.accounts import account_limits, account_storage
from ...deployment.model import (
    SLURM_DEPLOYMENT,
    Deployment,
    RegionAccount,
    SchedulerSpec,
    within_home,
)
from ...deployment.os_users import (
    OsAccount,
    OsUserError,
    home_ready,
    make_dirs_as,
    os_account,
)
from ..base import (
    CancelOutcome,
    FilePage,
    JobRecord,
    JobRequest,
    QueueInfo,
    SchedulerInfo,
    StorageInfo,
    SubmitRejected,
    UserLimits,
)
from ..slurm_syntax import TIME_LIMIT, expand_output_pattern, first_host, time_limit_refusal
from ..text_pages import read_page
from .cli import (
    RunAs,
    SbatchError,
    SlurmCLI,
    SlurmCommandError,
    SlurmJob,
    parse_jobcomp,
)
from .ledger import Ledger, LedgerEntry
from .mapping import (
    batch_script,
    job_environment,
    job_record,
    queue_info,
    sbatch_options,
)

__all__ = ["SLURM_DEPLOYMENT", "SlurmEngine", "SlurmEngineError", "create_engine"]

log = logging.getLogger("scnet_hpc.mock.slurm")
T = TypeVar("T")

#: The largest ``file`` job script read (sbatch's own default limit, max_script_size).
MAX_SCRIPT_BYTES = 4 << 20
#: Output-pattern codes whose value is only known once the job has an id or a node.
_LATE_CODES = re.compile(r"%\d*[AaJjNnst]")
#: Where ``scripts/slurm-up.sh`` writes the variables of the local cluster.
ENV_FILE = Path(".slurm") / "env"


class SlurmEngineError(ValueError):
    """No usable cluster, or a deployment the engine cannot serve. A ValueError because that
    is what ``python -m scnet_hpc.mock`` reports as a one-line start-up error."""


# --------------------------------------------------------------------------- finding Slurm


def _read_env_file(path: Path) -> dict[str, str]:
    values: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        m = re.fullmatch(r"\s*(?:export\s+)?([A-Z_][A-Z0-9_]*)=(.*?)\s*", line)
        if m:
            values[m.group(1)] = m.group(2).strip("'\"")
    return values


def slurm_environment(
    env: Mapping[str, str] | None = None, search: Sequence[Path] | None = None
) -> dict[str, str]:
    """``SLURM_CONF`` and friends: from the environment, else from ``.slurm/env`` in one of
    ``search`` (default: the current directory, then the source checkout). Raises
    SlurmEngineError when none has it, or when the configuration file does not exist."""
    env = os.environ if env is None else env
    found: dict[str, str] = {}
    if env.get("SLURM_CONF"):
        keys = ("SLURM_CONF", "SCNET_SLURM_STATE_DIR", "SCNET_SLURM_JOBCOMP")
        found = {k: env[k] for k in keys if env.get(k)}
    else:
        if search is None:
            search = [Path.cwd(), Path(__file__).resolve().parents[5]]
        for base in dict.fromkeys(search):
            if (base / ENV_FILE).is_file():
                found = _read_env_file(base / ENV_FILE)
                if found.get("SLURM_CONF"):
                    break
    if not found.get("SLURM_CONF"):
        raise SlurmEngineError(
            "the slurm engine needs a Slurm cluster: SLURM_CONF is not set and there is no "
            ".slurm/env; run `make slurm-up` (or set SLURM_CONF)"
        )
    if not Path(found["SLURM_CONF"]).is_file():
        # (Slurm's clients would retry such a file for a minute before failing.)
        raise SlurmEngineError(
            f"SLURM_CONF={found['SLURM_CONF']} does not exist: run `make slurm-up`"
        )
    return found


def _jobcomp_location(conf: str) -> str | None:
    try:
        text = Path(conf).read_text(encoding="utf-8")
    except OSError:
        return None
    settings = dict(
        (k.strip().lower(), v.strip())
        for k, _, v in (line.partition("=") for line in text.splitlines())
        if not k.strip().startswith("#")
    )
    if settings.get("jobcomptype") == "jobcomp/filetxt":
        return settings.get("jobcomploc")
    return None


def create_engine(deployment: Deployment, clock: Clock) -> SlurmEngine:
    """The factory ``create_app(engine="slurm")`` calls; fails clearly if Slurm is not up."""
    found = slurm_environment()
    conf = found["SLURM_CONF"]
    cli = SlurmCLI(slurm_conf=conf, timeout=20.0)
    if not cli.ping(timeout=10.0):
        raise SlurmEngineError(
            f"Slurm is not up (slurmctld does not answer for SLURM_CONF={conf}): "
            "run `make slurm-up`"
        )
    state_dir = found.get("SCNET_SLURM_STATE_DIR")
    return SlurmEngine(
        deployment,
        clock,
        cli,
        jobcomp=found.get("SCNET_SLURM_JOBCOMP") or _jobcomp_location(conf),
        ledger=Path(state_dir) / "scnet-mock" / "jobs.jsonl" if state_dir else None,
    )


# --------------------------------------------------------------------------- the engine


class _Cached:
    """A value recomputed at most every ``ttl`` seconds (or when ``key()`` changes)."""

    def __init__(self, ttl: float) -> None:
        self.ttl = ttl
        self._at = -1e18
        self._key: object = None
        self._value: object = None

    def get(self, make: Callable[[], T], key: object = None) -> T:
        now = time.monotonic()
        if now - self._at > self.ttl or key != self._key:
            self._value = make()
            self._at, self._key = now, key
        return self._value  # type: ignore[return-value]

    def clear(self) -> None:
        self._at = -1e18


class SlurmEngine:
    """``Engine`` over one Slurm cluster (see the module docstring)."""

    supports_arrays = True
    #: runs Slurm's commands (up to 20 s each) and sleeps while a cancel lands: off the loop
    blocking = True
    #: how stale a ``squeue`` view may be; submit and cancel refresh it at once
    JOBS_TTL = 0.5

    def __init__(
        self,
        deployment: Deployment,
        clock: Clock,
        cli: SlurmCLI,
        *,
        jobcomp: str | None = None,
        ledger: Path | None = None,
    ) -> None:
        scheds = [(r, s) for r in deployment.regions for s in r.schedulers]
        if len(scheds) != 1:
            raise SlurmEngineError(
                f"the slurm engine drives one cluster, so the deployment must have exactly one "
                f"scheduler; {deployment.source} has {len(scheds)} (use --deployment "
                f"{SLURM_DEPLOYMENT.name} or a file like it)"
            )
        self._region, self._sched = scheds[0]
        self._deployment = deployment
        self._clock = clock
        self._cli = cli
        self._jobcomp = Path(jobcomp) if jobcomp else None
        self._ledger = Ledger(ledger)
        self._lock = threading.RLock()
        self._jobs_cache = _Cached(self.JOBS_TTL)
        self._history_cache = _Cached(1e18)
        self._queues_cache = _Cached(1.0)
        self._usage_cache: dict[str, tuple[float, int]] = {}
        partitions = {p.name for p in cli.partitions()}
        unknown = [q.name for q in self._sched.queues if q.name not in partitions]
        if unknown:
            raise SlurmEngineError(
                f"{deployment.source}: queues {unknown} of scheduler {self._sched.id} are not "
                f"partitions of the cluster (it has {sorted(partitions)})"
            )
        self._os_user = _os_user()
        self._os_accounts = self._check_os_users()

    def _check_os_users(self) -> dict[str, OsAccount | None]:
        """Each account's OS user (see "Users" in the module docstring), checked once."""
        root = os.geteuid() == 0
        found: dict[str, OsAccount | None] = {}
        for user in self._deployment.users:
            account = user.account_in(self._region.id)
            if account is None:
                continue
            try:
                who = os_account(account)
                if who is None and root:
                    raise SlurmEngineError(
                        f"the slurm engine runs as root, so each account needs its own "
                        f"unprivileged OS user, else its jobs run as root: account "
                        f"{account.cluster_user} in {self._deployment.source} has no os_user "
                        f"(add e.g. `os_user: scnet-demo`; `make slurm-up` creates scnet-demo "
                        f"and scnet-other)"
                    )
                if who is not None and not root and who.uid != os.geteuid():
                    raise SlurmEngineError(
                        f"account {account.cluster_user} runs as OS user {who.name}, but only "
                        f"root can start jobs as another user (the mock runs as "
                        f"{self._os_user}): start it as root, or drop os_user"
                    )
                if who is not None and root:
                    home_ready(who)
                    problem = self._cli.ping_as(_run_as(who))
                    if problem:
                        raise SlurmEngineError(
                            f"OS user {who.name} cannot reach Slurm ({problem[:200]}): its "
                            f"configuration {self._cli.slurm_conf} and the folders above it "
                            "must be readable by every user"
                        )
            except OsUserError as exc:
                raise SlurmEngineError(str(exc)) from None
            found[account.cluster_user] = who
        return found

    def os_account(self, user: str) -> OsAccount | None:
        """Who the API (cluster) user ``user`` is on this machine: the OS user its jobs run as,
        uid, gid, groups and home; None when it runs as the mock's own user (or is unknown).
        What a service acting on the user's files (the file service) should act as."""
        return self._os_accounts.get(user)

    def _runner(self, user: str) -> RunAs | None:
        """How to run a command for ``user``: as their OS user when the mock is root."""
        who = self._os_accounts.get(user)
        return _run_as(who) if who is not None and os.geteuid() == 0 else None

    # ------------------------------------------------------------------ information

    def schedulers(self) -> list[SchedulerInfo]:
        s = self._sched
        return [SchedulerInfo(id=s.id, name=s.name, type=s.type, address=s.address, port=s.port)]

    def _refusal(self, exc: SbatchError, request: JobRequest) -> str:
        """sbatch's words; for a time limit over the partition's, with that limit."""
        message = exc.stderr.strip() or str(exc)
        if message != TIME_LIMIT:
            return message
        try:
            limits = {p.name: p.max_time_minutes for p in self._cli.partitions()}
        except SlurmCommandError:
            return message
        minutes = limits.get(request.queue)
        if minutes is None or request.walltime <= minutes * 60:
            return message
        return time_limit_refusal(request.queue, minutes * 60, request.walltime)

    def queues(self, scheduler_id: int) -> list[QueueInfo]:
        self._check(scheduler_id)

        def load() -> list[QueueInfo]:
            nodes = self._cli.nodes()
            return [queue_info(p, nodes) for p in self._cli.partitions()]

        with self._lock:
            return self._queues_cache.get(load)

    def user_limits(self, scheduler_id: int, user: str) -> UserLimits:
        self._check(scheduler_id)
        account = self._account(user)
        return account_limits(account, user, lambda: self.used_core_seconds(scheduler_id, user))

    def used_core_seconds(self, scheduler_id: int, user: str) -> float:
        return float(
            sum(
                r.num_cores * (r.end_time - r.start_time)
                for r in self.history_jobs(scheduler_id, user=user)
                if r.start_time is not None and r.end_time is not None
            )
        )

    def storage(self, scheduler_id: int, user: str) -> list[StorageInfo]:
        self._check(scheduler_id)
        account = self._account(user)
        if account is None:
            return []
        return account_storage(account, self._bytes_under(account.home))

    # ------------------------------------------------------------------ jobs

    def submit(self, scheduler_id: int, request: JobRequest) -> str:
        self._check(scheduler_id)
        account = self._account(request.user)
        if account is None:
            raise SubmitRejected(f"user {request.user} has no account in this region")
        if request.walltime <= 0:
            raise SubmitRejected(TIME_LIMIT)
        home = account.home
        who = self._os_accounts.get(request.user)
        os_user = who.name if who is not None else self._os_user

        def folder(pattern: str) -> str:
            """The output file's folder as slurmstepd will name it (``%x`` is the job name,
            ``%u`` the OS user; a job id stands in for ``%j``, which is digits)."""
            return os.path.dirname(
                expand_output_pattern(pattern, job_id=1, name=request.name, user=os_user)
            )

        checks = [
            ("GAP_WORK_DIR", request.work_dir, request.work_dir, True),
            ("GAP_STD_OUT_FILE", request.stdout_pattern, folder(request.stdout_pattern), False),
            ("GAP_STD_ERR_FILE", request.stderr_pattern, folder(request.stderr_pattern), False),
        ]
        for what, given, path, _ in checks:
            if not _inside(path, home):
                raise SubmitRejected(
                    f"{what} {given} is not inside the home directory {home} of "
                    f"{request.user} (the slurm engine keeps jobs there)"
                )
        script = self._script(request, home)
        self._make_dirs(
            request.user,
            [
                path
                for _, given, path, is_dir in checks
                if is_dir or not _LATE_CODES.search(os.path.dirname(given))
            ],
        )
        with self._lock:
            try:
                job_id = self._cli.submit(
                    script,
                    options=sbatch_options(request),
                    environment=job_environment(home=home, os_user=os_user),
                    as_user=self._runner(request.user),
                )
            except SbatchError as exc:
                raise SubmitRejected(self._refusal(exc, request)) from None
            finally:
                self._jobs_cache.clear()
            self._ledger.add(
                LedgerEntry(
                    job_id=job_id,
                    scheduler_id=scheduler_id,
                    user=request.user,
                    account=request.account,
                    name=request.name,
                    command=request.command,
                    work_dir=request.work_dir,
                    stdout_pattern=request.stdout_pattern,
                    stderr_pattern=request.stderr_pattern,
                    submitted_at=int(time.time()),
                    app_name=request.app_name,
                    gpus_per_node=request.gpus_per_node,
                    dcus_per_node=request.dcus_per_node,
                    mem_per_node_mb=request.mem_per_node_mb,
                    exclusive=request.exclusive,
                    array_size=request.array_size,
                    os_user=os_user,
                )
            )
        return job_id

    def _make_dirs(self, user: str, paths: list[str]) -> None:
        """Create the missing ``paths`` (already checked to be in the user's home) as the
        user's OS user, so they are theirs and a symlink swapped in meanwhile gains nothing."""
        missing = [p for p in dict.fromkeys(paths) if not os.path.isdir(p)]
        if not missing:
            return
        who = self._os_accounts.get(user)
        if who is None or os.geteuid() != 0:
            try:
                for path in missing:
                    os.makedirs(path, exist_ok=True)
            except OSError as exc:
                raise SubmitRejected(f"cannot create {exc.filename}: {exc.strerror}") from None
            return
        problem = make_dirs_as(who, missing)
        if problem:
            raise SubmitRejected(problem)

    def _script(self, request: JobRequest, home: str) -> str:
        if request.submit_type != "file":
            return batch_script(request.command)
        path = request.command.strip()
        if not os.path.isabs(path):
            path = os.path.join(request.work_dir, path)
        opened = self._open(request.user, path)
        if opened is None:
            raise SubmitRejected(f"sbatch: error: Unable to open file {path}")
        f, size = opened
        with f:
            if size > MAX_SCRIPT_BYTES:
                raise SubmitRejected(
                    f"sbatch: error: Batch job submission failed: the script {path} has "
                    f"{size} bytes, more than the {MAX_SCRIPT_BYTES} allowed (max_script_size)"
                )
            return f.read(MAX_SCRIPT_BYTES).decode("utf-8", errors="replace")

    def _open(self, user: str, path: str) -> tuple[BinaryIO, int] | None:
        """``path`` opened for reading if it is a regular file in ``user``'s home that their
        OS user may read (checked on the file actually opened), with its size; else None."""
        account = self._account(user)
        if account is None or not _inside(path, account.home):
            return None
        try:
            fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY)
        except OSError:
            return None
        try:
            st = os.fstat(fd)
            try:
                real = os.readlink(f"/proc/self/fd/{fd}")
            except OSError:
                real = os.path.realpath(path)
            who = self._os_accounts.get(user)
            if (
                not stat.S_ISREG(st.st_mode)
                or not _inside(real, account.home)
                or (who is not None and not _may_read(st, who))
            ):
                os.close(fd)
                return None
            return os.fdopen(fd, "rb"), st.st_size
        except OSError:
            os.close(fd)
            return None

    def realtime_jobs(self, scheduler_id: int, *, user: str | None = None) -> list[JobRecord]:
        now = self._clock.now()
        keep = self._deployment.settings.realtime_retention
        return [
            r
            for r in self._records(scheduler_id, history=False)
            if (not r.finished or (r.end_time or r.submit_time) + keep > now)
            and (user is None or r.user == user)
        ]

    def realtime_job(self, scheduler_id: int, job_id: str) -> JobRecord | None:
        jobs = self.realtime_jobs(scheduler_id)
        exact = [r for r in jobs if r.job_id == job_id]
        if exact:
            return exact[0]
        tasks = [r for r in jobs if r.job_id.startswith(job_id + "_")]
        active = [r for r in tasks if not r.finished]
        chosen = active or tasks
        if chosen:
            return chosen[0]
        # a task still pending in its array's grouped record (12_[2-5]) is that record, named
        # as asked: it can be waited for before it starts, like the simulated engine's
        parent, _, task = job_id.partition("_")
        grouped = [r for r in jobs if r.job_id.startswith(parent + "_[")]
        named = [r for r in grouped if task.isdigit() and _names(r.job_id, job_id)]
        return replace(named[0], job_id=job_id) if named else None

    def history_jobs(self, scheduler_id: int, *, user: str | None = None) -> list[JobRecord]:
        return [
            r
            for r in self._records(scheduler_id, history=True)
            if r.finished and (user is None or r.user == user)
        ]

    def history_job(self, scheduler_id: int, job_id: str) -> JobRecord | None:
        return next((r for r in self.history_jobs(scheduler_id) if r.job_id == job_id), None)

    def cancel(self, scheduler_id: int, user: str, job_ids: Sequence[str]) -> list[CancelOutcome]:
        self._check(scheduler_id)
        with self._lock:
            self._jobs_cache.clear()
            mine = {
                r.job_id: r for r in self._records(scheduler_id, history=False) if r.user == user
            }
            outcomes: dict[str, CancelOutcome] = {}
            to_cancel: list[str] = []
            for job_id in job_ids:
                matching = [r for r in mine.values() if _names(r.job_id, job_id)]
                if not matching:
                    outcomes[job_id] = _cancel_error(job_id, "Invalid job id specified")
                elif all(r.finished for r in matching):
                    why = "Job/step already completing or completed"
                    outcomes[job_id] = _cancel_error(job_id, why)
                elif job_id not in to_cancel:
                    to_cancel.append(job_id)
            outcomes.update(self._scancel(to_cancel, self._runner(user)))
            if to_cancel:
                self._wait_cancelled(scheduler_id, [i for i in to_cancel if outcomes[i].ok])
        return [outcomes[i] for i in job_ids]

    def _scancel(self, job_ids: list[str], runner: RunAs | None) -> dict[str, CancelOutcome]:
        if not job_ids:
            return {}
        try:
            self._cli.cancel(job_ids, as_user=runner)
            return {i: CancelOutcome(i, True) for i in job_ids}
        except SlurmCommandError:
            pass
        outcomes = {}
        for job_id in job_ids:  # one at a time, to tell which failed and why
            try:
                self._cli.cancel([job_id], as_user=runner)
                outcomes[job_id] = CancelOutcome(job_id, True)
            except SlurmCommandError as exc:
                message = exc.stderr.strip() or str(exc)
                outcomes[job_id] = CancelOutcome(job_id, False, message)
        return outcomes

    def _wait_cancelled(self, scheduler_id: int, job_ids: list[str], limit: float = 3.0) -> None:
        """scancel only signals; wait (briefly) until Slurm shows the jobs as ended, so that
        a history query right after a successful cancel finds them, as on the live service."""
        deadline = time.monotonic() + limit
        while time.monotonic() < deadline:
            self._jobs_cache.clear()
            records = self._records(scheduler_id, history=False)
            if not any(not r.finished for r in records for i in job_ids if _names(r.job_id, i)):
                return
            time.sleep(0.05)

    def read_file(
        self, scheduler_id: int, user: str, path: str, *, page: int, from_end: bool
    ) -> FilePage:
        self._check(scheduler_id)
        opened = self._open(user, path)
        if opened is None:
            return FilePage(text="", total_lines=0, total_pages=0, exists=False)
        f, size = opened
        try:
            with f:
                return read_page(f, size, page, from_end=from_end)
        except OSError:
            return FilePage(text="", total_lines=0, total_pages=0, exists=False)

    def close(self) -> None:
        return None

    # ------------------------------------------------------------------ internals

    def _check(self, scheduler_id: int) -> SchedulerSpec:
        if scheduler_id != self._sched.id:
            raise KeyError(f"scheduler {scheduler_id} is not run by this engine")
        return self._sched

    def _account(self, user: str) -> RegionAccount | None:
        found = self._deployment.account_of_cluster_user(self._region.id, user)
        return found[1] if found else None

    def _records(self, scheduler_id: int, *, history: bool) -> list[JobRecord]:
        """The ledger's jobs of this scheduler as Slurm sees them: squeue first, then (for
        ``history``) the jobs slurmctld has forgotten, from the job completion log."""
        self._check(scheduler_id)
        with self._lock:
            live = self._jobs_cache.get(self._cli.jobs)
            jobs = list(live)
            if history and self._jobcomp is not None:
                seen = {j.slurm_job_id for j in live}
                jobs += [j for j in self._completed() if j.slurm_job_id not in seen]
            entries = self._ledger.snapshot()
        records = []
        for job in jobs:
            entry = entries.get(str(job.array_job_id or job.slurm_job_id))
            if entry is None or entry.scheduler_id != scheduler_id or not _same(entry, job):
                continue
            records.append(self._record(job, entry))
        return records

    def _completed(self) -> list[SlurmJob]:
        log_file = self._jobcomp
        assert log_file is not None
        try:
            st = log_file.stat()
        except FileNotFoundError:
            return []
        return self._history_cache.get(
            lambda: parse_jobcomp(log_file.read_text(encoding="utf-8", errors="replace")),
            key=(st.st_size, st.st_mtime_ns),
        )

    def _record(self, job: SlurmJob, entry: LedgerEntry) -> JobRecord:
        def path(pattern: str) -> str:
            return expand_output_pattern(
                pattern,
                job_id=job.slurm_job_id,
                name=job.name,
                user=entry.os_user or self._os_user,
                node=first_host(job.nodes),
                array_job_id=job.array_job_id,
                array_task_id=job.array_task_id,
            )

        return job_record(
            job,
            scheduler_id=entry.scheduler_id,
            user=entry.user,
            account=entry.account,
            command=entry.command,
            app_name=entry.app_name,
            gpus_per_node=entry.gpus_per_node,
            dcus_per_node=entry.dcus_per_node,
            mem_per_node_mb=entry.mem_per_node_mb,
            exclusive=entry.exclusive,
            stdout_path=path(entry.stdout_pattern),
            stderr_path=path(entry.stderr_pattern),
        )

    def _bytes_under(self, home: str, ttl: float = 10.0) -> int:
        """Bytes in files under ``home`` (at most every ``ttl`` s: walking a tree costs)."""
        now = time.monotonic()
        cached = self._usage_cache.get(home)
        if cached and now - cached[0] < ttl:
            return cached[1]
        total = 0
        for root, _, files in os.walk(home):
            for name in files:
                try:
                    total += os.lstat(os.path.join(root, name)).st_size
                except OSError:
                    continue
        self._usage_cache[home] = (now, total)
        return total


# --------------------------------------------------------------------------- helpers


def _os_user() -> str:
    try:
        import pwd

        return pwd.getpwuid(os.getuid()).pw_name
    except (ImportError, KeyError):
        return str(os.getuid())


def _inside(path: str, home: str) -> bool:
    """``path`` is ``home`` or below it, after resolving symlinks and ``..`` in both."""
    return within_home(os.path.realpath(path), os.path.realpath(home))


def _same(entry: LedgerEntry, job: SlurmJob) -> bool:
    """Is ``job`` the one the ledger entry recorded? Guards against a reset cluster reusing
    job ids (it must have been submitted when the ledger says, a minute's slack for clocks and
    slow submits) and against forged history: Slurm must report it run by the OS user the
    ledger names, and a completion-log record must name the work directory the user asked
    for."""
    if job.submit_time is not None and abs(job.submit_time - entry.submitted_at) > 60:
        return False
    if entry.os_user and job.user != entry.os_user:
        return False
    return not (job.from_jobcomp and job.work_dir != entry.work_dir)


def _run_as(who: OsAccount) -> RunAs:
    return RunAs(uid=who.uid, gid=who.gid, groups=who.groups, cwd=who.home)


def _may_read(st: os.stat_result, who: OsAccount) -> bool:
    """Would ``who`` be allowed to read a file with this status (owner, group, other bits)?"""
    if st.st_uid == who.uid:
        return bool(st.st_mode & stat.S_IRUSR)
    if st.st_gid in who.groups or st.st_gid == who.gid:
        return bool(st.st_mode & stat.S_IRGRP)
    return bool(st.st_mode & stat.S_IROTH)


def _names(record_id: str, asked: str) -> bool:
    """Does the id a user gave (``12``, ``12_3``) name this record (``12``, ``12_3``,
    ``12_[4-9%2]``)?"""
    if record_id == asked:
        return True
    parent, _, task = record_id.partition("_")
    if asked == parent:
        return True
    asked_parent, _, asked_task = asked.partition("_")
    if asked_parent != parent or not task.startswith("[") or not asked_task.isdigit():
        return False
    n = int(asked_task)
    for part in task.strip("[]").split("%")[0].split(","):
        lo, _, hi = part.partition("-")
        if lo.isdigit() and int(lo) <= n <= int(hi or lo):
            return True
    return False


def _cancel_error(job_id: str, why: str) -> CancelOutcome:
    return CancelOutcome(job_id, False, f"scancel: error: Kill job error on job id {job_id}: {why}")
