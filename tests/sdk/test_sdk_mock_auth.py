"""Tokens against the mock: sign-in, renewal before expiry, the 10008 path, cache, regions."""

from __future__ import annotations

import copy
import os
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from scnet_hpc import (
    AccountFrozenError,
    AuthenticationError,
    Client,
    ConfigurationError,
    TokenExpiredError,
)
from scnet_hpc.mock import DEFAULT_DEPLOYMENT, Clock, create_app, load_deployment

MakeClient = Callable[..., Client]
LIFETIME = 43200  # default-deployment.yaml token_lifetime


def count(mock: Any, op: str) -> int:
    return sum(n for (_, o), n in mock.requests.items() if o == op)


def tokens_sent(recorder: Any, path_part: str) -> list[str]:
    return [r.headers["token"] for r in recorder.requests if path_part in r.url.path]


def deployment(edit: Callable[[dict[str, Any]], None]) -> Any:
    raw = yaml.safe_load(DEFAULT_DEPLOYMENT.read_text(encoding="utf-8"))
    raw = copy.deepcopy(raw)
    edit(raw)
    return load_deployment(raw)


def test_token_is_renewed_before_it_expires(
    make_client: MakeClient, mock: Any, clock: Clock, recorder: Any
) -> None:
    client = make_client()
    client.clusters()
    clock.advance(LIFETIME - 300)  # inside the 600 s renewal margin, not yet expired
    client.clusters()
    assert count(mock, "renew_token") == 1
    assert count(mock, "issue_tokens") == 1
    first, second = tokens_sent(recorder, "/cluster")
    assert first != second
    clock.advance(400)  # the old token has now expired; the renewed one has not
    client.clusters()
    assert count(mock, "renew_token") == 1
    assert count(mock, "issue_tokens") == 1


def test_failed_renewal_falls_back_to_signing_in(clock: Clock, make_client: MakeClient) -> None:
    app = create_app(clock=clock, faults="envelope:10008 ops=renew_token")
    client = make_client(target=app)
    client.clusters()
    clock.advance(LIFETIME - 60)
    client.clusters()
    assert count(app.state.mock, "renew_token") == 1
    assert count(app.state.mock, "issue_tokens") == 2


def test_an_expired_token_means_signing_in_again(
    make_client: MakeClient, mock: Any, clock: Clock
) -> None:
    client = make_client()
    client.clusters()
    clock.advance(LIFETIME + 10)
    client.clusters()
    assert count(mock, "issue_tokens") == 2
    assert count(mock, "renew_token") == 0


def test_10008_refreshes_once_and_retries_once(clock: Clock, make_client: MakeClient) -> None:
    app = create_app(clock=clock, faults="envelope:10008 ops=list_clusters times=1")
    client = make_client(target=app)
    assert client.clusters()
    assert count(app.state.mock, "list_clusters") == 2
    assert count(app.state.mock, "issue_tokens") == 2


def test_10008_twice_is_raised(clock: Clock, make_client: MakeClient) -> None:
    app = create_app(clock=clock, faults="envelope:10008 ops=list_clusters times=2")
    client = make_client(target=app)
    with pytest.raises(AuthenticationError) as caught:
        client.clusters()
    assert not isinstance(caught.value, TokenExpiredError)  # the new token was fresh
    assert count(app.state.mock, "list_clusters") == 2  # refresh once, retry once, then raise
    assert count(app.state.mock, "issue_tokens") == 2


def test_an_expired_static_token_is_reported_as_expired(make_client: MakeClient, mock: Any) -> None:
    client = make_client("token", token=mock.mint_token(expired=True), cluster_user="demo")
    with pytest.raises(TokenExpiredError) as caught:
        client.clusters()
    assert caught.value.code == "10008"
    assert count(mock, "list_clusters") == 1


def test_bad_secret_key_is_an_authentication_error(make_client: MakeClient, mock: Any) -> None:
    client = make_client(secret_key="wrong-secret-key")
    with pytest.raises(AuthenticationError) as caught:
        client.clusters()
    assert caught.value.code == "10009"
    assert "wrong-secret-key" not in str(caught.value)
    assert count(mock, "issue_tokens") == 1  # a refused signature is not refreshed or retried


def test_token_cache_saves_sign_ins(make_client: MakeClient, mock: Any, tmp_path: Path) -> None:
    path = tmp_path / "cache" / "tokens.json"
    make_client(token_cache=path).clusters()
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    text = path.read_text()
    assert mock.demo.secret_key not in text
    assert mock.demo.access_key not in text
    again = make_client(token_cache=path)
    assert again.clusters()
    assert [r.id for r in again.regions()] == ["11250", "20078"]
    assert count(mock, "issue_tokens") == 1


def test_region_can_be_chosen_by_id_or_name(make_client: MakeClient, recorder: Any) -> None:
    by_id = make_client(region="20078")
    assert by_id.region_info().hpc_url == "http://mock/regions/20078"
    assert by_id.clusters()[0].id == 1615443225
    assert recorder.requests[-1].url.path == "/regions/20078/hpc/openapi/v2/cluster"
    by_name = make_client(region="华中三区【武汉】(mock)")
    assert by_name.region_info().id == "20078"
    with pytest.raises(ConfigurationError, match="11250"):
        make_client(region="nowhere").clusters()


def test_stopped_region_is_listed_but_skipped(clock: Clock, make_client: MakeClient) -> None:
    def stop_first(raw: dict[str, Any]) -> None:
        raw["users"][0]["regions"][0]["stopped"] = True

    app = create_app(deployment(stop_first), clock=clock)
    client = make_client(target=app)
    regions = client.regions()
    assert [(r.id, r.available) for r in regions] == [("11250", False), ("20078", True)]
    assert client.region_info().id == "20078"
    with pytest.raises(ConfigurationError, match="stopped or in arrears"):
        make_client(target=app, region="11250").clusters()


def test_frozen_user(clock: Clock, make_client: MakeClient) -> None:
    def freeze(raw: dict[str, Any]) -> None:
        raw["users"][0]["frozen"] = True

    app = create_app(deployment(freeze), clock=clock)
    with pytest.raises(AccountFrozenError):
        make_client(target=app).clusters()
