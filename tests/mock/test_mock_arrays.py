"""Job arrays in the simulated engine, through HTTP: what Slurm makes of ``--array=0-(N-1)``
(``tests/slurm/test_job_arrays.py`` runs one spec against both engines; this pins the details
that need the frozen clock: task ids and numbers, the grouped pending row, limits, cancel)."""

from __future__ import annotations

from typing import Any

from scnet_hpc.mock import Clock
from scnet_hpc.mock.engines.simulated.engine import MAX_ARRAY_SIZE

from .mock_contract import Api


def rows(api: Api) -> dict[str, dict[str, Any]]:
    return {r["jobId"]: r for r in api.jobs()["list"]}


def test_pending_tasks_are_one_row_until_each_starts(api: Api, clock: Clock) -> None:
    # the default deployment's debug queue: 2 nodes x 32 cores; 3 tasks of a whole node each
    array_id = api.submit_ok(GAP_MULTI_SUB="3", GAP_PPN="32", GAP_CMD_FILE="sleep 60")
    assert list(rows(api)) == [f"{array_id}_[0-2]"]
    grouped = api.job(array_id)
    assert grouped["jobId"] == f"{array_id}_[0-2]"
    assert api.job(f"{array_id}_2")["jobId"] == f"{array_id}_2"  # a pending task by its id

    clock.advance(2)  # two tasks start, the third waits for a node
    listed = rows(api)
    assert sorted(listed) == [f"{array_id}_0", f"{array_id}_1", f"{array_id}_2"]
    assert [listed[f"{array_id}_{n}"]["jobStatus"] for n in range(3)] == [
        "statR",
        "statR",
        "statQ",
    ]
    assert api.job(array_id)["jobId"] == f"{array_id}_0"  # an unfinished task

    clock.advance(60)  # 0 and 1 end, 2 starts
    assert api.job(array_id)["jobId"] == f"{array_id}_2"
    clock.advance(60)
    history = {h["jobId"]: h for h in api.history()["list"]}
    assert sorted(history) == [f"{array_id}_{n}" for n in range(3)]
    assert {h["jobState"] for h in history.values()} == {"statC"}
    # history detail: each task by its own id; the array's id alone names no history row
    assert api.ok("get_history_job", {"jobmanagerId": api.scheduler_id, "jobId": array_id}) is None


def test_task_numbers_and_output_patterns_are_slurms(api: Api, clock: Clock) -> None:
    before = api.submit_ok()
    array_id = api.submit_ok(
        GAP_MULTI_SUB="3",
        GAP_CMD_FILE="echo $SLURM_JOB_ID ${SLURM_ARRAY_JOB_ID} $SLURM_ARRAY_TASK_ID",
        GAP_STD_OUT_FILE="/public/home/demo/o-%A-%a-%j.out",
    )
    after = api.submit_ok()
    a = int(array_id)
    # the array reserves one id per task; the last task keeps the array's own id, as in Slurm
    assert (int(before), int(after)) == (a - 1, a + 3)
    clock.advance(5)
    own = {0: a + 1, 1: a + 2, 2: a}
    for n, number in own.items():
        detail = api.job(f"{array_id}_{n}")
        path = f"/public/home/demo/o-{a}-{n}-{number}.out"
        assert detail["jobInitAttr"]["StdOut"] == path
        assert api.ok("read_file_content", data={"dirPath": path, "triggerNum": "1",
                                                 "rollDirection": "DOWN", "hostName": ""})[
            "data"
        ] == f"{number} {a} {n}\n"  # fmt: skip


def test_limits_count_every_task(clock: Clock) -> None:
    from scnet_hpc.mock import create_app
    from scnet_hpc.mock.testing import sync_client

    from .mock_contract import one_region_deployment

    user = {
        "name": "u",
        "access_key": "ak",
        "secret_key": "sk",
        "regions": [{"region": 1, "limits": {"max_submit_jobs": 4}}],
    }
    app = create_app(one_region_deployment([user]), clock=clock)
    with sync_client(app) as http:
        mock = app.state.mock
        api = Api(http, mock.mint_token(), mock.scheduler_id)
        base = {"GAP_QUEUE": "q", "GAP_WORK_DIR": "/home/u"}
        body = api.submit(GAP_MULTI_SUB="5", **base)
        assert body["code"] == "10001"
        assert "QOSMaxSubmitJobPerUserLimit" in body["msg"]
        assert api.submit(GAP_MULTI_SUB="4", **base)["code"] == "0"
        assert api.submit(**base)["code"] == "10001"


def test_too_many_tasks_is_sbatchs_refusal(api: Api) -> None:
    body = api.submit(GAP_MULTI_SUB=str(MAX_ARRAY_SIZE + 1))
    assert body["code"] == "10001"
    assert "Invalid job array specification" in body["msg"]
    assert api.jobs()["total"] == 0
    assert api.submit(GAP_MULTI_SUB="1")["data"].isdigit()  # 1: a plain job


def test_cancel_a_task_or_the_grouped_pending_tasks(api: Api, clock: Clock) -> None:
    array_id = api.submit_ok(GAP_MULTI_SUB="4", GAP_PPN="32")
    clock.advance(2)  # 0 and 1 run, 2 and 3 are pending as A_[2-3]
    assert f"{array_id}_[2-3]" in rows(api)
    answer = api.cancel("demo", f"{array_id}_1", f"{array_id}_[2-3]")["data"]
    assert "successfully" in answer[str(api.scheduler_id)]
    listed = rows(api)
    assert listed[f"{array_id}_0"]["jobStatus"] == "statR"
    for n in (1, 2, 3):
        assert listed[f"{array_id}_{n}"]["jobInitAttr"]["JobState"] == "CANCELLED"
    answer = api.cancel("demo", array_id)["data"]
    assert "successfully" in answer[str(api.scheduler_id)]
    assert rows(api)[f"{array_id}_0"]["jobInitAttr"]["JobState"] == "CANCELLED"
    again = api.cancel("demo", array_id)["data"][str(api.scheduler_id)]
    assert "already completing or completed" in again
