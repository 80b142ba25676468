"""Submit validates like a scheduler: malformed requests 10003/10004, scheduler refusals 10001
with sbatch's own words, and jobs that run, wait, fail and time out as Slurm's would."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest

from scnet_hpc.mock import Clock, create_app, load_deployment
from scnet_hpc.mock.testing import sync_client

from .mock_contract import Api, job_info

REQUIRED = [
    "GAP_CMD_FILE",
    "GAP_NNODE",
    "GAP_SUBMIT_TYPE",
    "GAP_JOB_NAME",
    "GAP_WORK_DIR",
    "GAP_QUEUE",
    "GAP_WALL_TIME",
    "GAP_APPNAME",
]
FAILED = "exitcode:1, errorinfo: sbatch: error: Batch job submission failed: "


def test_success_returns_the_new_job_id_as_a_string(api: Api) -> None:
    first = api.submit_ok()
    second = api.submit_ok()
    assert isinstance(first, str)
    assert int(second) == int(first) + 1


@pytest.mark.parametrize("key", REQUIRED)
def test_missing_required_key_is_10003(api: Api, key: str) -> None:
    info = job_info()
    del info[key]
    body = api.call(
        "submit_job",
        {"apptype": "BASIC", "appname": "BASE"},
        json={"strJobManagerID": api.scheduler_id, "mapAppJobInfo": info},
    )
    assert body["code"] == "10003"
    assert key in body["msg"]


@pytest.mark.parametrize("member", ["strJobManagerID", "mapAppJobInfo"])
def test_missing_body_member_is_10003(api: Api, member: str) -> None:
    body = {"strJobManagerID": api.scheduler_id, "mapAppJobInfo": job_info()}
    del body[member]
    answer = api.call("submit_job", {"apptype": "BASIC", "appname": "BASE"}, json=body)
    assert answer["code"] == "10003"


@pytest.mark.parametrize(
    ("overrides", "fragment"),
    [
        ({"GAP_NNODE": "1", "GAP_NODE_STRING": "dbg01"}, "exactly one of GAP_NNODE"),
        ({"GAP_NNODE": "", "GAP_NODE_STRING": ""}, "exactly one of GAP_NNODE"),
        ({"GAP_NPROC": "2", "GAP_PPN": "1"}, "exactly one of GAP_NPROC"),
        ({"GAP_NPROC": "", "GAP_PPN": ""}, "exactly one of GAP_NPROC"),
        ({"GAP_WALL_TIME": "24h"}, "GAP_WALL_TIME"),
        ({"GAP_WALL_TIME": "1:00"}, "GAP_WALL_TIME"),
        ({"GAP_WALL_TIME": "00:61:00"}, "GAP_WALL_TIME"),
        ({"GAP_NNODE": "0"}, "GAP_NNODE"),
        ({"GAP_NNODE": "-1"}, "GAP_NNODE"),
        ({"GAP_NNODE": "two"}, "GAP_NNODE"),
        ({"GAP_PPN": "1.5"}, "GAP_PPN"),
        ({"GAP_PPN": "9" * 40}, "GAP_PPN"),
        ({"GAP_NGPU": "x"}, "GAP_NGPU"),
        ({"GAP_JOB_MEM": "lots"}, "GAP_JOB_MEM"),
        ({"GAP_EXCLUSIVE": "yes"}, "GAP_EXCLUSIVE"),
        ({"GAP_MULTI_SUB": "two"}, "GAP_MULTI_SUB"),
        ({"GAP_SUBMIT_TYPE": "magic"}, "GAP_SUBMIT_TYPE"),
        ({"GAP_WORK_DIR": "relative/dir"}, "GAP_WORK_DIR"),
        ({"GAP_QUEUE": " "}, "GAP_QUEUE"),
        ({"GAP_CMD_FILE": ""}, "GAP_CMD_FILE"),
        ({"GAP_JOB_NAME": ""}, "GAP_JOB_NAME"),
    ],
)
def test_malformed_request_is_10004(api: Api, overrides: dict[str, str], fragment: str) -> None:
    body = api.submit(**overrides)
    assert body["code"] == "10004", body
    assert fragment in body["msg"]
    assert api.jobs()["total"] == 0


# JSON numbers and booleans are taken as their text, as the live service does
# (test_mock_lenient.py); what Jackson cannot put in a string map is refused.
@pytest.mark.parametrize("value", [None, ["1"], {"n": "1"}])
def test_non_scalar_values_are_10004(api: Api, value: Any) -> None:
    info: dict[str, Any] = job_info()
    info["GAP_NNODE"] = value
    body = api.call(
        "submit_job",
        {"apptype": "BASIC", "appname": "BASE"},
        json={"strJobManagerID": api.scheduler_id, "mapAppJobInfo": info},
    )
    assert body["code"] == "10004"


@pytest.mark.parametrize("scheduler", [1, "1638523853x", "1", 2**63, -1, 1615443225, 1.5])
def test_unknown_or_mistyped_scheduler_is_10004(api: Api, scheduler: Any) -> None:
    body = api.call(
        "submit_job",
        {"apptype": "BASIC", "appname": "BASE"},
        json={"strJobManagerID": scheduler, "mapAppJobInfo": job_info()},
    )
    assert body["code"] == "10004"


def test_unknown_application_template_is_10004(api: Api) -> None:
    body = api.call(
        "submit_job",
        {"apptype": "SOFTWARE", "appname": "vasp"},
        json={"strJobManagerID": api.scheduler_id, "mapAppJobInfo": job_info()},
    )
    assert body["code"] == "10004"


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        (
            {"GAP_QUEUE": "nope"},
            "exitcode:1, errorinfo: sbatch: error: invalid partition specified: "
            "nope\nsbatch: error: Batch job submission failed: Invalid partition name specified",
        ),
        ({"GAP_NNODE": "3"}, FAILED + "Requested node configuration is not available"),
        ({"GAP_PPN": "33"}, FAILED + "Requested node configuration is not available"),
        (
            {"GAP_NPROC": "65", "GAP_PPN": "", "GAP_NNODE": "2"},
            FAILED + "Requested node configuration is not available",
        ),
        ({"GAP_NGPU": "1"}, FAILED + "Requested node configuration is not available"),
        ({"GAP_JOB_MEM": "200GB"}, FAILED + "Requested node configuration is not available"),
        (
            {"GAP_WALL_TIME": "01:00:00"},
            FAILED + "Requested time limit is invalid (missing or exceeds some limit): "
            "queue debug allows at most 00:30:00, 01:00:00 was requested",
        ),
        (
            {"GAP_WALL_TIME": "00:00:00"},
            FAILED + "Requested time limit is invalid (missing or exceeds some limit)",
        ),
        ({"GAP_NNODE": "", "GAP_NODE_STRING": "node01"}, FAILED + "Invalid node name specified"),
    ],
)
def test_scheduler_rejection_is_10001_with_sbatch_message(
    api: Api, overrides: dict[str, str], message: str
) -> None:
    body = api.submit(**overrides)
    assert body == {"code": "10001", "msg": message, "data": None}
    assert api.jobs()["total"] == 0  # a refused job leaves no trace


def test_requests_that_fit_exactly_are_accepted(api: Api) -> None:
    api.submit_ok(GAP_NPROC="64", GAP_PPN="", GAP_NNODE="2")  # 2 nodes x 32 cores: all of debug
    api.submit_ok(GAP_NNODE="", GAP_NODE_STRING="dbg01,dbg02", GAP_WALL_TIME="00:30:00")
    api.submit_ok(GAP_NNODE="", GAP_NODE_STRING="dbg[01-02]", GAP_JOB_MEM="128000MB")
    assert api.jobs()["total"] == 3


def custom(limits: dict[str, int] | None = None, queues: list[str] | None = None) -> Any:
    account: dict[str, Any] = {"region": 1, "limits": limits or {}}
    if queues is not None:
        account["queues"] = queues
    return load_deployment(
        {
            "regions": [
                {
                    "id": 1,
                    "name": "r",
                    "schedulers": [
                        {
                            "id": 7,
                            "name": "c",
                            "queues": [
                                {"name": "q", "nodes": "n[1-2]", "cores_per_node": 4},
                                {"name": "other", "nodes": ["n3"], "cores_per_node": 4},
                            ],
                        }
                    ],
                }
            ],
            "users": [{"name": "u", "access_key": "ak", "secret_key": "sk", "regions": [account]}],
        }
    )


@contextmanager
def custom_api(deployment: Any, clock: Clock) -> Iterator[Api]:
    app = create_app(deployment, clock=clock)
    with sync_client(app) as client:
        yield Api(client, app.state.mock.mint_token(), 7)


def test_submit_limit_refuses_with_the_qos_message(clock: Clock) -> None:
    with custom_api(custom({"max_submit_jobs": 2}), clock) as api:
        api.submit_ok(GAP_QUEUE="q", GAP_WORK_DIR="/public/home/u")
        api.submit_ok(GAP_QUEUE="q", GAP_WORK_DIR="/public/home/u")
        body = api.submit(GAP_QUEUE="q", GAP_WORK_DIR="/public/home/u")
        assert body["code"] == "10001"
        assert "QOSMaxSubmitJobPerUserLimit" in body["msg"]
        assert "Job violates accounting/QOS policy" in body["msg"]
        clock.advance(70)  # both finish; submitting works again
        api.submit_ok(GAP_QUEUE="q", GAP_WORK_DIR="/public/home/u")


def test_queue_outside_the_users_acl_is_refused(clock: Clock) -> None:
    with custom_api(custom(queues=["q"]), clock) as api:
        body = api.submit(GAP_QUEUE="other", GAP_WORK_DIR="/public/home/u")
        assert body["code"] == "10001"
        assert "Invalid account or account/partition combination specified" in body["msg"]
        queues = api.ok("list_user_queues", {"username": "u"}, params={"strJobManagerID": "7"})
        assert [q["queueName"] for q in queues] == ["q"]


def test_jobs_wait_for_resources_and_user_limits(clock: Clock) -> None:
    with custom_api(custom({"max_cpu": 6}), clock) as api:
        kw = {"GAP_QUEUE": "q", "GAP_WORK_DIR": "/public/home/u", "GAP_PPN": "4"}
        a = api.submit_ok(GAP_CMD_FILE="sleep 100", **kw)
        b = api.submit_ok(GAP_CMD_FILE="sleep 100", **kw)  # 8 cores > max_cpu 6: waits
        clock.advance(1)
        assert api.job(a)["jobStatus"] == "statR"
        assert api.job(b)["jobStatus"] == "statQ"
        assert api.job(b)["reason"] == "QOSMaxCpuPerUserLimit"
        clock.advance(100)  # a ends at +101 s; b starts then
        assert api.job(a)["jobStatus"] == "statC"
        assert api.job(b)["jobStatus"] == "statR"
        assert api.job(b)["jobStartTime"] == api.job(a)["jobInitAttr"]["EndTime"].replace("T", " ")
        whole = api.submit_ok(
            GAP_CMD_FILE="sleep 5",
            GAP_QUEUE="q",
            GAP_NNODE="2",
            GAP_PPN="4",
            GAP_WORK_DIR="/public/home/u",
        )
        clock.advance(2)
        assert api.job(whole)["reason"] in ("Resources", "QOSMaxCpuPerUserLimit")


def test_queue_resources_are_shared_first_fit(api: Api, clock: Clock) -> None:
    full = api.submit_ok(GAP_CMD_FILE="sleep 100", GAP_NNODE="2", GAP_PPN="32")
    small = api.submit_ok(GAP_CMD_FILE="sleep 10", GAP_PPN="1")
    clock.advance(2)
    assert api.job(full)["jobStatus"] == "statR"
    assert (api.job(small)["jobStatus"], api.job(small)["reason"]) == ("statQ", "Resources")
    queue = {
        q["queueName"]: q
        for q in api.ok(
            "list_user_queues", {"username": "demo"}, params={"strJobManagerID": "1638523853"}
        )
    }
    assert (queue["debug"]["queFreeNcpus"], queue["debug"]["queFreeNodes"]) == ("0", "0")
    clock.advance(100)
    assert api.job(small)["jobStatus"] == "statR"


def test_walltime_exceeded_ends_in_timeout(api: Api, clock: Clock) -> None:
    job = api.submit_ok(GAP_CMD_FILE="sleep 1200", GAP_WALL_TIME="00:10:00")
    clock.advance(1 + 600)
    detail = api.job(job)
    assert detail["jobStatus"] == "statC"
    assert detail["jobInitAttr"]["JobState"] == "TIMEOUT"
    row = api.history(jobId=job)["list"][0]
    assert row["jobState"] == "statT"
    assert row["jobWalltimeUsed"] == "600.0000"
    err = api.ok(
        "read_file_content",
        data={
            "dirPath": f"/public/home/demo/work/std.err.{job}",
            "triggerNum": "1",
            "rollDirection": "UP",
        },
    )
    assert "DUE TO TIME LIMIT" in err["data"]


def test_nonzero_exit_fails_the_job(api: Api, clock: Clock) -> None:
    job = api.submit_ok(GAP_CMD_FILE="echo started; exit 3")
    clock.advance(10)
    detail = api.job(job)
    assert (detail["jobInitAttr"]["JobState"], detail["jobInitAttr"]["ExitCode"]) == (
        "FAILED",
        "3:0",
    )
    assert detail["reason"] == "NonZeroExitCode"
    row = api.history(jobId=job)["list"][0]
    assert (row["jobState"], row["jobExitStatus"]) == ("statC", 3 << 8)


def test_output_paths_expand_slurm_patterns(api: Api, clock: Clock) -> None:
    # The same expansion as the Slurm engine's: %J of a batch job is the job id (no ".batch"),
    # %A of a job that is not an array is the job id, %s is the batch step's name.
    job = api.submit_ok(
        GAP_CMD_FILE="whoami; pwd",
        GAP_STD_OUT_FILE="out-%u-%x-%j-%J-%A-%s.txt",
        GAP_JOB_NAME="named",
    )
    clock.advance(2)
    detail = api.job(job)
    assert (
        detail["outputPath"] == f"/public/home/demo/work/out-demo-named-{job}-{job}-{job}-batch.txt"
    )
    text = api.ok(
        "read_file_content",
        data={"dirPath": detail["outputPath"], "triggerNum": "1", "rollDirection": "DOWN"},
    )["data"]
    assert text == "demo\n/public/home/demo/work\n"


def test_cancelling_a_running_job_lets_a_waiting_one_start_at_once(api: Api, clock: Clock) -> None:
    full = api.submit_ok(GAP_CMD_FILE="sleep 1000", GAP_NNODE="2", GAP_PPN="32")
    waiting = api.submit_ok(GAP_CMD_FILE="sleep 10", GAP_PPN="1")
    clock.advance(2)
    assert api.job(waiting)["reason"] == "Resources"
    api.cancel("demo", full)  # no clock movement: the freed cores are handed out right away
    assert api.job(waiting)["jobStatus"] == "statR"


def _output(api: Api, job: str, stream: str = "out") -> str:
    text: str = api.ok(
        "read_file_content",
        data={
            "dirPath": f"/public/home/demo/work/std.{stream}.{job}",
            "triggerNum": "1",
            "rollDirection": "DOWN",
        },
    )["data"]
    return text


def test_output_appears_as_the_program_prints_it(api: Api, clock: Clock) -> None:
    # A new user's `sleep 20; echo x` showed `x` while the job was still queued.
    job = api.submit_ok(GAP_CMD_FILE="echo a; sleep 20; echo x >&2; echo y; sleep 5; echo z")
    assert _output(api, job) == ""  # queued (the dispatch delay): no file yet
    clock.advance(1)
    assert api.job(job)["jobStatus"] == "statR"
    assert (_output(api, job), _output(api, job, "err")) == ("a\n", "")
    clock.advance(19)
    assert (_output(api, job), _output(api, job, "err")) == ("a\n", "")  # 19 s of 20 slept
    clock.advance(1)
    assert (_output(api, job), _output(api, job, "err")) == ("a\ny\n", "x\n")
    clock.advance(4)
    assert _output(api, job) == "a\ny\n"
    clock.advance(1)
    assert _output(api, job) == "a\ny\nz\n"
    assert api.job(job)["jobInitAttr"]["JobState"] == "COMPLETED"


def test_output_after_the_time_limit_is_never_printed(api: Api, clock: Clock) -> None:
    job = api.submit_ok(GAP_CMD_FILE="echo a; sleep 1200; echo late", GAP_WALL_TIME="00:10:00")
    clock.advance(1 + 600)
    assert api.job(job)["jobInitAttr"]["JobState"] == "TIMEOUT"
    clock.advance(600)  # past the time the program would have printed "late"
    assert _output(api, job) == "a\n"
