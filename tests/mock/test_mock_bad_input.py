"""Bad input never breaks the mock: a documented code in a 200 envelope, or a gateway's 404/405;
never a 5xx, never a traceback, and nothing already submitted is lost."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .mock_contract import OPERATIONS, Api, assert_valid, job_info

SUBMIT = "/hpc/openapi/v2/apptemplates/BASIC/BASE/job"
SCHED = 1638523853
INFO = json.dumps(job_info()).encode()


@pytest.fixture
def survivor(api: Api) -> str:
    """A job submitted before the abuse; it must still be there afterwards."""
    return api.submit_ok(GAP_CMD_FILE="sleep 100000", GAP_QUEUE="normal", GAP_WALL_TIME="48:00:00")


def check_survivor(api: Api, job_id: str) -> None:
    assert [j["jobId"] for j in api.jobs()["list"]] == [job_id]


@pytest.mark.parametrize(
    ("body", "code"),
    [
        (b"{bad", "10004"),
        (b"[]", "10004"),
        (b'"a string"', "10004"),
        (b"null", "10004"),
        (b"123", "10004"),
        (b"\xff\xfe\x00garbage", "10004"),
        (b"[" * 100_000 + b"]" * 100_000, "10004"),
        (b'{"strJobManagerID": 1e400, "mapAppJobInfo": %s}' % INFO, "10004"),
        (b'{"strJobManagerID": NaN, "mapAppJobInfo": %s}' % INFO, "10004"),
        (b'{"strJobManagerID": 1%s, "mapAppJobInfo": %s}' % (b"0" * 5000, INFO), "10004"),
        (b'{"strJobManagerID": 1e3, "mapAppJobInfo": %s}' % INFO, "10004"),
        (b"", "10003"),
        (b"   ", "10003"),
        (b"{}", "10003"),
    ],
)
def test_malformed_json_bodies(api: Api, survivor: str, body: bytes, code: str) -> None:
    answer = api.call(
        "submit_job",
        {"apptype": "BASIC", "appname": "BASE"},
        content=body,
        headers={"content-type": "application/json"},
    )
    assert answer["code"] == code
    check_survivor(api, survivor)


def test_oversized_body_is_refused(api: Api, survivor: str) -> None:
    info = job_info(GAP_CMD_FILE="x" * (2 * 1024 * 1024))
    answer = api.call(
        "submit_job",
        {"apptype": "BASIC", "appname": "BASE"},
        json={"strJobManagerID": SCHED, "mapAppJobInfo": info},
    )
    assert answer["code"] == "10004"
    assert "larger than" in answer["msg"]
    check_survivor(api, survivor)


@pytest.mark.parametrize(
    "content",
    [
        b"\xff\xfe=\xff",
        b"jobMethod=5&strJobInfoMap=%ZZ",
        b"jobMethod=5&strJobInfoMap=%ff%fe",
        b'{"jobMethod": "5", "strJobInfoMap": "1638523853,demo:1:"}',
        b"&&&===&&&",
    ],
)
def test_malformed_form_bodies(api: Api, survivor: str, content: bytes) -> None:
    answer = api.call(
        "cancel_jobs",
        content=content,
        headers={"content-type": "application/x-www-form-urlencoded"},
    )
    assert answer["code"] in ("10003", "10004")
    check_survivor(api, survivor)


@pytest.mark.parametrize(
    ("params", "code"),
    [
        ({"strClusterIDList": "abc"}, "10004"),
        ({"strClusterIDList": "1.5"}, "10004"),
        ({"strClusterIDList": str(2**63)}, "10004"),
        ({"strClusterIDList": "9" * 1000}, "10004"),
        ({"strClusterIDList": SCHED, "start": "-1"}, "10004"),
        ({"strClusterIDList": SCHED, "limit": str(2**31)}, "10004"),
        ({"strClusterIDList": SCHED, "limit": "ten"}, "10004"),
        ({"strClusterIDList": SCHED, "strJobStat": "running"}, "10004"),
        ({}, "10003"),
        ({"strClusterIDList": SCHED, "strJobId": "x" * 60_000}, "0"),
        ({"strClusterIDList": SCHED, "strJobName": "\x00\u202e☃"}, "0"),
    ],
)
def test_wrong_types_and_huge_values_in_queries(
    api: Api, survivor: str, params: dict[str, Any], code: str
) -> None:
    assert api.call("list_jobs", params=params)["code"] == code
    check_survivor(api, survivor)


def test_first_of_repeated_query_parameters_wins(api: Api, survivor: str) -> None:
    query = [("strClusterIDList", str(SCHED)), ("strClusterIDList", "junk")]
    assert api.call("list_jobs", params=query)["data"]["total"] == 1


def test_huge_path_parameters(api: Api) -> None:
    assert api.call("get_job", {"jobId": "9" * 8_000})["data"] is None
    path = {"jobmanagerId": "9" * 19, "jobId": "1"}
    assert api.call("get_history_job", path)["code"] == "10004"
    assert api.call("get_history_job", {"jobmanagerId": "9" * 20, "jobId": "1"})["code"] == "10004"


@pytest.mark.parametrize(
    ("method", "path", "status"),
    [
        ("GET", "/", 404),
        ("GET", "/hpc/openapi/v2/nothing", 404),
        ("GET", "/hpc/openapi/v2/jobs/", 404),
        ("GET", "/hpc/openapi/v2/jobs/1/extra", 404),
        ("GET", "/regions/99999/hpc/openapi/v2/cluster", 404),
        ("GET", "/efile/openapi/v2/file/nothing", 404),
        ("GET", "/efile/openapi/v2/file/mkdir", 405),
        ("PUT", "/hpc/openapi/v2/jobs", 405),
        ("POST", "/hpc/openapi/v2/jobs", 405),
        ("GET", SUBMIT, 405),
        ("DELETE", "/hpc/openapi/v2/cluster", 405),
        ("PATCH", "/ac/openapi/v2/center", 405),
        ("OPTIONS", "/hpc/openapi/v2/cluster", 405),
        ("GET", "/api/user/v3/tokens", 405),
    ],
)
def test_unknown_paths_and_methods_get_gateway_answers(
    http: Any, method: str, path: str, status: int
) -> None:
    response = http.request(method, path)
    assert response.status_code == status
    assert response.headers["content-type"].startswith("text/html")
    assert f"{status}" in response.text
    if status == 405:
        assert response.headers["allow"]


def test_the_spec_is_served(http: Any) -> None:
    response = http.get("/openapi.yaml")
    assert response.status_code == 200
    assert response.text.startswith("openapi: 3.1")


@pytest.mark.parametrize("operation_id", sorted(OPERATIONS))
def test_every_operation_with_nothing_at_all(http: Any, operation_id: str) -> None:
    method, path, _ = OPERATIONS[operation_id]
    url = path.format(
        username="demo", jobId="1", jobmanagerId="1", apptype="BASIC", appname="BASE",
        clusterId="1", groupId="1", clusterUserName="demo",
    )  # fmt: skip
    response = http.request(method, url)
    assert response.status_code == 200
    body = response.json()
    assert_valid(operation_id, body)
    assert body["code"] in ("10003", "10004")


TEXT = st.text(max_size=30) | st.sampled_from(
    ["", "0", "-1", "1638523853", "true", "statR", "9" * 30]
)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    operation_id=st.sampled_from(sorted(OPERATIONS)),
    query=st.dictionaries(
        st.sampled_from(
            [
                "strClusterIDList",
                "start",
                "limit",
                "userName",
                "strJobManagerID",
                "startTime",
                "acctTime",
                "jobId",
                "strClusterNameList",
                "timeType",
                "zzz",
            ]
        ),
        TEXT,
    ),
    body=st.binary(max_size=200) | st.builds(lambda s: s.encode(), st.text(max_size=200)),
    content_type=st.sampled_from(
        ["application/json", "application/x-www-form-urlencoded", "text/plain", ""]
    ),
    with_token=st.booleans(),
)
def test_fuzzed_requests_never_break_it(
    api: Api,
    survivor: str,
    operation_id: str,
    query: dict[str, str],
    body: bytes,
    content_type: str,
    with_token: bool,
) -> None:
    method, path, _ = OPERATIONS[operation_id]
    url = path.format(
        username="demo", jobId="1", jobmanagerId=str(SCHED), apptype="BASIC", appname="BASE",
        clusterId="11250", groupId="533686286955839488", clusterUserName="demo",
    )  # fmt: skip
    headers = {"content-type": content_type} if content_type else {}
    if with_token:
        headers["token"] = api.token or ""
    response = api.client.request(method, url, params=query, content=body, headers=headers)
    assert response.status_code == 200
    assert_valid(operation_id, response.json())
    check_survivor(api, survivor)


@pytest.mark.parametrize(
    ("operation_id", "content_type", "code"),
    [
        ("submit_job", "text/plain", "10004"),
        ("submit_job", "application/x-www-form-urlencoded", "10004"),
        ("submit_job", "application/json; charset=utf-8", "0"),
        ("submit_job", "application/problem+json", "0"),
        ("read_file_content", "application/json", "10004"),
        ("read_file_content", "multipart/form-data", "10004"),
        ("read_file_content", "application/x-www-form-urlencoded; charset=UTF-8", "0"),
    ],
)
def test_bodies_must_come_as_the_declared_media_type(
    api: Api, operation_id: str, content_type: str, code: str
) -> None:
    if operation_id == "submit_job":
        content = json.dumps({"strJobManagerID": SCHED, "mapAppJobInfo": job_info()}).encode()
        path = {"apptype": "BASIC", "appname": "BASE"}
    else:
        content = b"dirPath=%2Fx&triggerNum=1&rollDirection=UP"
        path = None
    body = api.call(operation_id, path, content=content, headers={"content-type": content_type})
    assert body["code"] == code


def test_a_content_type_on_a_get_is_harmless(api: Api) -> None:
    # the vendor's own samples send Content-Type: application/json on GETs
    body = api.call("list_clusters", headers={"content-type": "application/json"})
    assert body["code"] == "0"
