"""A whole client session against the mock, every answer checked against openapi.yaml.

Runs twice: in-process (TestClient) and over real HTTP (uvicorn on a loopback port), with the
client finding the job API the way a real one must: sign in, ask ``center``, follow ``hpcUrls``.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import httpx
import pytest

from scnet_hpc.mock import Clock, create_app
from scnet_hpc.mock.testing import serve, sync_client

from .mock_contract import OPERATIONS, Api

DEMO = {"user": "demo", "access_key": "demo-access-key", "secret_key": "demo-secret-key"}


def signed(timestamp: int) -> dict[str, str]:
    """The documented AK/SK signature, computed here independently of the mock's code."""
    message = json.dumps(
        {"accessKey": DEMO["access_key"], "timestamp": str(timestamp), "user": DEMO["user"]},
        separators=(",", ":"),
    )
    digest = hmac.new(DEMO["secret_key"].encode(), message.encode(), hashlib.sha256).hexdigest()
    return {
        "user": DEMO["user"],
        "accessKey": DEMO["access_key"],
        "timestamp": str(timestamp),
        "signature": digest,
    }


@contextmanager
def client_for(app: Any, transport: str) -> Iterator[httpx.Client]:
    if transport == "in-process":
        with sync_client(app) as client:
            yield client
    else:
        with serve(app) as base_url, httpx.Client(base_url=base_url, timeout=10) as client:
            yield client


@pytest.mark.parametrize("transport", ["in-process", "uvicorn"])
def test_whole_workflow_through_http(transport: str) -> None:
    clock = Clock(speed=0)
    app = create_app(clock=clock)
    with client_for(app, transport) as client:
        api = Api(client, None, 0)

        # 1. sign in with the demo AK/SK; one token per region plus the platform token
        tokens = api.ok("issue_tokens", token=False, headers=signed(int(clock.now())))
        by_id = {str(t["clusterId"]): t for t in tokens}
        assert by_id["0"]["clusterName"] == "ac"
        region = next(t for t in tokens if str(t["clusterId"]) != "0")
        api.token = region["token"]
        claims = json.loads(_b64(region["token"].split(".")[1]))
        assert int(claims["expireTime"]) > clock.now() * 1000  # milliseconds, as a string
        assert isinstance(claims["expireTime"], str)

        # 2. region discovery: hpcUrls point back at this server, with the /hpc suffix
        center = api.ok("get_center")
        hpc = next(u for u in center["hpcUrls"] if u["enable"] == "true")["url"]
        assert hpc.endswith("/hpc")
        prefix = hpc[: -len("/hpc")]
        assert prefix.startswith(str(client.base_url).rstrip("/"))
        prefix = prefix[len(str(client.base_url).rstrip("/")) :]  # path part only
        user = center["clusterUserInfo"]["userName"]
        home = center["clusterUserInfo"]["homePath"]

        # 3. schedulers, queues, limits
        clusters = api.ok("list_clusters", prefix=prefix)
        sched = clusters[0]["id"]
        api.scheduler_id = sched
        queues = api.ok(
            "list_user_queues",
            {"username": user},
            prefix=prefix,
            params={"strJobManagerID": str(sched)},
        )
        assert {q["queueName"] for q in queues} >= {"debug", "normal"}
        details = api.ok(
            "list_queue_details", prefix=prefix, params={"strJobManagerID": str(sched)}
        )
        assert {d["queueName"] for d in details} == {q["queueName"] for q in queues}
        limits = api.ok("get_user_limits", prefix=prefix, params={"strJobManagerID": str(sched)})
        assert limits["userName"] == user

        # 4. submit two jobs: a 10-minute one to let finish, a long one to cancel
        work = f"{home}/BASE/wf"
        long_id = api.submit_ok(
            GAP_CMD_FILE="sleep 600\necho done",
            GAP_WORK_DIR=work,
            GAP_QUEUE="normal",
            GAP_WALL_TIME="01:00:00",
        )
        cancel_id = api.submit_ok(
            GAP_CMD_FILE="sleep 3000",
            GAP_WORK_DIR=work,
            GAP_QUEUE="normal",
            GAP_WALL_TIME="02:00:00",
        )
        assert int(cancel_id) > int(long_id)

        # 5. realtime list and detail: queued first, running after the dispatch delay
        page = api.jobs()
        assert {j["jobId"] for j in page["list"]} == {long_id, cancel_id}
        assert {j["jobStatus"] for j in page["list"]} == {"statQ"}
        clock.advance(5)
        detail = api.job(long_id)
        assert detail["jobStatus"] == "statR"
        assert detail["jobInitAttr"]["JobState"] == "RUNNING"
        states = {
            s["name"]: s["y"] for s in api.ok("get_job_state_stats", params={"userName": user})
        }
        assert states["jobview_status_run"] == 2
        per_queue = api.ok("get_queue_job_stats", params={"userName": user})
        assert per_queue == [
            {
                "name": "normal",
                "values": [
                    {"metricName": "R", "metricValue": 2},
                    {"metricName": "Q", "metricValue": 0},
                ],
            }
        ]

        # 6. cancel one (form body, several-job syntax), fast-forward past the other's end
        cancelled = api.call(
            "cancel_jobs", data={"jobMethod": "5", "strJobInfoMap": f"{sched},{user}:{cancel_id}:"}
        )
        assert cancelled["data"] == {
            str(
                sched
            ): f"jobManagerId : {sched}, delete the jobs [{user}:{cancel_id}:] successfully!"
        }
        clock.advance(600)
        assert api.job(long_id)["jobStatus"] == "statC"

        # 7. history: list, then detail with and without acctTime
        history = api.history()
        rows = {r["jobId"]: r for r in history["list"]}
        assert rows[long_id]["jobState"] == "statC"
        assert rows[cancel_id]["jobState"] == "statD"
        assert rows[long_id]["jobWalltimeUsed"] == "600.0000"
        path = {"jobmanagerId": str(sched), "jobId": long_id}
        with_acct = api.ok("get_history_job", path, params={"acctTime": rows[long_id]["acctTime"]})
        without = api.ok("get_history_job", path)
        assert with_acct == without
        assert with_acct["jobWalltimeUsed"] == 600

        # 8. the job's output
        out = api.ok(
            "read_file_content",
            data={
                "dirPath": f"{work}/std.out.{long_id}",
                "triggerNum": "1",
                "rollDirection": "DOWN",
            },
        )
        assert out["data"] == "done\n"
        assert out["allLineTotal"] == 1
        assert out["success"] == "true"

        # 9. statistics agree with the jobs: 600 s + the cancelled job's 4 s (started at +1 s,
        # cancelled at +5 s), one core each
        used = api.ok("get_used_walltime", {"username": user})
        assert rows[cancel_id]["jobWalltimeUsed"] == "4.0000"
        assert used == sum(float(r["jobWalltimeUsed"]) * r["jobProcNum"] for r in rows.values())
        assert used == 604
        quota = api.ok("get_storage_quota", {"username": user})
        assert quota[0]["path"] == home
        clock.advance(301)  # both jobs leave the realtime list after 5 minutes
        assert api.jobs()["total"] == 0
        assert api.ok("get_queue_job_stats", params={"userName": user}) is None

        # 10. the platform's views take the platform token and see every region
        platform = by_id["0"]["token"]
        query = {"page": 1, "size": 10, "startTime": "", "endTime": "", "showAllData": True}
        finished = api.ok("list_platform_history_jobs", token=platform, json=query)
        assert finished["total"] == 2
        assert {r["jobId"] for r in finished["records"]} == {long_id, cancel_id}
        assert api.ok("list_platform_jobs", token=platform, json=query)["total"] == 0
        assert api.ok("get_user", token=platform)["userName"] == DEMO["user"]
        members = api.ok("list_group_members", token=platform)
        colleague = next(m for m in members if m["userName"] != DEMO["user"])
        path = {k: colleague[k] for k in ("clusterId", "groupId", "clusterUserName")}
        assert api.ok("list_member_jobs", path, token=platform) == []
        cores = api.ok("get_core_state_stats", prefix=prefix)
        assert [c["y"] for c in cores] == [0, 320, 0]  # nothing runs; 2x32 + 4x64 cores free
        password = {"user": "demo", "password": "demo-password", "orgId": "demo-org-id"}
        assert len(api.ok("issue_tokens_password", token=False, headers=password)) == len(tokens)

        # 11. the token's own operations
        assert api.ok("get_token_state") == "token is valid"
        renewed = api.ok("renew_token")
        api.token = renewed
        assert api.ok("list_clusters", prefix=prefix)[0]["id"] == sched

    # the file operations (efile) have their own workflow in test_mock_files
    job_side = {op for op, (_, path, _) in OPERATIONS.items() if not path.startswith("/efile/")}
    assert api.seen == job_side, job_side - api.seen


def _b64(segment: str) -> bytes:
    import base64

    return base64.urlsafe_b64decode(segment + "=" * (-len(segment) % 4))
