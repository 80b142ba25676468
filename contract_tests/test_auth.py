"""Refused credentials: every secured operation refuses each kind of bad token, sign-in refuses
bad signatures — with the documented codes, never ``"0"``.

These replace schemathesis's ``ignored_auth`` and ``missing_required_header`` (which judge by
HTTP status) with deterministic probes of every operation; the generated cases exercise the
same expectations (``_checks.AUTH_CODES``) at random as well.
"""

from __future__ import annotations

import pytest

from ._checks import AUTH_CODES, envelope_of
from ._known_good import known_good
from ._settings import Writes
from ._signing import sign_in_headers
from ._spec import operation_ids
from ._suite import SESSION_OPS, WRITE_OPS, session_suite

SUITE = session_suite()
FACTS = SUITE.target.get_facts()
PLATFORM_OPS = {"get_center", "get_token_state", "renew_token"}

# kind -> the token sent (None: no token header at all)
TOKENS: dict[str, str | None] = {
    "missing": None,
    "blank": "",
    "garbage": "not-a-token",
    "tampered": FACTS.token[:-2] + ("AA" if not FACTS.token.endswith("AA") else "BB"),
    "bearer": f"Bearer {FACTS.token}",
}
EXPECTED = {
    "missing": AUTH_CODES["missing"],
    "blank": AUTH_CODES["missing"],
    "garbage": AUTH_CODES["malformed"],
    "tampered": AUTH_CODES["malformed"],
    "bearer": AUTH_CODES["malformed"],
}
OPTIONAL = {
    "expired": FACTS.expired_token,
    "stale": FACTS.stale_token,
    "platform": FACTS.platform_token,
    "other_region": FACTS.other_region_token,
}
SECURED = sorted(op for op in operation_ids() if op != "issue_tokens")


def _expected(operation_id: str, kind: str) -> frozenset[str] | None:
    if kind in EXPECTED:
        return EXPECTED[kind]
    if operation_id in PLATFORM_OPS and kind in ("platform", "other_region"):
        return (
            frozenset({"10001"}) | AUTH_CODES[kind]
            if operation_id == "get_center" and kind == "platform"
            else None
        )
    if operation_id == "renew_token" and kind == "expired":
        return None  # renewal of a recently expired token is allowed (see test below)
    return AUTH_CODES[kind]


def _allowed(operation_id: str) -> None:
    if SUITE.settings.writes is Writes.NONE and operation_id in WRITE_OPS | SESSION_OPS:
        pytest.skip(f"{operation_id}: read-only run (set SCNET_CONTRACT_WRITES=1)")


REFUSALS = [(op, kind) for op in SECURED for kind in [*TOKENS, *OPTIONAL] if _expected(op, kind)]
# Renewal with an expired token has its own test (it depends on the token's age).
ACCEPTED = [
    (op, kind)
    for op in SECURED
    for kind in OPTIONAL
    if not _expected(op, kind) and (op, kind) != ("renew_token", "expired")
]


def _token(kind: str) -> str | None:
    if kind in TOKENS:
        return TOKENS[kind]
    token = OPTIONAL[kind]
    if token is None:
        hint = " (set SCNET_EXPIRED_TOKEN)" if kind == "expired" else ""
        pytest.skip(f"this target gives the suite no {kind.replace('_', ' ')} token{hint}")
    return token


def _clean_up_if_submitted(operation_id: str, body: dict[str, object]) -> None:
    """A server that ignored the token may have run the job: cancel it with the valid token."""
    if (
        operation_id == "submit_job"
        and body.get("code") == "0"
        and isinstance(body.get("data"), str)
    ):
        job = str(body["data"])
        cancel = {
            "jobMethod": "5",
            "strJobInfoMap": f"{FACTS.scheduler_id},{FACTS.cluster_user}:{job}:",
        }
        SUITE.send(known_good(SUITE, "cancel_jobs", body=cancel))


@pytest.mark.parametrize(("operation_id", "kind"), REFUSALS)
def test_bad_token_is_refused(operation_id: str, kind: str) -> None:
    _allowed(operation_id)
    token = _token(kind)
    expected = _expected(operation_id, kind)
    assert expected is not None
    case = known_good(SUITE, operation_id, token=token)
    response = SUITE.send(case)
    body = envelope_of(response) or {}
    try:
        SUITE.record(case, response, "scripted")
        SUITE.validate(case, response)
    finally:
        _clean_up_if_submitted(operation_id, body)
    code = body.get("code")
    assert code in expected, (
        f"{operation_id} with a {kind} token: code {code!r}, expected {sorted(expected)}"
    )


@pytest.mark.parametrize(("operation_id", "kind"), ACCEPTED)
def test_platform_operations_accept_any_valid_token(operation_id: str, kind: str) -> None:
    """Token state and renewal serve any valid token; so does center (live: 10001 to `ac`)."""
    _allowed(operation_id)
    token = _token(kind)
    case = known_good(SUITE, operation_id, token=token)
    response = SUITE.exercise(case, source="scripted", prepare=False)
    code = (envelope_of(response) or {}).get("code")
    assert code == "0", f"{operation_id} refused a valid {kind} token with code {code!r}"


def test_recently_expired_token_can_be_renewed() -> None:
    _allowed("renew_token")
    if FACTS.expired_token is None or FACTS.stale_token is None:
        pytest.skip("needs a token of known age (in-process only)")
    response = SUITE.exercise(
        known_good(SUITE, "renew_token", token=FACTS.expired_token),
        source="scripted",
        prepare=False,
    )
    body = envelope_of(response) or {}
    assert body.get("code") == "0", f"renewal within the grace period refused: {body.get('code')!r}"
    assert body.get("data"), "renewal answered no token"


def _sign_in(headers: dict[str, str]) -> str | None:
    response = SUITE.exercise(
        known_good(SUITE, "issue_tokens", headers=headers), source="scripted", prepare=False
    )
    return (envelope_of(response) or {}).get("code")


@pytest.fixture
def signed() -> dict[str, str]:
    _allowed("issue_tokens")
    if FACTS.credentials is None:
        pytest.skip("sign-in probes need SCNET_USER/SCNET_ACCESS_KEY/SCNET_SECRET_KEY")
    now = SUITE.target.mock.clock.now() if SUITE.target.mock is not None else None
    return sign_in_headers(*FACTS.credentials, now=now)


@pytest.mark.parametrize("header", ["user", "accessKey", "signature", "timestamp"])
def test_sign_in_without_a_header_is_refused(signed: dict[str, str], header: str) -> None:
    headers = {k: v for k, v in signed.items() if k != header}
    assert _sign_in(headers) in {"10003", "10009"}


def test_sign_in_with_a_wrong_signature_is_refused(signed: dict[str, str]) -> None:
    wrong = "0" * 64 if signed["signature"] != "0" * 64 else "1" * 64
    assert _sign_in({**signed, "signature": wrong}) == "10009"


def test_sign_in_with_an_old_timestamp_is_refused(signed: dict[str, str]) -> None:
    assert FACTS.credentials is not None
    old = int(signed["timestamp"]) - 24 * 3600
    assert _sign_in(sign_in_headers(*FACTS.credentials, now=old)) == "10009"


def test_sign_in_with_spaced_json_signature_is_refused(signed: dict[str, str]) -> None:
    """The string to sign is compact JSON; a client that signs `json.dumps` output is wrong."""
    import hashlib
    import hmac
    import json

    user, access_key, secret_key = FACTS.credentials or ("", "", "")
    message = json.dumps({"accessKey": access_key, "timestamp": signed["timestamp"], "user": user})
    signature = hmac.new(secret_key.encode(), message.encode(), hashlib.sha256).hexdigest()
    assert _sign_in({**signed, "signature": signature}) == "10009"
