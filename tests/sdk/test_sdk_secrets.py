"""No token, secret key or signature in any log line, exception text or repr, whatever happens."""

from __future__ import annotations

import copy
import logging
import traceback
from collections.abc import Callable
from typing import Any

import pytest
import yaml

from scnet_hpc import Client, JobSpec, PollSchedule, ScnetError
from scnet_hpc.mock import DEFAULT_DEPLOYMENT, Clock, create_app, load_deployment

from .sdk_helpers import Recorder

MakeClient = Callable[..., Client]
SECRET_KEY = "sk-KNOWN-secret-0123456789abcdef"
#: Faults that make the SDK build errors out of bodies that carry tokens, and exercise retries.
FAULTS = (
    "truncated times=1 ops=issue_tokens; http503 times=1 ops=list_clusters; "
    "envelope:10008 times=1 ops=list_user_queues; nonjson times=1 ops=get_job; "
    "envelope:10009/string ops=get_token_state"
)


def _app(clock: Clock, faults: str | None = FAULTS) -> Any:
    raw = copy.deepcopy(yaml.safe_load(DEFAULT_DEPLOYMENT.read_text(encoding="utf-8")))
    raw["users"][0]["secret_key"] = SECRET_KEY
    return create_app(load_deployment(raw), clock=clock, faults=faults)


def _exercise(client: Client, texts: list[str]) -> bool:
    """Every public call, plus the failures we can provoke; collect reprs and error texts."""

    def attempt(call: Callable[[], Any]) -> Any:
        try:
            result = call()
        except ScnetError as error:
            texts.extend([str(error), repr(error), "".join(traceback.format_exception(error))])
            if error.__cause__ is not None:
                texts.append(repr(error.__cause__))
            return None
        texts.append(repr(result))
        return result

    texts.append(repr(client))
    for call in (
        client.regions,
        client.region_info,
        client.clusters,
        client.queues,
        client.queue_details,
        client.user_limits,
        client.job_state_stats,
        client.queue_stats,
        client.used_walltime,
        client.storage_quota,
        lambda: client.history(days=30),
        lambda: client.jobs(state="statR"),
        lambda: client.submit(JobSpec(command="hostname", queue="debug", walltime="09:00:00")),
        lambda: client.job("424242"),
        lambda: client.read_file("/nowhere"),
        lambda: client.cancel("424242"),
    ):
        attempt(call)
    job = attempt(
        lambda: client.submit(JobSpec(command="sleep 9; echo x", queue="debug", walltime=60))
    )
    if job is None:  # e.g. an expired token: the failures above were the point
        return False
    texts.append(repr(job))
    for call in (
        job.refresh,
        lambda: job.wait(timeout=1),
        lambda: job.wait(poll=PollSchedule(initial=900, floor=900, fraction=1, ceiling=900)),
        job.output,
        lambda: job.output("stderr"),
        job.cancel,
        lambda: client.history_job(job.id),
        lambda: client.read_text(f"/public/home/demo/std.out.{job.id}"),
        lambda: client.with_options(timeout=3).clusters(),
    ):
        attempt(call)
    texts.append(repr(job.status))
    texts.append(repr(client._core.session))
    texts.append(repr(client._core.session.credentials))
    return True


def _secrets_sent(recorder: Recorder) -> set[str]:
    """Every token and signature that went over the wire."""
    found: set[str] = set()
    for request in recorder.requests:
        for name in ("token", "signature"):
            if name in request.headers:
                found.add(request.headers[name])
    return found


def _assert_clean(texts: list[str], log: str, secrets: set[str]) -> None:
    everything = "\n".join([*texts, log])
    assert len(everything) > 5000  # the run produced plenty to search
    for secret in secrets:
        assert secret not in everything, f"secret {secret[:6]}... leaked"
        # nor a recognisable piece of it (a cut-off body must not leak half a token)
        assert secret[:24] not in everything, f"part of {secret[:6]}... leaked"


def test_access_key_client_never_shows_secrets(
    clock: Clock, make_client: MakeClient, recorder: Recorder, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)  # every logger: scnet_hpc, scnet_hpc.http, httpx, httpcore
    app = _app(clock)
    client = make_client(target=app, secret_key=SECRET_KEY)
    texts: list[str] = []
    assert _exercise(client, texts)
    secrets = _secrets_sent(recorder) | {SECRET_KEY}
    assert len(secrets) >= 4  # the secret key, signatures and several region tokens
    assert "curl -X POST" in caplog.text  # the debug lines were produced ...
    assert "***" in caplog.text  # ... with masks in them
    _assert_clean(texts, caplog.text, secrets)


def test_static_token_client_never_shows_its_token(
    clock: Clock, make_client: MakeClient, recorder: Recorder, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    app = _app(
        clock, faults="http503 times=1 ops=list_clusters; envelope:10008 times=1 ops=list_jobs"
    )
    token = app.state.mock.mint_token()
    client = make_client("token", target=app, token=token)
    texts: list[str] = []
    assert _exercise(client, texts)
    expired = make_client("token", target=app, token=app.state.mock.mint_token(expired=True))
    assert not _exercise(expired, texts)
    assert any("TokenExpiredError" in text for text in texts)
    secrets = _secrets_sent(recorder) | {token}
    _assert_clean(texts, caplog.text, secrets)
