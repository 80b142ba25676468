"""Unit tests of the contract-test machinery (contract_tests/): settings, signing, masking,
pacing, token classification, expected codes and the report. No server involved."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from contract_tests._checks import AUTH_CODES, expected_codes
from contract_tests._masking import MASK, Secrets
from contract_tests._ratelimit import Pacer
from contract_tests._record import Recorder
from contract_tests._report import RunInfo, TestOutcome, junit_xml, markdown, summary_line
from contract_tests._settings import Settings, SettingsError, Writes
from contract_tests._signing import sign, sign_in_headers, string_to_sign
from contract_tests._target import Facts

JWT = "eyJhbGciOiJIUzI1NiJ9.eyJ1c2VyIjoiZGVtbyJ9.c2lnbmF0dXJlLXZhbHVl"


# ------------------------------------------------------- signing (issue_tokens in openapi.yaml)


def test_string_to_sign_is_compact_json_in_documented_order() -> None:
    assert (
        string_to_sign("85f96a42b13f4d2c8b760d2775bbcca8", "1764597591", "bob")
        == '{"accessKey":"85f96a42b13f4d2c8b760d2775bbcca8","timestamp":"1764597591","user":"bob"}'
    )


def test_signature_matches_the_documented_check_value() -> None:
    signature = sign("example-secret-key", "85f96a42b13f4d2c8b760d2775bbcca8", "1764597591", "bob")
    assert signature == "00d6fe96cb617a5313739674077a273f15ce0bec5166beccf6f690f833fab992"


def test_non_ascii_user_is_signed_as_utf8_not_escaped() -> None:
    assert '"user":"张三"' in string_to_sign("ak", "1", "张三")


def test_sign_in_headers_carry_the_signature_not_the_secret() -> None:
    headers = sign_in_headers("bob", "ak-123", "very-secret-key", now=1764597591.9)
    assert headers["timestamp"] == "1764597591"
    assert headers["signature"] == sign("very-secret-key", "ak-123", "1764597591", "bob")
    assert "very-secret-key" not in headers.values()


# ---------------------------------------------------------------- settings


def test_no_variables_means_the_embedded_mock_with_generated_writes() -> None:
    s = Settings.from_env({})
    assert s.in_process
    assert s.writes is Writes.FUZZ
    assert s.rps == 0
    assert s.examples == 100


def test_a_base_url_means_read_only_and_platform_hosts_default_to_it() -> None:
    s = Settings.from_env({"SCNET_BASE_URL": "https://hpc.example.cn/"})
    assert not s.in_process
    assert s.base_url == s.platform_url == s.auth_url == "https://hpc.example.cn"
    assert s.writes is Writes.NONE
    assert s.rps == 5  # modest by default against a remote server


def test_loopback_servers_are_not_rate_limited_by_default() -> None:
    assert Settings.from_env({"SCNET_BASE_URL": "http://127.0.0.1:8000"}).rps == 0
    assert Settings.from_env({"SCNET_BASE_URL": "http://localhost:8000"}).rps == 0


def test_platform_and_auth_hosts_can_be_overridden() -> None:
    s = Settings.from_env(
        {
            "SCNET_BASE_URL": "https://hpc.example.cn",
            "SCNET_PLATFORM_URL": "https://www.example.cn",
            "SCNET_AUTH_URL": "https://api.example.cn",
        }
    )
    assert (s.platform_url, s.auth_url) == ("https://www.example.cn", "https://api.example.cn")


@pytest.mark.parametrize(
    ("env", "named"),
    [
        ({"SCNET_BASE_URL": "hpc.example.cn"}, "SCNET_BASE_URL"),
        ({"SCNET_USER": "bob"}, "SCNET_ACCESS_KEY"),
        ({"SCNET_CONTRACT_WRITES": "yes"}, "SCNET_CONTRACT_WRITES"),
        ({"SCNET_CONTRACT_RPS": "-1"}, "SCNET_CONTRACT_RPS"),
        ({"SCNET_CONTRACT_RPS": "fast"}, "SCNET_CONTRACT_RPS"),
        ({"SCNET_CONTRACT_SEED": "abc"}, "SCNET_CONTRACT_SEED"),
        ({"SCNET_CONTRACT_EXAMPLES": "0"}, "SCNET_CONTRACT_EXAMPLES"),
    ],
)
def test_bad_settings_name_the_variable(env: dict[str, str], named: str) -> None:
    with pytest.raises(SettingsError, match=named):
        Settings.from_env(env)


def test_settings_repr_hides_credentials() -> None:
    s = Settings.from_env(
        {
            "SCNET_TOKEN": JWT,
            "SCNET_USER": "bob",
            "SCNET_ACCESS_KEY": "access-key-value",
            "SCNET_SECRET_KEY": "secret-key-value",
        }
    )
    text = repr(s)
    assert JWT not in text
    assert "access-key-value" not in text
    assert "secret-key-value" not in text


# ---------------------------------------------------------------- masking and pacing


def test_masking_hides_registered_values_jwts_and_credential_headers() -> None:
    secrets = Secrets()
    secrets.add("registered-secret-value", "short")
    text = (
        "curl -H 'token: whatever-it-is' -H 'signature: 00ff' "
        f'body={{"token": "{JWT}"}} registered-secret-value short'
    )
    masked = secrets.mask(text)
    assert "whatever-it-is" not in masked
    assert "00ff" not in masked
    assert JWT not in masked
    assert "registered-secret-value" not in masked
    assert masked.endswith(f"{MASK} short")  # values under 8 characters are not registered


def test_pacer_spaces_requests_evenly() -> None:
    now = [100.0]
    slept: list[float] = []

    def sleep(seconds: float) -> None:
        slept.append(seconds)
        now[0] += seconds

    pacer = Pacer(4, clock=lambda: now[0], sleep=sleep)
    for _ in range(3):
        pacer.wait()
    assert slept == [0.25, 0.25]
    Pacer(0, clock=lambda: now[0], sleep=sleep).wait()
    assert len(slept) == 2  # 0 means unlimited


# ---------------------------------------------------------------- tokens and expected codes


def test_token_kinds() -> None:
    facts = Facts(
        token="valid-token", scheduler_id=1, cluster_user="u", home="/h", queues=[],
        safe_queue="q", platform_token="platform-token", expired_token="expired-token",
    )  # fmt: skip
    assert facts.token_kind("valid-token") == "valid"
    assert facts.token_kind(" valid-token ") == "valid"
    assert facts.token_kind("platform-token") == "platform"
    assert facts.token_kind("expired-token") == "expired"
    assert facts.token_kind(None) == "missing"
    assert facts.token_kind("  ") == "missing"
    assert facts.token_kind("Bearer valid-token") == "malformed"


def test_expected_codes_follow_the_contract() -> None:
    assert expected_codes("list_jobs", "valid", token_age_known=True) is None
    assert expected_codes("list_jobs", "expired", token_age_known=True) == frozenset({"10008"})
    assert expected_codes("list_jobs", "missing", token_age_known=True) == AUTH_CODES["missing"]
    assert "0" not in expected_codes("submit_job", "platform", token_age_known=True)  # type: ignore[operator]
    assert "10001" in expected_codes("get_center", "platform", token_age_known=True)  # type: ignore[operator]
    assert expected_codes("get_token_state", "other_region", token_age_known=True) is None
    assert expected_codes("renew_token", "expired", token_age_known=True) == frozenset({"0"})
    assert expected_codes("renew_token", "stale", token_age_known=True) == frozenset({"10008"})
    assert all("0" not in codes for codes in AUTH_CODES.values())


# ---------------------------------------------------------------- report


def _sample() -> tuple[RunInfo, Recorder, list[TestOutcome]]:
    recorder = Recorder()
    recorder.record_case("GET /a", source="fuzz", negative=False, code="0")
    recorder.record_case("GET /a", source="fuzz", negative=True, code="10004")
    recorder.record_case("GET /b", source="scripted", negative=False, code="10009")
    curl = "curl -X GET -H 'token: ***' http://127.0.0.1:8000/b"
    recorder.record_failure("GET /b", "auth_enforced", "an expired token was accepted", curl)
    outcomes = [
        TestOutcome("contract_tests/test_x.py::test_a", "passed", 0.1),
        TestOutcome("contract_tests/test_x.py::test_b", "failed", 0.2, "boom", check_failure=True),
        TestOutcome("contract_tests/test_x.py::test_c", "failed", 0.2, "other problem"),
        TestOutcome("contract_tests/test_x.py::test_d", "skipped", 0.0, "read-only run"),
    ]
    info = RunInfo("embedded mock", 42, "fuzz", 100, 3.5, "4.32.5", operations_total=3)
    return info, recorder, outcomes


def test_summary_line_counts_operations_cases_and_distinct_failures() -> None:
    _, recorder, outcomes = _sample()
    # one check failure kind + one failed test that is not a check failure
    assert summary_line(recorder, outcomes) == "contract: 2 operations, 3 cases, 2 failures"


def test_markdown_report_ends_with_the_summary_line_and_has_a_reproduction() -> None:
    info, recorder, outcomes = _sample()
    text = markdown(info, recorder, outcomes)
    assert text.rstrip("\n").splitlines()[-1] == "contract: 2 operations, 3 cases, 2 failures"
    assert "| `GET /a` | 2 | 1 | 1 | 0 | 1 | 10004 ×1 | 0 |" in text
    assert "curl -X GET -H 'token: ***' http://127.0.0.1:8000/b" in text
    assert "SCNET_CONTRACT_SEED=42" in text
    assert "1 operation(s) of openapi.yaml received no request" in text
    assert "read-only run" in text


def test_junit_report_is_valid_xml_with_counts() -> None:
    info, recorder, outcomes = _sample()
    root = ET.fromstring(junit_xml(info, recorder, outcomes))
    suite = root.find("testsuite")
    assert suite is not None
    assert (suite.get("tests"), suite.get("failures"), suite.get("skipped")) == ("4", "2", "1")
    assert len(suite.findall("testcase")) == 4
    summary = suite.find("properties/property[@name='summary']")
    assert summary is not None
    assert summary.get("value") == "contract: 2 operations, 3 cases, 2 failures"


# ---------------------------------------------------------------- schemathesis configuration


def test_status_based_checks_are_off_and_every_other_default_is_on() -> None:
    import schemathesis

    from contract_tests._spec import CONFIG_PATH, raw_spec

    checks = schemathesis.Config.from_path(CONFIG_PATH).projects.get(raw_spec()).checks
    for name in ("ignored_auth", "missing_required_header", "negative_data_rejection"):
        assert not checks.get_by_name(name=name).enabled, name
    for name in (
        "not_a_server_error",
        "status_code_conformance",
        "content_type_conformance",
        "response_schema_conformance",
        "response_headers_conformance",
        "positive_data_acceptance",
        "use_after_free",
        "ensure_resource_availability",
        "unsupported_method",
    ):
        assert checks.get_by_name(name=name).enabled, name


def test_base_url_as_center_lists_it_is_accepted() -> None:
    s = Settings.from_env({"SCNET_BASE_URL": "https://hpc.example.cn:65106/hpc"})
    assert s.base_url == "https://hpc.example.cn:65106"
    assert s.remote
    assert not Settings.from_env({"SCNET_BASE_URL": "http://127.0.0.1:8000"}).remote
    assert not Settings.from_env({}).remote
