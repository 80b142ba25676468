"""The deployment a mock serves: regions, schedulers, queues and users, read from a YAML file.

The file is checked against a JSON schema before anything is built from it, so a typo in a
hand-written deployment stops the mock at start-up with the offending key named, instead of
surfacing later as a strange answer to some request.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from jsonschema import Draft202012Validator

from ..engines.slurm_syntax import MAX_HOSTS, duration, expand_hostlist, hostlist_size

__all__ = [
    "DEFAULT_DEPLOYMENT",
    "DEPLOYMENTS",
    "MAX_WALLTIME",
    "SLURM_DEPLOYMENT",
    "Deployment",
    "DeploymentError",
    "QueueSpec",
    "RegionAccount",
    "RegionSpec",
    "SchedulerSpec",
    "Settings",
    "StorageSpec",
    "UserLimitsSpec",
    "UserSpec",
    "load_deployment",
    "parse_walltime",
    "within_home",
]

DEPLOYMENTS = Path(__file__).parent
"""The folder of the deployment files that ship with the mock."""
DEFAULT_DEPLOYMENT = DEPLOYMENTS / "default-deployment.yaml"
SLURM_DEPLOYMENT = DEPLOYMENTS / "slurm-deployment.yaml"
"""What the Slurm engine serves unless given another deployment (its queues are slurm-up's)."""

MAX_WALLTIME = 365 * 86400
"""The longest walltime a job may ask for (a year). Slurm keeps limits in minutes up to 2**32;
the mock caps far lower because nothing is gained beyond any queue's limit (the walltime ends
the job) and huge values only break time arithmetic (issue 12: a job "ending" in the year
10**20). The simulated engine runs an endless program (``sleep 1e400``) just past this, so
such a job always ends at its walltime, as on Slurm."""

_WALLTIME = re.compile(r"^(?:(\d+)-)?(\d{1,3}):([0-5]\d):([0-5]\d)$")


class DeploymentError(ValueError):
    """The deployment file is missing, unreadable or describes an impossible deployment."""


def parse_walltime(text: str) -> int:
    """``[D-]HH:MM:SS`` → seconds. Raises ValueError naming the text if it is not that."""
    m = _WALLTIME.match(text)
    if not m:
        raise ValueError(f"walltime {text[:40]!r} is not [D-]HH:MM:SS")
    if m.group(1) and len(m.group(1)) > 9:  # no int() of a 5000-digit day count
        raise ValueError(
            f"walltime {text[:40]!r} is over the cap: at most {duration(MAX_WALLTIME)}"
        )
    days, hours, minutes, seconds = (int(g) if g else 0 for g in m.groups())
    return ((days * 24 + hours) * 60 + minutes) * 60 + seconds


def expand_nodes(spec: str | list[str], *, queue: str = "") -> tuple[str, ...]:
    """A queue's ``nodes``: a Slurm hostlist (``"node[01-03]"``) or a list of them → names,
    at most ``MAX_HOSTS`` in all (counted before any is built)."""
    items = [spec] if isinstance(spec, str) else spec
    where = f"queue {queue!r} nodes" if queue else "nodes"
    try:
        count = sum(hostlist_size(item) for item in items)
        if count > MAX_HOSTS:
            raise ValueError(f"names {count} hosts, more than the {MAX_HOSTS} allowed")
        return tuple(name for item in items for name in expand_hostlist(item))
    except ValueError as exc:
        raise DeploymentError(f"{where}: {exc}") from None


@dataclass(frozen=True)
class Settings:
    token_lifetime: int = 43200
    renew_grace: int = 86400
    signature_window: int = 300
    realtime_retention: int = 300
    dispatch_delay: int = 1
    default_runtime: int = 3
    #: the simulated engine: bytes of job output it holds per user (each line also counts
    #: what a string costs in memory, 48 bytes), and how long after a job ends its output stays
    output_bytes_per_user: int = 64 * 1024 * 1024
    output_retention: int = 7 * 86400


@dataclass(frozen=True)
class QueueSpec:
    name: str
    nodes: tuple[str, ...]
    cores_per_node: int
    gpus_per_node: int = 0
    dcus_per_node: int = 0
    mem_per_node_mb: int = 0
    max_walltime: int | None = None  # seconds; None = unlimited
    max_nodes_per_job: int | None = None
    max_cores_per_job: int | None = None
    min_nodes: int = 1
    priority: int = 6000
    charge_rate: str = "1.0"
    enabled: bool = True


@dataclass(frozen=True)
class SchedulerSpec:
    id: int
    name: str
    queues: tuple[QueueSpec, ...]
    type: str = "SLURM"
    address: str = "127.0.0.1"
    port: str = "9091"
    first_job_id: int = 1

    def queue(self, name: str) -> QueueSpec | None:
        return next((q for q in self.queues if q.name == name), None)


@dataclass(frozen=True)
class RegionSpec:
    id: int
    name: str
    schedulers: tuple[SchedulerSpec, ...]
    description: str = ""


@dataclass(frozen=True)
class UserLimitsSpec:
    """A user's limits in one region; -1 means "no limit" (the value the mock sends)."""

    max_cpu: int = -1
    max_gpu: int = -1
    max_dcu: int = -1
    max_mlu: int = -1
    max_mem_mb: int = -1
    max_nodes: int = -1
    max_submit_jobs: int = -1
    max_running_jobs: int = -1
    account_max_cpu: int = -1
    account_max_gpu: int = -1
    account_max_dcu: int = -1
    account_max_nodes: int = -1
    machine_time: int = -1  # core-seconds the account may use in total


@dataclass(frozen=True)
class StorageSpec:
    quota_gb: float = 300.0
    used_gb: float = 0.0


@dataclass(frozen=True)
class RegionAccount:
    """What one platform user is in one region: a cluster user with a home and limits."""

    region_id: int
    cluster_user: str
    home: str
    account: str
    stopped: bool = False
    queues: tuple[str, ...] | None = None  # None = every queue of the region
    limits: UserLimitsSpec = field(default_factory=UserLimitsSpec)
    storage: StorageSpec = field(default_factory=StorageSpec)
    #: the OS user the Slurm engine runs this account's jobs as ("" = the mock's own user;
    #: refused when the mock runs as root). See ``deployment.os_users``.
    os_user: str = ""


@dataclass(frozen=True)
class UserSpec:
    name: str
    access_key: str
    secret_key: str = field(repr=False)
    regions: tuple[RegionAccount, ...]
    user_id: str = ""
    account_status: str = "Trial"
    frozen: bool = False
    # The user/password/orgId sign-in (empty: not possible for this user) and the profile.
    password: str = field(default="", repr=False)
    org_id: str = field(default="", repr=False)
    full_name: str = ""
    group_id: int | None = None  # the group the user belongs to
    group_admin: bool = False  # manages that group (sees its members and their jobs)

    def account_in(self, region_id: int) -> RegionAccount | None:
        return next((a for a in self.regions if a.region_id == region_id), None)


@dataclass(frozen=True)
class Deployment:
    regions: tuple[RegionSpec, ...]
    users: tuple[UserSpec, ...]
    settings: Settings = field(default_factory=Settings)
    source: str = "<memory>"

    def region(self, region_id: int) -> RegionSpec | None:
        return next((r for r in self.regions if r.id == region_id), None)

    def scheduler(self, scheduler_id: int) -> tuple[RegionSpec, SchedulerSpec] | None:
        for region in self.regions:
            for sched in region.schedulers:
                if sched.id == scheduler_id:
                    return region, sched
        return None

    def user_by_access_key(self, access_key: str) -> UserSpec | None:
        return next((u for u in self.users if u.access_key == access_key), None)

    def user(self, name: str) -> UserSpec | None:
        return next((u for u in self.users if u.name == name), None)

    def account_of_cluster_user(
        self, region_id: int, cluster_user: str
    ) -> tuple[UserSpec, RegionAccount] | None:
        for user in self.users:
            account = user.account_in(region_id)
            if account is not None and account.cluster_user == cluster_user:
                return user, account
        return None


# --------------------------------------------------------------------------- file schema

_INT = {"type": "integer"}
_POS = {"type": "integer", "minimum": 1}
_NONNEG = {"type": "integer", "minimum": 0}
_LIMIT = {"type": "integer", "minimum": -1}
_WALL = {"type": "string", "pattern": _WALLTIME.pattern}
_NAME = {"type": "string", "minLength": 1, "pattern": r"^[^\s,:;/]+$"}

_QUEUE = {
    "type": "object",
    "additionalProperties": False,
    "required": ["name", "nodes", "cores_per_node"],
    "properties": {
        "name": _NAME,
        "nodes": {
            "anyOf": [
                {"type": "string", "minLength": 1},
                {"type": "array", "minItems": 1, "items": _NAME},
            ]
        },
        "cores_per_node": _POS,
        "gpus_per_node": _NONNEG,
        "dcus_per_node": _NONNEG,
        "mem_per_node_mb": _NONNEG,
        "max_walltime": _WALL,
        "max_nodes_per_job": _POS,
        "max_cores_per_job": _POS,
        "min_nodes": _POS,
        "priority": _INT,
        "charge_rate": {"type": ["string", "number"]},
        "enabled": {"type": "boolean"},
    },
}
_SCHEDULER = {
    "type": "object",
    "additionalProperties": False,
    "required": ["id", "name", "queues"],
    "properties": {
        "id": {"type": "integer", "minimum": 1, "maximum": 2**63 - 1},
        "name": {"type": "string", "minLength": 1},
        "type": {"type": "string"},
        "address": {"type": "string"},
        "port": {"type": ["string", "integer"]},
        "first_job_id": _POS,
        "queues": {"type": "array", "minItems": 1, "items": _QUEUE},
    },
}
_LIMITS = {
    "type": "object",
    "additionalProperties": False,
    "properties": {name: _LIMIT for name in UserLimitsSpec.__dataclass_fields__},
}
_ACCOUNT = {
    "type": "object",
    "additionalProperties": False,
    "required": ["region"],
    "properties": {
        "region": _INT,
        "cluster_user": _NAME,
        "os_user": {"type": "string", "pattern": r"^[a-z_][a-z0-9_-]{0,31}$"},
        "home": {"type": "string", "pattern": "^/"},
        "account": _NAME,
        "stopped": {"type": "boolean"},
        "queues": {"type": "array", "items": _NAME},
        "limits": _LIMITS,
        "storage": {
            "type": "object",
            "additionalProperties": False,
            "properties": {
                "quota_gb": {"type": "number", "minimum": 0},
                "used_gb": {"type": "number", "minimum": 0},
            },
        },
    },
}
_USER = {
    "type": "object",
    "additionalProperties": False,
    "required": ["name", "access_key", "secret_key", "regions"],
    "properties": {
        "name": {"type": "string", "minLength": 1},
        "access_key": {"type": "string", "minLength": 1},
        "secret_key": {"type": "string", "minLength": 1},
        "user_id": {"type": ["string", "integer"]},
        "account_status": {"type": "string"},
        "frozen": {"type": "boolean"},
        "password": {"type": "string", "minLength": 1},
        "org_id": {"type": "string", "minLength": 1},
        "full_name": {"type": "string"},
        "group_id": {"type": "integer", "minimum": 1, "maximum": 2**63 - 1},
        "group_admin": {"type": "boolean"},
        "regions": {"type": "array", "items": _ACCOUNT},
    },
}
_FILE = {
    "type": "object",
    "additionalProperties": False,
    "required": ["regions", "users"],
    "properties": {
        "settings": {
            "type": "object",
            "additionalProperties": False,
            "properties": {name: _NONNEG for name in Settings.__dataclass_fields__},
        },
        "regions": {
            "type": "array",
            "minItems": 1,
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": ["id", "name", "schedulers"],
                "properties": {
                    "id": {"type": "integer", "minimum": 1},
                    "name": {"type": "string", "minLength": 1},
                    "description": {"type": "string"},
                    "schedulers": {"type": "array", "minItems": 1, "items": _SCHEDULER},
                },
            },
        },
        "users": {"type": "array", "minItems": 1, "items": _USER},
    },
}


def load_deployment(source: str | Path | Mapping[str, Any] | None = None) -> Deployment:
    """Read a deployment: a YAML file path, an already-parsed mapping, or None for the default."""
    if isinstance(source, Mapping):
        return build_deployment(source, origin="<mapping>")
    path = Path(source) if source is not None else DEFAULT_DEPLOYMENT
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise DeploymentError(f"cannot read deployment file {path}: {exc.strerror}") from None
    except yaml.YAMLError as exc:
        raise DeploymentError(f"deployment file {path} is not valid YAML: {exc}") from None
    if not isinstance(raw, Mapping):
        raise DeploymentError(f"deployment file {path} must hold a mapping at the top")
    return build_deployment(raw, origin=str(path))


def build_deployment(raw: Mapping[str, Any], *, origin: str) -> Deployment:
    errors = sorted(Draft202012Validator(_FILE).iter_errors(raw), key=lambda e: list(e.path))
    if errors:
        first = errors[0]
        where = "/".join(str(p) for p in first.absolute_path) or "(top)"
        raise DeploymentError(f"{origin}: at {where}: {first.message}")
    regions = tuple(_region(r) for r in raw["regions"])
    deployment = Deployment(
        regions=regions,
        users=tuple(_user(u, regions) for u in raw["users"]),
        settings=Settings(**raw.get("settings", {})),
        source=origin,
    )
    _check_unique(deployment, origin)
    return deployment


def _region(raw: Mapping[str, Any]) -> RegionSpec:
    return RegionSpec(
        id=raw["id"],
        name=raw["name"],
        description=raw.get("description", ""),
        schedulers=tuple(_scheduler(s) for s in raw["schedulers"]),
    )


def _scheduler(raw: Mapping[str, Any]) -> SchedulerSpec:
    return SchedulerSpec(
        id=raw["id"],
        name=raw["name"],
        type=raw.get("type", "SLURM"),
        address=raw.get("address", "127.0.0.1"),
        port=str(raw.get("port", "9091")),
        first_job_id=raw.get("first_job_id", 1),
        queues=tuple(_queue(q) for q in raw["queues"]),
    )


def _queue(raw: Mapping[str, Any]) -> QueueSpec:
    walltime = raw.get("max_walltime")
    return QueueSpec(
        name=raw["name"],
        nodes=expand_nodes(raw["nodes"], queue=raw["name"]),
        cores_per_node=raw["cores_per_node"],
        gpus_per_node=raw.get("gpus_per_node", 0),
        dcus_per_node=raw.get("dcus_per_node", 0),
        mem_per_node_mb=raw.get("mem_per_node_mb", 0),
        max_walltime=parse_walltime(walltime) if walltime is not None else None,
        max_nodes_per_job=raw.get("max_nodes_per_job"),
        max_cores_per_job=raw.get("max_cores_per_job"),
        min_nodes=raw.get("min_nodes", 1),
        priority=raw.get("priority", 6000),
        charge_rate=str(raw.get("charge_rate", "1.0")),
        enabled=raw.get("enabled", True),
    )


def _user(raw: Mapping[str, Any], regions: tuple[RegionSpec, ...]) -> UserSpec:
    known = {r.id for r in regions}
    accounts = []
    for acc in raw["regions"]:
        if acc["region"] not in known:
            raise DeploymentError(f"user {raw['name']!r}: region {acc['region']} is not defined")
        cluster_user = acc.get("cluster_user", raw["name"])
        accounts.append(
            RegionAccount(
                region_id=acc["region"],
                cluster_user=cluster_user,
                home=acc.get("home", f"/public/home/{cluster_user}"),
                account=acc.get("account", cluster_user),
                stopped=acc.get("stopped", False),
                queues=tuple(acc["queues"]) if "queues" in acc else None,
                limits=UserLimitsSpec(**acc.get("limits", {})),
                storage=StorageSpec(**acc.get("storage", {})),
                os_user=acc.get("os_user", ""),
            )
        )
    return UserSpec(
        name=raw["name"],
        access_key=raw["access_key"],
        secret_key=raw["secret_key"],
        user_id=str(raw.get("user_id", "")),
        account_status=raw.get("account_status", "Trial"),
        frozen=raw.get("frozen", False),
        regions=tuple(accounts),
        password=raw.get("password", ""),
        org_id=raw.get("org_id", ""),
        full_name=raw.get("full_name", ""),
        group_id=raw.get("group_id"),
        group_admin=raw.get("group_admin", False),
    )


def _check_unique(deployment: Deployment, origin: str) -> None:
    def dupes(values: list[Any]) -> set[Any]:
        return {v for v in values if values.count(v) > 1}

    checks: dict[str, list[Any]] = {
        "region id": [r.id for r in deployment.regions],
        "scheduler id": [s.id for r in deployment.regions for s in r.schedulers],
        "user name": [u.name for u in deployment.users],
        "access key": [u.access_key for u in deployment.users],
    }
    for region in deployment.regions:
        checks[f"cluster user in region {region.id}"] = [
            a.cluster_user for u in deployment.users for a in u.regions if a.region_id == region.id
        ]
        for sched in region.schedulers:
            checks[f"queue of scheduler {sched.id}"] = [q.name for q in sched.queues]
    for what, values in checks.items():
        if dupes(values):
            raise DeploymentError(f"{origin}: duplicate {what}: {sorted(map(str, dupes(values)))}")
    for user in deployment.users:
        for acc in user.regions:
            found = deployment.region(acc.region_id)
            assert found is not None
            names = {q.name for s in found.schedulers for q in s.queues}
            unknown = set(acc.queues or ()) - names
            if unknown:
                raise DeploymentError(
                    f"{origin}: user {user.name!r} in region {found.id}: unknown queues "
                    f"{sorted(unknown)}"
                )


def within_home(path: str, home: str, *, home_itself: bool = True) -> bool:
    """Whether ``path`` lies below ``home`` (or is ``home``, when ``home_itself``). Both are
    absolute paths the caller has already normalised (``posixpath.normpath``, or ``realpath``
    where symlinks count): the one test of "inside a home" for both engines and the file service.
    """
    if path.startswith(home.rstrip("/") + "/"):
        return True
    return home_itself and path == (home.rstrip("/") or "/")
