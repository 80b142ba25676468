"""Talk to the mock by operationId and check every answer against openapi.yaml.

The checks use the spec directly (jsonschema + the spec's own components), not the mock's
validation code, so a bug shared by both cannot hide itself.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx
import yaml
from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

ROOT = Path(__file__).resolve().parents[2]
SPEC: dict[str, Any] = yaml.safe_load((ROOT / "openapi.yaml").read_text(encoding="utf-8"))
_URI = "urn:test:openapi"
_REGISTRY: Registry = Registry().with_resource(
    _URI, Resource.from_contents(SPEC, default_specification=DRAFT202012)
)

# operationId -> (METHOD, path template, validator of the 200 body)
OPERATIONS: dict[str, tuple[str, str, Draft202012Validator]] = {}
for _path, _item in SPEC["paths"].items():
    for _method in ("get", "post", "put", "delete", "patch"):
        if _method in _item:
            _op = _item[_method]
            _ptr = "/paths/{}/{}/responses/200/content/application~1json/schema".format(
                _path.replace("~", "~0").replace("/", "~1"), _method
            )
            OPERATIONS[_op["operationId"]] = (
                _method.upper(),
                _path,
                Draft202012Validator({"$ref": f"{_URI}#{_ptr}"}, registry=_REGISTRY),
            )
SUCCESS_SCHEMA_NAMES = {
    op_id: item["$ref"].rsplit("/", 1)[-1]
    for op_id, (m, p, _) in OPERATIONS.items()
    for item in SPEC["paths"][p][m.lower()]["responses"]["200"]["content"]["application/json"][
        "schema"
    ]["oneOf"]
    if not item["$ref"].endswith("ErrorEnvelope")
}


def schema_errors(operation_id: str, body: Any) -> list[str]:
    validator = OPERATIONS[operation_id][2]
    return [e.message[:300] for e in validator.iter_errors(body)]


def assert_valid(operation_id: str, body: Any) -> None:
    errors = schema_errors(operation_id, body)
    assert not errors, f"{operation_id} answer violates openapi.yaml: {errors[:3]}\n{body!r:.2000}"
    if body.get("code") == "0":
        # the success branch must be the one that matched, not the error envelope's
        name = SUCCESS_SCHEMA_NAMES[operation_id]
        v = Draft202012Validator({"$ref": f"{_URI}#/components/schemas/{name}"}, registry=_REGISTRY)
        assert not list(v.iter_errors(body)), f"{operation_id}: code 0 but not a {name}"


def one_region_deployment(users: list[dict[str, Any]]) -> dict[str, Any]:
    """A raw deployment: region 1 (`r`), scheduler 7, one small queue `q`."""
    scheduler = {
        "id": 7,
        "name": "c",
        "queues": [{"name": "q", "nodes": ["n1"], "cores_per_node": 4}],
    }
    return {"regions": [{"id": 1, "name": "r", "schedulers": [scheduler]}], "users": users}


def job_info(**overrides: str) -> dict[str, str]:
    """A valid ``mapAppJobInfo`` for the default deployment (``sleep 60`` on one core)."""
    info = {
        "GAP_CMD_FILE": "sleep 60",
        "GAP_NNODE": "1",
        "GAP_NODE_STRING": "",
        "GAP_SUBMIT_TYPE": "cmd",
        "GAP_JOB_NAME": "testjob",
        "GAP_WORK_DIR": "/public/home/demo/work",
        "GAP_QUEUE": "debug",
        "GAP_NPROC": "",
        "GAP_PPN": "1",
        "GAP_WALL_TIME": "00:10:00",
        "GAP_APPNAME": "BASE",
    }
    info.update(overrides)
    return {k: v for k, v in info.items() if v is not None}


class Api:
    """Calls operations by id on an httpx client and validates every 200 answer against the spec.

    ``seen`` records which operations answered, so a workflow test can prove it covered them all.
    """

    def __init__(self, client: httpx.Client, token: str | None, scheduler_id: int) -> None:
        self.client = client
        self.token = token
        self.scheduler_id = scheduler_id
        self.seen: set[str] = set()

    def call(
        self,
        operation_id: str,
        path_params: dict[str, Any] | None = None,
        *,
        token: str | bool | None = True,
        prefix: str = "",
        **kwargs: Any,
    ) -> dict[str, Any]:
        method, template, _ = OPERATIONS[operation_id]
        headers = dict(kwargs.pop("headers", {}))
        use = self.token if token is True else token
        if use:
            headers["token"] = use
        url = prefix + template.format(**(path_params or {}))
        response = self.client.request(method, url, headers=headers, **kwargs)
        assert response.status_code == 200, (operation_id, response.status_code, response.text)
        body: dict[str, Any] = response.json()
        assert_valid(operation_id, body)
        self.seen.add(operation_id)
        return body

    def ok(self, operation_id: str, path_params: dict[str, Any] | None = None, **kw: Any) -> Any:
        body = self.call(operation_id, path_params, **kw)
        assert body["code"] == "0", (operation_id, body)
        return body["data"]

    def submit(self, **overrides: str) -> dict[str, Any]:
        return self.call(
            "submit_job",
            {"apptype": "BASIC", "appname": "BASE"},
            json={"strJobManagerID": self.scheduler_id, "mapAppJobInfo": job_info(**overrides)},
        )

    def submit_ok(self, **overrides: str) -> str:
        body = self.submit(**overrides)
        assert body["code"] == "0", body
        job_id: str = body["data"]
        return job_id

    def jobs(self, **params: Any) -> dict[str, Any]:
        data: dict[str, Any] = self.ok(
            "list_jobs", params={"strClusterIDList": self.scheduler_id, **params}
        )
        return data

    def history(self, **params: Any) -> dict[str, Any]:
        query = {
            "strClusterNameList": str(self.scheduler_id),
            "startTime": "2000-01-01 00:00:00",
            "endTime": "2099-12-31 23:59:59",
            "timeType": "CUSTOM",
            "start": 0,
            "limit": 1000,
            "isQueryByQueueTime": "false",
            **params,
        }
        data: dict[str, Any] = self.ok("list_history_jobs", params=query)
        return data

    def job(self, job_id: str) -> Any:
        return self.ok("get_job", {"jobId": job_id})

    def cancel(self, user: str, *job_ids: str) -> dict[str, Any]:
        info = ";".join(f"{self.scheduler_id},{user}:{j}:" for j in job_ids)
        return self.call("cancel_jobs", data={"jobMethod": "5", "strJobInfoMap": info})
