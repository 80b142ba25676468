"""Every return code of openapi.yaml's ``ErrorCode`` becomes the error class its meaning calls for.

The codes are read from the spec, so a code added there without a row in
``scnet_hpc.error_codes`` fails here, and so does a row that raises the wrong class.
"""

from __future__ import annotations

import json

import pytest

from scnet_hpc import _spec, errors
from scnet_hpc._envelope import unwrap
from scnet_hpc.cli._errors import ExitCode, describe
from scnet_hpc.error_codes import CODES, ERROR_CLASSES, meaning

SPEC_CODES = [
    c for c in _spec.load_spec()["components"]["schemas"]["ErrorCode"]["enum"] if c != "0"
]

#: What each code must raise (issue 13's mapping; the older codes as before).
EXPECTED: dict[str, type[errors.ApiError]] = {
    "10001": errors.ServerError,
    "10003": errors.InvalidRequestError,
    "10004": errors.InvalidRequestError,
    "10007": errors.AccountFrozenError,
    "10008": errors.AuthenticationError,
    "10009": errors.AuthenticationError,
    "10010": errors.InvalidRequestError,
    "10011": errors.InvalidRequestError,
    "10012": errors.ServerError,
    "10013": errors.OperationTimeoutError,
    "815005": errors.ServerError,
    "815007": errors.JobRejectedError,
    "911009": errors.AuthenticationError,
    "911020": errors.RemoteFileNotFoundError,
    "911021": errors.RemoteFileExistsError,
    "911022": errors.InvalidRequestError,
    "911030": errors.FilePermissionError,
    "911404": errors.ServerError,
    "911406": errors.AuthenticationError,
    "911501": errors.StorageFullError,
    "911502": errors.InvalidRequestError,
    "911505": errors.InvalidRequestError,
    "911506": errors.InvalidRequestError,
}


def _error(code: str, operation: str = "list_jobs") -> errors.ApiError:
    body = json.dumps({"code": code, "msg": "why", "data": None}).encode()
    with pytest.raises(errors.ApiError) as caught:
        unwrap(operation, body)
    return caught.value


def test_the_table_covers_exactly_the_spec_codes() -> None:
    assert len(SPEC_CODES) >= 23
    assert sorted(ERROR_CLASSES) == sorted(SPEC_CODES)
    assert sorted(code.value for code in CODES) == sorted(SPEC_CODES)


@pytest.mark.parametrize("code", SPEC_CODES)
def test_each_code_raises_its_class(code: str) -> None:
    assert code in EXPECTED, f"{code} is in openapi.yaml's ErrorCode but the test has no class"
    error = _error(code)
    assert type(error) is EXPECTED[code]
    assert (error.code, error.msg, error.operation) == (code, "why", "list_jobs")


@pytest.mark.parametrize("code", SPEC_CODES)
def test_the_cli_names_each_code(code: str) -> None:
    line, exit_code = describe(_error(code))
    text = meaning(code)
    assert text
    assert text != "error"
    assert line.startswith(f"[{code} {text}] list_jobs: why") or code == "815007"
    expected = ExitCode.TIMEOUT if code == "10013" else ExitCode.API
    assert exit_code == expected


def test_file_errors_are_also_the_builtin_ones() -> None:
    assert isinstance(_error("911020"), FileNotFoundError)
    assert isinstance(_error("911021"), FileExistsError)
    assert isinstance(_error("911030"), PermissionError)
    assert isinstance(_error("10013"), errors.ServerError)


def test_an_unknown_code_stays_a_plain_api_error() -> None:
    error = _error("123456")
    assert type(error) is errors.ApiError
    assert describe(error)[0].startswith("[123456 error]")


def test_815005_is_not_retried_and_815007_reads_as_a_rejection() -> None:
    from scnet_hpc._retry import is_transient

    assert not is_transient(_error("815005", "submit_job"))
    line, _ = describe(_error("815007", "submit_job"))
    assert line.startswith("the scheduler rejected the job: why")
