"""Sign-in and token checks: the documented signature, and the code for every kind of bad token."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from typing import Any

import jwt
import pytest

from scnet_hpc.mock import Clock, create_app, load_deployment
from scnet_hpc.mock.testing import sync_client

from .mock_contract import Api, one_region_deployment

TOKENS = "/api/user/v3/tokens"


def claims(token: str) -> dict[str, Any]:
    payload = token.split(".")[1]
    decoded: dict[str, Any] = json.loads(
        base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4))
    )
    return decoded


def sign(secret: str, access_key: str, timestamp: str, user: str) -> str:
    message = json.dumps(
        {"accessKey": access_key, "timestamp": timestamp, "user": user},
        separators=(",", ":"),
        ensure_ascii=False,
    )
    return hmac.new(secret.encode(), message.encode(), hashlib.sha256).hexdigest()


def headers(
    clock: Clock,
    *,
    user: str = "demo",
    ak: str = "demo-access-key",
    sk: str = "demo-secret-key",
    skew: int = 0,
) -> dict[str, str]:
    stamp = str(int(clock.now()) + skew)
    return {
        "user": user,
        "accessKey": ak,
        "timestamp": stamp,
        "signature": sign(sk, ak, stamp, user),
    }


def test_documented_check_value() -> None:
    # auth-and-regions.md §2.2: locally computed check value for the documented message
    assert (
        sign("example-secret-key", "85f96a42b13f4d2c8b760d2775bbcca8", "1764597591", "bob")
        == "00d6fe96cb617a5313739674077a273f15ce0bec5166beccf6f690f833fab992"
    )


def test_sign_in_issues_one_token_per_region_and_the_platform_token(api: Api, clock: Clock) -> None:
    data = api.ok("issue_tokens", token=False, headers=headers(clock))
    assert [(t["clusterId"], t["clusterName"]) for t in data][-1] == ("0", "ac")
    assert {t["clusterId"] for t in data} == {"11250", "20078", "0"}
    for entry in data:
        c = claims(entry["token"])
        assert c["clusterId"] == entry["clusterId"]
        assert c["user"] == "demo"
        assert c["computeUser"] == "demo"
        assert c["creator"] == "ac"
        # expireTime: milliseconds since the epoch, as a string, 12 h after issue by default
        assert isinstance(c["expireTime"], str)
        assert int(c["expireTime"]) == pytest.approx((clock.now() + 43200) * 1000, abs=1000)
        assert jwt.get_unverified_header(entry["token"])["alg"] == "HS256"


@pytest.mark.parametrize(
    ("change", "code"),
    [
        ({"signature": "0" * 64}, "10009"),  # wrong signature
        ({"signature": "zz"}, "10004"),  # not a hex signature at all
        ({"accessKey": "no-such-key"}, "10009"),  # unknown access key
        ({"user": "someone-else"}, "10009"),  # key of another user
        ({"timestamp": "17645975910000000"}, "10004"),  # not seconds
        ({"timestamp": "-5"}, "10004"),
    ],
)
def test_bad_sign_in(api: Api, clock: Clock, change: dict[str, str], code: str) -> None:
    body = api.call("issue_tokens", token=False, headers={**headers(clock), **change})
    assert body["code"] == code


@pytest.mark.parametrize("missing", ["user", "accessKey", "signature", "timestamp"])
def test_sign_in_without_a_header_is_10003(api: Api, clock: Clock, missing: str) -> None:
    h = headers(clock)
    del h[missing]
    body = api.call("issue_tokens", token=False, headers=h)
    assert body["code"] == "10003"
    assert missing in body["msg"]


@pytest.mark.parametrize(
    ("skew", "code"), [(-301, "10009"), (301, "10009"), (-299, "0"), (299, "0")]
)
def test_stale_or_future_timestamps_are_refused(
    api: Api, clock: Clock, skew: int, code: str
) -> None:
    body = api.call("issue_tokens", token=False, headers=headers(clock, skew=skew))
    assert body["code"] == code


def test_non_ascii_user_names_are_signed_as_utf8(clock: Clock) -> None:
    raw = one_region_deployment(
        [
            {
                "name": "张三",
                "access_key": "ak",
                "secret_key": "sk",
                "regions": [{"region": 1, "cluster_user": "zhangsan"}],
            }
        ]
    )
    app = create_app(load_deployment(raw), clock=clock)
    h = headers(clock, user="张三", ak="ak", sk="sk")
    with sync_client(app) as http:
        encoded = {k: v.encode("utf-8") for k, v in h.items()}
        body = http.post(TOKENS, headers=encoded).json()
    assert body["code"] == "0", body
    assert claims(body["data"][0]["token"])["computeUser"] == "zhangsan"


def test_stopped_region_gets_a_null_token_and_frozen_user_10007(clock: Clock) -> None:
    raw = one_region_deployment(
        [
            {
                "name": "u1",
                "access_key": "ak1",
                "secret_key": "sk1",
                "regions": [{"region": 1, "stopped": True}],
            },
            {
                "name": "u2",
                "access_key": "ak2",
                "secret_key": "sk2",
                "frozen": True,
                "regions": [{"region": 1}],
            },
        ]
    )
    app = create_app(load_deployment(raw), clock=clock)
    with sync_client(app) as http:
        stopped = http.post(TOKENS, headers=headers(clock, user="u1", ak="ak1", sk="sk1")).json()
        frozen = http.post(TOKENS, headers=headers(clock, user="u2", ak="ak2", sk="sk2")).json()
    assert stopped["code"] == "0"
    assert stopped["data"][0] == {"clusterName": "r", "clusterId": "1", "token": None}
    assert stopped["data"][1]["token"]  # the platform token is still issued
    assert frozen["code"] == "10007"


# ---------------------------------------------------------------- token checks on job calls


def test_missing_token_is_10003(api: Api) -> None:
    assert api.call("list_clusters", token=None)["code"] == "10003"
    assert api.call("list_clusters", token=False, headers={"token": "  "})["code"] == "10003"


@pytest.mark.parametrize("bad", ["abc", "a.b.c", "eyJhbGciOiJIUzI1NiJ9.e30.sig", "Bearer x"])
def test_malformed_token_is_10009(api: Api, bad: str) -> None:
    assert api.call("list_clusters", token=bad)["code"] == "10009"


def test_token_signed_with_another_key_is_10009(api: Api, mock: Any) -> None:
    forged = jwt.encode(claims(mock.mint_token()), "not-the-mock-key-" * 3, algorithm="HS256")
    assert api.call("list_clusters", token=forged)["code"] == "10009"


def test_expired_token_is_10008(api: Api, mock: Any, clock: Clock) -> None:
    assert api.call("list_clusters", token=mock.mint_token(expired=True))["code"] == "10008"
    assert api.call("get_token_state", token=mock.mint_token(expired=True))["code"] == "10008"
    fresh = mock.mint_token(lifetime=100)
    assert api.call("list_clusters", token=fresh)["code"] == "0"
    clock.advance(101)
    assert api.call("list_clusters", token=fresh)["code"] == "10008"


def test_token_of_another_region_or_the_platform_is_10009(api: Api, mock: Any) -> None:
    other = mock.mint_token(region_id=20078)
    assert api.call("list_clusters", token=other)["code"] == "10009"
    assert api.call("list_clusters", token=mock.mint_token(platform=True))["code"] == "10009"
    # ...and it works on its own region's prefix
    assert (
        api.call("list_clusters", token=other, prefix="/regions/20078")["data"][0]["id"]
        == 1615443225
    )
    assert api.call("list_clusters", prefix="/regions/20078")["code"] == "10009"


def test_center_with_the_platform_token_is_10001(api: Api, mock: Any) -> None:
    body = api.call("get_center", token=mock.mint_token(platform=True))
    assert body == {"code": "10001", "msg": "internal_error", "data": None}


def test_center_points_each_region_at_its_own_job_api(api: Api, mock: Any) -> None:
    first = api.ok("get_center")
    second = api.ok("get_center", token=mock.mint_token(region_id=20078))
    assert first["hpcUrls"][0]["url"] == "http://testserver/hpc"
    assert second["hpcUrls"][0]["url"] == "http://testserver/regions/20078/hpc"
    assert second["clusterUserInfo"] == {"userName": "demo", "homePath": "/work/home/demo"}
    assert all(u["enable"] == "true" for key in ("hpcUrls", "efileUrls") for u in second[key])


def test_token_state_accepts_the_platform_token(api: Api, mock: Any) -> None:
    assert api.ok("get_token_state", token=mock.mint_token(platform=True)) == "token is valid"


def test_renewal_within_24_hours_of_expiry_then_not(api: Api, mock: Any, clock: Clock) -> None:
    old = mock.mint_token(lifetime=10)
    clock.advance(3600)  # expired an hour ago: still renewable
    new = api.ok("renew_token", token=old)
    assert int(claims(new)["expireTime"]) > clock.now() * 1000
    assert api.call("list_clusters", token=new)["code"] == "0"
    clock.advance(86400 + 10)  # now `old` expired more than 24 h ago
    assert api.call("renew_token", token=old)["code"] == "10008"
