"""Envelope unwrapping: success → typed data, API error → typed error, anything else → violation."""

from __future__ import annotations

from typing import Any

import pytest

from scnet_hpc import _spec
from scnet_hpc._envelope import unwrap
from scnet_hpc.errors import (
    AccountFrozenError,
    ApiError,
    AuthenticationError,
    ContractViolation,
    InvalidRequestError,
    JobRejectedError,
    ServerError,
)
from scnet_hpc.models import Cluster, RealtimeJobDetail

from .sdk_helpers import CLUSTER, body, envelope


def test_success_gives_typed_models(engine: str) -> None:
    clusters = unwrap("list_clusters", body(envelope([CLUSTER])))
    assert len(clusters) == 1
    assert isinstance(clusters[0], Cluster)
    assert clusters[0].id == 1638523853
    assert clusters[0].job_manager_port == "9091"


def test_success_with_integer_code_is_accepted(engine: str) -> None:
    clusters = unwrap("list_clusters", body(envelope([CLUSTER], code=0)))
    assert clusters[0].text == "Cluster"


def test_realtime_detail_null_means_unknown_job(engine: str) -> None:
    assert unwrap("get_job", body(envelope(None))) is None
    detail = unwrap(
        "get_job",
        body(envelope({"jobName": "a", "queue": "debug", "workDir": "/w", "jobStatus": "statR"})),
    )
    assert isinstance(detail, RealtimeJobDetail)
    assert detail.job_status == "statR"


@pytest.mark.parametrize("data", [None, "", "java.lang.NullPointerException", {"field": "x"}])
def test_error_envelope_in_every_data_shape(engine: str, data: Any) -> None:
    with pytest.raises(InvalidRequestError) as caught:
        unwrap("list_user_queues", body(envelope(data, code="10004", msg="param_invalid")))
    error = caught.value
    assert (error.code, error.msg, error.operation) == (
        "10004",
        "param_invalid",
        "list_user_queues",
    )
    assert error.raw["data"] == data


def test_integer_error_code_keeps_a_string_code(engine: str) -> None:
    with pytest.raises(AuthenticationError) as caught:
        unwrap("list_clusters", body(envelope("", code=10008, msg="权限不足")))
    assert caught.value.code == "10008"
    assert "10008" in str(caught.value)


@pytest.mark.parametrize(
    ("code", "cls"),
    [
        ("10001", ServerError),
        ("10003", InvalidRequestError),
        ("10004", InvalidRequestError),
        ("10007", AccountFrozenError),
        ("10008", AuthenticationError),
        ("10009", AuthenticationError),
        ("10012", ServerError),
        ("815005", ServerError),  # the scheduler did not answer (issue 13)
        ("999999", ApiError),
    ],
)
def test_codes_map_to_meanings(code: str, cls: type[ApiError]) -> None:
    with pytest.raises(ApiError) as caught:
        unwrap("list_clusters", body(envelope(None, code=code, msg="m")))
    assert type(caught.value) is cls
    assert caught.value.code == code
    assert caught.value.msg == "m"


def test_scheduler_rejection_keeps_the_message_verbatim() -> None:
    msg = (
        "exitcode:1, errorinfo: sbatch: error: Batch job submission failed: Access/permission "
        "denied\nsbatch: ======= Tips: access restricted, contact the administrator ======="
    )
    with pytest.raises(JobRejectedError) as caught:
        unwrap("submit_job", body(envelope(None, code="10001", msg=msg)))
    assert caught.value.msg == msg
    # the same code on another operation is a server error, not a rejection
    with pytest.raises(ServerError):
        unwrap("list_jobs", body(envelope(None, code="10001", msg=msg)))
    # a submit error that is not the scheduler speaking keeps its meaning
    with pytest.raises(InvalidRequestError):
        unwrap("submit_job", body(envelope(None, code="10004", msg="param_invalid")))


def test_missing_or_null_msg_does_not_crash() -> None:
    with pytest.raises(ServerError) as caught:
        unwrap("list_clusters", body({"code": "10001"}))
    assert caught.value.msg == ""
    with pytest.raises(ServerError) as caught:
        unwrap("list_clusters", body({"code": "10001", "msg": None}))
    assert caught.value.msg == ""


@pytest.mark.parametrize(
    ("content", "fragment", "path"),
    [
        (b"<html>502</html>", "not JSON", ""),
        (b'{"code": "0", "msg": "success", "data": [', "not JSON", ""),
        (body([1, 2]), "expected a JSON object", ""),
        (body("text"), "expected a JSON object", ""),
        (body({"msg": "success", "data": []}), "no 'code'", ""),
        (body({"code": None, "msg": "x", "data": []}), "'code' must be a string", "code"),
        (body({"code": True, "msg": "x", "data": []}), "'code' must be a string", "code"),
        (body({"code": "0", "msg": "success"}), "data", ""),
        (body(envelope([{**CLUSTER, "id": "1638523853"}])), "integer", "data[0].id"),
        (body(envelope({"not": "a list"})), "array", "data"),
        (body(envelope([{k: v for k, v in CLUSTER.items() if k != "text"}])), "text", "data[0]"),
    ],
)
def test_malformed_success_bodies_are_contract_violations(
    engine: str, content: bytes, fragment: str, path: str
) -> None:
    with pytest.raises(ContractViolation) as caught:
        unwrap("list_clusters", content)
    assert fragment in caught.value.reason
    assert caught.value.path == path
    assert caught.value.operation == "list_clusters"
    assert caught.value.not_json == (fragment == "not JSON")


def test_generated_client_would_accept_what_we_reject() -> None:
    """The reason for validating: the generated model takes a string id without a word."""
    from scnet_hpc_api.models import ClusterListEnvelope

    parsed = ClusterListEnvelope.from_dict(envelope([{**CLUSTER, "id": "1638523853"}]))
    assert parsed.data[0].id == "1638523853"


def test_without_validation_mistypes_pass_but_missing_data_does_not() -> None:
    clusters = unwrap("list_clusters", body(envelope([{**CLUSTER, "id": "7"}])), validate=False)
    assert clusters[0].id == "7"  # the documented trade-off of validate=False
    with pytest.raises(ContractViolation, match="no 'data'"):
        unwrap("list_clusters", body({"code": "0", "msg": "success"}), validate=False)
    with pytest.raises(ContractViolation, match="cannot be read"):
        unwrap("list_clusters", body(envelope([{"id": 1}])), validate=False)


def test_huge_instances_do_not_make_huge_messages(engine: str) -> None:
    rows = [
        {"jobId": str(i), "jobName": "x", "jobStatus": "statR", "queue": "q"} for i in range(5000)
    ]
    with pytest.raises(ContractViolation) as caught:
        unwrap("list_jobs", body(envelope({"total": "5000", "list": rows})))
    assert len(str(caught.value)) < 400
    assert caught.value.path == "data.total"


def test_token_bodies_are_redacted_in_errors() -> None:
    jwt = "eyJhbGciOiJIUzI1NiJ9.eyJleHBpcmVUaW1lIjoiMSJ9.c2lnbmF0dXJlc2lnbmF0dXJl"
    bad = envelope([{"clusterName": "x", "clusterId": "1", "token": 5, "other": jwt}])
    with pytest.raises(ContractViolation) as caught:
        unwrap("issue_tokens", body(bad))
    assert jwt not in repr(caught.value.raw)
    assert jwt not in str(caught.value)


def test_every_operation_has_a_success_schema() -> None:
    from scnet_hpc._operations import OPERATIONS

    for op in OPERATIONS:
        assert _spec.success_schema(op).endswith("Envelope")
    assert len(OPERATIONS) == 48  # every operation of openapi.yaml


def test_operation_names_are_the_spec_operation_ids_and_each_has_a_spec() -> None:
    from scnet_hpc._operations import OPERATIONS, Operation

    spec_ids = {
        op["operationId"]
        for path in _spec.load_spec()["paths"].values()
        for op in path.values()
        if isinstance(op, dict) and "operationId" in op
    }
    assert set(Operation) == set(OPERATIONS)
    assert {str(op) for op in Operation} <= spec_ids
    assert all(spec.id is op for op, spec in OPERATIONS.items())
