"""The documented endpoints the mock lacked (issue 13): core statistics, the platform user, groups
and their members' jobs, the password sign-in, and the platform's cross-region job lists."""

from __future__ import annotations

from typing import Any

import pytest

from .mock_contract import Api, job_info

WUHAN = 20078
GROUP = 533686286955839488
PASSWORD = {"user": "demo", "password": "demo-password", "orgId": "demo-org-id"}


def _query(**body: Any) -> dict[str, Any]:
    return {"page": 1, "size": 10, "clusterId": "", "startTime": "", "endTime": "", **body}


@pytest.fixture
def platform(mock: Any) -> str:
    token: str = mock.mint_token(platform=True)
    return token


def _submit_in_wuhan(api: Api, mock: Any) -> str:
    body = api.call(
        "submit_job",
        {"apptype": "BASIC", "appname": "BASE"},
        token=mock.mint_token(region_id=WUHAN),
        prefix=f"/regions/{WUHAN}",
        json={
            "strJobManagerID": 1615443225,
            "mapAppJobInfo": job_info(GAP_QUEUE="wuhan_normal", GAP_WORK_DIR="/work/home/demo/w"),
        },
    )
    assert body["code"] == "0", body
    job_id: str = body["data"]
    return job_id


# ------------------------------------------------------------------ cores


def test_core_state_counts_the_cores_jobs_really_use(api: Api, clock: Any) -> None:
    before = {c["name"]: c["y"] for c in api.ok("get_core_state_stats")}
    assert before == {
        "jobview_used_label": 0,
        "jobview_unused_label": 2 * 32 + 4 * 64,  # debug dbg[01-02] and normal node[01-04]
        "jobview_unavailable_label": 0,
    }
    api.submit_ok(GAP_PPN="3", GAP_CMD_FILE="sleep 100")
    clock.advance(5)
    after = {c["name"]: c["y"] for c in api.ok("get_core_state_stats")}
    assert after["jobview_used_label"] == 3
    assert after["jobview_unused_label"] == before["jobview_unused_label"] - 3


# ------------------------------------------------------------------ user and groups


def test_get_user_names_the_user_and_the_tokens_region(api: Api, mock: Any, platform: str) -> None:
    user = api.ok("get_user")  # a region token, as on the vendor page
    assert user["userName"] == "demo"
    assert user["fullName"] == "Demo User"
    assert user["computerCenter"] == mock.deployment.region(mock.region_id).name
    wuhan = api.ok("get_user", token=mock.mint_token(region_id=WUHAN))
    assert wuhan["computerCenter"] == mock.deployment.region(WUHAN).name
    assert api.ok("get_user", token=platform)["userName"] == "demo"


def test_a_group_manager_sees_every_member_in_every_region(api: Api, mock: Any) -> None:
    rows = api.ok("list_group_members", token=mock.mint_token(platform=True))
    assert {(r["userName"], r["clusterId"], r["clusterUserName"]) for r in rows} == {
        ("demo", 11250, "demo"),
        ("demo", WUHAN, "demo"),
        ("colleague", 11250, "colleague"),
    }
    assert {r["groupId"] for r in rows} == {GROUP}
    assert api.ok("list_group_members", token=mock.mint_token("colleague")) == []


def test_a_manager_lists_a_members_jobs_and_a_member_only_their_own(api: Api, mock: Any) -> None:
    colleague = Api(api.client, mock.mint_token("colleague"), api.scheduler_id)
    job_id = colleague.submit_ok(GAP_WORK_DIR="/public/home/colleague/w")
    path = {"clusterId": 11250, "groupId": GROUP, "clusterUserName": "colleague"}
    jobs = api.ok("list_member_jobs", path)
    assert [(j["id"], j["status"], j["procNumReq"]) for j in jobs] == [(job_id, "statQ", 1)]
    assert colleague.ok("list_member_jobs", path)[0]["id"] == job_id
    theirs = colleague.call("list_member_jobs", {**path, "clusterUserName": "demo"})
    assert theirs["code"] == "10009"
    wrong_group = api.call("list_member_jobs", {**path, "groupId": 1})
    assert wrong_group["code"] == "10009"
    stranger = api.call("list_member_jobs", {**path, "clusterUserName": "nobody"})
    assert stranger["code"] == "10004"


# ------------------------------------------------------------------ password sign-in


def test_password_sign_in_gives_the_same_tokens_as_ak_sk(api: Api, mock: Any) -> None:
    tokens = api.ok("issue_tokens_password", token=False, headers=PASSWORD)
    assert [t["clusterId"] for t in tokens] == ["11250", str(WUHAN), "0"]
    api.token = tokens[0]["token"]
    assert api.ok("get_center")["clusterUserInfo"]["userName"] == "demo"


@pytest.mark.parametrize(
    "wrong",
    [{"password": "nope"}, {"orgId": "other-org"}, {"user": "colleague", "password": ""},
     {"user": "colleague"}, {"user": "nobody"}, {"password": "démo".encode()}],
)  # fmt: skip
def test_password_sign_in_refuses_a_wrong_user_password_or_org(api: Api, wrong: Any) -> None:
    body = api.call("issue_tokens_password", token=False, headers={**PASSWORD, **wrong})
    assert body["code"] in ("10009", "10004"), body
    assert body["data"] is None


# ------------------------------------------------------------------ platform job lists


def test_the_platform_list_gathers_every_region(
    api: Api, mock: Any, clock: Any, platform: str
) -> None:
    here = api.submit_ok(GAP_CMD_FILE="sleep 100")
    there = _submit_in_wuhan(api, mock)
    clock.advance(5)
    page = api.ok("list_platform_jobs", token=platform, json=_query())
    assert page["total"] == 2
    assert page["pages"] == 1
    rows = {r["jobId"]: r for r in page["records"]}
    assert rows[here]["clusterId"] == 11250
    assert rows[there]["clusterId"] == WUHAN
    assert rows[there]["jobManagerId"] == "1615443225"  # a string on this list
    assert rows[here]["jobState"] == "statR"
    assert "initContentAttr" not in rows[here]
    for region in (WUHAN, str(WUHAN)):  # Jackson takes the id as a number too
        only = api.ok("list_platform_jobs", token=platform, json=_query(clusterId=region))
        assert [r["jobId"] for r in only["records"]] == [there]


def test_the_platform_list_pages_filters_and_shows_all_data(
    api: Api, clock: Any, platform: str
) -> None:
    ids = [api.submit_ok(GAP_CMD_FILE="sleep 100") for _ in range(3)]
    clock.advance(5)
    first = api.ok("list_platform_jobs", token=platform, json=_query(size=2))
    second = api.ok("list_platform_jobs", token=platform, json=_query(page="2", size=2))
    assert (first["total"], first["pages"]) == (3, 2)
    assert [r["jobId"] for r in first["records"] + second["records"]] == ids[::-1]
    full = api.ok("list_platform_jobs", token=platform, json=_query(showAllData=True))
    row = full["records"][0]
    assert (row["id"], row["status"], row["cpuCore"]) == (ids[-1], "statR", 1)
    assert '"JobState":"RUNNING"' in row["initContentAttr"]  # a JSON string, as live
    none = api.ok("list_platform_jobs", token=platform, json=_query(jobState="statQ"))
    assert none["total"] == 0


def test_show_group_jobs_adds_the_members_jobs(api: Api, mock: Any, platform: str) -> None:
    colleague = Api(api.client, mock.mint_token("colleague"), api.scheduler_id)
    theirs = colleague.submit_ok(GAP_WORK_DIR="/public/home/colleague/w")
    mine = api.submit_ok()
    alone = api.ok("list_platform_jobs", token=platform, json=_query())
    assert [r["jobId"] for r in alone["records"]] == [mine]
    group = api.ok("list_platform_jobs", token=platform, json=_query(showGroupJobs=True))
    assert {r["jobId"] for r in group["records"]} == {mine, theirs}
    own = colleague.ok(
        "list_platform_jobs", token=mock.mint_token("colleague", platform=True),
        json=_query(showGroupJobs=True),
    )  # fmt: skip
    assert [r["jobId"] for r in own["records"]] == [theirs]  # not a manager: own jobs only


def test_the_platform_history_list_carries_accounting_records(
    api: Api, mock: Any, clock: Any, platform: str
) -> None:
    job_id = api.submit_ok(GAP_CMD_FILE="sleep 60")
    there = _submit_in_wuhan(api, mock)
    clock.advance(400)
    page = api.ok("list_platform_history_jobs", token=platform, json=_query())
    rows = {r["jobId"]: r for r in page["records"]}
    assert set(rows) == {job_id, there}
    row = rows[job_id]
    assert (row["clusterId"], row["clusterUserName"], row["jobState"]) == (11250, "demo", "statC")
    assert row["acctTime"].endswith(".000+0000")  # ISO in UTC on this list
    assert row["cpuNuclearSec"] == "60"
    old = api.ok(
        "list_platform_history_jobs", token=platform,
        json=_query(startTime="2000-01-01 00:00:00", endTime="2000-01-02 00:00:00"),
    )  # fmt: skip
    assert old["total"] == 0
    bad = api.call(
        "list_platform_history_jobs", token=platform,
        json=_query(startTime="2000-01-02 00:00:00", endTime="2000-01-01 00:00:00"),
    )  # fmt: skip
    assert bad["code"] == "10004"
