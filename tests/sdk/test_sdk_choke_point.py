"""The choke point with a scripted transport: retries, backoff, timeouts, headers, 10008."""

from __future__ import annotations

import logging
from typing import Any

import httpx
import pytest

from scnet_hpc import (
    AuthenticationError,
    Client,
    ContractViolation,
    HttpStatusError,
    InvalidRequestError,
    JobSpec,
    RequestTimeoutError,
    RetryPolicy,
    ServerError,
    TokenExpiredError,
    TransportError,
)

from .sdk_helpers import CLUSTER, FakeSleep, envelope, json_response, make_jwt, scripted

FAR_FUTURE = make_jwt({"expireTime": "4102444800000"})  # 2100-01-01
OK = envelope([CLUSTER])


def client(transport: httpx.MockTransport, fake: FakeSleep, **kwargs: Any) -> Client:
    kwargs.setdefault("token", FAR_FUTURE)
    return Client(
        "http://hpc.example/hpc",
        kwargs.pop("token"),
        cluster_user="demo",
        home_path="/public/home/demo",
        scheduler_id=1638523853,
        transport=transport,
        clock=fake.clock,
        sleep=fake.sleep,
        seed=7,
        **kwargs,
    )


def gateway(status: int, **headers: str) -> httpx.Response:
    return httpx.Response(status, text=f"<html>{status}</html>", headers=headers)


@pytest.mark.parametrize(
    "failure",
    [
        httpx.ConnectError("refused"),
        httpx.ReadTimeout("slow"),
        httpx.RemoteProtocolError("peer closed"),
        ConnectionResetError("reset by peer"),
        gateway(502),
        gateway(503),
        gateway(504),
        gateway(429),
        httpx.Response(200, text="<html>系统维护</html>"),
        json_response(
            envelope("java.lang.NullPointerException", code="10001", msg="internal_error")
        ),
        json_response(envelope(None, code="10001", msg="java.lang.NullPointerException: null")),
    ],
)
def test_reads_are_retried_on_transient_failures(failure: Any) -> None:
    fake = FakeSleep()
    transport, seen = scripted(failure, failure, OK)
    clusters = client(transport, fake).clusters()
    assert clusters[0].id == 1638523853
    assert len(seen) == 3
    assert len(fake.delays) == 2


def test_backoff_grows_with_jitter_and_caps() -> None:
    fake = FakeSleep()
    policy = RetryPolicy(max_retries=5, backoff_initial=0.5, backoff_max=4.0)
    transport, seen = scripted(*[gateway(503)] * 6)
    with pytest.raises(HttpStatusError) as caught:
        client(transport, fake, retries=policy).clusters()
    assert caught.value.status_code == 503
    assert len(seen) == 6
    for n, delay in enumerate(fake.delays):
        ceiling = min(4.0, 0.5 * 2**n)
        assert ceiling / 2 <= delay <= ceiling, (n, delay)
    assert len(set(fake.delays)) == len(fake.delays)  # jittered, not lock-step


def test_retry_after_is_honoured() -> None:
    fake = FakeSleep()
    transport, _ = scripted(gateway(503, **{"Retry-After": "3"}), OK)
    client(transport, fake).clusters()
    assert fake.delays == [3.0]


@pytest.mark.parametrize(
    "failure",
    [
        httpx.ConnectError("refused"),
        httpx.ReadTimeout("slow"),
        gateway(503),
        json_response(envelope("java.lang.NullPointerException", code="10001")),
    ],
)
def test_submit_and_cancel_are_never_retried(failure: Any) -> None:
    fake = FakeSleep()
    transport, seen = scripted(failure)
    c = client(transport, fake)
    with pytest.raises((TransportError, ServerError)):
        c.submit(JobSpec(command="hostname", queue="debug", walltime=60))
    assert [r.method for r in seen] == ["POST"]
    transport, seen = scripted(failure)
    c = client(transport, fake)
    with pytest.raises((TransportError, ServerError)):
        c.cancel("35900")
    assert [r.method for r in seen] == ["DELETE"]
    assert fake.delays == []


def test_file_reads_are_posts_but_retried() -> None:
    fake = FakeSleep()
    page = envelope({"data": "hi\n", "allLineTotal": 1, "totalTriggerTimes": 1})
    transport, seen = scripted(gateway(502), page)
    assert client(transport, fake).read_text("/public/home/demo/std.out.1") == "hi\n"
    assert [r.method for r in seen] == ["POST", "POST"]


@pytest.mark.parametrize(
    ("answer", "error"),
    [
        (envelope(None, code="10004", msg="param_invalid"), InvalidRequestError),
        (envelope(None, code="10001", msg="internal_error"), ServerError),
        (envelope([{**CLUSTER, "id": "x"}]), ContractViolation),
    ],
)
def test_meaningful_errors_are_final(answer: Any, error: type[Exception]) -> None:
    fake = FakeSleep()
    transport, seen = scripted(answer)
    with pytest.raises(error):
        client(transport, fake).clusters()
    assert len(seen) == 1
    assert fake.delays == []


def test_no_retries_when_asked() -> None:
    fake = FakeSleep()
    transport, seen = scripted(gateway(503))
    with pytest.raises(HttpStatusError):
        client(transport, fake, retries=0).clusters()
    assert len(seen) == 1


def test_timeouts_are_on_by_default_and_overridable_per_call() -> None:
    fake = FakeSleep()
    transport, seen = scripted(OK, OK, OK)
    c = client(transport, fake)
    c.clusters()
    c.with_options(timeout=120).clusters()
    c.with_options(timeout=httpx.Timeout(10, connect=1)).clusters()
    timeouts = [r.extensions["timeout"] for r in seen]
    assert timeouts[0] == {"connect": 5.0, "read": 30.0, "write": 30.0, "pool": 30.0}
    assert timeouts[1] == {"connect": 5.0, "read": 120.0, "write": 120.0, "pool": 120.0}
    assert timeouts[2] == {"connect": 1.0, "read": 10.0, "write": 10.0, "pool": 10.0}
    assert c.options.timeout.read == 30.0  # the original client is unchanged


def test_read_timeouts_become_typed_timeout_errors() -> None:
    fake = FakeSleep()
    transport, _ = scripted(*[httpx.ReadTimeout("slow")] * 4)
    with pytest.raises(RequestTimeoutError) as caught:
        client(transport, fake).clusters()
    assert isinstance(caught.value, TimeoutError)
    assert isinstance(caught.value.__cause__, httpx.ReadTimeout)
    assert caught.value.operation == "list_clusters"


def test_requests_carry_the_token_and_absolute_urls() -> None:
    fake = FakeSleep()
    transport, seen = scripted(OK)
    client(transport, fake).clusters()
    request = seen[0]
    assert str(request.url) == "http://hpc.example/hpc/openapi/v2/cluster"  # '/hpc' not doubled
    assert request.headers["token"] == FAR_FUTURE
    assert request.headers["user-agent"].startswith("scnet-hpc/")


def test_10008_with_a_valid_static_token_is_a_permission_error() -> None:
    fake = FakeSleep()
    transport, seen = scripted(envelope("", code="10008", msg="权限不足"))
    with pytest.raises(AuthenticationError) as caught:
        client(transport, fake).clusters()
    assert not isinstance(caught.value, TokenExpiredError)
    assert len(seen) == 1  # a static token cannot be refreshed


def test_10008_with_an_expired_static_token_says_so() -> None:
    fake = FakeSleep()
    expired = make_jwt({"expireTime": str(int((fake.now - 60) * 1000))})
    transport, seen = scripted(envelope("", code="10008", msg="权限不足"))
    with pytest.raises(TokenExpiredError) as caught:
        client(transport, fake, token=expired).clusters()
    assert caught.value.code == "10008"
    assert len(seen) == 1


def test_retries_are_logged_without_secrets(caplog: pytest.LogCaptureFixture) -> None:
    fake = FakeSleep()
    transport, _ = scripted(gateway(503), OK)
    with caplog.at_level(logging.DEBUG):
        client(transport, fake).clusters()
    assert "retry 1 of 3" in caplog.text
    assert "curl -X GET" in caplog.text
    assert FAR_FUTURE not in caplog.text
