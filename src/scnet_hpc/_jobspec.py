"""``JobSpec``: a job in Python words, checked against the ``GAP_*`` rules before it is sent.

The submit body is a flat map of ``GAP_*`` strings with rules the server only reports one at a
time (if at all): exactly one of ``GAP_NNODE``/``GAP_NODE_STRING`` and of ``GAP_NPROC``/
``GAP_PPN``, a ``HH:MM:SS`` walltime, every value a string. ``JobSpec`` checks all of them at
construction and reports every problem at once, naming the Python field.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from ._service import CHINA_TIME
from .errors import InvalidJobSpec

__all__ = ["JobSpec", "format_walltime"]

_WALLTIME = re.compile(r"^(?:(\d+)-)?(\d{1,3}):(\d{2}):(\d{2})$")
_MEMORY = re.compile(r"^\d+(?:\.\d+)?\s*(?:[MG]B?)$", re.IGNORECASE)
_GAP_KEY = re.compile(r"^GAP_[A-Z0-9_]+$")
_MAX_HOURS = 999  # the contract's pattern allows three hour digits

#: GAP key set by each friendly field (extra may set a key only when its field is unset).
_FIELD_KEYS = {
    "command": "GAP_CMD_FILE",
    "queue": "GAP_QUEUE",
    "walltime": "GAP_WALL_TIME",
    "nodes": "GAP_NNODE",
    "node_list": "GAP_NODE_STRING",
    "ppn": "GAP_PPN",
    "nprocs": "GAP_NPROC",
    "job_name": "GAP_JOB_NAME",
    "work_dir": "GAP_WORK_DIR",
    "gpus": "GAP_NGPU",
    "dcus": "GAP_NDCU",
    "memory": "GAP_JOB_MEM",
    "exclusive": "GAP_EXCLUSIVE",
    "stdout": "GAP_STD_OUT_FILE",
    "stderr": "GAP_STD_ERR_FILE",
    "array_size": "GAP_MULTI_SUB",
    "app_name": "GAP_APPNAME",
}
_REQUIRED = (
    "GAP_CMD_FILE",
    "GAP_SUBMIT_TYPE",
    "GAP_JOB_NAME",
    "GAP_WORK_DIR",
    "GAP_QUEUE",
    "GAP_WALL_TIME",
    "GAP_APPNAME",
)


def format_walltime(value: str | int | float | timedelta) -> str:
    """``HH:MM:SS`` (hours may exceed 24) from a string, seconds, or a ``timedelta``.

    Raises ``ValueError`` with the reason when the value is not a positive duration.
    """
    if isinstance(value, bool):
        raise ValueError("must be HH:MM:SS, seconds or a timedelta, not a boolean")
    if isinstance(value, timedelta):
        seconds = value.total_seconds()
    elif isinstance(value, int | float):
        seconds = float(value)
    elif isinstance(value, str):
        match = _WALLTIME.match(value.strip())
        if not match:
            raise ValueError(f"must be HH:MM:SS, D-HH:MM:SS or seconds, got {value!r}")
        days, hours, minutes, secs = (int(g) if g else 0 for g in match.groups())
        if minutes > 59 or secs > 59:
            raise ValueError(f"minutes and seconds must be below 60, got {value!r}")
        seconds = days * 86400.0 + hours * 3600 + minutes * 60 + secs
    else:
        raise ValueError(f"must be HH:MM:SS, seconds or a timedelta, got {type(value).__name__}")
    if seconds != seconds or seconds <= 0:  # NaN or not positive
        raise ValueError(f"must be a positive duration, got {value!r}")
    whole = int(-(-seconds // 1))  # round up: never ask for less than was meant
    hours, rest = divmod(whole, 3600)
    if hours > _MAX_HOURS:
        raise ValueError(f"must be at most {_MAX_HOURS} hours, got {value!r}")
    return f"{hours:02d}:{rest // 60:02d}:{rest % 60:02d}"


@dataclass(frozen=True, kw_only=True)
class JobSpec:
    """A job to submit. ``command``, ``queue`` and ``walltime`` are required.

    Defaults: one node (unless ``node_list``) with one core per node (unless ``ppn`` or
    ``nprocs``); ``job_name`` ``STDIN_MMDD_HHMMSS`` (China time, as the web
    portal names jobs); ``work_dir`` the cluster user's home directory; ``stdout``/``stderr``
    ``<work_dir>/std.out.%j`` / ``std.err.%j`` (``%j`` is the job id). ``extra`` passes further
    ``GAP_*`` keys through unchanged (values are turned into strings).
    """

    command: str
    queue: str
    walltime: str | int | timedelta | None = None
    nodes: int | None = None
    node_list: str | Sequence[str] | None = None
    ppn: int | None = None
    nprocs: int | None = None
    job_name: str | None = None
    work_dir: str | None = None
    gpus: int | None = None
    dcus: int | None = None
    memory: str | int | None = None
    exclusive: bool = False
    stdout: str | None = None
    stderr: str | None = None
    array_size: int | None = None
    app_name: str = "BASE"
    extra: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        problems = self._problems()
        if problems:
            raise InvalidJobSpec(problems)

    # ------------------------------------------------------------------ checks

    def _problems(self) -> list[tuple[str, str]]:
        problems: list[tuple[str, str]] = []

        def text(name: str, value: Any, *, required: bool = False) -> None:
            if value is None:
                if required:
                    problems.append((name, "is required"))
            elif not isinstance(value, str):
                problems.append((name, f"must be a string, got {type(value).__name__}"))
            elif not value.strip():
                problems.append((name, "must not be empty"))

        def count(name: str, value: Any, *, zero_ok: bool = False) -> None:
            if value is None:
                return
            if isinstance(value, bool) or not isinstance(value, int):
                problems.append((name, f"must be a whole number, got {value!r}"))
            elif value < 0 or (value == 0 and not zero_ok):
                problems.append((name, f"must be {'>= 0' if zero_ok else 'positive'}, got {value}"))

        text("command", self.command, required=True)
        text("queue", self.queue, required=True)
        text("job_name", self.job_name)
        text("app_name", self.app_name, required=True)
        for name in ("work_dir", "stdout", "stderr"):
            value = getattr(self, name)
            text(name, value)
            if (
                name == "work_dir"
                and isinstance(value, str)
                and value.strip()
                and not value.strip().startswith("/")
            ):
                problems.append(("work_dir", f"must be an absolute path, got {value!r}"))
        if self.walltime is None:
            problems.append(("walltime", "is required (HH:MM:SS, seconds or a timedelta)"))
        else:
            try:
                format_walltime(self.walltime)
            except ValueError as exc:
                problems.append(("walltime", str(exc)))
        for name in ("nodes", "ppn", "nprocs", "array_size"):
            count(name, getattr(self, name))
        for name in ("gpus", "dcus"):
            count(name, getattr(self, name), zero_ok=True)
        if self.nodes is not None and self.node_list is not None:
            problems.append(
                ("nodes", "give nodes (GAP_NNODE) or node_list (GAP_NODE_STRING), not both")
            )
        if self.ppn is not None and self.nprocs is not None:
            problems.append(("ppn", "give ppn (GAP_PPN) or nprocs (GAP_NPROC), not both"))
        if self.node_list is not None and not _node_string(self.node_list):
            problems.append(("node_list", "must name at least one node"))
        if self.memory is not None:
            memory = self.memory
            if isinstance(memory, bool) or not isinstance(memory, int | str):
                problems.append(("memory", f"must be MB as a number or e.g. '4GB', got {memory!r}"))
            elif isinstance(memory, int) and memory <= 0:
                problems.append(("memory", f"must be positive, got {memory}"))
            elif isinstance(memory, str) and not _MEMORY.match(memory.strip()):
                problems.append(("memory", f"must be a size such as 4000MB or 4GB, got {memory!r}"))
        if not isinstance(self.exclusive, bool):
            problems.append(("exclusive", f"must be True or False, got {self.exclusive!r}"))
        problems += self._extra_problems()
        return problems

    def _extra_problems(self) -> list[tuple[str, str]]:
        problems: list[tuple[str, str]] = []
        if not isinstance(self.extra, Mapping):
            return [("extra", f"must be a mapping of GAP_* keys, got {type(self.extra).__name__}")]
        set_keys = {key: name for name, key in _FIELD_KEYS.items() if self._is_set(name)}
        for key, value in self.extra.items():
            where = f"extra[{key!r}]"
            if not isinstance(key, str) or not _GAP_KEY.match(key):
                problems.append((where, "keys must look like GAP_NAME (upper case)"))
                continue
            if key in set_keys:
                problems.append((where, f"conflicts with {set_keys[key]}=; set one of them"))
            if value is None or isinstance(value, bool) or not isinstance(value, str | int | float):
                problems.append((where, f"must be a string or a number, got {value!r}"))
        return problems

    def _is_set(self, name: str) -> bool:
        value = getattr(self, name)
        if name == "exclusive":
            return bool(value)
        if name == "app_name":
            return True
        return value is not None

    # ------------------------------------------------------------------ wire form

    def to_gap(self, *, home_path: str | None = None, now: float | None = None) -> dict[str, str]:
        """The ``mapAppJobInfo`` map: every value a string, rules checked again after merging."""
        raw_dir = (self.work_dir or home_path or "").strip()
        info: dict[str, str] = {
            "GAP_CMD_FILE": self.command,
            "GAP_SUBMIT_TYPE": "cmd",
            "GAP_QUEUE": self.queue.strip(),
            "GAP_WALL_TIME": format_walltime(self.walltime) if self.walltime is not None else "",
            "GAP_APPNAME": self.app_name.strip(),
            "GAP_JOB_NAME": (self.job_name or _default_name(now)).strip(),
        }
        if raw_dir:
            info["GAP_WORK_DIR"] = raw_dir.rstrip("/") or raw_dir
        if self.stdout is not None:
            info["GAP_STD_OUT_FILE"] = self.stdout
        if self.stderr is not None:
            info["GAP_STD_ERR_FILE"] = self.stderr
        if self.node_list is not None:
            info["GAP_NODE_STRING"] = _node_string(self.node_list)
            info["GAP_NNODE"] = ""
        elif self.nodes is not None:
            info["GAP_NNODE"] = str(self.nodes)
        if self.nprocs is not None:
            info["GAP_NPROC"] = str(self.nprocs)
        elif self.ppn is not None:
            info["GAP_PPN"] = str(self.ppn)
        for name, key in (
            ("gpus", "GAP_NGPU"),
            ("dcus", "GAP_NDCU"),
            ("array_size", "GAP_MULTI_SUB"),
        ):
            value = getattr(self, name)
            if value is not None:
                info[key] = str(value)
        if self.memory is not None:
            info["GAP_JOB_MEM"] = (
                f"{self.memory}MB" if isinstance(self.memory, int) else self.memory.strip()
            )
        if self.exclusive:
            info["GAP_EXCLUSIVE"] = "1"
        info.update({key: str(value) for key, value in self.extra.items()})
        # Defaults apply only where neither a field nor extra said anything.
        if _given(info, "GAP_WORK_DIR"):
            base = info["GAP_WORK_DIR"].rstrip("/")
            for key, name in (
                ("GAP_STD_OUT_FILE", "std.out.%j"),
                ("GAP_STD_ERR_FILE", "std.err.%j"),
            ):
                if not _given(info, key):
                    info[key] = f"{base}/{name}"
        if not _given(info, "GAP_NNODE") and not _given(info, "GAP_NODE_STRING"):
            info["GAP_NNODE"] = "1"
        if not _given(info, "GAP_NPROC") and not _given(info, "GAP_PPN"):
            info["GAP_PPN"] = "1"
        _check_wire(info)
        return info


def _given(info: Mapping[str, str], key: str) -> bool:
    return bool(info.get(key, "").strip())


def _check_wire(info: dict[str, str]) -> None:
    problems: list[tuple[str, str]] = []
    for key in _REQUIRED:
        if not _given(info, key):
            name = next((n for n, k in _FIELD_KEYS.items() if k == key), key)
            why = (
                "is required (no home directory is known to default to)"
                if key == "GAP_WORK_DIR"
                else "is required"
            )
            problems.append((name, why))
    for first, second in (("GAP_NNODE", "GAP_NODE_STRING"), ("GAP_NPROC", "GAP_PPN")):
        if _given(info, first) and _given(info, second):
            problems.append((f"{first}/{second}", "give exactly one of them (the other empty)"))
    info.setdefault("GAP_NNODE", "")
    if problems:
        raise InvalidJobSpec(problems)


def _node_string(value: str | Sequence[str]) -> str:
    if isinstance(value, str):
        return value.strip()
    return ",".join(str(v).strip() for v in value if str(v).strip())


def _default_name(now: float | None) -> str:
    moment = datetime.now(CHINA_TIME) if now is None else datetime.fromtimestamp(now, CHINA_TIME)
    return moment.strftime("STDIN_%m%d_%H%M%S")
