"""The endpoints issue 13 added, with the vendor's (or live clients') names and types."""

from __future__ import annotations

import pytest

from .spec_doc import SPEC, operation, resolve

ENDPOINTS = [
    ("get_core_state_stats", "get", "/hpc/openapi/v2/view/cpucore/state"),
    ("get_user", "get", "/ac/openapi/v2/user"),
    ("list_group_members", "get", "/ac/openapi/v2/groupmembers"),
    ("list_member_jobs", "get",
     "/ac/openapi/v2/clusters/{clusterId}/groups/{groupId}/clusterUserNames/{clusterUserName}/jobs"),
    ("issue_tokens_password", "post", "/ac/openapi/v2/tokens"),
    ("list_platform_jobs", "post", "/ac/openapi/v2/jobs/monitor/page-list"),
    ("list_platform_history_jobs", "post", "/ac/openapi/v2/jobs/history/page-list"),
]  # fmt: skip


def _schema(name: str) -> dict:  # type: ignore[type-arg]
    return SPEC["components"]["schemas"][name]  # type: ignore[no-any-return]


@pytest.mark.parametrize(("operation_id", "method", "path"), ENDPOINTS)
def test_the_endpoint_is_where_the_vendor_or_its_clients_put_it(
    operation_id: str, method: str, path: str
) -> None:
    assert operation(operation_id)[:2] == (path, method)


def test_user_info_has_the_vendor_tables_members_as_strings() -> None:
    props = _schema("UserInfo")["properties"]
    vendor = {"country", "timeZone", "language", "userName", "fullName", "address",
              "accountStatus", "accountName", "accountBalance", "computerCenter"}  # fmt: skip
    assert set(props) == vendor
    assert {p["type"] for p in props.values()} == {"string"}


def test_member_jobs_take_long_ids_and_the_vendor_row_names() -> None:
    _, _, op = operation("list_member_jobs")
    params = {p["name"]: p["schema"] for p in map(resolve, op["parameters"])}
    assert params["clusterId"]["type"] == params["groupId"]["type"] == "integer"
    assert params["groupId"]["format"] == "int64"
    assert params["clusterUserName"]["type"] == "string"
    row = _schema("MemberJob")["properties"]
    assert list(row)[:6] == ["id", "name", "status", "nodeNumReq", "cpuCore", "procNumReq"]


def test_password_sign_in_takes_three_headers_and_no_token() -> None:
    _, _, op = operation("issue_tokens_password")
    assert op["security"] == []
    headers = [p["name"] for p in map(resolve, op["parameters"]) if p["in"] == "header"]
    assert headers == ["user", "password", "orgId"]


def test_platform_lists_take_the_live_clients_body() -> None:
    body = set(_schema("PlatformJobQuery")["properties"])
    assert body >= {"page", "size", "clusterId", "queue", "jobState", "startTime", "endTime",
                    "showGroupJobs", "clusterUserName", "showAllData"}  # fmt: skip
    assert not _schema("PlatformJobQuery").get("required")
    for page in ("PlatformJobPage", "PlatformHistoryJobPage"):
        assert {"records", "list"} <= set(_schema(page)["properties"])  # live name, doc name
    assert _schema("PlatformJob")["properties"]["jobManagerId"]["type"][0] == "string"


def test_core_states_are_labelled_as_the_docs_and_live_regions_do() -> None:
    _, _, op = operation("get_core_state_stats")
    examples = op["responses"]["200"]["content"]["application/json"]["examples"]
    assert [r["name"] for r in examples["documented"]["value"]["data"]] == [
        "已使用",
        "未使用",
        "不可用",
    ]
    names = [r["name"] for r in examples["live_i18n"]["value"]["data"]]
    assert names == ["jobview_used_label", "jobview_unused_label", "jobview_unavailable_label"]
