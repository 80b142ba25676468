"""Translations between the engine's vocabulary and Slurm's: requests to sbatch options, Slurm
jobs to ``JobRecord``, partitions and nodes to ``QueueInfo``. Pure functions, no commands run.

``GAP_*`` field (``JobRequest``) → sbatch option:

=========================  =======================  ==========================================
GAP_JOB_NAME               ``name``                 ``-J NAME``
GAP_QUEUE                  ``queue``                ``-p PARTITION``
GAP_NNODE                  ``nodes``                ``-N N``
GAP_NODE_STRING            ``node_list``            ``-w n1,n2`` plus ``-N <count>``
GAP_PPN                    ``cores_per_node``       ``--ntasks-per-node=N``
GAP_NPROC                  ``total_cores``          ``-n N``
GAP_NGPU / GAP_NDCU        ``gpus/dcus_per_node``   ``--gres=gpu:N,dcu:M`` (omitted when 0)
GAP_JOB_MEM                ``mem_per_node_mb``      ``--mem=NM``
GAP_WALL_TIME              ``walltime``             ``--time=[D-]HH:MM:SS`` (Slurm rounds up to
                                                    whole minutes)
GAP_EXCLUSIVE=1            ``exclusive``            ``--exclusive``
GAP_WORK_DIR               ``work_dir``             ``-D DIR``
GAP_STD_OUT_FILE           ``stdout_pattern``       ``-o PATTERN`` (``%j`` etc. kept for Slurm)
GAP_STD_ERR_FILE           ``stderr_pattern``       ``-e PATTERN``
GAP_MULTI_SUB=N (N ≥ 2)    ``array_size``           ``--array=0-(N-1)``
GAP_CMD_FILE               ``command``              the batch script (``cmd``: the text after a
                                                    ``#!/bin/bash`` line; ``file``: the file's
                                                    content, read by the engine)
(the API account)          ``account``              ``-A ACCOUNT``
=========================  =======================  ==========================================

Always added: ``--parsable`` (by ``SlurmCLI``) and ``--export=ALL`` of the small environment
``job_environment`` builds (not the mock's own: nothing of the server's environment, such as
credentials or tokens, reaches a job). ``--export=NONE`` would do that too, but makes slurmd
load the OS user's login environment (``su -``) for every job, which costs 0.3–1 s per job.
"""

from __future__ import annotations

import re

from ..base import ACTIVE_STATES, JobRecord, JobRequest, QueueInfo
from ..slurm_syntax import expand_hostlist
from .cli import TERMINAL_STATES, SlurmJob, SlurmNode, SlurmPartition

__all__ = [
    "JOB_PATH",
    "batch_script",
    "engine_state",
    "gres_count",
    "job_environment",
    "job_record",
    "queue_info",
    "sbatch_options",
    "slurm_time",
]

#: Slurm state words that are neither in the engine's active set nor terminal, mapped to the
#: active word they behave like (the HTTP layer turns active words into statQ/statR/statS).
_TRANSIENT = {
    "REQUEUED": "PENDING",
    "REQUEUE_HOLD": "PENDING",
    "REQUEUE_FED": "PENDING",
    "RESV_DEL_HOLD": "PENDING",
    "SPECIAL_EXIT": "PENDING",
    "RESIZING": "RUNNING",
    "SIGNALING": "COMPLETING",
    "STAGE_OUT": "COMPLETING",
    "STOPPED": "SUSPENDED",
}


def engine_state(word: str) -> str:
    """The engine's state word for a Slurm state word (see ``_TRANSIENT``).

    Active and terminal words pass through unchanged; an unknown word is kept if Slurm calls
    the job finished, else treated as PENDING so that a job is never shown as finished early.
    """
    word = word.upper()
    if word in ACTIVE_STATES or word in TERMINAL_STATES:
        return word
    return _TRANSIENT.get(word, "PENDING")


def slurm_time(seconds: int) -> str:
    """Seconds as ``[D-]HH:MM:SS`` for ``--time``."""
    days, rest = divmod(seconds, 86400)
    hms = f"{rest // 3600:02d}:{rest % 3600 // 60:02d}:{rest % 60:02d}"
    return f"{days}-{hms}" if days else hms


def sbatch_options(request: JobRequest) -> list[str]:
    """The sbatch options for a request (see the module docstring's table)."""
    opts = [
        f"--job-name={request.name}",
        f"--partition={request.queue}",
        f"--account={request.account}",
        f"--chdir={request.work_dir}",
        f"--output={request.stdout_pattern}",
        f"--error={request.stderr_pattern}",
        f"--time={slurm_time(request.walltime)}",
        "--export=ALL",
    ]
    if request.node_list:
        opts += [f"--nodelist={','.join(request.node_list)}", f"--nodes={len(request.node_list)}"]
    else:
        opts.append(f"--nodes={request.nodes or 1}")
    if request.cores_per_node is not None:
        opts.append(f"--ntasks-per-node={request.cores_per_node}")
    else:
        opts.append(f"--ntasks={request.total_cores or 1}")
    gres = [
        f"{kind}:{count}"
        for kind, count in (("gpu", request.gpus_per_node), ("dcu", request.dcus_per_node))
        if count
    ]
    if gres:
        opts.append(f"--gres={','.join(gres)}")
    if request.mem_per_node_mb is not None:
        opts.append(f"--mem={request.mem_per_node_mb}M")
    if request.exclusive:
        opts.append("--exclusive")
    if request.array_size >= 2:
        opts.append(f"--array=0-{request.array_size - 1}")
    return opts


#: PATH of a job: the system's directories only.
JOB_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"


def job_environment(*, home: str, os_user: str) -> dict[str, str]:
    """What a job starts with (plus Slurm's own ``SLURM_*`` variables): ``HOME`` is the API
    user's home, so ``cd ~`` and ``$HOME`` in a command point where the user's files are."""
    return {
        "PATH": JOB_PATH,
        "HOME": home,
        "USER": os_user,
        "LOGNAME": os_user,
        "SHELL": "/bin/bash",
        "LANG": "C.UTF-8",
    }


def batch_script(command: str) -> str:
    """A ``cmd`` submission as a batch script: the command lines under a bash shebang."""
    return "#!/bin/bash\n" + command.rstrip("\n") + "\n"


def job_record(
    job: SlurmJob,
    *,
    scheduler_id: int,
    user: str,
    account: str,
    command: str,
    app_name: str,
    gpus_per_node: int,
    dcus_per_node: int,
    mem_per_node_mb: int | None,
    exclusive: bool,
    stdout_path: str,
    stderr_path: str,
) -> JobRecord:
    """A Slurm job as the engine reports it; the keyword arguments come from the ledger."""
    state = engine_state(job.state)
    finished = state not in ACTIVE_STATES
    submit = job.submit_time or job.start_time or job.end_time or 0
    # a pending job's start_time is Slurm's forecast, not a start
    start = None if state == "PENDING" else job.start_time
    end = None
    if finished:
        end = job.end_time or start or submit
        start = end if start is None else start  # never ran (cancelled while pending): 0 s
    return JobRecord(
        job_id=job.job_id,
        scheduler_id=scheduler_id,
        name=job.name,
        user=user,
        account=account,
        queue=job.partition,
        state=state,
        reason=job.reason or "None",
        submit_time=submit,
        start_time=start,
        end_time=end,
        walltime=job.time_limit_minutes * 60 if job.time_limit_minutes is not None else None,
        num_nodes=job.num_nodes,
        num_cores=job.num_cpus,
        nodes=expand_hostlist(job.nodes) if state != "PENDING" else (),
        gpus_per_node=gpus_per_node,
        dcus_per_node=dcus_per_node,
        mem_per_node_mb=mem_per_node_mb,
        work_dir=job.work_dir,
        command=command,
        stdout_path=job.std_out or stdout_path,
        stderr_path=job.std_err or stderr_path,
        exit_code=job.exit_code if finished else None,
        signal=job.signal if finished else None,
        app_name=app_name,
        exclusive=exclusive,
    )


def gres_count(gres: str, kind: str) -> int:
    """How many of ``kind`` a node's configured gres holds (``"gpu:a100:2(S:0-1),dcu:4"``)."""
    total = 0
    for item in re.split(r",(?![^(]*\))", gres or ""):
        parts = re.sub(r"\(.*\)$", "", item.strip()).split(":")
        if parts and parts[0] == kind:
            count = parts[-1] if len(parts) > 1 else "1"
            total += int(count) if count.isdigit() else 0
    return total


def queue_info(partition: SlurmPartition, nodes: list[SlurmNode]) -> QueueInfo:
    """A partition with its real limits and its current load.

    Nodes are those that list the partition (``sinfo --json``), falling back to the
    partition's own hostlist. A node counts as free when it is IDLE and has nothing
    allocated; its free cores count unless it is down, drained or not responding.
    ``max_cores_per_job`` is what the partition can hold at most: with EnforcePartLimits
    sbatch refuses more ("More processors requested than permitted").
    """
    names = expand_hostlist(partition.nodes)
    members = [n for n in nodes if partition.name in n.partitions or n.name in names]
    names = tuple(dict.fromkeys([*names, *(n.name for n in members)]))

    def usable(n: SlurmNode) -> bool:
        bad = {"DRAIN", "DRAINED", "DRAINING", "NOT_RESPONDING", "FAIL", "MAINTENANCE"}
        return n.state not in {"DOWN", "FUTURE", "UNKNOWN"} and not bad & set(n.state_flags)

    cores = max((n.cpus for n in members), default=0)
    if partition.max_cpus_per_node is not None:
        cores = min(cores, partition.max_cpus_per_node)
    total_cpus = partition.total_cpus or sum(n.cpus for n in members)
    return QueueInfo(
        name=partition.name,
        nodes=names,
        cores_per_node=cores,
        free_nodes=sum(1 for n in members if usable(n) and n.alloc_cpus == 0),
        free_cores=sum(max(0, n.cpus - n.alloc_cpus) for n in members if usable(n)),
        gpus_per_node=max((gres_count(n.gres, "gpu") for n in members), default=0),
        dcus_per_node=max((gres_count(n.gres, "dcu") for n in members), default=0),
        max_walltime=(
            partition.max_time_minutes * 60 if partition.max_time_minutes is not None else None
        ),
        max_nodes_per_job=partition.max_nodes,
        max_cores_per_job=total_cpus or None,
        min_nodes=max(1, partition.min_nodes or 1),
        priority=partition.priority_job_factor,
        enabled=partition.state.upper() == "UP",
    )
