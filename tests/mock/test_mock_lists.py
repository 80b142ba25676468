"""Lists, details, cancel, file pages and statistics: filters, paging, sort, the 5-minute window,
and numbers that agree with each other."""

from __future__ import annotations

from typing import Any

import pytest

from scnet_hpc.mock import Clock

from .mock_contract import Api

SCHED = "1638523853"


def finished_job(api: Api, clock: Clock, **overrides: str) -> str:
    job = api.submit_ok(GAP_CMD_FILE="sleep 10", **overrides)
    clock.advance(11)
    return job


def test_finished_job_stays_five_minutes_in_realtime_then_only_in_history(
    api: Api, clock: Clock
) -> None:
    job = api.submit_ok(GAP_CMD_FILE="sleep 10")
    clock.advance(11)  # started at +1 s, ended at +11 s
    assert api.job(job)["jobStatus"] == "statC"
    clock.advance(299)
    assert [j["jobId"] for j in api.jobs()["list"]] == [job]
    clock.advance(1)  # 300 s after its end
    assert api.jobs() == {"total": 0, "list": []}
    assert api.job(job) is None  # live: unknown -> code "0", data null
    assert [r["jobId"] for r in api.history()["list"]] == [job]


def test_unknown_job_detail_is_code_0_with_null(api: Api) -> None:
    assert api.call("get_job", {"jobId": "999999"}) == {"code": "0", "msg": "success", "data": None}


def test_realtime_paging_and_newest_first(api: Api) -> None:
    ids = [api.submit_ok() for _ in range(7)]
    page = api.jobs(start=0, limit=3)
    assert page["total"] == 7
    assert [j["jobId"] for j in page["list"]] == ids[::-1][:3]
    assert [j["jobId"] for j in api.jobs(start=6, limit=3)["list"]] == [ids[0]]
    assert api.jobs(start=100, limit=3) == {"total": 7, "list": []}
    assert api.jobs(limit=0)["list"] == []
    assert len(api.jobs()["list"]) == 7


def test_realtime_filters(api: Api, clock: Clock) -> None:
    a = api.submit_ok(GAP_JOB_NAME="alpha-run", GAP_CMD_FILE="sleep 100")
    b = api.submit_ok(GAP_JOB_NAME="beta-run", GAP_QUEUE="normal", GAP_CMD_FILE="sleep 100")
    clock.advance(2)
    c = api.submit_ok(GAP_JOB_NAME="gamma")  # still queued

    def ids(**params: Any) -> set[str]:
        return {j["jobId"] for j in api.jobs(**params)["list"]}

    assert ids(strJobId=a) == {a}
    assert ids(strJobName="run") == {a, b}
    assert ids(strQueueName="normal") == {b}
    assert ids(strJobStat="statR") == {a, b}
    assert ids(strJobStat="statQ") == {c}
    assert ids(strJobOwner="demo") == {a, b, c}
    assert ids(strJobOwner="someone") == set()
    assert ids(strJobName="run", strQueueName="debug") == {a}


def test_history_paging_sort_and_filters(api: Api, clock: Clock) -> None:
    done = [finished_job(api, clock, GAP_JOB_NAME=f"job{i}") for i in range(5)]
    pending = api.submit_ok(GAP_CMD_FILE="sleep 100", GAP_QUEUE="normal", GAP_JOB_NAME="x")
    api.cancel("demo", pending)
    every = [*done, pending]

    assert api.history()["total"] == 6
    asc = api.history(orderBy="jobId", sort="ASC")["list"]
    assert [r["jobId"] for r in asc] == every
    desc = api.history(orderBy="jobId", sort="DESC", start=1, limit=2)
    assert desc["total"] == 6
    assert [r["jobId"] for r in desc["list"]] == every[::-1][1:3]
    assert [r["jobId"] for r in api.history(jobState="statD")["list"]] == [pending]
    assert [r["jobId"] for r in api.history(queue="normal")["list"]] == [pending]
    assert [r["jobId"] for r in api.history(jobName="job3")["list"]] == [done[3]]
    assert api.history(strUser="demo")["total"] == 6
    assert api.history(strUser="nobody")["total"] == 0
    assert api.history(hostName="dbg01")["total"] == 5
    assert api.history(appType="BASE")["total"] == 6
    # the window applies to end time, or to queue time with isQueryByQueueTime=true
    end = api.history(jobId=done[0])["list"][0]["jobEndTime"]
    queued = api.history(jobId=done[0])["list"][0]["jobQueueTime"]
    assert api.history(jobId=done[0], endTime=queued)["total"] == 0
    assert api.history(jobId=done[0], startTime=end, endTime=end)["total"] == 1
    assert api.history(jobId=done[0], endTime=queued, isQueryByQueueTime="true")["total"] == 1


@pytest.mark.parametrize(
    "params",
    [
        {"orderBy": "noSuchField"},
        {"startTime": "2030-01-01 00:00:00", "endTime": "2020-01-01 00:00:00"},
        {"startTime": "2024-02-30 00:00:00"},
        {"sort": "UP"},
        {"timeType": "LAST_WEEK"},
        {"start": -1},
        {"limit": 2**31},
        {"isQueryByQueueTime": "maybe"},
        {"strClusterNameList": "1615443225"},
    ],
)
def test_history_refuses_bad_parameters(api: Api, params: dict[str, Any]) -> None:
    query = {
        "strClusterNameList": SCHED,
        "startTime": "2000-01-01 00:00:00",
        "endTime": "2099-01-01 00:00:00",
        "timeType": "CUSTOM",
        "start": 0,
        "limit": 10,
        "isQueryByQueueTime": "false",
        **params,
    }
    assert api.call("list_history_jobs", params=query)["code"] == "10004"


def test_history_detail_with_and_without_acct_time(api: Api, clock: Clock) -> None:
    job = finished_job(api, clock)
    row = api.history(jobId=job)["list"][0]
    path = {"jobmanagerId": SCHED, "jobId": job}
    detail = api.ok("get_history_job", path, params={"acctTime": row["acctTime"]})
    assert detail["jobId"] == job
    assert detail["acctTime"] == row["acctTime"]
    assert detail["jobState"] == "statC"
    assert detail["jobWalltimeUsed"] == 10
    assert api.ok("get_history_job", path) == detail
    assert api.ok("get_history_job", path, params={"acctTime": "2001-01-01 00:00:00"}) is None
    assert api.call("get_history_job", path, params={"acctTime": "yesterday"})["code"] == "10004"
    assert api.ok("get_history_job", {"jobmanagerId": SCHED, "jobId": "424242"}) is None
    other = {"jobmanagerId": "1615443225", "jobId": job}
    assert api.call("get_history_job", other)["code"] == "10004"


def test_cancel_several_jobs_answers_per_scheduler(api: Api, clock: Clock) -> None:
    a, b, c = (api.submit_ok(GAP_CMD_FILE="sleep 1000") for _ in range(3))
    clock.advance(2)
    body = api.cancel("demo", a, b, c)
    jobs = f"demo:{a}:demo:{b}:demo:{c}:"
    assert body["data"] == {
        SCHED: f"jobManagerId : {SCHED}, delete the jobs [{jobs}] successfully!"
    }
    states = {r["jobId"]: r["jobState"] for r in api.history()["list"]}
    assert states == {a: "statD", b: "statD", c: "statD"}
    assert {j["jobInitAttr"]["JobState"] for j in api.jobs()["list"]} == {"CANCELLED"}


def test_cancel_failures_are_reported_in_the_message(api: Api, clock: Clock) -> None:
    done = finished_job(api, clock)
    live = api.submit_ok(GAP_CMD_FILE="sleep 1000")
    info = f"{SCHED},demo:{live}:;{SCHED},demo:{done}:;{SCHED},demo:777777:;{SCHED},bob:{live}:"
    body = api.call("cancel_jobs", data={"jobMethod": "5", "strJobInfoMap": info})
    message = body["data"][SCHED]
    assert body["code"] == "0"  # live: "0" does not prove the jobs are gone
    assert f"delete the jobs [demo:{live}:] successfully!" in message
    assert f"[demo:{done}:demo:777777:bob:{live}:] failed!" in message
    assert "Job/step already completing or completed" in message
    assert "Invalid job id specified" in message
    assert "Access/permission denied" in message


def test_cancelled_pending_job_never_ran(api: Api, clock: Clock) -> None:
    job = api.submit_ok()
    api.cancel("demo", job)
    row = api.history(jobId=job)["list"][0]
    assert (row["jobState"], row["jobWalltimeUsed"]) == ("statD", "0.0000")
    assert row["jobStartTime"] == row["jobEndTime"]


@pytest.mark.parametrize(
    ("info", "code"),
    [
        ("1615443225,demo:1:", "10004"),  # a scheduler of another region
        ("garbage", "10004"),
        ("", "10004"),
    ],
)
def test_cancel_refuses_malformed_maps(api: Api, info: str, code: str) -> None:
    assert api.call("cancel_jobs", data={"jobMethod": "5", "strJobInfoMap": info})["code"] == code


def test_cancel_needs_both_fields(api: Api) -> None:
    assert api.call("cancel_jobs", data={"jobMethod": "5"})["code"] == "10003"
    assert (
        api.call("cancel_jobs", data={"jobMethod": "6", "strJobInfoMap": "1,a:1:"})["code"]
        == "10004"
    )
    assert api.call("cancel_jobs")["code"] == "10003"


def test_cancel_fields_in_the_query_string_are_accepted(api: Api) -> None:
    job = api.submit_ok()
    body = api.call(
        "cancel_jobs", params={"jobMethod": "5", "strJobInfoMap": f"{SCHED},demo:{job}:"}
    )
    assert "successfully" in body["data"][SCHED]


def test_file_content_pages_of_1000_lines(api: Api, clock: Clock) -> None:
    job = api.submit_ok(GAP_CMD_FILE="seq 2500")
    clock.advance(2)
    path = f"/public/home/demo/work/std.out.{job}"

    def read(page: int, direction: str) -> dict[str, Any]:
        data: dict[str, Any] = api.ok(
            "read_file_content",
            data={
                "dirPath": path,
                "triggerNum": str(page),
                "rollDirection": direction,
                "hostName": "",
            },
        )
        return data

    first = read(1, "DOWN")
    assert (first["allLineTotal"], first["totalTriggerTimes"], first["success"]) == (
        2500,
        3,
        "true",
    )
    assert first["data"].splitlines() == [str(i) for i in range(1, 1001)]
    assert read(3, "DOWN")["data"].splitlines() == [str(i) for i in range(2001, 2501)]
    assert read(1, "UP")["data"].splitlines() == [str(i) for i in range(1501, 2501)]
    assert read(3, "UP")["data"].splitlines() == [str(i) for i in range(1, 501)]
    assert read(4, "DOWN")["data"] == ""
    missing = api.ok(
        "read_file_content", data={"dirPath": "/nope", "triggerNum": "1", "rollDirection": "UP"}
    )
    assert (missing["data"], missing["allLineTotal"], missing["totalTriggerTimes"]) == ("", 0, 0)
    bad = api.call(
        "read_file_content", data={"dirPath": path, "triggerNum": "0", "rollDirection": "UP"}
    )
    assert bad["code"] == "10004"


def test_statistics_agree_with_the_jobs(api: Api, clock: Clock) -> None:
    assert api.ok("get_queue_job_stats", params={"userName": "demo"}) is None
    assert api.ok("get_used_walltime", {"username": "demo"}) == 0
    finished_job(api, clock, GAP_PPN="4")  # 10 s x 4 cores
    running = api.submit_ok(GAP_CMD_FILE="sleep 1000", GAP_QUEUE="normal", GAP_PPN="2")
    clock.advance(2)
    api.submit_ok(GAP_CMD_FILE="sleep 1000", GAP_QUEUE="normal")  # queued
    states = {s["name"]: s["y"] for s in api.ok("get_job_state_stats", params={"userName": "demo"})}
    assert states == {
        "jobview_status_run": 1,
        "jobview_status_queue": 1,
        "jobview_status_reserve": 0,
        "jobview_status_hung": 0,
        "jobview_status_other": 1,
    }
    assert sum(states.values()) == api.jobs()["total"]
    per_queue = api.ok("get_queue_job_stats", params={"userName": "demo"})
    assert per_queue == [
        {
            "name": "normal",
            "values": [
                {"metricName": "R", "metricValue": 1},
                {"metricName": "Q", "metricValue": 1},
            ],
        }
    ]
    assert api.ok("get_used_walltime", {"username": "demo"}) == 40
    limits = api.ok("get_user_limits", params={"strJobManagerID": SCHED})
    assert limits["maxWallTime"] == 360000000 - 40
    assert (limits["userMaxCpu"], limits["userMaxSubmitJob"], limits["userMaxNode"]) == (
        256,
        1000,
        -1,
    )
    queues = api.ok("list_user_queues", {"username": "demo"}, params={"strJobManagerID": SCHED})
    normal = next(q for q in queues if q["queueName"] == "normal")
    assert (normal["queFreeNcpus"], normal["queFreeNodes"]) == ("254", "3")
    details = api.ok("list_queue_details", params={"strJobManagerID": SCHED})
    assert {d["queueName"]: d["queMaxPPN"] for d in details} == {"debug": "32", "normal": "64"}
    quota = api.ok("get_storage_quota", {"username": "demo"})
    assert quota[0]["threshold"] == 300
    assert quota[0]["usage"] >= 61.6
    api.cancel("demo", running)


@pytest.mark.parametrize(
    ("operation", "path", "params"),
    [
        ("list_user_queues", {"username": "bob"}, {"strJobManagerID": SCHED}),
        ("get_job_state_stats", None, {"userName": "bob"}),
        ("get_queue_job_stats", None, {"userName": "bob"}),
        ("get_used_walltime", {"username": "bob"}, None),
        ("get_storage_quota", {"username": "bob"}, None),
    ],
)
def test_other_users_data_is_10009(
    api: Api, operation: str, path: dict[str, str] | None, params: dict[str, str] | None
) -> None:
    assert api.call(operation, path, params=params)["code"] == "10009"


@pytest.mark.parametrize("operation", ["list_user_queues", "list_queue_details", "get_user_limits"])
def test_unknown_scheduler_is_10004(api: Api, operation: str) -> None:
    path = {"username": "demo"} if operation == "list_user_queues" else None
    assert api.call(operation, path, params={"strJobManagerID": "42"})["code"] == "10004"
