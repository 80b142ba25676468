"""The scripted job lifecycle: submit → realtime detail → list → cancel → history → detail.

Ids flow from each answer into the next request, and every answer goes through all the checks.
The job is the cheapest there is (one core, ``sleep 5``, the smallest queue) and is cancelled
whatever happens. Needs ``SCNET_CONTRACT_WRITES=1`` against a server over HTTP.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import pytest

from ._checks import envelope_of
from ._inputs import history_window, safe_job
from ._known_good import cancel_body, job_name, known_good
from ._settings import Writes
from ._suite import session_suite


def data_of(operation_id: str, **override: Any) -> Any:
    suite = session_suite()
    response = suite.exercise(
        known_good(suite, operation_id, **override), source="scripted", prepare=False
    )
    body = envelope_of(response) or {}
    assert body.get("code") == "0", (
        f"{operation_id}: code {body.get('code')!r}: {body.get('msg')!r}"
    )
    return body.get("data")


def now() -> float:
    mock = session_suite().target.mock
    return mock.clock.now() if mock is not None else time.time()


def eventually(what: str, probe: Callable[[], Any]) -> Any:
    """Poll ``probe`` until it returns something truthy: the mock's clock is moved on,
    a real server is given real time (accounting can lag behind the scheduler)."""
    mock = session_suite().target.mock
    timeout = 30.0 if mock is not None or session_suite().settings.rps == 0 else 300.0
    deadline = time.monotonic() + timeout
    while True:
        result = probe()
        if result:
            return result
        if time.monotonic() > deadline:
            pytest.fail(f"{what}: not seen within {timeout:.0f} s")
        if mock is not None:
            mock.clock.advance(5)
        else:
            time.sleep(2)


def test_submit_detail_list_cancel_history() -> None:
    if session_suite().settings.writes is Writes.NONE:
        pytest.skip("the lifecycle submits a job: read-only run (set SCNET_CONTRACT_WRITES=1)")
    facts = session_suite().target.get_facts()
    name = job_name()
    job_id = data_of("submit_job", body=safe_job(facts, name))
    assert isinstance(job_id, str), f"submit answered data {job_id!r}, not a job id string"
    assert job_id, "submit answered an empty job id"
    facts.remember_job(job_id)
    cancelled = False
    try:
        detail = eventually(
            f"realtime detail of job {job_id}",
            lambda: data_of("get_job", path_parameters={"jobId": job_id}),
        )
        assert detail["jobName"] == name

        query = {
            "strClusterIDList": facts.scheduler_id,
            "strJobId": job_id,
            "start": 0,
            "limit": 25,
        }
        page = data_of("list_jobs", query=query)
        rows = [row for row in page["list"] or [] if row["jobId"] == job_id]
        assert rows, f"job {job_id} is not in the realtime list filtered by its id: {page}"
        assert rows[0]["jobName"] == name

        answer = data_of("cancel_jobs", body=cancel_body(facts, job_id))
        cancelled = True
        assert str(facts.scheduler_id) in answer, (
            f"cancel answered no message for the scheduler: {answer}"
        )

        def history_row() -> dict[str, Any] | None:
            start, end = history_window(now(), days=1)
            page = data_of("list_history_jobs", query={
                "strClusterNameList": str(facts.scheduler_id), "startTime": start, "endTime": end,
                "timeType": "CUSTOM", "jobId": job_id, "start": 0, "limit": 25,
                "isQueryByQueueTime": "false",
            })  # fmt: skip
            return next((r for r in page["list"] or [] if r["jobId"] == job_id), None)

        row = eventually(f"job {job_id} in the history list", history_row)
        assert row["jobName"] == name
        path = {"jobmanagerId": str(row["jobmanagerId"]), "jobId": job_id}
        finished = data_of(
            "get_history_job", path_parameters=path, query={"acctTime": row["acctTime"]}
        )
        assert finished is not None, f"history detail of {job_id} is null although the list has it"
        assert finished["jobId"] == job_id
        assert finished["jobName"] == name
    finally:
        if not cancelled:
            session_suite().send(
                known_good(session_suite(), "cancel_jobs", body=cancel_body(facts, job_id))
            )
