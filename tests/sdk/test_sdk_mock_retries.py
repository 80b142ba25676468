"""Retries counted at the mock: reads are repeated on transient faults, submit and cancel never."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest

from scnet_hpc import (
    Client,
    ContractViolation,
    HttpStatusError,
    JobSpec,
    RequestTimeoutError,
    ServerError,
    TransportError,
)
from scnet_hpc.mock import Clock, create_app
from scnet_hpc.mock.testing import serve

MakeClient = Callable[..., Client]
SPEC = JobSpec(command="sleep 30", queue="normal", walltime=600)


def count(app: Any, op: str) -> int:
    return sum(n for (_, o), n in app.state.mock.requests.items() if o == op)


@pytest.fixture
def faulty(clock: Clock, make_client: MakeClient) -> Callable[[str], tuple[Any, Client]]:
    def make(faults: str) -> tuple[Any, Client]:
        app = create_app(clock=clock, faults=faults)
        return app, make_client(target=app)

    return make


@pytest.mark.parametrize(
    ("faults", "op", "call"),
    [
        ("http503 times=2 ops=list_clusters", "list_clusters", lambda c: c.clusters()),
        ("http502 times=1 ops=list_user_queues", "list_user_queues", lambda c: c.queues()),
        (
            "envelope:10001/string times=1 ops=list_user_queues",  # the live NullPointerException
            "list_user_queues",
            lambda c: c.queues(),
        ),
        ("nonjson times=2 ops=list_jobs", "list_jobs", lambda c: c.jobs()),
        (
            "html times=1 ops=get_job_state_stats",
            "get_job_state_stats",
            lambda c: c.job_state_stats(),
        ),
        ("truncated times=1 ops=get_center", "get_center", lambda c: c.region_info()),
        ("http504 times=3 ops=list_history_jobs", "list_history_jobs", lambda c: c.history()),
    ],
)
def test_reads_are_retried(faulty: Any, faults: str, op: str, call: Any) -> None:
    app, client = faulty(faults)
    call(client)
    injected = int(faults.split("times=")[1].split()[0])
    assert count(app, op) == injected + 1


def test_reads_give_up_after_the_retry_budget(faulty: Any) -> None:
    app, client = faulty("http503 ops=list_clusters")
    with pytest.raises(HttpStatusError) as caught:
        client.clusters()
    assert caught.value.status_code == 503
    assert count(app, "list_clusters") == 4  # 1 + 3 retries


def test_a_deterministic_internal_error_is_not_retried(faulty: Any) -> None:
    app, client = faulty("envelope:10001 ops=list_clusters")
    with pytest.raises(ServerError):
        client.clusters()
    assert count(app, "list_clusters") == 1


@pytest.mark.parametrize(
    ("fault", "error"),
    [
        ("http503", HttpStatusError),
        ("http502", HttpStatusError),
        ("nonjson", ContractViolation),
        ("envelope:10001/string", ServerError),
    ],
)
def test_submit_is_never_retried(faulty: Any, fault: str, error: type[Exception]) -> None:
    app, client = faulty(f"{fault} ops=submit_job")
    client.clusters()  # discovery first, so that only submit is counted below
    with pytest.raises(error):
        client.submit(SPEC)
    assert count(app, "submit_job") == 1


def test_why_submit_is_never_retried(faulty: Any) -> None:
    """The answer was lost but the job was submitted: a blind retry would submit it twice."""
    app, client = faulty("http503 after ops=submit_job")
    with pytest.raises(HttpStatusError):
        client.submit(SPEC)
    assert count(app, "submit_job") == 1
    assert len(client.jobs()) == 1


def test_cancel_is_never_retried(faulty: Any) -> None:
    app, client = faulty("http502 ops=cancel_jobs")
    job = client.submit(SPEC)
    with pytest.raises(HttpStatusError):
        job.cancel()
    assert count(app, "cancel_jobs") == 1


# --------------------------------------------------------------------------- over loopback


@pytest.fixture
def served() -> Iterator[Callable[[str], tuple[Any, str]]]:
    stack: list[Any] = []

    def start(faults: str) -> tuple[Any, str]:
        app = create_app(clock=Clock(speed=0), faults=faults)
        context = serve(app)
        base = context.__enter__()
        stack.append(context)
        return app, base

    yield start
    for context in stack:
        context.__exit__(None, None, None)


def loopback_client(app: Any, base: str, **kwargs: Any) -> Client:
    demo, clock = app.state.mock.demo, app.state.mock.clock
    return Client.from_access_key(
        demo.user,
        demo.access_key,
        demo.secret_key,
        auth_url=base,
        platform_url=base,
        clock=clock.now,
        sleep=clock.advance,
        **kwargs,
    )


def test_dropped_connections_are_retried_for_reads_only(served: Any) -> None:
    app, base = served("drop times=1 ops=list_clusters; drop ops=submit_job")
    with loopback_client(app, base) as client:
        assert client.clusters()
        assert count(app, "list_clusters") == 2
        with pytest.raises(TransportError) as caught:
            client.submit(SPEC)
        assert count(app, "submit_job") == 1
        assert caught.value.operation == "submit_job"


def test_read_timeouts_are_typed_and_retried(served: Any) -> None:
    app, base = served("latency:1 times=1 ops=list_clusters")
    with loopback_client(app, base, timeout=0.3) as client:
        client.region_info()
        assert client.clusters()
        assert count(app, "list_clusters") == 2
    app, base = served("latency:1 ops=list_clusters")
    with loopback_client(app, base, timeout=0.2, retries=1) as client:
        client.region_info()
        with pytest.raises(RequestTimeoutError):
            client.clusters()
        assert count(app, "list_clusters") == 2
