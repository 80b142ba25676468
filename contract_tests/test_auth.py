"""Refused credentials: every secured operation refuses each kind of bad token, sign-in refuses
bad signatures — with the documented codes, never ``"0"``.

These replace schemathesis's ``ignored_auth`` and ``missing_required_header`` (which judge by
HTTP status) with deterministic probes of every operation; the generated cases exercise the
same expectations (``_checks.AUTH_CODES``) at random as well.

The probes are chosen from the settings alone (collecting signs in to nothing); the tokens are
taken from what the suite discovered when a test runs.
"""

from __future__ import annotations

import pytest

from ._checks import SIGN_IN_OPS, envelope_of, expected_codes
from ._inputs import token_for
from ._known_good import cancel_body, known_good, unavailable
from ._settings import Writes
from ._signing import sign_in_headers
from ._spec import operation_ids
from ._suite import (
    FILE_WRITES,
    SESSION_OPS,
    WRITE_OPS,
    fuzz_schema,
    fuzzed_operation_ids,
    session_schema,
    session_settings,
    session_suite,
)
from ._target import Facts, token_kinds_offered

SETTINGS = session_settings()

# Probe name -> the kind of credential the checks classify it as.
PROBES: dict[str, str] = {
    "missing": "missing",  # no token header at all
    "blank": "missing",
    "garbage": "malformed",
    "tampered": "malformed",
    "bearer": "malformed",
    "expired": "expired",
    "stale": "stale",
    "platform": "platform",
    "other_region": "other_region",
}
OFFERED = token_kinds_offered(SETTINGS, embedded=SETTINGS.in_process)
ALWAYS = {"missing", "blank", "garbage", "tampered", "bearer"}  # made from the valid token
AVAILABLE = [probe for probe in PROBES if probe in ALWAYS or probe in OFFERED]
UNAVAILABLE = sorted(set(PROBES) - set(AVAILABLE))

READ_ONLY = SETTINGS.writes is Writes.NONE
SECURED = sorted(op for op in operation_ids() if op not in SIGN_IN_OPS)
PROBED = [op for op in SECURED if not (READ_ONLY and op in WRITE_OPS | FILE_WRITES | SESSION_OPS)]
NOT_PROBED = sorted(set(SECURED) - set(PROBED))


def _facts() -> Facts:
    return session_suite().target.get_facts()


def _token(probe: str, facts: Facts) -> str | None:
    """The token a probe sends; None: no header ("missing") or none available here."""
    return {
        "missing": None,
        "blank": "",
        "garbage": "not-a-token",
        "tampered": token_for("tampered", facts),
        "bearer": token_for("bearer", facts),
        "expired": facts.expired_token,
        "stale": facts.stale_token,
        "platform": facts.platform_token,
        "other_region": facts.other_region_token,
    }[probe]


def _probe_token(probe: str) -> str | None:
    """The probe's token, or a visible skip when the target gave the suite none of that kind."""
    token = _token(probe, _facts())
    if token is None and probe != "missing":
        pytest.skip(f"this target gives the suite no {probe.replace('_', ' ')} token")
    return token


def _codes(operation_id: str, probe: str, *, age_known: bool) -> frozenset[str] | None:
    return expected_codes(operation_id, PROBES[probe], token_age_known=age_known)


# Which pairs are refusals and which acceptances does not depend on whether the expired token's
# age is known (that only decides whether renewal may also refuse: "0" is allowed either way).
REFUSALS = [
    (op, probe)
    for op in PROBED
    for probe in AVAILABLE
    if (codes := _codes(op, probe, age_known=False)) is not None and "0" not in codes
]
ACCEPTED = [
    (op, probe)
    for op in PROBED
    for probe in AVAILABLE
    if _codes(op, probe, age_known=False) is None
]


# What this target leaves out is reported as one visible skip each (defined only when needed),
# after checking that it really is left out.
if NOT_PROBED:

    @pytest.mark.parametrize("operation_id", NOT_PROBED)
    def test_operations_not_probed_here(operation_id: str) -> None:
        """A read-only run leaves this operation alone: no probe, and no generated request."""
        fuzzed = fuzzed_operation_ids(fuzz_schema(session_schema(), SETTINGS))
        assert operation_id not in fuzzed, (
            f"{operation_id} is spared the token probes of a read-only run, "
            "but still gets generated requests"
        )
        pytest.skip(f"{operation_id}: read-only run (set SCNET_CONTRACT_WRITES=1)")


if UNAVAILABLE:

    @pytest.mark.parametrize("probe", UNAVAILABLE)
    def test_tokens_not_available_here(probe: str) -> None:
        """The settings said this target offers no such token: check that discovery agrees
        (otherwise the suite holds a token it never probes with)."""
        discovered = _token(probe, _facts()) is not None  # a bool: the token stays out of reports
        assert not discovered, (
            f"the suite discovered a {probe} token but does not probe with it "
            "(token_kinds_offered is out of step with discover)"
        )
        hint = " (set SCNET_EXPIRED_TOKEN)" if probe == "expired" else ""
        pytest.skip(f"this target gives the suite no {probe.replace('_', ' ')} token{hint}")


def _clean_up_if_submitted(operation_id: str, body: dict[str, object]) -> None:
    """A server that ignored the token may have run the job: cancel it with the valid token."""
    job = body.get("data")
    if operation_id == "submit_job" and body.get("code") == "0" and isinstance(job, str):
        suite = session_suite()
        suite.send(known_good(suite, "cancel_jobs", body=cancel_body(_facts(), job)))


@pytest.mark.parametrize(("operation_id", "probe"), REFUSALS)
def test_bad_token_is_refused(operation_id: str, probe: str) -> None:
    suite = session_suite()
    token = _probe_token(probe)
    expected = _codes(operation_id, probe, age_known=_facts().stale_token is not None)
    assert expected is not None
    case = known_good(suite, operation_id, token=token)
    response = suite.send(case)
    body = envelope_of(response) or {}
    try:
        suite.record(case, response, "scripted")
        suite.validate(case, response)
    finally:
        _clean_up_if_submitted(operation_id, body)
    code = body.get("code")
    assert code in expected, (
        f"{operation_id} with a {probe} token: code {code!r}, expected {sorted(expected)}"
    )


@pytest.mark.parametrize(("operation_id", "probe"), ACCEPTED)
def test_platform_operations_accept_any_valid_token(operation_id: str, probe: str) -> None:
    """Token state and renewal serve any valid token; so does center (live: 10001 to `ac`)."""
    suite = session_suite()
    reason = unavailable(suite.target.get_facts(), operation_id)
    if reason is not None:
        pytest.skip(reason)
    case = known_good(suite, operation_id, token=_probe_token(probe))
    response = suite.exercise(case, source="scripted", prepare=False)
    code = (envelope_of(response) or {}).get("code")
    assert code == "0", f"{operation_id} refused a valid {probe} token with code {code!r}"


def test_recently_expired_token_can_be_renewed() -> None:
    if "renew_token" not in PROBED:
        pytest.skip("renew_token: read-only run (set SCNET_CONTRACT_WRITES=1)")
    facts = _facts()
    if facts.expired_token is None or facts.stale_token is None:
        pytest.skip("needs an expired token of known age (the suite mints one in-process)")
    suite = session_suite()
    response = suite.exercise(
        known_good(suite, "renew_token", token=facts.expired_token),
        source="scripted",
        prepare=False,
    )
    body = envelope_of(response) or {}
    assert body.get("code") == "0", f"renewal within the grace period refused: {body.get('code')!r}"
    assert body.get("data"), "renewal answered no token"


def _sign_in(headers: dict[str, str]) -> str | None:
    suite = session_suite()
    response = suite.exercise(
        known_good(suite, "issue_tokens", headers=headers), source="scripted", prepare=False
    )
    return (envelope_of(response) or {}).get("code")


@pytest.fixture
def signed() -> dict[str, str]:
    if READ_ONLY:
        pytest.skip("issue_tokens: read-only run (set SCNET_CONTRACT_WRITES=1)")
    credentials = _facts().credentials
    if credentials is None:
        pytest.skip("sign-in probes need SCNET_USER/SCNET_ACCESS_KEY/SCNET_SECRET_KEY")
    mock = session_suite().target.mock
    return sign_in_headers(*credentials, now=mock.clock.now() if mock is not None else None)


@pytest.mark.parametrize("header", ["user", "accessKey", "signature", "timestamp"])
def test_sign_in_without_a_header_is_refused(signed: dict[str, str], header: str) -> None:
    headers = {k: v for k, v in signed.items() if k != header}
    assert _sign_in(headers) in {"10003", "10009"}


def test_sign_in_with_a_wrong_signature_is_refused(signed: dict[str, str]) -> None:
    wrong = "0" * 64 if signed["signature"] != "0" * 64 else "1" * 64
    assert _sign_in({**signed, "signature": wrong}) == "10009"


def test_sign_in_with_an_old_timestamp_is_refused(signed: dict[str, str]) -> None:
    credentials = _facts().credentials
    assert credentials is not None
    old = int(signed["timestamp"]) - 24 * 3600
    assert _sign_in(sign_in_headers(*credentials, now=old)) == "10009"


def test_sign_in_with_spaced_json_signature_is_refused(signed: dict[str, str]) -> None:
    """The string to sign is compact JSON; a client that signs `json.dumps` output is wrong."""
    import hashlib
    import hmac
    import json

    user, access_key, secret_key = _facts().credentials or ("", "", "")
    message = json.dumps({"accessKey": access_key, "timestamp": signed["timestamp"], "user": user})
    signature = hmac.new(secret_key.encode(), message.encode(), hashlib.sha256).hexdigest()
    assert _sign_in({**signed, "signature": signature}) == "10009"
