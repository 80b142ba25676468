"""Many clients at once lose or duplicate no job.

Over real HTTP: uvicorn serves the mock in a background thread (``testing.serve``); 200 asyncio
clients, each with its own connection (its own ``httpx.AsyncClient``), submit and cancel at the
same time, 10,000 operations in all. Half of each client's cancels aim at jobs that *other*
clients submitted, so cancels race each other on the same job. Afterwards every submitted job
must be in the realtime list exactly once, every cancel that reported success must match exactly
one cancelled job, and no job may have been cancelled twice. The throughput is printed (run
pytest with ``-s`` to see it); it is a figure, not a pass/fail criterion.
"""

from __future__ import annotations

import asyncio
import random
import re
import time
from collections import Counter
from typing import Any

import httpx

from scnet_hpc.mock import Clock, create_app, load_deployment
from scnet_hpc.mock.testing import serve

CLIENTS = 200
SUBMITS_PER_CLIENT = 30
CANCELS_PER_CLIENT = 20  # 10 own jobs, 10 random jobs of anyone
SCHED = 7

DEPLOYMENT = {
    "regions": [
        {
            "id": 1,
            "name": "r",
            "schedulers": [
                {
                    "id": SCHED,
                    "name": "c",
                    "queues": [
                        {"name": "q", "nodes": "n[001-016]", "cores_per_node": 64},
                    ],
                }
            ],
        }
    ],
    "users": [
        {
            "name": "load",
            "access_key": "ak",
            "secret_key": "sk",
            "regions": [{"region": 1, "cluster_user": "load"}],
        }
    ],
}
JOB = {
    "GAP_CMD_FILE": "sleep 100000",
    "GAP_NNODE": "1",
    "GAP_NODE_STRING": "",
    "GAP_SUBMIT_TYPE": "cmd",
    "GAP_JOB_NAME": "load",
    "GAP_WORK_DIR": "/public/home/load",
    "GAP_QUEUE": "q",
    "GAP_PPN": "1",
    "GAP_WALL_TIME": "72:00:00",
    "GAP_APPNAME": "BASE",
}
SUBMIT = "/hpc/openapi/v2/apptemplates/BASIC/BASE/job"


async def one_client(
    n: int, base_url: str, token: str, shared: list[str], log: dict[str, Any]
) -> None:
    rng = random.Random(n)
    headers = {"token": token}
    async with httpx.AsyncClient(base_url=base_url, headers=headers, timeout=120) as client:
        mine: list[str] = []
        # submits and cancels interleaved at random, after 5 submits to have something to cancel
        plan = ["submit"] * (SUBMITS_PER_CLIENT - 5) + ["cancel"] * CANCELS_PER_CLIENT
        rng.shuffle(plan)
        for step in ["submit"] * 5 + plan:
            if step == "submit":
                body = {"strJobManagerID": SCHED, "mapAppJobInfo": JOB}
                answer = (await client.post(SUBMIT, json=body)).json()
                assert answer["code"] == "0", answer
                mine.append(answer["data"])
                shared.append(answer["data"])
                log["submitted"].append(answer["data"])
                continue
            own = log["cancel_own"][n] < CANCELS_PER_CLIENT // 2 and mine
            target = rng.choice(mine) if own else rng.choice(shared)
            if own:
                log["cancel_own"][n] += 1
            form = {"jobMethod": "5", "strJobInfoMap": f"{SCHED},load:{target}:"}
            answer = (await client.request("DELETE", "/hpc/openapi/v2/jobs", data=form)).json()
            assert answer["code"] == "0", answer
            message = answer["data"][str(SCHED)]
            log["cancels"] += 1
            if "successfully" in message:
                ids = re.findall(r"load:(\d+):", message.split("successfully")[0])
                log["cancel_ok"].extend(ids)
        assert len(mine) == SUBMITS_PER_CLIENT


async def run_load(base_url: str, token: str) -> tuple[dict[str, Any], float]:
    log: dict[str, Any] = {"submitted": [], "cancel_ok": [], "cancels": 0, "cancel_own": Counter()}
    shared: list[str] = []
    started = time.perf_counter()
    await asyncio.gather(*(one_client(n, base_url, token, shared, log) for n in range(CLIENTS)))
    return log, time.perf_counter() - started


def test_concurrent_submits_and_cancels_lose_nothing() -> None:
    app = create_app(load_deployment(DEPLOYMENT), clock=Clock(speed=1.0))
    mock = app.state.mock
    token = mock.mint_token("load")
    with serve(app) as base_url:
        log, elapsed = asyncio.run(run_load(base_url, token))
        with httpx.Client(base_url=base_url, headers={"token": token}, timeout=120) as client:
            listing = client.get("/hpc/openapi/v2/jobs", params={"strClusterIDList": SCHED}).json()
    operations = len(log["submitted"]) + log["cancels"]
    print(
        f"\nconcurrency (uvicorn in a thread, {CLIENTS} clients, one connection each): "
        f"{operations} operations ({len(log['submitted'])} submits, {log['cancels']} cancels) "
        f"in {elapsed:.2f} s = {operations / elapsed:.0f} operations/s"
    )
    assert operations >= 10_000
    submitted = log["submitted"]
    assert len(set(submitted)) == len(submitted) == CLIENTS * SUBMITS_PER_CLIENT  # no id twice

    rows = listing["data"]["list"]
    assert listing["data"]["total"] == len(rows) == len(submitted)
    assert Counter(r["jobId"] for r in rows) == Counter(submitted)  # every job exactly once

    cancelled_ok = log["cancel_ok"]
    assert len(set(cancelled_ok)) == len(cancelled_ok)  # no job cancelled twice
    states = {r["jobId"]: r["jobInitAttr"]["JobState"] for r in rows}
    assert {j for j, s in states.items() if s == "CANCELLED"} == set(cancelled_ok)
    assert set(states.values()) <= {"PENDING", "RUNNING", "CANCELLED"}
    assert mock.requests[("POST", "submit_job")] == len(submitted)
    assert mock.requests[("DELETE", "cancel_jobs")] == log["cancels"]
