"""Engine records → the API's JSON: state codes, China-time strings, and the live field types.

One place decides how a job looks on the wire, so the realtime list, the realtime detail, the
history list and the history detail stay consistent with each other whatever engine runs.

State codes: realtime shows ``statQ`` (pending), ``statR`` (running), ``statS`` (suspended) and
``statC`` for every finished job during its 5 minutes in the list (live: cancelled jobs are
``statC`` there too; ``jobInitAttr.JobState`` tells them apart). History distinguishes
``statC`` (completed, including non-zero exits), ``statD`` (cancelled), ``statT`` (time limit)
and ``statN`` (node failure).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

from ..clock import ISO_TIME, china_time
from ..engines.base import JobRecord, QueueInfo, UserLimits
from ..engines.slurm_syntax import duration

__all__ = [
    "HISTORY_FIELDS",
    "history_detail",
    "history_order",
    "history_row",
    "history_state",
    "queue_detail",
    "queue_row",
    "realtime_detail",
    "realtime_row",
    "realtime_status",
    "user_limit",
]

_REALTIME = {
    "PENDING": "statQ",
    "CONFIGURING": "statQ",
    "RUNNING": "statR",
    "COMPLETING": "statR",
    "SUSPENDED": "statS",
}
_HISTORY = {
    "CANCELLED": "statD",
    "TIMEOUT": "statT",
    "NODE_FAIL": "statN",
    "PREEMPTED": "statRQ",
    "REQUEUED": "statRQ",
}


def realtime_status(rec: JobRecord) -> str:
    return _REALTIME.get(rec.state, "statC")


def history_state(rec: JobRecord) -> str:
    return _HISTORY.get(rec.state, "statC")


def _elapsed(rec: JobRecord, now: float) -> float:
    if rec.start_time is None:
        return 0.0
    return (rec.end_time if rec.finished and rec.end_time is not None else now) - rec.start_time


def _iso(t: float | None) -> str:
    return china_time(t, ISO_TIME) if t else "Unknown"


def _init_attr(rec: JobRecord) -> dict[str, Any]:
    exit_pair = f"{rec.exit_code or 0}:{rec.signal or 0}"
    return {
        "JobId": rec.job_id,
        "JobName": rec.name,
        "JobState": rec.state,
        "ExitCode": exit_pair,
        "Reason": rec.reason or "None",
        "WorkDir": rec.work_dir,
        "StdOut": rec.stdout_path,
        "StdErr": rec.stderr_path,
        "NumCPUs": rec.num_cores,
        "NumNodes": rec.num_nodes,
        "Partition": rec.queue,
        "UserId": rec.user,
        "StartTime": _iso(rec.start_time),
        "EndTime": _iso(rec.end_time if rec.finished else None),
        "SubmitTime": _iso(rec.submit_time),
        "TimeLimit": duration(rec.walltime) if rec.walltime is not None else "UNLIMITED",
    }


def realtime_row(rec: JobRecord, now: float, cluster_name: str) -> dict[str, Any]:
    return {
        "jobId": rec.job_id,
        "jobName": rec.name,
        "jobStatus": realtime_status(rec),
        "queue": rec.queue,
        "user": rec.user,
        "nodeUsed": ",".join(rec.nodes),
        "procNumUsed": rec.num_cores if rec.start_time is not None else 0,
        "nodeNumReq": rec.num_nodes,
        "procNumReq": rec.num_cores,
        "jobSubmitTime": china_time(rec.submit_time),
        "jobStartTime": china_time(rec.start_time),
        "jobRunTime": duration(_elapsed(rec, now)),
        "walltimeReq": duration(rec.walltime) if rec.walltime is not None else "",
        "workDir": rec.work_dir,
        "reason": rec.reason or "None",
        "appType": rec.app_name,
        "jobmanagerName": cluster_name,
        "outputPath": rec.stdout_path,
        "errorPath": rec.stderr_path,
        "jobInitAttr": _init_attr(rec),
    }


def realtime_detail(rec: JobRecord, now: float, cluster_name: str, kind: str) -> dict[str, Any]:
    row = realtime_row(rec, now, cluster_name)
    row.update(exitCode="", jobmanagerType=kind)  # live: exitCode is "" even when finished
    return row


def _accounting_exit(rec: JobRecord) -> int:
    """The accounting exit status (a wait status: code << 8 | signal), not the script's code."""
    return ((rec.exit_code or 0) << 8) | (rec.signal or 0)


def _used(rec: JobRecord) -> int:
    if rec.start_time is None or rec.end_time is None:
        return 0
    return rec.end_time - rec.start_time


#: A history row, member by member: how each is written from the record.
HISTORY_FIELDS: dict[str, Callable[[JobRecord], Any]] = {
    "jobId": lambda rec: rec.job_id,
    "jobmanagerId": lambda rec: rec.scheduler_id,
    "jobName": lambda rec: rec.name,
    "jobState": history_state,
    "queue": lambda rec: rec.queue,
    "appType": lambda rec: rec.app_name,
    "userName": lambda rec: rec.user,
    "jobQueueTime": lambda rec: china_time(rec.submit_time),
    "jobStartTime": lambda rec: china_time(rec.start_time),
    "jobEndTime": lambda rec: china_time(rec.end_time),
    "jobWalltimeUsed": lambda rec: f"{_used(rec):.4f}",
    "nodect": lambda rec: rec.num_nodes,
    "jobProcNum": lambda rec: rec.num_cores,
    "jobExecHost": lambda rec: ",".join(rec.nodes),
    "jobExitStatus": _accounting_exit,
    "workdir": lambda rec: rec.work_dir,
    "acctTime": lambda rec: china_time(rec.end_time),
}
# The time members as epoch seconds: ordered like their text (whole seconds, one time zone,
# "" first) without writing a date per record.
_TIMES: dict[str, Callable[[JobRecord], int | None]] = {
    "jobQueueTime": lambda rec: rec.submit_time,
    "jobStartTime": lambda rec: rec.start_time,
    "jobEndTime": lambda rec: rec.end_time,
    "acctTime": lambda rec: rec.end_time,
}


def history_row(rec: JobRecord) -> dict[str, Any]:
    return {name: write(rec) for name, write in HISTORY_FIELDS.items()}


def _value_order(value: Any) -> tuple[int, Any]:
    """Numbers (also numeric text) before other text, each in its natural order."""
    if isinstance(value, int | float):
        return (0, value)
    text = str(value)
    try:
        return (0, float(text))
    except ValueError:
        return (1, text)


def history_order(name: str) -> Callable[[JobRecord], tuple[int, Any]]:
    """A sort key for records that orders them as their rows' ``name`` member orders rows."""
    when = _TIMES.get(name)
    if when is not None:

        def by_time(rec: JobRecord) -> tuple[int, Any]:
            t = when(rec)
            return (1, -math.inf if t is None else math.floor(t))  # None is written ""

        return by_time
    write = HISTORY_FIELDS[name]
    return lambda rec: _value_order(write(rec))


def history_detail(rec: JobRecord, cluster_name: str, charge_rate: str = "1.0") -> dict[str, Any]:
    used = _used(rec)
    start = rec.start_time if rec.start_time is not None else rec.end_time or rec.submit_time
    end = rec.end_time or start
    core_seconds = used * rec.num_cores
    return {
        "acctTime": china_time(rec.end_time),
        "jobId": rec.job_id,
        "jobmanagerId": rec.scheduler_id,
        "jobmanagerName": cluster_name,
        "userName": rec.user,
        "groupName": rec.user,
        "owner": rec.user,
        "historyAccount": rec.account,
        "jobName": rec.name,
        "queue": rec.queue,
        "appType": rec.app_name,
        "jobState": history_state(rec),
        "jobQueueTime": china_time(rec.submit_time),
        "jobStartTime": china_time(rec.start_time),
        "jobEndTime": china_time(rec.end_time),
        "jobWaitTime": start - rec.submit_time,
        "jobResponseTime": end - rec.submit_time,
        "walltime": rec.walltime if rec.walltime is not None else -1,
        "jobWalltimeUsed": used,
        "jobCpuTime": core_seconds,
        "jobMemUsed": 0,
        "jobVmemUsed": 0,
        "jobProcNum": rec.num_cores,
        "jobGpuNum": rec.gpus_per_node * rec.num_nodes,
        "jobDcuNum": rec.dcus_per_node * rec.num_nodes,
        "nodect": rec.num_nodes,
        "needNodes": ",".join(rec.nodes),
        "jobExecHost": ",".join(rec.nodes),
        "jobExecCpus": None,
        "jobExecGpus": None,
        "jobExecDcus": None,
        "jobExitStatus": _accounting_exit(rec),
        "jobReqCpu": rec.num_cores,
        "jobReqGpu": rec.gpus_per_node * rec.num_nodes,
        "jobReqDcu": rec.dcus_per_node * rec.num_nodes,
        "jobReqNodes": rec.num_nodes,
        "jobReqMem": f"{rec.mem_per_node_mb}M" if rec.mem_per_node_mb else "",
        "workdir": rec.work_dir,
        "command": rec.command,
        "commandExist": "true",
        "isSinglejob": rec.exclusive,
        "stdout": rec.stdout_path or None,
        "stderr": rec.stderr_path or None,
        "jobExtAttr": None,
        "jobExecMlus": None,
        **_billing(rec, used, core_seconds, charge_rate),
    }


def _billing(rec: JobRecord, used: int, core_seconds: int, charge_rate: str) -> dict[str, Any]:
    """The accounting members of a history detail (live types: hours and seconds as text)."""
    gpu_seconds = used * rec.gpus_per_node * rec.num_nodes
    dcu_seconds = used * rec.dcus_per_node * rec.num_nodes
    usage = {"Cputime": core_seconds, "Mem": 0, "Walltime": used}
    # Live: the share* members hold a shared-node job's use, exclusive* an exclusive one's.
    holder, other = ("exclusive", "share") if rec.exclusive else ("share", "exclusive")
    return {
        "taskType": "HPC",
        "scale": "",
        "startCount": "",
        "jobQueueTimeUsed": int(max(0, (rec.start_time or rec.submit_time) - rec.submit_time)),
        "nodeNumUsed": rec.num_nodes if used else 0,
        "procNumUsed": rec.num_cores if used else 0,
        "gpuNumUsed": rec.gpus_per_node * rec.num_nodes if used else 0,
        "dcuNumUsed": rec.dcus_per_node * rec.num_nodes if used else 0,
        "jobMluNum": 0,
        "reqMlu": 0,
        "cpuNuclearSec": str(core_seconds),
        "cpuNuclearHour": f"{core_seconds / 3600:.4f}",
        "cpuUnitPrice": 1,
        "gpuCardSec": str(gpu_seconds),
        "gpuCardHour": f"{gpu_seconds / 3600:.4f}" if gpu_seconds else "0",
        "gpuUnitPrice": 1,
        "dcuCardSec": str(dcu_seconds),
        "dcuCardHour": f"{dcu_seconds / 3600:.4f}" if dcu_seconds else "0",
        "dcuUnitPrice": 1,
        "efficiencyCpu": "100.00%",
        "goldenable": "true",
        "historyQueuerate": charge_rate,
        **{holder + k: v for k, v in usage.items()},
        **{other + k: 0 for k in usage},
    }


def _limit(value: int | None) -> str:
    return "-1" if value is None else str(value)


def queue_row(q: QueueInfo) -> dict[str, Any]:
    max_ppn = q.cores_per_node
    return {
        "queueName": q.name,
        "id": q.name,
        "text": q.name,
        "aclHosts": ",".join(q.nodes),
        "queNodes": str(len(q.nodes)),
        "queFreeNodes": str(q.free_nodes),
        "queNcpus": str(len(q.nodes) * q.cores_per_node),
        "queFreeNcpus": str(q.free_cores),
        "queMaxNcpus": _limit(q.max_cores_per_job),
        "queMaxPPN": str(max_ppn),
        "queMaxNodect": _limit(q.max_nodes_per_job),
        "queMaxWalltime": _limit(q.max_walltime // 60 if q.max_walltime is not None else None),
        "queMaxGpuPN": str(q.gpus_per_node),
        "queMaxDcuPN": str(q.dcus_per_node),
        "queMaxNgpus": str(q.gpus_per_node * len(q.nodes)),
        "queMaxNdcus": str(q.dcus_per_node * len(q.nodes)),
        "queMaxNmlus": "0",
        "queChargeRate": q.charge_rate,
        "queuePriority": q.priority,
        "queueEnabled": q.enabled,
    }


def queue_detail(q: QueueInfo) -> dict[str, Any]:
    row = queue_row(q)
    detail = {
        "queueName": q.name,
        "queNodes": row["queNodes"],
        "queMinNodect": str(q.min_nodes),
        "queMaxNgpus": row["queMaxNgpus"],
        "queMaxPPN": row["queMaxPPN"],
    }
    detail.update({k: v for k, v in row.items() if k.startswith("que") and k not in detail})
    return detail


def user_limit(limits: UserLimits) -> dict[str, Any]:
    return {
        "userName": limits.user,
        "accountName": limits.account,
        "userMaxCpu": limits.max_cpu,
        "userMaxDcu": limits.max_dcu,
        "userMaxGpu": limits.max_gpu,
        "userMaxMlu": limits.max_mlu,
        "userMaxMem": limits.max_mem_mb,
        "userMaxNode": limits.max_nodes,
        "userMaxSubmitJob": limits.max_submit_jobs,
        "userMaxRunJob": limits.max_running_jobs,
        "accountMaxCpu": limits.account_max_cpu,
        "accountMaxDcu": limits.account_max_dcu,
        "accountMaxGpu": limits.account_max_gpu,
        "accountMaxNode": limits.account_max_nodes,
        "maxWallTime": limits.remaining_core_seconds,
    }
