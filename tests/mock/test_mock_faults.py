"""The fault switch: each kind of fault, its rate, its operation filter, and that it stays unloaded
unless asked for."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import time
from typing import Any

import httpx
import pytest

from scnet_hpc.mock import Clock, FaultConfig, create_app
from scnet_hpc.mock.testing import serve, sync_client

CLUSTER = "/hpc/openapi/v2/cluster"
JOBS = "/hpc/openapi/v2/jobs"


def faulty(spec: str) -> tuple[Any, Any]:
    app = create_app(clock=Clock(speed=0), faults=spec)
    return app, {"token": app.state.mock.mint_token()}


def test_fault_module_is_not_loaded_unless_faults_are_configured() -> None:
    code = (
        "import sys; from scnet_hpc.mock import create_app; create_app(); "
        "print('scnet_hpc.mock.app.faults' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_parse_the_documented_syntax() -> None:
    config = FaultConfig.parse(
        "http503:2 rate=0.25 ops=list_jobs,get_job times=3 after; latency:1.5; seed=7"
    )
    first, second = config.rules
    assert (first.kind, first.arg, first.rate, first.times, first.after) == (
        "http503",
        "2",
        0.25,
        3,
        True,
    )
    assert first.operations == frozenset({"list_jobs", "get_job"})
    assert (second.kind, second.arg, second.rate) == ("latency", "1.5", 1.0)
    assert config.seed == 7


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("explode", "unknown fault kind"),
        ("http503 rate=2", "within [0, 1]"),
        ("http503 rate=lots", "wants a number"),
        ("latency", "latency needs seconds"),
        ("envelope:0", "CODE != 0"),
        ("envelope:10001/bogus", "DATA in"),
        ("http503 sometimes", "unknown option"),
    ],
)
def test_parse_errors_name_the_problem(text: str, fragment: str) -> None:
    with pytest.raises(ValueError, match=re.escape(fragment)):
        FaultConfig.parse(text)


def test_gateway_errors_only_for_chosen_operations_and_counted() -> None:
    app, token = faulty("http503:5 ops=list_clusters")
    with sync_client(app) as http:
        response = http.get(CLUSTER, headers=token)
        assert response.status_code == 503
        assert response.headers["retry-after"] == "5"
        assert response.headers["content-type"].startswith("text/html")
        assert http.get("/ac/openapi/v2/tokens/state", headers=token).json()["code"] == "0"
    assert app.state.mock.requests[("GET", "list_clusters")] == 1


@pytest.mark.parametrize("status", [502, 503, 504])
def test_each_gateway_status(status: int) -> None:
    app, token = faulty(f"http{status}")
    with sync_client(app) as http:
        assert http.get(CLUSTER, headers=token).status_code == status


def test_times_fails_the_first_n_then_lets_through() -> None:
    app, token = faulty("http502 times=2 ops=list_clusters")
    with sync_client(app) as http:
        statuses = [http.get(CLUSTER, headers=token).status_code for _ in range(4)]
    assert statuses == [502, 502, 200, 200]
    assert app.state.mock.requests[("GET", "list_clusters")] == 4


@pytest.mark.parametrize(
    ("arg", "expected"),
    [
        ("", {"code": "10001", "msg": "internal_error", "data": None}),
        (":10008/empty", {"code": "10008", "msg": "权限不足", "data": ""}),
        (
            ":10001/string",
            {"code": "10001", "msg": "internal_error", "data": "java.lang.NullPointerException"},
        ),
        (
            ":10004/object",
            {
                "code": "10004",
                "msg": "param_invalid",
                "data": {"exception": "java.lang.NullPointerException"},
            },
        ),
        (":911020", {"code": "911020", "msg": "error", "data": None}),
    ],
)
def test_error_envelopes(arg: str, expected: dict[str, Any]) -> None:
    app, token = faulty(f"envelope{arg}")
    with sync_client(app) as http:
        response = http.get(CLUSTER, headers=token)
    assert response.status_code == 200
    assert response.json() == expected


@pytest.mark.parametrize("kind", ["nonjson", "html", "truncated"])
def test_bodies_that_are_not_json(kind: str) -> None:
    app, token = faulty(kind)
    with sync_client(app) as http:
        response = http.get(CLUSTER, headers=token)
    assert response.status_code == 200
    with pytest.raises(json.JSONDecodeError):
        response.json()
    if kind == "truncated":
        assert response.text.startswith('{"code":"0"')


def test_latency_delays_the_real_answer() -> None:
    app, token = faulty("latency:0.3 ops=list_clusters")
    with sync_client(app) as http:
        started = time.perf_counter()
        body = http.get(CLUSTER, headers=token).json()
        assert time.perf_counter() - started >= 0.3
    assert body["code"] == "0"


def test_after_means_the_request_was_processed() -> None:
    app, token = faulty("http503 after ops=submit_job")
    mock = app.state.mock
    info = {
        "GAP_CMD_FILE": "sleep 1",
        "GAP_NNODE": "1",
        "GAP_SUBMIT_TYPE": "cmd",
        "GAP_JOB_NAME": "x",
        "GAP_WORK_DIR": "/public/home/demo",
        "GAP_QUEUE": "debug",
        "GAP_PPN": "1",
        "GAP_WALL_TIME": "00:01:00",
        "GAP_APPNAME": "BASE",
    }
    with sync_client(app) as http:
        response = http.post(
            "/hpc/openapi/v2/apptemplates/BASIC/BASE/job",
            headers=token,
            json={"strJobManagerID": mock.scheduler_id, "mapAppJobInfo": info},
        )
        assert response.status_code == 503
        listing = http.get(JOBS, params={"strClusterIDList": mock.scheduler_id}, headers=token)
    assert listing.json()["data"]["total"] == 1  # submitted although the client saw a 503


def test_rate_with_a_seed_is_repeatable() -> None:
    def run() -> list[int]:
        app, token = faulty("http503 rate=0.3; seed=11")
        with sync_client(app) as http:
            return [http.get(CLUSTER, headers=token).status_code for _ in range(200)]

    first, second = run(), run()
    assert first == second
    assert 30 <= first.count(503) <= 90


def test_drop_in_process_raises_connection_reset() -> None:
    app, token = faulty("drop ops=list_clusters")
    with sync_client(app) as http, pytest.raises(ConnectionResetError):
        http.get(CLUSTER, headers=token)


@pytest.mark.parametrize("kind", ["drop", "reset", "drop after"])
def test_connection_faults_over_a_real_socket(kind: str) -> None:
    app, token = faulty(f"{kind} ops=list_clusters")
    with serve(app) as base_url, httpx.Client(base_url=base_url, timeout=5) as client:
        with pytest.raises((httpx.RemoteProtocolError, httpx.ReadError)):
            client.get(CLUSTER, headers=token)
        # the server is fine afterwards, and answers other operations normally
        assert client.get("/ac/openapi/v2/tokens/state", headers=token).json()["code"] == "0"
    assert app.state.mock.requests[("GET", "list_clusters")] == 1
