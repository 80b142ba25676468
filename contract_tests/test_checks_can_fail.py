"""The checks can fail: a deliberately broken mock makes the suite fail, with a readable message.

Each test wraps a fresh embedded mock in ``_corrupt.Corrupt``, turns one corruption on, and runs
the suite's own machinery (input shaping, ``Suite.exercise``, every check) on generated cases for
one operation. The suite must report a ``ContractFailure`` that names what is wrong. These tests
always use their own in-process mock, whatever ``SCNET_BASE_URL`` says.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterator
from typing import Any

import hypothesis
import pytest
from hypothesis import HealthCheck, Phase
from hypothesis import strategies as st
from schemathesis import Case, GenerationMode

from ._corrupt import Corrupt, Corruption, Request
from ._exercise import ContractFailure, Suite
from ._settings import Settings, Writes
from ._spec import operation_ids
from ._suite import build_suite


@pytest.fixture(scope="module")
def broken() -> Iterator[tuple[Suite, Corrupt]]:
    from scnet_hpc.mock import create_app

    corrupt = Corrupt(create_app())
    settings = dataclasses.replace(
        Settings.from_env({}), writes=Writes.FUZZ, seed=20240601, examples=60
    )
    with build_suite(settings, app=corrupt) as suite:
        yield suite, corrupt


def failure_of(
    broken: tuple[Suite, Corrupt],
    corruption: Corruption,
    operation_id: str,
    *,
    modes: tuple[GenerationMode, ...] = (GenerationMode.POSITIVE, GenerationMode.NEGATIVE),
    examples: int = 80,
) -> str:
    """Fuzz one operation through the corrupted mock; the suite's failure message (must fail)."""
    suite, corrupt = broken
    method, path = operation_ids()[operation_id].split(" ", 1)
    operation = suite.schema[path][method]
    strategy = st.one_of(*(operation.as_strategy(generation_mode=mode) for mode in modes))

    @hypothesis.given(case=strategy)
    @hypothesis.settings(
        max_examples=examples,
        database=None,
        deadline=None,
        derandomize=True,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    def fuzz(case: Case[Any]) -> None:
        suite.exercise(case)

    corrupt.corruption = corruption
    try:
        fuzz()
    except Exception as exc:  # a ContractFailure, or a group of them (sorted out below)
        failures = _contract_failures(exc)
        if not failures:
            raise
        return "\n".join(failures)
    finally:
        corrupt.corruption = None
    pytest.fail(f"the suite did not notice the corruption {corruption.name!r} on {operation_id}")


def _contract_failures(exc: BaseException) -> list[str]:
    """Messages of the ContractFailures in ``exc`` (Hypothesis groups distinct failures)."""
    if isinstance(exc, ContractFailure):
        return [str(exc)]
    nested = getattr(exc, "exceptions", ())
    return [m for e in nested for m in _contract_failures(e)]


def _envelope(body: Any) -> dict[str, Any] | None:
    return body if isinstance(body, dict) else None


Rewrite = Callable[[int, dict[str, Any]], tuple[int, Any]]


def _on(path: str, rewrite: Rewrite) -> Callable[[Request, int, Any], tuple[int, Any]]:
    """Apply ``rewrite(body)`` to envelopes answered on ``path``; leave everything else alone."""

    def response(request: Request, status: int, body: Any) -> tuple[int, Any]:
        envelope = _envelope(body)
        if request.path == path and envelope is not None:
            return rewrite(status, envelope)
        return status, body

    return response


def test_a_field_of_the_wrong_type_fails_with_its_path(broken: Any) -> None:
    def flip(status: int, body: dict[str, Any]) -> tuple[int, Any]:
        for row in body.get("data") or []:
            row["id"] = str(row["id"])  # documented as an integer (int64)
        return status, body

    corruption = Corruption("scheduler id as a string", _on("/hpc/openapi/v2/cluster", flip))
    message = failure_of(broken, corruption, "list_clusters")
    scheduler_id = broken[0].target.get_facts().scheduler_id
    assert "Response violates schema" in message  # schemathesis's own check
    assert f"body.data[0].id: '{scheduler_id}' is not of type 'integer'" in message


def test_a_dropped_required_field_fails_with_its_name(broken: Any) -> None:
    def drop(status: int, body: dict[str, Any]) -> tuple[int, Any]:
        for row in body.get("data") or []:
            row.pop("aclHosts", None)
        return status, body

    user = broken[0].target.get_facts().cluster_user
    path = f"/hpc/openapi/v2/queuenames/users/{user}"
    message = failure_of(
        broken, Corruption("queue without aclHosts", _on(path, drop)), "list_user_queues"
    )
    assert "envelope_conforms" in message
    assert re.search(r"body\.data\[\d+\]: 'aclHosts' is a required property", message)


def test_code_zero_for_invalid_input_fails(broken: Any) -> None:
    def accept(status: int, body: dict[str, Any]) -> tuple[int, Any]:
        if body.get("code") in ("10003", "10004"):
            return status, {"code": "0", "msg": "success", "data": {"total": 0, "list": []}}
        return status, body

    corruption = Corruption("invalid input answered 0", _on("/hpc/openapi/v2/jobs", accept))
    message = failure_of(broken, corruption, "list_jobs", modes=(GenerationMode.NEGATIVE,))
    assert "invalid_input_rejected" in message
    assert "schema-violating input was answered code '0'" in message
    assert "expected one of 10003, 10004" in message


def test_an_ignored_token_fails(broken: Any) -> None:
    valid = broken[0].target.get_facts().token

    def any_token_will_do(request: Request) -> dict[str, str]:
        return {**request.headers, "token": valid}  # the server "forgets" to check the token

    corruption = Corruption("token not checked", request=any_token_will_do)
    message = failure_of(broken, corruption, "list_clusters", modes=(GenerationMode.POSITIVE,))
    assert "auth_enforced" in message
    assert re.search(r"a request with an? [a-z ]+ token was accepted; expected code 100", message)


def test_a_request_without_token_answered_zero_fails(broken: Any) -> None:
    valid = broken[0].target.get_facts().token

    def fill_in_token(request: Request) -> dict[str, str]:
        return {**request.headers, "token": request.headers.get("token") or valid}

    corruption = Corruption("missing token not checked", request=fill_in_token)
    message = failure_of(broken, corruption, "get_storage_quota", modes=(GenerationMode.NEGATIVE,))
    assert "a request with a missing token was accepted" in message


def test_an_undocumented_code_fails(broken: Any) -> None:
    def renumber(status: int, body: dict[str, Any]) -> tuple[int, Any]:
        if body.get("code") == "10004":
            body["code"] = "40004"
        return status, body

    corruption = Corruption(
        "undocumented code", _on("/hpc/openapi/v2/userquotas/userlimit", renumber)
    )
    message = failure_of(broken, corruption, "get_user_limits", modes=(GenerationMode.NEGATIVE,))
    assert "code_documented" in message
    assert "code '40004' is not a documented code" in message


def test_a_missing_msg_fails(broken: Any) -> None:
    def drop_msg(status: int, body: dict[str, Any]) -> tuple[int, Any]:
        body.pop("msg", None)
        return status, body

    corruption = Corruption("no msg", _on("/ac/openapi/v2/tokens/state", drop_msg))
    message = failure_of(broken, corruption, "get_token_state")
    assert "msg_present" in message
    assert "envelope has no `msg`" in message


def test_a_server_error_fails(broken: Any) -> None:
    def crash(status: int, body: dict[str, Any]) -> tuple[int, Any]:
        return (500, body) if body.get("code") != "0" else (status, body)

    corruption = Corruption("HTTP 500 on errors", _on("/hpc/openapi/v2/view/jobs/state", crash))
    message = failure_of(broken, corruption, "get_job_state_stats")
    assert "Server error" in message


def test_a_gateway_answer_to_a_valid_request_fails(broken: Any) -> None:
    def not_found(status: int, body: dict[str, Any]) -> tuple[int, Any]:
        return (404, body) if body.get("code") == "0" else (status, body)

    corruption = Corruption("404 on success", _on("/hpc/openapi/v2/userquotas/queues", not_found))
    message = failure_of(broken, corruption, "list_queue_details", modes=(GenerationMode.POSITIVE,))
    assert "envelope_present" in message
    assert "answered HTTP 404 to a well-formed request" in message


def test_an_echoed_token_fails(broken: Any) -> None:
    def echo(request: Request, status: int, body: Any) -> tuple[int, Any]:
        envelope = _envelope(body)
        if request.path == "/hpc/openapi/v2/cluster" and envelope and envelope.get("code") != "0":
            envelope["msg"] = f"bad token {request.headers.get('token', '')}"
        return status, body

    message = failure_of(broken, Corruption("token in msg", echo), "list_clusters")
    assert "credentials_not_echoed" in message
    assert "repeats the credential" in message
    assert broken[0].target.get_facts().token not in message


def test_refusing_a_valid_request_fails(broken: Any) -> None:
    def refuse(status: int, body: dict[str, Any]) -> tuple[int, Any]:
        if body.get("code") == "0":
            return status, {"code": "10004", "msg": "param_invalid", "data": None}
        return status, body

    corruption = Corruption(
        "valid input refused", _on("/hpc/openapi/v2/userquotas/userlimit", refuse)
    )
    message = failure_of(broken, corruption, "get_user_limits", modes=(GenerationMode.POSITIVE,))
    assert "valid_request_accepted" in message
    assert (
        "a valid request about the caller's own resources was refused with code '10004'" in message
    )


def test_a_list_that_ignores_its_filters_fails(broken: Any) -> None:
    def add_a_stranger(status: int, body: dict[str, Any]) -> tuple[int, Any]:
        page = body.get("data")
        if body.get("code") == "0" and isinstance(page, dict):
            stranger = {"jobId": "424242", "jobName": "x", "jobStatus": "statX", "queue": "q"}
            page["list"] = [*(page.get("list") or []), stranger]
            page["total"] = max(int(page.get("total") or 0), len(page["list"]))
        return status, body

    corruption = Corruption("filter ignored", _on("/hpc/openapi/v2/jobs", add_a_stranger))
    message = failure_of(broken, corruption, "list_jobs", modes=(GenerationMode.POSITIVE,))
    assert "answer_matches_request" in message
    assert "list_jobs: the answer does not match the request" in message


def test_an_upload_that_accepts_invalid_input_fails(broken: Any) -> None:
    """Multipart negative cases are judged by what was sent; truly invalid ones still count."""

    valid = broken[0].target.get_facts().token

    def accept(request: Request, status: int, body: Any) -> tuple[int, Any]:
        envelope = _envelope(body)
        if (
            request.path == "/efile/openapi/v2/file/upload"
            and request.headers.get("token") == valid
            and envelope is not None
            and envelope.get("code") in ("10003", "10004")
        ):
            return status, {"code": "0", "msg": "success", "data": None}
        return status, body

    corruption = Corruption("upload accepts anything", accept)
    message = failure_of(broken, corruption, "upload_file", modes=(GenerationMode.NEGATIVE,))
    assert "invalid_input_rejected" in message
    assert "schema-violating input was answered code '0'" in message


def test_refusing_to_list_the_home_fails(broken: Any) -> None:
    def refuse(status: int, body: dict[str, Any]) -> tuple[int, Any]:
        if body.get("code") == "0":
            return status, {"code": "911020", "msg": "File does not exist", "data": None}
        return status, body

    corruption = Corruption("home not listed", _on("/efile/openapi/v2/file/list", refuse))
    message = failure_of(broken, corruption, "list_files", modes=(GenerationMode.POSITIVE,))
    assert "valid_request_accepted" in message
    assert "refused with code '911020'" in message
