"""Fault drills: every kind of bad day the mock can produce, and what the SDK makes of it.

Each drill asserts the typed error (``scnet_hpc.errors``), that it arrives within the configured
timeout, how often the request was sent (counted at the mock, and at the client's transport),
and that ``submit`` and ``cancel`` are sent exactly once whatever happens.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from scnet_hpc import RetryPolicy
from scnet_hpc.errors import (
    ApiError,
    AuthenticationError,
    ContractViolation,
    HttpStatusError,
    InvalidRequestError,
    RemoteFileNotFoundError,
    RequestTimeoutError,
    ScnetError,
    ServerError,
    TokenExpiredError,
    TransportError,
)
from scnet_hpc.mock.testing import free_port

from .fault_drill import RETRIES, TIMEOUT, Drill, job_spec

Start = Callable[[str | None], Drill]

#: (fault rule, the error it must end in, whether a read is worth repeating)
TRANSIENT: list[tuple[str, type[ScnetError]]] = [
    ("drop", TransportError),
    ("reset", TransportError),
    ("latency:3", RequestTimeoutError),
    ("http502", HttpStatusError),
    ("http503", HttpStatusError),
    ("http504", HttpStatusError),
    ("nonjson", ContractViolation),
    ("html", ContractViolation),
    ("truncated", ContractViolation),
]

NPE = "java.lang.NullPointerException"  # what the mock's 'string' data says

#: (envelope fault, error class, code, data, retried): a 10001 carrying a Java exception is the
#: live service's known transient read failure; every other error envelope is an answer.
ENVELOPES: list[tuple[str, type[ApiError], str, Any, bool]] = [
    ("envelope:10001/null", ServerError, "10001", None, False),
    ("envelope:10001/empty", ServerError, "10001", "", False),
    ("envelope:10001/string", ServerError, "10001", NPE, True),
    ("envelope:10004/null", InvalidRequestError, "10004", None, False),
    ("envelope:10003/empty", InvalidRequestError, "10003", "", False),
    ("envelope:10009/string", AuthenticationError, "10009", NPE, False),
    ("envelope:911020/null", RemoteFileNotFoundError, "911020", None, False),
    ("envelope:777001/null", ApiError, "777001", None, False),  # not in ErrorCode
]


def budget(attempts: int) -> float:
    """Wall time allowed for ``attempts`` tries: the timeout each, plus a second of slack (the
    backoff sleeps are recorded, not slept)."""
    return attempts * TIMEOUT + 1.0


def timed(call: Callable[[], Any], error: type[BaseException]) -> tuple[Any, float]:
    started = time.perf_counter()
    with pytest.raises(error) as caught:
        call()
    return caught.value, time.perf_counter() - started


# --------------------------------------------------------------------------- reads


@pytest.mark.parametrize(("fault", "error"), TRANSIENT, ids=[f for f, _ in TRANSIENT])
def test_transient_read_fault_ends_typed_after_the_configured_retries(
    drill: Start, fault: str, error: type[ScnetError]
) -> None:
    d = drill(f"{fault} ops=list_clusters")
    with d.client() as client:
        exc, elapsed = timed(client.clusters, error)
    assert d.attempts("GET", "list_clusters") == 1 + RETRIES
    assert len(d.transport.sent) == 1 + RETRIES
    assert len(d.sleeps) == RETRIES
    assert all(s > 0 for s in d.sleeps)
    assert elapsed < budget(1 + RETRIES)
    assert exc.operation == "list_clusters"
    if error is RequestTimeoutError:
        assert isinstance(exc, TimeoutError)
        assert isinstance(exc.__cause__, httpx.TimeoutException)
        assert elapsed >= (1 + RETRIES) * TIMEOUT * 0.9  # the configured timeout, each time
    elif error is TransportError:
        assert not isinstance(exc, (RequestTimeoutError, HttpStatusError))
        assert isinstance(exc.__cause__, httpx.TransportError)
    elif error is HttpStatusError:
        assert isinstance(exc, HttpStatusError)
        assert exc.status_code == int(fault[4:])
        assert "<html" in exc.body.lower()
    else:
        assert isinstance(exc, ContractViolation)
        assert exc.not_json


@pytest.mark.parametrize("retries", [0, 1, 4])
def test_the_retry_count_is_the_configured_one(drill: Start, retries: int) -> None:
    d = drill("http503 ops=list_jobs")
    with d.client(retries=retries) as client:
        exc, elapsed = timed(client.jobs, HttpStatusError)
    assert exc.status_code == 503
    assert d.attempts("GET", "list_jobs") == 1 + retries
    assert len(d.sleeps) == retries
    assert elapsed < budget(1 + retries)


@pytest.mark.parametrize(
    ("operation", "call"),
    [
        ("list_clusters", lambda c: c.clusters()),
        ("list_jobs", lambda c: c.jobs()),
        ("list_user_queues", lambda c: c.queues()),
        ("list_queue_details", lambda c: c.queue_details()),
        ("get_job", lambda c: c.job("35900")),
        ("list_history_jobs", lambda c: c.history(days=1)),
        ("get_job_state_stats", lambda c: c.job_state_stats()),
    ],
)
def test_every_read_is_retried(drill: Start, operation: str, call: Callable[[Any], Any]) -> None:
    d = drill(f"reset ops={operation}")
    with d.client() as client:
        _, elapsed = timed(lambda: call(client), TransportError)
    assert d.attempts("GET", operation) == 1 + RETRIES
    assert elapsed < budget(1 + RETRIES)


def test_a_read_recovers_when_the_fault_passes(drill: Start) -> None:
    d = drill("http502 times=2 ops=list_clusters")
    with d.client(retries=3) as client:
        clusters = client.clusters()
    assert [c.id for c in clusters] == [d.mock.scheduler_id]
    assert d.attempts("GET", "list_clusters") == 3
    assert len(d.sleeps) == 2


def test_intermittent_faults_are_ridden_out(drill: Start) -> None:
    """Faults at a rate (seeded: the same requests fail on every run): reads get through, and
    every failed try shows up as one backoff sleep and one extra request at the mock."""
    d = drill("http503 rate=0.2 ops=list_clusters; reset rate=0.05 ops=list_clusters; seed=5")
    with d.client(retries=4) as client:
        for _ in range(30):
            assert client.clusters()
    assert d.sleeps, "the seeded rules never fired: the drill tested nothing"
    assert d.attempts("GET", "list_clusters") == 30 + len(d.sleeps)


def test_retry_after_is_honoured(drill: Start) -> None:
    d = drill("http503:2 ops=list_clusters")
    policy = RetryPolicy(max_retries=2, backoff_initial=0.01, backoff_max=5.0)
    with d.client(retries=policy) as client:
        exc, _ = timed(client.clusters, HttpStatusError)
    assert exc.retry_after == 2.0
    assert d.sleeps == [2.0, 2.0]


def test_connection_refused(drill: Start) -> None:
    d = drill(None)
    closed = f"http://127.0.0.1:{free_port()}"  # nothing listens there
    with d.client(base_url=closed) as client:
        exc, elapsed = timed(client.clusters, TransportError)
        assert not isinstance(exc, RequestTimeoutError)
        assert isinstance(exc.__cause__, httpx.ConnectError)
        assert len(d.transport.sent) == 1 + RETRIES
        assert elapsed < budget(1 + RETRIES)
        _, elapsed = timed(lambda: client.submit(job_spec()), TransportError)
    assert len(d.transport.sent) == 1 + RETRIES + 1  # the submit: once
    assert elapsed < budget(1)


@pytest.mark.parametrize(
    ("fault", "error", "code", "data", "retried"), ENVELOPES, ids=[e[0] for e in ENVELOPES]
)
def test_error_envelope_on_a_read(
    drill: Start, fault: str, error: type[ApiError], code: str, data: Any, retried: bool
) -> None:
    d = drill(f"{fault} ops=list_clusters")
    with d.client() as client:
        exc, elapsed = timed(client.clusters, error)
    assert (exc.code, exc.operation) == (code, "list_clusters")
    assert exc.raw["data"] == data
    assert not isinstance(exc, TokenExpiredError)
    if error is ApiError:
        assert type(exc) is ApiError  # an unknown code stays a plain ApiError, code kept
    assert d.attempts("GET", "list_clusters") == (1 + RETRIES if retried else 1)
    assert elapsed < budget(1 + RETRIES)


def test_a_refused_token_is_retried_once_only_if_it_can_be_renewed(drill: Start) -> None:
    d = drill("envelope:10008/null ops=list_clusters")
    with d.client() as client:
        exc, _ = timed(client.clusters, AuthenticationError)
    assert exc.code == "10008"
    # a static token cannot be renewed: no second request with the same refused token
    assert d.attempts("GET", "list_clusters") == 1


# --------------------------------------------------------------------------- writes

WRITE_FAULTS = [fault for fault, _ in TRANSIENT] + [
    "envelope:10001/string",
    "http503 after",
    "http502 after",
    "nonjson after",
]


@pytest.mark.parametrize("fault", WRITE_FAULTS)
def test_submit_is_never_retried(drill: Start, fault: str) -> None:
    d = drill(f"{fault} ops=submit_job")
    with d.client(retries=3) as client:
        exc, elapsed = timed(lambda: client.submit(job_spec()), ScnetError)
    assert exc.operation == "submit_job"
    assert d.attempts("POST", "submit_job") == 1
    assert d.sleeps == []
    assert elapsed < budget(1)
    if "after" in fault or fault in ("reset", "truncated"):
        assert d.jobs_in_mock() == 1  # the job exists once: the client did not submit it again


@pytest.mark.parametrize("fault", WRITE_FAULTS)
def test_cancel_is_never_retried(drill: Start, fault: str) -> None:
    d = drill(f"{fault} ops=cancel_jobs")
    with d.client(retries=3) as client:
        job = client.submit(job_spec())
        exc, elapsed = timed(lambda: client.cancel(job.id), ScnetError)
    assert exc.operation == "cancel_jobs"
    assert d.attempts("DELETE", "cancel_jobs") == 1
    assert d.sleeps == []
    assert elapsed < budget(1)
