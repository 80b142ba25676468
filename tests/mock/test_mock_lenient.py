"""The mock takes every request form the live service is known to take (issue 13).

The live service is a Java/Spring backend: Jackson reads a digit string into a ``Long`` and turns
JSON scalars into strings in a string map; Spring binds query and form parameters alike. Public
clients rely on each of these, so a mock that refused them would send their users chasing bugs
that are not there. Each test names the public source of the form it sends.
"""

from __future__ import annotations

from typing import Any

import pytest

from scnet_hpc.mock.app.leniency import jackson_text

from .mock_contract import Api, job_info

TEMPLATE = {"apptype": "BASIC", "appname": "BASE"}


def _submit(api: Api, manager_id: Any, info: dict[str, Any]) -> dict[str, Any]:
    return api.call(
        "submit_job", TEMPLATE, json={"strJobManagerID": manager_id, "mapAppJobInfo": info}
    )


def test_submit_takes_the_scheduler_id_as_a_string_of_digits(api: Api) -> None:
    # lql341/scnet-hpc scripts/scnet_sdk/client.py, wiltonMotta/scnet-chat scripts/job.py and
    # others send `"strJobManagerID": "1768486376"`; the live service accepts it.
    body = _submit(api, str(api.scheduler_id), job_info())
    assert body["code"] == "0", body
    assert api.job(body["data"])["jobName"] == "testjob"


@pytest.mark.parametrize("bad", ["12a", "", " 1", "1.5", "-1", True, [1], {"id": 1}, None])
def test_submit_still_refuses_a_scheduler_id_that_is_not_digits(api: Api, bad: Any) -> None:
    body = _submit(api, bad, job_info())
    assert body["code"] in ("10003", "10004"), body
    assert "strJobManagerID" in body["msg"]


def test_submit_takes_job_info_numbers_and_booleans_as_their_text(api: Api) -> None:
    # The web console's own payload sends `"GAP_NNODE": 1` and `"advance": false`; Jackson
    # turns scalars into strings in the Map<String, String>.
    info: dict[str, Any] = {**job_info(), "GAP_NNODE": 1, "GAP_PPN": 2, "advance": False}
    body = _submit(api, api.scheduler_id, info)
    assert body["code"] == "0", body
    detail = api.job(body["data"])
    assert detail["jobInitAttr"]["NumNodes"] == 1
    assert detail["jobInitAttr"]["NumCPUs"] == 2


def test_a_float_job_info_value_becomes_its_java_text(api: Api) -> None:
    info: dict[str, Any] = {**job_info(), "GAP_NNODE": 1.0}
    body = _submit(api, api.scheduler_id, info)
    # Jackson writes a double as "1.0": not a whole number of nodes, so the mock says which.
    assert body["code"] == "10004", body
    assert "GAP_NNODE" in body["msg"]
    assert "1.0" in body["msg"]


@pytest.mark.parametrize("bad", [{"n": 1}, [1], None])
def test_job_info_objects_arrays_and_null_are_still_refused(api: Api, bad: Any) -> None:
    body = _submit(api, api.scheduler_id, {**job_info(), "GAP_NNODE": bad})
    assert body["code"] == "10004", body
    assert "GAP_NNODE" in body["msg"]


def test_cancel_takes_its_fields_in_the_query_string_with_no_body(api: Api) -> None:
    # api2mcp instruct/hpc/cancel_job.md and others pass jobMethod/strJobInfoMap as params.
    job_id = api.submit_ok()
    info = f"{api.scheduler_id},demo:{job_id}:"
    body = api.call("cancel_jobs", params={"jobMethod": "5", "strJobInfoMap": info})
    assert body["code"] == "0", body
    assert "successfully" in body["data"][str(api.scheduler_id)]


def test_cancel_query_fields_are_validated_like_the_form(api: Api) -> None:
    body = api.call("cancel_jobs", params={"jobMethod": "9", "strJobInfoMap": "x"})
    assert body["code"] == "10004", body


@pytest.mark.parametrize(
    ("value", "text"), [(1, "1"), (0, "0"), (True, "true"), (False, "false"), (1.0, "1.0"),
                        (2.5, "2.5"), ("x", "x"), (None, None)],
)  # fmt: skip
def test_jackson_text_is_what_a_string_map_stores(value: Any, text: Any) -> None:
    assert jackson_text(value) == text


BILLING = {
    "cpuNuclearHour": str, "cpuNuclearSec": str, "cpuUnitPrice": int, "gpuCardHour": str,
    "gpuCardSec": str, "gpuUnitPrice": int, "dcuCardHour": str, "dcuCardSec": str,
    "dcuUnitPrice": int, "efficiencyCpu": str, "goldenable": str, "historyQueuerate": str,
    "shareCputime": int, "shareMem": int, "shareWalltime": int, "exclusiveCputime": int,
    "exclusiveMem": int, "exclusiveWalltime": int, "scale": str, "startCount": str,
}  # fmt: skip


@pytest.mark.parametrize("exclusive", ["", "1"])
def test_history_detail_carries_plausible_billing(api: Api, clock: Any, exclusive: str) -> None:
    job_id = api.submit_ok(GAP_CMD_FILE="sleep 100", GAP_PPN="2", GAP_EXCLUSIVE=exclusive)
    clock.advance(400)
    row = next(r for r in api.history()["list"] if r["jobId"] == job_id)
    detail = api.ok("get_history_job", {"jobmanagerId": row["jobmanagerId"], "jobId": job_id})
    assert {k: type(detail[k]) for k in BILLING} == BILLING
    core_seconds = (
        int(float(row["jobWalltimeUsed"])) * detail["jobProcNum"]
    )  # whole nodes if exclusive
    assert detail["cpuNuclearSec"] == str(core_seconds)
    assert detail["cpuNuclearHour"] == f"{core_seconds / 3600:.4f}"
    holder, other = ("exclusive", "share") if exclusive else ("share", "exclusive")
    assert detail[holder + "Cputime"] == core_seconds
    assert detail[other + "Cputime"] == 0
    assert detail["historyQueuerate"] == "1.0"  # the debug queue's charge rate


def test_cancel_with_neither_body_nor_query_names_what_is_missing(api: Api) -> None:
    body = api.call("cancel_jobs")
    assert body["code"] == "10003", body
    assert "jobMethod" in body["msg"] or "strJobInfoMap" in body["msg"]


@pytest.mark.parametrize("page", [2147483648.0, 2**31, 0, -1, "0", "x", 1.5])
def test_platform_list_paging_outside_int32_or_below_one_is_refused(
    api: Api, mock: Any, page: Any
) -> None:
    body = api.call(
        "list_platform_history_jobs", token=mock.mint_token(platform=True), json={"page": page}
    )
    assert body["code"] == "10004", body
