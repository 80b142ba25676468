"""Signing, JWT expiry, redaction and the token cache, without any server."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from scnet_hpc import jwt_expiry, redact, sign, string_to_sign
from scnet_hpc._logging import register_secret, render_curl
from scnet_hpc._token_cache import TokenCache
from scnet_hpc._tokens import Token
from scnet_hpc.mock import sign as mock_sign

from .sdk_helpers import make_jwt


def test_signature_matches_the_documented_test_vector() -> None:
    message = string_to_sign("85f96a42b13f4d2c8b760d2775bbcca8", "1764597591", "bob")
    assert (
        message
        == '{"accessKey":"85f96a42b13f4d2c8b760d2775bbcca8","timestamp":"1764597591","user":"bob"}'
    )
    signature = sign("example-secret-key", "85f96a42b13f4d2c8b760d2775bbcca8", "1764597591", "bob")
    assert signature == "00d6fe96cb617a5313739674077a273f15ce0bec5166beccf6f690f833fab992"
    # the spaced serialisation gives the other documented digest: ours is not that one
    assert signature != "58bb021ae64cdb4f98bf6c94eaba6b7b73f43ed79cf7263903ddb548ea831fa9"


def test_non_ascii_user_names_are_signed_as_utf8() -> None:
    assert "张三" in string_to_sign("ak", "1", "张三")
    assert sign("sk", "ak", "1", "张三") == mock_sign("sk", "ak", "1", "张三")


def test_jwt_expiry_reads_expire_time_in_milliseconds() -> None:
    assert jwt_expiry(make_jwt({"expireTime": "1764597591000"})) == 1764597591.0
    assert jwt_expiry(make_jwt({"exp": 1764597591})) == 1764597591.0
    assert jwt_expiry(make_jwt({"user": "x"})) is None
    assert jwt_expiry("not a jwt") is None
    assert jwt_expiry("a.!!!.c") is None


def test_token_expiry_helpers() -> None:
    token = Token.parse(make_jwt({"expireTime": "2000000"}))  # 2000 s after the epoch
    assert token.expires_at == 2000.0
    assert token.expires_within(600, now=1500)
    assert not token.expires_within(600, now=1000)
    assert token.expired(now=2000)
    assert not token.expired(now=1999)
    assert "eyJ" not in repr(token)


def test_redaction_masks_jwts_signatures_and_registered_secrets() -> None:
    jwt = make_jwt({"expireTime": "1"})
    signature = "00d6fe96cb617a5313739674077a273f15ce0bec5166beccf6f690f833fab992"
    register_secret("my-very-own-secret-key")
    text = redact(f"token {jwt} sig {signature} sk my-very-own-secret-key ok")
    assert jwt not in text
    assert signature not in text
    assert "my-very-own-secret-key" not in text
    assert text.endswith("ok")
    # ordinary ids and short strings stay readable
    assert redact("job 35900 on 1638523853") == "job 35900 on 1638523853"


def test_curl_rendering_masks_secret_headers() -> None:
    line = render_curl(
        "POST",
        "http://mock/api/user/v3/tokens",
        headers={"user": "demo", "accessKey": "AKAKAK", "signature": "x" * 8, "token": "t0ken"},
    )
    assert "AKAKAK" not in line
    assert "t0ken" not in line
    assert "xxxxxxxx" not in line
    assert "user: demo" in line


def test_token_cache_is_private_and_keyed_by_identity(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "tokens.json"
    token = Token.parse(make_jwt({"expireTime": "9999999999999"}))
    cache = TokenCache(path, user="demo", access_key="demo-access-key")
    cache.save({"11250": token}, [{"id": "11250", "name": "r", "available": True}])
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert "demo-access-key" not in path.read_text()
    tokens, regions = TokenCache(path, user="demo", access_key="demo-access-key").load()
    assert tokens["11250"].value == token.value
    assert regions == [{"id": "11250", "name": "r", "available": True}]
    # another identity shares the file but not the tokens
    other = TokenCache(path, user="demo", access_key="other-key")
    assert other.load() == ({}, [])
    other.save({"1": token}, [])
    assert TokenCache(path, user="demo", access_key="demo-access-key").load()[0]
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600


def test_a_broken_cache_is_ignored(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    path = tmp_path / "tokens.json"
    path.write_text("{not json")
    cache = TokenCache(path, user="demo", access_key="ak")
    assert cache.load() == ({}, [])
    assert "not used" in caplog.text
    cache.save({}, [])  # overwrites the broken file
    assert json.loads(path.read_text())["version"] == 1
