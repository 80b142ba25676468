"""Refused credentials: every secured operation refuses each kind of bad token, sign-in refuses
bad signatures — with the documented codes, never ``"0"``.

These replace schemathesis's ``ignored_auth`` and ``missing_required_header`` (which judge by
HTTP status) with deterministic probes of every operation; the generated cases exercise the
same expectations (``_checks.AUTH_CODES``) at random as well.
"""

from __future__ import annotations

import pytest

from ._checks import envelope_of, expected_codes
from ._inputs import token_for
from ._known_good import cancel_body, known_good
from ._settings import Writes
from ._signing import sign_in_headers
from ._spec import operation_ids
from ._suite import FILE_WRITES, SESSION_OPS, WRITE_OPS, session_suite

SUITE = session_suite()
FACTS = SUITE.target.get_facts()

# Probe name -> (token sent, None for no header; the kind the checks classify it as).
PROBES: dict[str, tuple[str | None, str]] = {
    "missing": (None, "missing"),
    "blank": ("", "missing"),
    "garbage": ("not-a-token", "malformed"),
    "tampered": (token_for("tampered", FACTS), "malformed"),
    "bearer": (token_for("bearer", FACTS), "malformed"),
    "expired": (FACTS.expired_token, "expired"),
    "stale": (FACTS.stale_token, "stale"),
    "platform": (FACTS.platform_token, "platform"),
    "other_region": (FACTS.other_region_token, "other_region"),
}
AGE_KNOWN = FACTS.stale_token is not None
READ_ONLY = SUITE.settings.writes is Writes.NONE
SECURED = sorted(op for op in operation_ids() if op != "issue_tokens")
PROBED = [op for op in SECURED if not (READ_ONLY and op in WRITE_OPS | FILE_WRITES | SESSION_OPS)]
AVAILABLE = [
    probe for probe, (token, _) in PROBES.items() if token is not None or probe == "missing"
]


def _codes(operation_id: str, probe: str) -> frozenset[str] | None:
    return expected_codes(operation_id, PROBES[probe][1], token_age_known=AGE_KNOWN)


REFUSALS = [
    (op, probe)
    for op in PROBED
    for probe in AVAILABLE
    if (codes := _codes(op, probe)) is not None and "0" not in codes
]
ACCEPTED = [(op, probe) for op in PROBED for probe in AVAILABLE if _codes(op, probe) is None]


NOT_PROBED = sorted(set(SECURED) - set(PROBED))
UNAVAILABLE = sorted(set(PROBES) - set(AVAILABLE))

# What this target leaves out is reported as one visible skip each (defined only when needed).
if NOT_PROBED:

    @pytest.mark.parametrize("operation_id", NOT_PROBED)
    def test_operations_not_probed_here(operation_id: str) -> None:
        pytest.skip(f"{operation_id}: read-only run (set SCNET_CONTRACT_WRITES=1)")


if UNAVAILABLE:

    @pytest.mark.parametrize("probe", UNAVAILABLE)
    def test_tokens_not_available_here(probe: str) -> None:
        hint = " (set SCNET_EXPIRED_TOKEN)" if probe == "expired" else ""
        pytest.skip(f"this target gives the suite no {probe.replace('_', ' ')} token{hint}")


def _clean_up_if_submitted(operation_id: str, body: dict[str, object]) -> None:
    """A server that ignored the token may have run the job: cancel it with the valid token."""
    job = body.get("data")
    if operation_id == "submit_job" and body.get("code") == "0" and isinstance(job, str):
        SUITE.send(known_good(SUITE, "cancel_jobs", body=cancel_body(FACTS, job)))


@pytest.mark.parametrize(("operation_id", "probe"), REFUSALS)
def test_bad_token_is_refused(operation_id: str, probe: str) -> None:
    expected = _codes(operation_id, probe)
    assert expected is not None
    case = known_good(SUITE, operation_id, token=PROBES[probe][0])
    response = SUITE.send(case)
    body = envelope_of(response) or {}
    try:
        SUITE.record(case, response, "scripted")
        SUITE.validate(case, response)
    finally:
        _clean_up_if_submitted(operation_id, body)
    code = body.get("code")
    assert code in expected, (
        f"{operation_id} with a {probe} token: code {code!r}, expected {sorted(expected)}"
    )


@pytest.mark.parametrize(("operation_id", "probe"), ACCEPTED)
def test_platform_operations_accept_any_valid_token(operation_id: str, probe: str) -> None:
    """Token state and renewal serve any valid token; so does center (live: 10001 to `ac`)."""
    case = known_good(SUITE, operation_id, token=PROBES[probe][0])
    response = SUITE.exercise(case, source="scripted", prepare=False)
    code = (envelope_of(response) or {}).get("code")
    assert code == "0", f"{operation_id} refused a valid {probe} token with code {code!r}"


def test_recently_expired_token_can_be_renewed() -> None:
    if "renew_token" not in PROBED:
        pytest.skip("renew_token: read-only run (set SCNET_CONTRACT_WRITES=1)")
    if FACTS.expired_token is None or not AGE_KNOWN:
        pytest.skip("needs an expired token of known age (the suite mints one in-process)")
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
    if READ_ONLY:
        pytest.skip("issue_tokens: read-only run (set SCNET_CONTRACT_WRITES=1)")
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
