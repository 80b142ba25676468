"""Helpers shared by the Slurm engine tests (imported relatively by the Slurm tests)."""

from __future__ import annotations

import os
import pwd
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import yaml

from scnet_hpc._service import openapi_path
from scnet_hpc.mock import Deployment, load_deployment
from scnet_hpc.mock.engines.slurm.cli import RunAs
from scnet_hpc.mock.engines.slurm.engine import SLURM_DEPLOYMENT

T = TypeVar("T")


#: The OS user each test account runs as (``make slurm-up`` creates them).
OS_USERS = {"demo": "scnet-demo", "other": "scnet-other"}
#: Homes ``user_home`` handed out, removed after each test by conftest.
CREATED_HOMES: list[Path] = []


def as_root() -> bool:
    return os.geteuid() == 0


def user_home(tmp: Path, user: str) -> Path:
    """The home of API user ``user`` for the test whose ``tmp_path`` is ``tmp``. As root (jobs
    run as the user's OS user): a fresh folder in that OS user's own home, which the engine
    creates owned by the user. Otherwise: under ``tmp`` (jobs run as the caller)."""
    if not as_root():
        return tmp / "home" / user
    login = Path(pwd.getpwnam(OS_USERS[user]).pw_dir)
    home = login / "pytest" / f"{tmp.parent.name}-{tmp.name}"
    CREATED_HOMES.append(home)
    return home


def demo_runner() -> RunAs | None:
    """scnet-demo (which make slurm-up creates) when root, else None (run as the caller)."""
    if not as_root():
        return None
    pw = pwd.getpwnam(OS_USERS["demo"])
    groups = tuple(os.getgrouplist(pw.pw_name, pw.pw_gid))
    return RunAs(uid=pw.pw_uid, gid=pw.pw_gid, groups=groups, cwd=pw.pw_dir)


def slurm_deployment(tmp: Path, *, extra_user: bool = True) -> Deployment:
    """The shipped slurm-deployment.yaml with homes from ``user_home``, plus a second user
    ``other`` to check that users only see their own jobs and files. As root each account
    runs as its own OS user (scnet-demo, scnet-other); otherwise both as the caller."""
    raw: dict[str, Any] = yaml.safe_load(SLURM_DEPLOYMENT.read_text(encoding="utf-8"))
    demo = raw["users"][0]
    region = demo["regions"][0]
    region["home"] = str(user_home(tmp, "demo"))
    if not as_root():
        del region["os_user"]
    if extra_user:
        other: dict[str, Any] = {"region": region["region"], "home": str(user_home(tmp, "other"))}
        if as_root():
            other["os_user"] = OS_USERS["other"]
        raw["users"].append(
            {
                "name": "other",
                "access_key": "other-access-key",
                "secret_key": "other-secret-key",
                "regions": [other],
            }
        )
    return load_deployment(raw)


def wait_for(probe: Callable[[], T | None], *, timeout: float = 60.0, interval: float = 0.05) -> T:
    """Poll ``probe`` until it returns something truthy; fail with the last value after
    ``timeout`` s (generous: the first job after a cold start waits ~3 s for the scheduler,
    and the scheduler places jobs on a 2 s cycle)."""
    deadline = time.monotonic() + timeout
    last = None
    while time.monotonic() < deadline:
        last = probe()
        if last:
            return last
        time.sleep(interval)
    raise AssertionError(f"gave up after {timeout} s; last value: {last!r}")


# --------------------------------------------------------------------------- HTTP


def _operations() -> dict[str, tuple[str, str, Any]]:
    """operationId → (METHOD, path, validator of its 200 body), straight from openapi.yaml
    (not from the mock's own validation code, so a bug shared by both cannot hide)."""
    from jsonschema import Draft202012Validator
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT202012

    spec = yaml.safe_load(openapi_path().read_text())
    uri = "urn:slurm-tests:openapi"
    registry: Registry[Any] = Registry().with_resource(
        uri, Resource.from_contents(spec, default_specification=DRAFT202012)
    )
    ops = {}
    for path, item in spec["paths"].items():
        for method, op in item.items():
            if method in ("get", "post", "put", "delete"):
                escaped = path.replace("~", "~0").replace("/", "~1")
                ptr = f"/paths/{escaped}/{method}/responses/200/content/application~1json/schema"
                validator = Draft202012Validator({"$ref": f"{uri}#{ptr}"}, registry=registry)
                ops[op["operationId"]] = (method.upper(), path, validator)
    return ops


OPERATIONS = _operations()
DAY_ONE, LAST_DAY = "2000-01-01 00:00:00", "2099-12-31 23:59:59"


class Api:
    """Calls the mock by operationId; every answer must be HTTP 200 and valid per openapi.yaml."""

    def __init__(self, client: Any, token: str, scheduler_id: int, user: str = "demo") -> None:
        self.client, self.token, self.scheduler_id, self.user = client, token, scheduler_id, user

    def call(self, operation_id: str, path_params: dict[str, Any] | None = None, **kw: Any) -> Any:
        method, template, validator = OPERATIONS[operation_id]
        response = self.client.request(
            method, template.format(**(path_params or {})), headers={"token": self.token}, **kw
        )
        assert response.status_code == 200, (operation_id, response.status_code, response.text)
        body = response.json()
        errors = [e.message[:300] for e in validator.iter_errors(body)]
        assert not errors, f"{operation_id} answer violates openapi.yaml: {errors[:3]}\n{body}"
        return body

    def ok(self, operation_id: str, path_params: dict[str, Any] | None = None, **kw: Any) -> Any:
        body = self.call(operation_id, path_params, **kw)
        assert body["code"] == "0", (operation_id, body)
        return body["data"]

    def submit(self, **info: str) -> Any:
        return self.call(
            "submit_job",
            {"apptype": "BASIC", "appname": "BASE"},
            json={"strJobManagerID": self.scheduler_id, "mapAppJobInfo": info},
        )

    def job(self, job_id: str) -> Any:
        return self.ok("get_job", {"jobId": job_id})

    def jobs(self, **params: Any) -> Any:
        return self.ok("list_jobs", params={"strClusterIDList": self.scheduler_id, **params})

    def history(self, **params: Any) -> Any:
        query = {
            "strClusterNameList": str(self.scheduler_id),
            "startTime": DAY_ONE,
            "endTime": LAST_DAY,
            "timeType": "CUSTOM",
            "start": 0,
            "limit": 1000,
            "isQueryByQueueTime": "false",
            **params,
        }
        return self.ok("list_history_jobs", params=query)

    def history_job(self, job_id: str) -> Any:
        return self.ok("get_history_job", {"jobmanagerId": self.scheduler_id, "jobId": job_id})

    def cancel(self, *job_ids: str) -> Any:
        info = ";".join(f"{self.scheduler_id},{self.user}:{j}:" for j in job_ids)
        return self.call("cancel_jobs", data={"jobMethod": "5", "strJobInfoMap": info})

    def file(self, path: str, page: int = 1, direction: str = "DOWN") -> Any:
        form = {"hostName": "", "dirPath": path, "triggerNum": page, "rollDirection": direction}
        return self.ok("read_file_content", data=form)


def job_info(home: Path, command: str, **overrides: str) -> dict[str, str]:
    """A valid ``mapAppJobInfo`` running ``command`` on one core of ``debug``, under ``home``."""
    work = home / "runs" / "http"
    info = {
        "GAP_CMD_FILE": command,
        "GAP_NNODE": "1",
        "GAP_NODE_STRING": "",
        "GAP_SUBMIT_TYPE": "cmd",
        "GAP_JOB_NAME": "http-test",
        "GAP_WORK_DIR": str(work),
        "GAP_QUEUE": "debug",
        "GAP_NPROC": "",
        "GAP_PPN": "1",
        "GAP_WALL_TIME": "00:10:00",
        "GAP_APPNAME": "BASE",
        "GAP_STD_OUT_FILE": str(work / "std.out.%j"),
        "GAP_STD_ERR_FILE": str(work / "std.err.%j"),
    }
    info.update(overrides)
    return info
