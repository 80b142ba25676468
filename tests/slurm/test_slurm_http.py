"""The mock app with ``engine="slurm"``, through HTTP (in-process): the API's view of real jobs.

Every answer is checked against openapi.yaml. The app finds the cluster the way
``python -m scnet_hpc.mock --engine slurm`` does (SLURM_CONF or .slurm/env).
"""

from __future__ import annotations

import os
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from scnet_hpc.mock import Clock, create_app
from scnet_hpc.mock.testing import sync_client

from .slurm_helpers import Api, job_info, slurm_deployment, user_home, wait_for

pytestmark = pytest.mark.slurm

NPROC = os.cpu_count() or 1
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def home(tmp_path: Path) -> Path:
    return user_home(tmp_path, "demo")


@pytest.fixture
def api(slurm_env: dict[str, str], tmp_path: Path) -> Iterator[Api]:
    app = create_app(slurm_deployment(tmp_path), clock=Clock(), engine="slurm")
    mock = app.state.mock
    with sync_client(app) as client:
        api = Api(client, mock.mint_token(), mock.scheduler_id)
        yield api
        active = [r["jobId"] for r in api.jobs()["list"] if r["jobStatus"] != "statC"]
        if active:
            api.cancel(*active)


def statuses_until_done(api: Api, job_id: str) -> tuple[list[str], dict]:
    """Poll the realtime detail; the distinct jobStatus values in order, and the last detail."""
    seen: list[str] = []
    last: dict = {}

    def done() -> bool:
        nonlocal last
        last = api.job(job_id)
        assert last is not None, f"job {job_id} vanished from the realtime list"
        if not seen or seen[-1] != last["jobStatus"]:
            seen.append(last["jobStatus"])
        return last["jobStatus"] == "statC"

    wait_for(done)
    return seen, last


def test_echo_and_hostname_real_states_and_output(api, home):
    body = api.submit(**job_info(home, "echo hello from slurm\nhostname\nsleep 2"))
    assert body["code"] == "0", body
    job_id = body["data"]
    assert job_id.isdigit()
    seen, detail = statuses_until_done(api, job_id)
    assert seen[-1] == "statC"
    assert "statR" in seen  # the job runs for 2 s: it is seen running
    assert seen == [s for s in ("statQ", "statR", "statC") if s in seen]  # in this order
    init = detail["jobInitAttr"]
    assert (init["JobState"], init["ExitCode"]) == ("COMPLETED", "0:0")
    assert detail["user"] == "demo"
    assert detail["nodeUsed"]  # the node Slurm ran it on
    out = detail["outputPath"]
    assert out == str(home / "runs" / "http" / f"std.out.{job_id}")
    expected = f"hello from slurm\n{socket.gethostname()}\n"
    content = api.file(out)
    assert content["data"] == expected
    assert (content["allLineTotal"], content["totalTriggerTimes"]) == (2, 1)
    assert api.file(out, direction="UP")["data"] == expected
    rows = {r["jobId"]: r for r in api.history(jobId=job_id)["list"]}
    assert rows[job_id]["jobState"] == "statC"
    assert rows[job_id]["jobExitStatus"] == 0
    assert api.history_job(job_id)["stdout"] == out


def test_a_queued_job_starts_when_the_node_frees_up(api, home):
    hog = api.submit(**job_info(home, "sleep 600", GAP_PPN=str(NPROC)))["data"]
    wait_for(lambda: api.job(hog)["jobStatus"] == "statR")
    waiting = api.submit(**job_info(home, "echo finally\nsleep 1"))["data"]
    pending = api.job(waiting)
    assert pending["jobStatus"] == "statQ"
    assert pending["jobStartTime"] == ""
    queued = wait_for(lambda: (d := api.job(waiting))["reason"] != "None" and d)
    assert queued["reason"] in {"Resources", "Priority"}  # Slurm's own words
    api.cancel(hog)
    seen, detail = statuses_until_done(api, waiting)
    assert seen[-1] == "statC"  # statQ (above) → statR → statC, as the scheduler decided
    assert detail["jobInitAttr"]["JobState"] == "COMPLETED"
    assert api.file(detail["outputPath"])["data"] == "finally\n"


def test_sleep_600_is_cancelled_and_shows_as_cancelled_in_history(api, home):
    job_id = api.submit(**job_info(home, "sleep 600"))["data"]
    wait_for(lambda: api.job(job_id)["jobStatus"] == "statR")
    body = api.cancel(job_id)
    assert body["code"] == "0", body
    [message] = body["data"].values()
    assert f"delete the jobs [demo:{job_id}:] successfully!" in message
    detail = api.job(job_id)  # still in the realtime list for 5 minutes, as statC
    assert detail["jobStatus"] == "statC"
    assert detail["jobInitAttr"]["JobState"] == "CANCELLED"
    rows = {r["jobId"]: r for r in api.history(jobState="statD")["list"]}
    assert rows[job_id]["jobState"] == "statD"
    assert api.history_job(job_id)["jobState"] == "statD"
    again = api.cancel(job_id)["data"]
    [message] = again.values()
    assert "Job/step already completing or completed" in message


def test_more_cpus_than_the_partition_has_is_rejected_with_sbatchs_message(api, home):
    before = {r["jobId"] for r in api.jobs()["list"]}
    body = api.submit(**job_info(home, "echo", GAP_PPN="", GAP_NPROC=str(NPROC + 1)))
    assert body["code"] == "10001"
    assert body["msg"] == (
        "exitcode:1, errorinfo: sbatch: error: Batch job submission failed: "
        "More processors requested than permitted"
    )
    documented = yaml.safe_load((ROOT / "openapi.yaml").read_text())["components"]["schemas"]
    assert "10001" in documented["ErrorCode"]["enum"]
    assert body["data"] is None
    # nothing was queued (jobs of earlier tests may meanwhile age out of the realtime list)
    assert not {r["jobId"] for r in api.jobs()["list"]} - before


def test_queues_are_the_clusters_partitions(api):
    params = {"strJobManagerID": api.scheduler_id}
    rows = api.ok("list_user_queues", {"username": "demo"}, params=params)
    queues = {q["queueName"]: q for q in rows}
    assert set(queues) == {"debug", "normal"}
    assert queues["debug"]["queMaxWalltime"] == "30"  # minutes: MaxTime=30
    assert queues["normal"]["queMaxWalltime"] == "-1"  # UNLIMITED
    assert queues["debug"]["queMaxPPN"] == str(NPROC)
    assert queues["debug"]["queNcpus"] == str(NPROC)


def test_statistics_come_from_the_real_jobs(api, home):
    first = api.submit(**job_info(home, "sleep 1"))["data"]
    second = api.submit(**job_info(home, "sleep 2"))["data"]
    for job_id in (first, second):
        statuses_until_done(api, job_id)
    used = api.ok("get_used_walltime", {"username": "demo"})
    rows = [r for r in api.history()["list"] if r["jobId"] in (first, second)]
    details = [api.history_job(r["jobId"]) for r in rows]
    assert all(d["jobWalltimeUsed"] >= 1 for d in details)
    assert used >= sum(int(d["cpuNuclearSec"]) for d in details) >= 3
    states = {s["name"]: s["y"] for s in api.ok("get_job_state_stats", params={"userName": "demo"})}
    assert states["jobview_status_run"] == 0
    assert sum(states.values()) == api.jobs()["total"]


def test_job_arrays_through_the_api(api, home):
    body = api.submit(**job_info(home, "echo task $SLURM_ARRAY_TASK_ID", GAP_MULTI_SUB="2"))
    assert body["code"] == "0", body
    array_id = body["data"]

    def tasks() -> dict | None:
        rows = {r["jobId"]: r for r in api.history(jobName="http-test")["list"]}
        found = {k: v for k, v in rows.items() if k.startswith(f"{array_id}_")}
        return found if len(found) == 2 else None

    found = wait_for(tasks)
    assert sorted(found) == [f"{array_id}_0", f"{array_id}_1"]
    for task_id in found:
        detail = api.history_job(task_id)
        assert api.file(detail["stdout"])["data"] == f"task {task_id.split('_')[1]}\n"


def test_paths_outside_home_are_refused(api, home, tmp_path):
    body = api.submit(**job_info(home, "echo", GAP_WORK_DIR=str(tmp_path / "elsewhere")))
    assert body["code"] == "10001"
    assert "GAP_WORK_DIR" in body["msg"]
    assert "is not inside the home directory" in body["msg"]
    secret = tmp_path / "secret.txt"
    secret.write_text("no\n")
    content = api.file(str(secret))
    assert content["data"] == ""
    assert content["allLineTotal"] == 0
