"""``mapAppJobInfo`` → ``JobRequest``: the submit rules that hold whatever scheduler runs the job.

The schema has already checked presence, string types and the walltime format. What is left
here are the rules that span fields or need numbers: exactly one of ``GAP_NNODE`` /
``GAP_NODE_STRING`` and of ``GAP_NPROC`` / ``GAP_PPN``, positive counts, memory units, absolute
working directory, and the characters a job name and paths may hold. A violation is a malformed
request (10004); whether the job fits a queue is the scheduler's call, answered in sbatch's words
(10001).

Why job names and work directories refuse whitespace and control characters, and names ``/``:
Slurm's job completion log (jobcomp/filetxt, the Slurm engine's history) writes ``Name`` and
``WorkDir`` unescaped in a ``Key=value`` line, so a space or newline there would let one user
forge another user's history; a ``/`` in a name lets ``%x`` in an output pattern climb out of the
home. Both engines apply the same rules, so a request means the same on either.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Mapping

from ...deployment.model import parse_walltime
from ...engines.base import JobRequest
from ...engines.slurm_syntax import expand_hostlist
from ..errors import invalid

__all__ = ["KNOWN_TEMPLATES", "job_request"]

#: Application templates the mock knows (path ``/apptemplates/{apptype}/{appname}/job``).
KNOWN_TEMPLATES = frozenset({("BASIC", "BASE")})
_SUBMIT_TYPES = frozenset({"cmd", "file"})
_MEM = re.compile(r"^([0-9]{1,9})(?:\.[0-9]+)?\s*([MG]B?)?$", re.IGNORECASE)
_COUNT_DIGITS = 9  # a count with more digits than this is not a count
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_SPACE_OR_CONTROL = re.compile(r"[\s\x00-\x1f\x7f-\x9f]")


def _count(info: Mapping[str, str], key: str, *, zero_ok: bool = False) -> int:
    text = info.get(key, "").strip()
    if not text.isdecimal() or len(text) > _COUNT_DIGITS or (int(text) == 0 and not zero_ok):
        kind = "a non-negative" if zero_ok else "a positive"
        raise invalid(f"mapAppJobInfo.{key}", f"must be {kind} whole number, got {text[:20]!r}")
    return int(text)


def _one_of(info: Mapping[str, str], first: str, second: str) -> str:
    given = [k for k in (first, second) if info.get(k, "").strip()]
    if len(given) != 1:
        raise invalid(
            "mapAppJobInfo",
            f"give exactly one of {first} and {second} (the other empty); got "
            + (" and ".join(given) if given else "neither"),
        )
    return given[0]


def _optional_count(info: Mapping[str, str], key: str) -> int:
    return _count(info, key, zero_ok=True) if info.get(key, "").strip() else 0


def _memory_mb(text: str) -> int | None:
    if not text.strip():
        return None
    m = _MEM.match(text.strip())
    if not m:
        raise invalid("mapAppJobInfo.GAP_JOB_MEM", "must be a size such as 4000MB or 4GB")
    unit = (m.group(2) or "M").upper()
    return int(m.group(1)) * (1024 if unit.startswith("G") else 1)


def _nonempty(info: Mapping[str, str], key: str) -> str:
    value = info.get(key, "")
    if not value.strip():
        raise invalid(f"mapAppJobInfo.{key}", "must not be empty")
    return value


def _plain(key: str, value: str, *, spaces: bool = False, slash: bool = True) -> str:
    """``value`` if it has no control characters (nor whitespace unless ``spaces``, nor ``/``
    unless ``slash``); else 10004 naming the field and the first offending character."""
    bad = (_CONTROL if spaces else _SPACE_OR_CONTROL).search(value)
    if bad is not None:
        what = "control characters" if spaces else "whitespace or control characters"
        raise invalid(f"mapAppJobInfo.{key}", f"must not contain {what} (found {bad.group()!r})")
    if not slash and "/" in value:
        raise invalid(f"mapAppJobInfo.{key}", "must not contain '/'")
    return value


def job_request(
    apptype: str,
    appname: str,
    info: Mapping[str, str],
    *,
    user: str,
    account: str,
    arrays: bool = False,
) -> JobRequest:
    if (apptype, appname) not in KNOWN_TEMPLATES:
        raise invalid("apptype/appname", f"no application template {apptype[:40]}/{appname[:40]}")
    submit_type = info["GAP_SUBMIT_TYPE"].strip()
    if submit_type not in _SUBMIT_TYPES:
        raise invalid("mapAppJobInfo.GAP_SUBMIT_TYPE", f"must be one of {sorted(_SUBMIT_TYPES)}")
    work_dir = _plain("GAP_WORK_DIR", _nonempty(info, "GAP_WORK_DIR").strip())
    if not work_dir.startswith("/"):
        raise invalid("mapAppJobInfo.GAP_WORK_DIR", "must be an absolute path")
    work_dir = posixpath.normpath(work_dir)

    nodes: int | None = None
    node_list: tuple[str, ...] = ()
    if _one_of(info, "GAP_NNODE", "GAP_NODE_STRING") == "GAP_NNODE":
        nodes = _count(info, "GAP_NNODE")
    else:
        try:
            node_list = expand_hostlist(re.sub(r"\s+", "", info["GAP_NODE_STRING"]))
        except ValueError as exc:
            raise invalid("mapAppJobInfo.GAP_NODE_STRING", str(exc)) from None
    ppn = total = None
    if _one_of(info, "GAP_NPROC", "GAP_PPN") == "GAP_PPN":
        ppn = _count(info, "GAP_PPN")
    else:
        total = _count(info, "GAP_NPROC")

    exclusive = info.get("GAP_EXCLUSIVE", "").strip()
    if exclusive not in ("", "0", "1"):
        raise invalid("mapAppJobInfo.GAP_EXCLUSIVE", "must be 1 (exclusive) or empty")
    multi = info.get("GAP_MULTI_SUB", "").strip()
    array_size = 0
    if multi not in ("", "0", "1"):
        if not arrays:
            raise invalid("mapAppJobInfo.GAP_MULTI_SUB", "job arrays are not supported by the mock")
        array_size = _count(info, "GAP_MULTI_SUB")

    def output(key: str, default: str) -> str:
        path = _plain(key, info.get(key, "").strip(), spaces=True) or default
        return path if path.startswith("/") else posixpath.join(work_dir, path)

    try:
        walltime = parse_walltime(info["GAP_WALL_TIME"])
    except ValueError as exc:  # the schema's pattern already refuses these; belt and braces
        raise invalid("mapAppJobInfo.GAP_WALL_TIME", str(exc)) from None
    known = {
        "GAP_CMD_FILE",
        "GAP_NNODE",
        "GAP_NODE_STRING",
        "GAP_SUBMIT_TYPE",
        "GAP_JOB_NAME",
        "GAP_WORK_DIR",
        "GAP_QUEUE",
        "GAP_NPROC",
        "GAP_PPN",
        "GAP_NGPU",
        "GAP_NDCU",
        "GAP_JOB_MEM",
        "GAP_WALL_TIME",
        "GAP_EXCLUSIVE",
        "GAP_APPNAME",
        "GAP_MULTI_SUB",
        "GAP_STD_OUT_FILE",
        "GAP_STD_ERR_FILE",
    }
    return JobRequest(
        user=user,
        account=account,
        name=_plain("GAP_JOB_NAME", _nonempty(info, "GAP_JOB_NAME").strip(), slash=False),
        queue=_nonempty(info, "GAP_QUEUE").strip(),
        command=_nonempty(info, "GAP_CMD_FILE"),
        work_dir=work_dir,
        walltime=walltime,
        stdout_pattern=output("GAP_STD_OUT_FILE", "std.out.%j"),
        stderr_pattern=output("GAP_STD_ERR_FILE", "std.err.%j"),
        nodes=nodes,
        node_list=node_list,
        cores_per_node=ppn,
        total_cores=total,
        gpus_per_node=_optional_count(info, "GAP_NGPU"),
        dcus_per_node=_optional_count(info, "GAP_NDCU"),
        mem_per_node_mb=_memory_mb(info.get("GAP_JOB_MEM", "")),
        exclusive=exclusive == "1",
        submit_type=submit_type,
        app_name=info["GAP_APPNAME"].strip() or "BASE",
        extra={k: v for k, v in info.items() if k not in known},
        array_size=array_size,
    )
