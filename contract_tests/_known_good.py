"""One request per operation that a correct server must answer with ``"0"``.

Built from the discovered facts, not from the mock's configuration. Scripted tests (known-good
answers, refused credentials, the job lifecycle) start from these and change one thing.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable
from typing import Any

from schemathesis import Case

from ._exercise import Suite
from ._files import FILE_OPS, known_good_parts
from ._inputs import history_window, safe_job
from ._signing import sign_in_headers
from ._spec import operation_ids
from ._target import Facts

__all__ = ["FORM", "cancel_body", "job_name", "known_good", "make_case", "unavailable"]

FORM = "application/x-www-form-urlencoded"
Parts = dict[str, Any]


def job_name() -> str:
    """A recognisable, unique name for a job this suite submits."""
    return f"scnet-contract-{uuid.uuid4().hex[:8]}"


def cancel_body(f: Facts, job_id: str) -> dict[str, str]:
    """The documented cancel form for one job of the signed-in user."""
    return {"jobMethod": "5", "strJobInfoMap": f"{f.scheduler_id},{f.cluster_user}:{job_id}:"}


def _user(f: Facts) -> Parts:
    return {"path_parameters": {"username": f.cluster_user}}


def _scheduler(f: Facts) -> Parts:
    return {"query": {"strJobManagerID": str(f.scheduler_id)}}


def _job(f: Facts) -> str:
    return f.job_ids[-1] if f.job_ids else "1"


_TABLE: dict[str, Callable[[Facts, float], Parts]] = {
    "issue_tokens": lambda f, now: (
        {"headers": sign_in_headers(*f.credentials, now=now)} if f.credentials else {}
    ),
    "get_center": lambda f, now: {},
    "get_token_state": lambda f, now: {},
    "renew_token": lambda f, now: {},
    "list_clusters": lambda f, now: {},
    "list_user_queues": lambda f, now: {**_user(f), **_scheduler(f)},
    "list_queue_details": lambda f, now: _scheduler(f),
    "get_user_limits": lambda f, now: _scheduler(f),
    "submit_job": lambda f, now: {
        "path_parameters": {"apptype": "BASIC", "appname": "BASE"},
        "body": safe_job(f, job_name()),
    },
    "list_jobs": lambda f, now: {
        "query": {"strClusterIDList": f.scheduler_id, "start": 0, "limit": 25}
    },
    "cancel_jobs": lambda f, now: {
        "body": {
            "jobMethod": "5",
            "strJobInfoMap": f"{f.scheduler_id},{f.cluster_user}:{_job(f)}:",
        },
        "media_type": FORM,
    },
    "get_job": lambda f, now: {"path_parameters": {"jobId": _job(f)}},
    "list_history_jobs": lambda f, now: {
        "query": {
            "strClusterNameList": str(f.scheduler_id),
            "startTime": history_window(now)[0],
            "endTime": history_window(now)[1],
            "timeType": "CUSTOM",
            "start": 0,
            "limit": 25,
            "isQueryByQueueTime": "false",
        }
    },
    "get_history_job": lambda f, now: {
        "path_parameters": {"jobmanagerId": str(f.scheduler_id), "jobId": _job(f)}
    },
    "read_file_content": lambda f, now: {
        "body": {
            "hostName": "",
            "dirPath": f"{f.home.rstrip('/')}/scnet-contract-tests/no-such-file.out",
            "triggerNum": 1,
            "rollDirection": "UP",
        },
        "media_type": FORM,
    },
    "get_job_state_stats": lambda f, now: {"query": {"userName": f.cluster_user}},
    "get_queue_job_stats": lambda f, now: {"query": {"userName": f.cluster_user}},
    "get_used_walltime": lambda f, now: _user(f),
    "get_storage_quota": lambda f, now: _user(f),
    "get_core_state_stats": lambda f, now: {},
    "issue_tokens_password": lambda f, now: (
        {"headers": dict(zip(("user", "password", "orgId"), f.password_login, strict=True))}
        if f.password_login
        else {}
    ),
    "get_user": lambda f, now: {},
    "list_group_members": lambda f, now: {},
    "list_member_jobs": lambda f, now: {
        "path_parameters": {
            "clusterId": int(f.region_id or 0),
            "groupId": f.group_id or 0,
            "clusterUserName": f.cluster_user,
        }
    },
    "list_platform_jobs": lambda f, now: {"body": {"page": 1, "size": 10}},
    "list_platform_history_jobs": lambda f, now: {"body": {"page": 1, "size": 10}},
}


def unavailable(f: Facts, operation_id: str) -> str | None:
    """Why this target gives no known-good request of ``operation_id`` (None: it does)."""
    if operation_id == "issue_tokens" and f.credentials is None:
        return "issue_tokens needs SCNET_USER/SCNET_ACCESS_KEY/SCNET_SECRET_KEY"
    if operation_id == "issue_tokens_password" and f.password_login is None:
        return "issue_tokens_password needs a password and orgId (the embedded mock's demo)"
    if operation_id == "list_member_jobs" and f.group_id is None:
        return "list_member_jobs needs a group the signed-in user belongs to"
    return None


def _file_parts(operation_id: str) -> Callable[[Facts, float], Parts]:
    return lambda f, now: known_good_parts(f, operation_id)


_TABLE.update({op: _file_parts(op) for op in FILE_OPS})


def make_case(
    suite: Suite, operation_id: str, *, token: str | None = "valid", **parts: Any
) -> Case[Any]:
    """A case of ``operation_id`` with ``parts``; ``token``: ``"valid"``, a value, or None."""
    method, path = operation_ids()[operation_id].split(" ", 1)
    operation = suite.schema[path][method]
    headers = dict(parts.pop("headers", None) or {})
    if token == "valid":
        headers["token"] = suite.target.get_facts().token
    elif token is not None and operation_id != "issue_tokens":
        headers["token"] = token
    return operation.Case(headers=headers, **parts)


def known_good(
    suite: Suite, operation_id: str, *, token: str | None = "valid", **override: Any
) -> Case[Any]:
    """The known-good request of ``operation_id`` (``override`` replaces whole parts)."""
    target = suite.target
    now = target.mock.clock.now() if target.mock is not None else time.time()
    parts = {**_TABLE[operation_id](target.get_facts(), now), **override}
    return make_case(suite, operation_id, token=token, **parts)
