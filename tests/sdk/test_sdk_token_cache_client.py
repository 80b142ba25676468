"""``Client.from_token_cache``, ``sign_in()`` and ``token_expires_at``: working from the tokens a
sign-in cached (what ``scnet-hpc login`` leaves), without the secret key."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest

from scnet_hpc import (
    AsyncClient,
    Client,
    ConfigurationError,
    JobSpec,
    default_token_cache,
    jwt_expiry,
)
from scnet_hpc._token_cache import TokenCache
from scnet_hpc.mock import Clock, create_app

from .sdk_helpers import MOCK_URL, ASGISyncTransport, Recorder, RecordingTransport

MakeClient = Callable[..., Client]
LIFETIME = 43200  # default-deployment.yaml token_lifetime
GRACE = 86400  # default-deployment.yaml renew_grace


def count(mock: Any, op: str) -> int:
    return sum(n for (_, o), n in mock.requests.items() if o == op)


def cached(app: Any, path: Path, recorder: Recorder, **kwargs: Any) -> Client:
    state = app.state.mock
    kwargs.setdefault("platform_url", MOCK_URL)
    return Client.from_token_cache(
        state.demo.user,
        state.demo.access_key,
        token_cache=path,
        transport=RecordingTransport(ASGISyncTransport(app), recorder),
        clock=state.clock.now,
        sleep=state.clock.advance,
        seed=1,
        **kwargs,
    )


@pytest.fixture
def cache(make_client: MakeClient, tmp_path: Path) -> Path:
    """A cache filled by one access-key sign-in."""
    path = tmp_path / "tokens.json"
    make_client(token_cache=path).regions()
    return path


def cached_tokens(path: Path, mock: Any) -> dict[str, str]:
    tokens, _ = TokenCache(path, user=mock.demo.user, access_key=mock.demo.access_key).load()
    return {region: token.value for region, token in tokens.items()}


def test_works_from_the_cache_without_signing_in(
    app: Any, mock: Any, cache: Path, recorder: Recorder
) -> None:
    client = cached(app, cache, recorder)
    assert client.clusters()[0].id == mock.scheduler_id
    job = client.submit(JobSpec(command="echo hi", queue="debug", walltime=60))
    assert job.wait().is_terminal
    assert count(mock, "issue_tokens") == 1  # the sign-in that filled the cache, no other
    sent = {r.headers["token"] for r in recorder.requests if "/hpc/" in r.url.path}
    assert sent == {cached_tokens(cache, mock)["11250"]}
    assert client.token_expires_at == jwt_expiry(sent.pop())
    assert "cached tokens" in repr(client)


def test_renews_through_tokens_next_and_caches_the_new_token(
    app: Any, mock: Any, clock: Clock, cache: Path, recorder: Recorder
) -> None:
    client = cached(app, cache, recorder)
    old = cached_tokens(cache, mock)["11250"]
    clock.advance(LIFETIME - 300)  # inside the renewal margin
    client.clusters()
    assert (count(mock, "renew_token"), count(mock, "issue_tokens")) == (1, 1)
    new = cached_tokens(cache, mock)["11250"]
    assert new != old
    assert recorder.requests[-1].headers["token"] == new
    # An expired token is still renewed within the platform's grace period.
    clock.advance(LIFETIME + 100)
    assert cached(app, cache, recorder).clusters()
    assert (count(mock, "renew_token"), count(mock, "issue_tokens")) == (2, 1)


def test_an_unrenewable_expired_token_says_to_log_in(
    app: Any, mock: Any, clock: Clock, cache: Path, recorder: Recorder
) -> None:
    client = cached(app, cache, recorder)
    clock.advance(LIFETIME + GRACE + 100)
    with pytest.raises(ConfigurationError, match="has expired and could not be renewed") as e:
        client.clusters()
    assert "run 'scnet-hpc login'" in str(e.value)
    assert count(mock, "renew_token") == 1
    assert count(mock, "issue_tokens") == 1
    assert count(mock, "list_clusters") == 0  # nothing sent with a token known to be dead


def test_a_refused_token_is_renewed_once_and_the_call_retried(
    clock: Clock, make_client: MakeClient, tmp_path: Path, recorder: Recorder
) -> None:
    app = create_app(clock=clock, faults="envelope:10008 ops=list_clusters times=1")
    path = tmp_path / "tokens.json"
    make_client(target=app, token_cache=path).regions()
    assert cached(app, path, recorder).clusters()
    state = app.state.mock
    assert (count(state, "list_clusters"), count(state, "renew_token")) == (2, 1)
    assert count(state, "issue_tokens") == 1


def test_without_a_usable_cache_it_refuses_at_once(
    app: Any, cache: Path, tmp_path: Path, recorder: Recorder
) -> None:
    recorder.requests.clear()  # the sign-in that filled the cache
    with pytest.raises(ConfigurationError, match="no cached token for user demo") as e:
        cached(app, tmp_path / "missing.json", recorder)
    assert "run 'scnet-hpc login'" in str(e.value)
    with pytest.raises(ConfigurationError, match="no cached token for region 99"):
        cached(app, cache, recorder, region="99")
    with pytest.raises(ConfigurationError, match="base_url needs the region"):
        cached(app, cache, recorder, base_url=MOCK_URL)
    with pytest.raises(ConfigurationError, match="user must be a non-empty string"):
        Client.from_token_cache(" ", "ak", token_cache=cache)
    with pytest.raises(ConfigurationError, match="secret_key must be a non-empty string"):
        Client.from_access_key("demo", "ak", None)  # type: ignore[arg-type]
    assert recorder.requests == []


def test_region_facts_given_beforehand_spare_the_center_call(
    app: Any, mock: Any, cache: Path, recorder: Recorder
) -> None:
    client = cached(
        app, cache, recorder, region="11250", base_url=MOCK_URL + "/hpc", cluster_user="demo",
        home_path="/public/home/demo", scheduler_id=mock.scheduler_id,
    )  # fmt: skip
    job = client.submit(JobSpec(command="echo hi", queue="debug", walltime=60))
    assert client.jobs(job_id=job.id)[0].job_id == job.id
    assert count(mock, "get_center") == 0
    assert count(mock, "list_clusters") == 0
    by_name = cached(app, cache, recorder, region="华东一区【昆山】(mock)")
    assert by_name.region_info().id == "11250"  # by name, found through center


def test_sign_in_forces_a_fresh_sign_in_and_replaces_the_cache(
    make_client: MakeClient, app: Any, mock: Any, clock: Clock, cache: Path, recorder: Recorder
) -> None:
    before = cached_tokens(cache, mock)
    clock.advance(5)  # a new token differs from the cached one
    client = make_client(token_cache=cache)
    assert client.token_expires_at is None  # nothing chosen or held yet
    regions = client.sign_in()
    assert [r.id for r in regions] == ["11250", "20078"]
    assert count(mock, "issue_tokens") == 2  # although the cache held usable tokens
    after = cached_tokens(cache, mock)
    assert after["11250"] != before["11250"]
    client.clusters()
    assert client.token_expires_at == jwt_expiry(after["11250"])
    with pytest.raises(ConfigurationError, match="needs an access key and its secret key"):
        cached(app, cache, recorder).sign_in()
    with pytest.raises(ConfigurationError, match="needs an access key"):
        make_client("token").sign_in()
    assert count(mock, "issue_tokens") == 2


def test_static_token_expiry(make_client: MakeClient, mock: Any) -> None:
    token = mock.mint_token(lifetime=100)
    assert make_client("token", token=token).token_expires_at == jwt_expiry(token)


def test_default_cache_location(
    make_client: MakeClient, app: Any, mock: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert default_token_cache({"XDG_CACHE_HOME": str(tmp_path)}) == (
        tmp_path / "scnet-hpc" / "tokens.json"
    )
    assert default_token_cache({}).parts[-2:] == ("scnet-hpc", "tokens.json")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    make_client(token_cache=default_token_cache()).regions()  # what login does
    client = Client.from_token_cache(
        mock.demo.user, mock.demo.access_key, platform_url=MOCK_URL,
        transport=ASGISyncTransport(app), clock=mock.clock.now,
    )  # fmt: skip
    assert client.clusters()[0].id == mock.scheduler_id
    assert count(mock, "issue_tokens") == 1


def test_async_client_from_token_cache(app: Any, mock: Any, cache: Path) -> None:
    async def run() -> list[Any]:
        state = app.state.mock
        async with AsyncClient.from_token_cache(
            state.demo.user,
            state.demo.access_key,
            token_cache=cache,
            platform_url=MOCK_URL,
            transport=httpx.ASGITransport(app=app),
            clock=state.clock.now,
        ) as client:
            clusters = await client.clusters()
            with pytest.raises(ConfigurationError):
                await client.sign_in()
            return [c.id for c in clusters]

    assert asyncio.run(run()) == [mock.scheduler_id]
    assert count(mock, "issue_tokens") == 1
