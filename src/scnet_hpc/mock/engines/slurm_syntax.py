"""Slurm's own notations, written once for both engines, the deployment model and the HTTP layer:
hostlists (``n[01-04],gpu1``), the filename patterns of sbatch's ``-o``/``-e`` (``out-%j.txt``)
and durations (``1-02:03:04``).

The simulated engine imitates Slurm and the Slurm engine reads what Slurm reports; when both
expand these through the same functions, they cannot disagree about what a pattern means.
"""

from __future__ import annotations

import re

__all__ = [
    "NO_ARRAY_TASK",
    "TIME_LIMIT",
    "duration",
    "expand_hostlist",
    "expand_output_pattern",
    "first_host",
    "time_limit_refusal",
]

# %a of a job that is not an array task expands to NO_VAL - 1 (seen on 22.05.8:
# "-o pat-%a" gives "pat-4294967294").
NO_ARRAY_TASK = 4294967294

TIME_LIMIT = (
    "sbatch: error: Batch job submission failed: "
    "Requested time limit is invalid (missing or exceeds some limit)"
)
"""What sbatch says when a job's time limit is zero or over its partition's MaxTime."""

#: The widest zero padding of a numeric code (``%5j``) honoured; wider asks get this.
MAX_PAD = 16

_ITEM = re.compile(r"[^,\[]*(?:\[[^\]]*\][^,\[]*)?")
_RANGED = re.compile(r"([^\[]*)\[([^\]]*)\](.*)")
_PATTERN = re.compile(r"%(\d*)([%AaJjNnstux])")


def expand_hostlist(hostlist: str) -> tuple[str, ...]:
    """Host names of a Slurm hostlist, in order: ``"n[01-03,07],gpu1"`` -> n01 n02 n03 n07 gpu1.

    What ``scontrol show hostnames`` prints, without a subprocess. One bracket group per host
    name is supported (Slurm's multi-dimensional forms are not used by the clusters the mock
    drives or describes); a group that is not numbers is kept as it is. Raises ValueError naming
    the range when a range runs backwards (``n[04-01]``), which Slurm refuses too.
    """
    hostlist = (hostlist or "").strip()
    if not hostlist or hostlist == "(null)":
        return ()
    names: list[str] = []
    for item in _ITEM.findall(hostlist):
        m = _RANGED.fullmatch(item)
        if m is None:
            names.extend([item] if item else [])
            continue
        prefix, ranges, suffix = m.groups()
        for part in ranges.split(","):
            lo, _, hi = part.partition("-")
            if not lo.isdigit() or (hi and not hi.isdigit()):
                names.append(f"{prefix}[{part}]{suffix}")
                continue
            if hi and int(hi) < int(lo):
                raise ValueError(f"node range {item!r} runs backwards")
            names.extend(
                f"{prefix}{i:0{len(lo)}d}{suffix}" for i in range(int(lo), int(hi or lo) + 1)
            )
    return tuple(dict.fromkeys(names))


def first_host(hostlist: str) -> str:
    """The first host of a hostlist (``"n[01-04]"`` -> ``"n01"``), ``""`` for none."""
    try:
        hosts = expand_hostlist(hostlist)
    except ValueError:
        return ""
    return hosts[0] if hosts else ""


def expand_output_pattern(
    pattern: str,
    *,
    job_id: int,
    name: str = "",
    user: str = "",
    node: str = "",
    array_job_id: int | None = None,
    array_task_id: int | None = None,
) -> str:
    """Expand sbatch's ``-o``/``-e`` filename patterns the way slurmstepd does for a batch job.

    squeue --json (22.05) reports the pattern as submitted (``out-%j.txt``), not the file the
    job wrote, so the Slurm engine needs this to serve a job's output, and the simulated engine
    to write it where Slurm would. Checked against files a 22.05.8 batch job created: ``%j`` and
    ``%J`` are both the job id (``%J`` adds ``.<step>`` only for steps other than the batch
    script), ``%A`` is the job id for a non-array job, ``%a`` is 4294967294 there, ``%s`` is
    ``batch``, ``%n``/``%t`` are 0, ``%5j`` zero-pads. ``%N`` stays as it is when the node is
    not known yet (pending job), and so do ``%j``/``%J``/``%a`` for array tasks still pending
    as one record (``array_job_id`` without ``array_task_id``): each task gets its own job id
    only when it starts.
    """
    grouped = bool(array_job_id) and array_task_id is None

    def repl(m: re.Match[str]) -> str:
        width, code = m.group(1), m.group(2)
        value: str | int
        if code == "%":
            return "%"
        if code in "jJa" and grouped:
            return m.group(0)
        if code in "jJ":
            value = job_id
        elif code == "A":
            value = array_job_id if array_job_id else job_id
        elif code == "a":
            value = array_task_id if array_task_id is not None else NO_ARRAY_TASK
        elif code == "x":
            return name
        elif code == "u":
            return user
        elif code == "N":
            return node or m.group(0)
        elif code == "s":
            return "batch"
        else:  # n, t
            value = 0
        # the width is clamped: %999999999j would otherwise make a gigabyte-long name
        return str(value).zfill(min(int(width), MAX_PAD)) if width else str(value)

    return _PATTERN.sub(repl, pattern)


def duration(seconds: float) -> str:
    """Seconds as Slurm writes a duration: ``[D-]HH:MM:SS`` (squeue's TIME, a TimeLimit)."""
    seconds = max(0, int(seconds))
    days, rest = divmod(seconds, 86400)
    hms = f"{rest // 3600:02d}:{rest % 3600 // 60:02d}:{rest % 60:02d}"
    return f"{days}-{hms}" if days else hms


def time_limit_refusal(queue: str, max_walltime: int, walltime: int) -> str:
    """sbatch's refusal of a walltime over the queue's limit, plus the limit itself (sbatch
    does not say which limit; a user needs it to fix the request)."""
    return (
        f"{TIME_LIMIT}: queue {queue} allows at most {duration(max_walltime)}, "
        f"{duration(walltime)} was requested"
    )
