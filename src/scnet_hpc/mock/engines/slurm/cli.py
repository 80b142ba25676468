"""A thin, dependency-free wrapper over the Slurm 22.05 command line.

The mock server's Slurm engine drives a real (local, single-node) Slurm through
this module instead of linking to libslurm or talking to slurmrestd: the CLI is
the one interface that every Slurm installation has, needs no extra daemon or
token, and is what an operator would type to check what the engine did.

Everything that parses command output is a module-level function taking text,
so it can be tested against captured outputs (tests/slurm/fixtures/) on machines
without Slurm. ``SlurmCLI`` only runs the commands and hands their output to
those functions.

The parsers follow what Slurm 22.05.8 (Debian 12) actually prints, which differs
from the man pages and from newer releases in several places; each such place
is explained where it is handled. Unknown or missing keys are tolerated, since
the JSON plugin (openapi/v0.0.38) changed shape between releases.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from ..slurm_syntax import expand_output_pattern, first_host

__all__ = [
    "TERMINAL_STATES",
    "RunAs",
    "SbatchError",
    "SlurmCLI",
    "SlurmCommandError",
    "SlurmError",
    "SlurmJob",
    "SlurmNode",
    "SlurmPartition",
    "decode_wait_status",
    "parse_jobcomp",
    "parse_sbatch_parsable",
    "parse_scontrol_nodes",
    "parse_scontrol_partitions",
    "parse_sinfo_json_nodes",
    "parse_slurm_duration_minutes",
    "parse_squeue_json",
]

#: Job states after which Slurm will not change the job any more.
TERMINAL_STATES = frozenset(
    {
        "COMPLETED",
        "FAILED",
        "CANCELLED",
        "TIMEOUT",
        "NODE_FAIL",
        "PREEMPTED",
        "BOOT_FAIL",
        "DEADLINE",
        "OUT_OF_MEMORY",
        "REVOKED",
    }
)

# Slurm's NO_VAL / INFINITE sentinels leak into JSON as plain integers in some
# fields and releases; they never mean a real count, time or id.
_SENTINELS = frozenset({0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFFFFFFFFFE, 0xFFFFFFFFFFFFFFFF})


# --------------------------------------------------------------------------- errors


class SlurmError(Exception):
    """Base class: a Slurm command could not do what was asked."""


class SlurmCommandError(SlurmError):
    """A Slurm command exited non-zero, timed out or is not installed.

    ``stderr`` is the command's own text, so callers can show the operator what
    Slurm said rather than a paraphrase.
    """

    def __init__(self, argv: Sequence[str], returncode: int, stderr: str) -> None:
        self.argv = list(argv)
        self.returncode = returncode
        self.stderr = stderr
        msg = stderr.strip() or f"exit status {returncode}"
        super().__init__(f"{' '.join(self.argv)}: {msg}")


class SbatchError(SlurmError):
    """sbatch refused a job.

    ``stderr`` is sbatch's message verbatim (e.g. ``sbatch: error: Batch job
    submission failed: Requested node configuration is not available``): the
    HPC API reports submission errors to its users in Slurm's own words, so the
    text must survive unchanged. ``reason`` is just the part after "Batch job
    submission failed: ", for callers that map it to an error code.
    """

    def __init__(self, returncode: int, stderr: str) -> None:
        self.returncode = returncode
        self.stderr = stderr
        super().__init__(stderr.strip() or f"sbatch exited with status {returncode}")

    @property
    def reason(self) -> str:
        m = re.search(r"Batch job submission failed:\s*(.+)", self.stderr)
        if m:
            return m.group(1).strip()
        lines = [ln for ln in self.stderr.strip().splitlines() if ln.strip()]
        last = lines[-1] if lines else ""
        return re.sub(r"^sbatch:\s*(error:\s*)?", "", last).strip()


# --------------------------------------------------------------------------- data


@dataclass(frozen=True)
class SlurmJob:
    """One job, or one array task, as Slurm reports it.

    ``job_id`` is how users name the job: ``"12"``, ``"12_3"`` for an array task,
    or ``"12_[4-9%2]"`` for the array tasks that are still pending as one record
    (Slurm only splits them off as they start). ``slurm_job_id`` is the unique
    numeric id Slurm gives every task internally; both forms work with scancel.

    Times are epoch seconds, ``None`` when Slurm does not know them yet (a
    pending job's start, a running job's end). ``exit_code`` and ``signal`` are
    only set once the job is in a terminal state.
    """

    job_id: str
    slurm_job_id: int
    name: str
    user: str
    partition: str
    state: str
    reason: str = ""
    nodes: str = ""
    num_nodes: int = 0
    num_cpus: int = 0
    time_limit_minutes: int | None = None
    submit_time: int | None = None
    start_time: int | None = None
    end_time: int | None = None
    work_dir: str = ""
    std_out: str = ""
    std_err: str = ""
    exit_code: int | None = None
    signal: int | None = None
    array_job_id: int | None = None
    array_task_id: int | None = None
    #: pending array tasks still grouped in this record, e.g. ``"4-9%2"``
    array_tasks: str | None = None
    #: the job's account (``sbatch -A``); "" when none was given
    account: str = ""
    #: read from the job completion log (whose Name and WorkDir fields are not escaped)
    from_jobcomp: bool = False

    @property
    def finished(self) -> bool:
        return self.state in TERMINAL_STATES


@dataclass(frozen=True)
class RunAs:
    """Run a command as this OS user instead of the caller (who must be root): Slurm then
    checks and records the job as that user's, and scancel cancels only that user's jobs."""

    uid: int
    gid: int
    groups: tuple[int, ...] = ()
    #: working directory of the command (the caller's may be closed to the user)
    cwd: str = "/"


@dataclass(frozen=True)
class SlurmPartition:
    name: str
    state: str
    total_cpus: int
    total_nodes: int
    #: None = no limit (Slurm's UNLIMITED/INFINITE)
    max_time_minutes: int | None
    #: None = no limit
    max_nodes: int | None
    default: bool
    nodes: str
    default_time_minutes: int | None = None
    #: None = no limit
    min_nodes: int | None = None
    #: None = no limit
    max_cpus_per_node: int | None = None
    priority_job_factor: int = 1


@dataclass(frozen=True)
class SlurmNode:
    name: str
    cpus: int
    #: megabytes, as configured (RealMemory)
    real_memory: int
    #: upper case base state as scontrol prints it: IDLE, MIXED, ALLOCATED, DOWN, ...
    state: str
    #: extra flags, e.g. ("DRAIN",) or ("NOT_RESPONDING",)
    state_flags: tuple[str, ...] = ()
    alloc_cpus: int = 0
    partitions: tuple[str, ...] = field(default_factory=tuple)
    #: configured generic resources as Slurm prints them (``"gpu:2,dcu:4"``), "" for none
    gres: str = ""


# --------------------------------------------------------------------------- helpers


def _int(value: Any) -> int | None:
    """An integer from JSON/text, or None for null, sentinels and junk."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, dict):
        # newer openapi plugins wrap numbers as {"set": true, "infinite": false, "number": N}
        if value.get("infinite") or value.get("set") is False:
            return None
        return _int(value.get("number"))
    try:
        n = int(value)
    except (TypeError, ValueError):
        return None
    return None if n in _SENTINELS else n


def _epoch(value: Any) -> int | None:
    """Slurm uses 0 for 'not happened yet'; callers want None for that."""
    n = _int(value)
    return n if n else None


def decode_wait_status(status: int) -> tuple[int, int]:
    """Split a raw wait(2) status into (exit code, signal).

    ``squeue --json`` and slurmrestd 0.0.38 report a job's ``exit_code`` as the
    raw status of the batch script (``exit 3`` -> 768, killed by SIGKILL -> 9),
    not as the exit code. Decoding it like WEXITSTATUS/WTERMSIG gives the same
    pair scontrol and jobcomp print as ``ExitCode=3:0`` / ``ExitCode=0:9``.
    Slurm's own launch failures use the low bits too (JobLaunchFailure showed
    4021 -> ``0:53``), so a signal is reported with exit code 0, as scontrol does.
    """
    sig = status & 0x7F
    if sig:
        return 0, sig
    return (status >> 8) & 0xFF, 0


def _parse_exit_pair(text: str) -> tuple[int | None, int | None]:
    """``"3:0"`` (exit code : signal, as scontrol/jobcomp print it)."""
    m = re.fullmatch(r"\s*(\d+):(\d+)\s*", text or "")
    if not m:
        return None, None
    return int(m.group(1)), int(m.group(2))


def parse_slurm_duration_minutes(text: str) -> int | None:
    """Slurm's duration formats to whole minutes; None means no limit.

    Accepted: ``UNLIMITED``/``INFINITE``/``NONE``, ``MM``, ``MM:SS``,
    ``HH:MM:SS``, ``D-HH``, ``D-HH:MM``, ``D-HH:MM:SS``. Seconds round up,
    because Slurm enforces limits in whole minutes and rounds ``--time=0:05``
    up to 1 minute.
    """
    t = (text or "").strip()
    if not t or t.upper() in {"UNLIMITED", "INFINITE", "NONE", "N/A", "PARTITION_LIMIT"}:
        return None
    days = 0
    if "-" in t:
        d, t = t.split("-", 1)
        days = int(d)
        parts = [int(p) for p in t.split(":")]
        while len(parts) < 3:
            parts.append(0)
        hours, minutes, seconds = parts[:3]
    else:
        parts = [int(p) for p in t.split(":")]
        if len(parts) == 1:
            hours, minutes, seconds = 0, parts[0], 0
        elif len(parts) == 2:
            hours, minutes, seconds = 0, parts[0], parts[1]
        else:
            hours, minutes, seconds = parts[:3]
    total = ((days * 24 + hours) * 60 + minutes) * 60 + seconds
    return (total + 59) // 60


def _output_paths(
    std_out: str,
    std_err: str,
    *,
    work_dir: str,
    job_id: int,
    name: str,
    user: str,
    nodes: str,
    array_job_id: int | None,
    array_task_id: int | None,
) -> tuple[str, str]:
    """Resolve the stdout/stderr files the batch step writes.

    An empty ``standard_output`` means sbatch's default, ``slurm-%j.out``
    (``slurm-%A_%a.out`` for arrays) in the working directory; an empty
    ``standard_error`` means stderr goes to the stdout file.
    """
    if not std_out:
        std_out = "slurm-%A_%a.out" if array_job_id else "slurm-%j.out"
    if not std_err:
        std_err = std_out
    node = first_host(nodes)
    out = []
    for p in (std_out, std_err):
        if work_dir and not os.path.isabs(p):
            p = os.path.join(work_dir, p)
        out.append(
            expand_output_pattern(
                p,
                job_id=job_id,
                name=name,
                user=user,
                node=node,
                array_job_id=array_job_id,
                array_task_id=array_task_id,
            )
        )
    return out[0], out[1]


def _state_word(value: Any) -> str:
    """Base job state as one upper-case word.

    22.05 gives a string ("COMPLETED"); newer releases give a list of flags
    whose first item is the base state; jobcomp can print "CANCELLED by 0".
    """
    if isinstance(value, list):
        value = value[0] if value else ""
    word = str(value or "").strip().split(" ")[0]
    return word.upper()


# --------------------------------------------------------------------------- parsers


def parse_sbatch_parsable(stdout: str) -> str:
    """``sbatch --parsable`` prints ``jobid`` or ``jobid;cluster``; an array
    submission prints the array's job id alone."""
    line = stdout.strip().splitlines()[-1] if stdout.strip() else ""
    job_id = line.split(";", 1)[0].strip()
    if not job_id.isdigit():
        raise SlurmError(f"unexpected sbatch --parsable output: {stdout!r}")
    return job_id


def _job_from_squeue(j: Mapping[str, Any]) -> SlurmJob:
    slurm_job_id = _int(j.get("job_id")) or 0
    array_job_id = _int(j.get("array_job_id")) or None
    array_task_id = _int(j.get("array_task_id"))
    array_tasks = str(j.get("array_task_string") or "") or None
    if array_job_id and array_task_id is not None:
        job_id = f"{array_job_id}_{array_task_id}"
    elif array_job_id and array_tasks:
        # pending tasks not split off yet: squeue text shows them as 7_[0-5%2]
        job_id = f"{array_job_id}_[{array_tasks}]"
    else:
        array_job_id = None
        job_id = str(slurm_job_id)
    state = _state_word(j.get("job_state"))
    finished = state in TERMINAL_STATES
    name = str(j.get("name") or "")
    user = str(j.get("user_name") or j.get("user_id") or "")
    nodes = str(j.get("nodes") or "")
    work_dir = str(j.get("current_working_directory") or "")
    std_out, std_err = _output_paths(
        str(j.get("standard_output") or ""),
        str(j.get("standard_error") or ""),
        work_dir=work_dir,
        job_id=slurm_job_id,
        name=name,
        user=user,
        nodes=nodes,
        array_job_id=array_job_id,
        array_task_id=array_task_id,
    )
    exit_code = signal = None
    if finished:
        raw = j.get("exit_code")
        if isinstance(raw, dict):  # newer plugins: {"status": ..., "return_code": N, ...}
            exit_code = _int(raw.get("return_code")) or 0
            signal = _int((raw.get("signal") or {}).get("id")) or 0
        else:
            exit_code, signal = decode_wait_status(_int(raw) or 0)
    # "cpus" is 0 or null for jobs that ended without an allocation (cancelled
    # while pending, BadConstraints); the request is still in tres_req_str.
    cpus = _int(j.get("cpus")) or _int((j.get("job_resources") or {}).get("allocated_cpus"))
    if not cpus:
        m = re.search(r"(?:^|,)cpu=(\d+)", str(j.get("tres_req_str") or ""))
        cpus = int(m.group(1)) if m else 0
    return SlurmJob(
        job_id=job_id,
        slurm_job_id=slurm_job_id,
        name=name,
        user=user,
        partition=str(j.get("partition") or ""),
        state=state,
        # "None" is Slurm's word for "no reason"
        reason="" if j.get("state_reason") in (None, "None") else str(j.get("state_reason")),
        nodes=nodes,
        num_nodes=_int(j.get("node_count")) or 0,
        num_cpus=cpus,
        time_limit_minutes=_int(j.get("time_limit")),
        submit_time=_epoch(j.get("submit_time")),
        start_time=_epoch(j.get("start_time")),
        # a running job's end_time is its projected end (start + limit), not an end
        end_time=_epoch(j.get("end_time")) if finished else None,
        work_dir=work_dir,
        std_out=std_out,
        std_err=std_err,
        exit_code=exit_code,
        signal=signal,
        array_job_id=array_job_id,
        array_task_id=array_task_id,
        array_tasks=array_tasks if array_task_id is None else None,
        account=str(j.get("account") or ""),
    )


def parse_squeue_json(text: str) -> list[SlurmJob]:
    """Jobs from ``squeue --json`` (openapi/v0.0.38 in 22.05).

    Unlike text squeue, the JSON view lists finished jobs too, for as long as
    slurmctld keeps them (MinJobAge), so one call gives the whole picture.
    """
    data = json.loads(text) if text.strip() else {}
    return [_job_from_squeue(j) for j in data.get("jobs") or [] if isinstance(j, dict)]


# "Key=value Key=value ..." where values may contain spaces (OS=Linux 6.1 #1 SMP,
# Name=my job): a new pair starts only where a word followed by "=" starts.
_KV_SPLIT = re.compile(r"\s+(?=[A-Za-z][A-Za-z0-9_:/]*=)")


def _parse_kv_line(line: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for token in _KV_SPLIT.split(line.strip()):
        key, sep, value = token.partition("=")
        if sep:
            out[key] = value.strip()
    return out


def _limit(value: str | None) -> int | None:
    if value is None or value.upper() in {"UNLIMITED", "INFINITE", "N/A", ""}:
        return None
    return _int(value)


def parse_scontrol_partitions(text: str) -> list[SlurmPartition]:
    """Partitions from ``scontrol show partition -o`` (one per line).

    22.05 has no ``scontrol --json`` and ``sinfo --json`` lists only nodes, so
    the one-line text form is the only complete source for partition limits.
    """
    parts = []
    for line in text.splitlines():
        if not line.strip().startswith("PartitionName="):
            continue
        kv = _parse_kv_line(line)
        nodes = kv.get("Nodes", "")
        parts.append(
            SlurmPartition(
                name=kv["PartitionName"],
                state=kv.get("State", "UNKNOWN"),
                total_cpus=_int(kv.get("TotalCPUs")) or 0,
                total_nodes=_int(kv.get("TotalNodes")) or 0,
                max_time_minutes=parse_slurm_duration_minutes(kv.get("MaxTime", "UNLIMITED")),
                max_nodes=_limit(kv.get("MaxNodes")),
                default=kv.get("Default", "NO").upper() == "YES",
                nodes="" if nodes == "(null)" else nodes,
                default_time_minutes=parse_slurm_duration_minutes(kv.get("DefaultTime", "NONE")),
                min_nodes=_limit(kv.get("MinNodes")) or None,
                max_cpus_per_node=_limit(kv.get("MaxCPUsPerNode")),
                priority_job_factor=_int(kv.get("PriorityJobFactor")) or 1,
            )
        )
    return parts


def _split_node_state(state: str) -> tuple[str, tuple[str, ...]]:
    """scontrol prints IDLE+DRAIN; sinfo adds '*' for a node not responding."""
    s = state.strip().upper()
    flags: list[str] = []
    if s.endswith("*"):
        s = s.rstrip("*")
        flags.append("NOT_RESPONDING")
    base, *rest = s.split("+")
    return base, tuple(rest + flags)


def _gres(value: Any) -> str:
    text = str(value or "").strip()
    return "" if text in {"(null)", "N/A"} else text


def parse_sinfo_json_nodes(text: str) -> list[SlurmNode]:
    """Nodes from ``sinfo --json`` (22.05: state is lower case, flags separate)."""
    data = json.loads(text) if text.strip() else {}
    nodes = []
    for n in data.get("nodes") or []:
        state_value = n.get("state")
        if isinstance(state_value, list):  # newer releases: ["IDLE", "DRAIN"]
            base = str(state_value[0]).upper() if state_value else "UNKNOWN"
            flags = tuple(str(f).upper() for f in state_value[1:])
        else:
            base, flags = _split_node_state(str(state_value or "UNKNOWN"))
        flags += tuple(str(f).upper() for f in n.get("state_flags") or [] if f)
        nodes.append(
            SlurmNode(
                name=str(n.get("name") or n.get("hostname") or ""),
                cpus=_int(n.get("cpus")) or 0,
                real_memory=_int(n.get("real_memory")) or 0,
                state=base,
                state_flags=tuple(dict.fromkeys(flags)),
                alloc_cpus=_int(n.get("alloc_cpus")) or 0,
                partitions=tuple(str(p) for p in n.get("partitions") or []),
                gres=_gres(n.get("gres")),
            )
        )
    return nodes


def parse_scontrol_nodes(text: str) -> list[SlurmNode]:
    """Nodes from ``scontrol show node -o`` (the fallback when --json is absent)."""
    nodes = []
    for line in text.splitlines():
        if not line.strip().startswith("NodeName="):
            continue
        kv = _parse_kv_line(line)
        base, flags = _split_node_state(kv.get("State", "UNKNOWN"))
        parts = kv.get("Partitions", "")
        nodes.append(
            SlurmNode(
                name=kv["NodeName"],
                cpus=_int(kv.get("CPUTot")) or 0,
                real_memory=_int(kv.get("RealMemory")) or 0,
                state=base,
                state_flags=flags,
                alloc_cpus=_int(kv.get("CPUAlloc")) or 0,
                partitions=tuple(p for p in parts.split(",") if p and p != "(null)"),
                gres=_gres(kv.get("Gres")),
            )
        )
    return nodes


def _local_time(value: str | None) -> int | None:
    """jobcomp/filetxt writes times in slurmctld's local time, without a zone."""
    if not value or value in {"Unknown", "None", "N/A"}:
        return None
    try:
        return int(datetime.strptime(value, "%Y-%m-%dT%H:%M:%S").timestamp())
    except ValueError:
        return None


#: One jobcomp/filetxt line, keys in the order 22.05's plugin writes them (an array task adds
#: ArrayJobId/ArrayTaskId, a heterogeneous job HetJobId/HetJobOffset). ``Name`` and ``WorkDir``
#: are written unescaped, so only they may hold spaces, and they are matched by what follows
#: them; everything before ``Name`` (JobId, UserId) is out of the job submitter's reach.
_JOBCOMP_LINE = re.compile(
    r"JobId=(?P<JobId>\d+) UserId=(?P<UserId>\S*) GroupId=(?P<GroupId>\S*) Name=(?P<Name>.*)"
    r" JobState=(?P<JobState>\S*(?: by \d+)?) Partition=(?P<Partition>\S*)"
    r" TimeLimit=(?P<TimeLimit>\S*) StartTime=(?P<StartTime>\S*) EndTime=(?P<EndTime>\S*)"
    r" NodeList=(?P<NodeList>\S*) NodeCnt=(?P<NodeCnt>\S*) ProcCnt=(?P<ProcCnt>\S*)"
    r" WorkDir=(?P<WorkDir>.*) ReservationName=(?P<ReservationName>\S*) Tres=(?P<Tres>\S*)"
    r" Account=(?P<Account>\S*) QOS=(?P<QOS>\S*) WcKey=(?P<WcKey>\S*) Cluster=(?P<Cluster>\S*)"
    r" SubmitTime=(?P<SubmitTime>\S*) EligibleTime=(?P<EligibleTime>\S*)"
    r"(?: ArrayJobId=(?P<ArrayJobId>\d+) ArrayTaskId=(?P<ArrayTaskId>\d+))?"
    r"(?: HetJobId=(?P<HetJobId>\d+) HetJobOffset=(?P<HetJobOffset>\d+))?"
    r" DerivedExitCode=(?P<DerivedExitCode>\S*) ExitCode=(?P<ExitCode>\S*)[ \t]*"
)


def parse_jobcomp(text: str) -> list[SlurmJob]:
    """Finished jobs from a jobcomp/filetxt log, one ``Key=value`` line each.

    This is the only job history a cluster without slurmdbd has once slurmctld
    purges a job (MinJobAge), and unlike ``squeue --json`` its ``ExitCode`` is
    already decoded (``3:0``). A requeued job is logged once per run; the last
    line wins. Quirks seen on 22.05.8: a job cancelled while running or killed
    at its time limit is logged with ``ExitCode=0:0`` (squeue later shows
    signal 15), and the file has no stdout/stderr paths, so ``std_out`` and
    ``std_err`` are empty.

    The plugin writes ``Name`` and ``WorkDir`` as given, so a line is read as a whole, in the
    plugin's fixed key order, with ``JobId`` first (``_JOBCOMP_LINE``); a line that does not
    have that shape is skipped. A name or work dir holding ``" JobState=..."`` can still only
    change what its own line says, which is why callers compare ``WorkDir``, ``Name`` and
    ``UserId`` with what they submitted (the mock also refuses whitespace in both fields).
    """
    by_id: dict[int, SlurmJob] = {}
    for line in text.splitlines():
        m = _JOBCOMP_LINE.fullmatch(line)
        if m is None:
            continue
        kv = {k: v for k, v in m.groupdict().items() if v is not None}
        slurm_job_id = _int(kv.get("JobId"))
        if slurm_job_id is None:
            continue
        array_job_id = _int(kv.get("ArrayJobId"))
        array_task_id = _int(kv.get("ArrayTaskId"))
        if array_job_id and array_task_id is not None:
            job_id = f"{array_job_id}_{array_task_id}"
        else:
            array_job_id = array_task_id = None
            job_id = str(slurm_job_id)
        exit_code, signal = _parse_exit_pair(kv.get("ExitCode", ""))
        nodes = kv.get("NodeList", "")
        user = re.sub(r"\(\d+\)$", "", kv.get("UserId", ""))
        by_id[slurm_job_id] = SlurmJob(
            job_id=job_id,
            slurm_job_id=slurm_job_id,
            name=kv.get("Name", ""),
            user=user,
            partition=kv.get("Partition", ""),
            state=_state_word(kv.get("JobState")),
            nodes="" if nodes == "(null)" else nodes,
            num_nodes=_int(kv.get("NodeCnt")) or 0,
            num_cpus=_int(kv.get("ProcCnt")) or 0,
            time_limit_minutes=parse_slurm_duration_minutes(kv.get("TimeLimit", "")),
            submit_time=_local_time(kv.get("SubmitTime")),
            start_time=_local_time(kv.get("StartTime")),
            end_time=_local_time(kv.get("EndTime")),
            work_dir=kv.get("WorkDir", ""),
            exit_code=exit_code,
            signal=signal,
            array_job_id=array_job_id,
            array_task_id=array_task_id,
            account=kv.get("Account", ""),
            from_jobcomp=True,
        )
    return list(by_id.values())


# --------------------------------------------------------------------------- runner


class SlurmCLI:
    """Runs Slurm's client commands against one cluster.

    ``slurm_conf`` is passed as ``SLURM_CONF`` to every command: the local
    cluster's config lives in its state dir, and without it the clients look
    for /etc/slurm/slurm.conf and then a DNS SRV record, and fail with
    "fetch_config: DNS SRV lookup failed". ``None`` keeps the caller's
    environment (a real site's default config). ``timeout`` bounds each command,
    because a client waits for an unreachable slurmctld for a long time.
    """

    def __init__(self, slurm_conf: str | None = None, timeout: float = 30.0) -> None:
        self.slurm_conf = slurm_conf
        self.timeout = timeout

    # -- plumbing

    def _env(self, base: Mapping[str, str] | None = None) -> dict[str, str]:
        env = dict(os.environ if base is None else base)
        if self.slurm_conf:
            env["SLURM_CONF"] = self.slurm_conf
        return env

    def _run(
        self,
        argv: Sequence[str],
        *,
        stdin: str | None = None,
        check: bool = True,
        env: Mapping[str, str] | None = None,
        as_user: RunAs | None = None,
    ) -> subprocess.CompletedProcess[str]:
        who: dict[str, Any] = {}
        if as_user is not None:
            who = {
                "user": as_user.uid,
                "group": as_user.gid,
                "extra_groups": list(as_user.groups),
                "cwd": as_user.cwd,
            }
        try:
            proc = subprocess.run(  # noqa: S603 - argv is a list, never a shell string
                list(argv),
                input=stdin,
                capture_output=True,
                text=True,
                env=self._env(env),
                timeout=self.timeout,
                check=False,
                **who,
            )
        except FileNotFoundError as exc:
            raise SlurmCommandError(argv, 127, f"{argv[0]}: not found ({exc})") from exc
        except subprocess.TimeoutExpired as exc:
            raise SlurmCommandError(
                argv, -1, f"timed out after {self.timeout} s (is slurmctld up?)"
            ) from exc
        except OSError as exc:  # e.g. not root but asked to run as another user
            raise SlurmCommandError(argv, 126, f"{argv[0]}: cannot run it ({exc})") from exc
        if check and proc.returncode != 0:
            raise SlurmCommandError(argv, proc.returncode, proc.stderr)
        return proc

    # -- commands

    def ping(self, timeout: float | None = None) -> bool:
        """True when slurmctld answers (``scontrol ping``). Note: with a ``slurm_conf`` that
        does not exist, 22.05's clients retry for 60 s before giving up; check the file first
        or pass a shorter ``timeout``."""
        saved = self.timeout
        if timeout is not None:
            self.timeout = timeout
        try:
            proc = self._run(["scontrol", "ping"], check=False)
        except SlurmCommandError:
            return False
        finally:
            self.timeout = saved
        return proc.returncode == 0 and "UP" in proc.stdout

    def submit(
        self,
        script: str,
        *,
        options: Iterable[str] = (),
        environment: Mapping[str, str] | None = None,
        as_user: RunAs | None = None,
    ) -> str:
        """Submit a batch script given as text; returns the job id (``"12"``).

        The script goes to sbatch on stdin so no temporary file has to be
        created and cleaned up. Note that with the script on stdin, sbatch
        reports ``Command=`` as empty; that is expected. For an array the id
        of the whole array is returned; its tasks show up as ``"<id>_<n>"``.
        ``environment`` replaces the caller's environment for sbatch (which
        passes it on to the job under the default ``--export=ALL``);
        ``SLURM_CONF`` is added to it. ``as_user``: sbatch runs as that user, so the job is
        theirs (22.05's root-only ``--uid`` would do too, but newer releases dropped it).
        """
        argv = ["sbatch", "--parsable", *options]
        try:
            proc = self._run(argv, stdin=script, check=False, env=environment, as_user=as_user)
        except SlurmCommandError as exc:
            raise SbatchError(exc.returncode, exc.stderr) from exc
        if proc.returncode != 0:
            raise SbatchError(proc.returncode, proc.stderr)
        return parse_sbatch_parsable(proc.stdout)

    def jobs(self) -> list[SlurmJob]:
        """All jobs slurmctld knows, finished ones included (see parse_squeue_json).

        Filtering happens here rather than with ``squeue -j``: 22.05's JSON
        output is not reliably filtered by squeue's options.
        """
        return parse_squeue_json(self._run(["squeue", "--json"]).stdout)

    def job(self, job_id: str) -> SlurmJob | None:
        """The job or array task named ``job_id`` (``"12"``, ``"12_3"``, or the
        numeric id of a task), or None if slurmctld does not know it (any more)."""
        for j in self.jobs():
            if job_id in (j.job_id, str(j.slurm_job_id)):
                return j
        return None

    def cancel(self, job_ids: Sequence[str], *, as_user: RunAs | None = None) -> None:
        """Cancel jobs (``scancel``). As root, an unknown or finished job id is
        silently accepted by 22.05's scancel; only malformed ids fail. ``as_user``:
        scancel runs as that user, and Slurm refuses another user's job."""
        if not job_ids:
            return
        self._run(["scancel", *job_ids], as_user=as_user)

    def ping_as(self, as_user: RunAs) -> str:
        """ "" when ``as_user`` can talk to slurmctld (reads SLURM_CONF, reaches munge), else
        what the command said."""
        try:
            proc = self._run(["scontrol", "ping"], check=False, as_user=as_user)
        except SlurmCommandError as exc:
            return exc.stderr.strip() or str(exc)
        if proc.returncode == 0 and "UP" in proc.stdout:
            return ""
        return (proc.stderr or proc.stdout).strip() or f"exit status {proc.returncode}"

    def partitions(self) -> list[SlurmPartition]:
        return parse_scontrol_partitions(self._run(["scontrol", "show", "partition", "-o"]).stdout)

    def nodes(self) -> list[SlurmNode]:
        return parse_sinfo_json_nodes(self._run(["sinfo", "--json"]).stdout)

    def completed_from_jobcomp(self, path: str | os.PathLike[str]) -> list[SlurmJob]:
        """Finished jobs from the jobcomp/filetxt log at ``path`` (JobCompLoc);
        an absent file means no job has finished yet."""
        try:
            with open(path, encoding="utf-8", errors="replace") as f:
                return parse_jobcomp(f.read())
        except FileNotFoundError:
            return []
