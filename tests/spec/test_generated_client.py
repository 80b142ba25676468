"""The generated client reads every answer the spec documents, in every envelope shape.

openapi-python-client parses a 200 body by trying the operation's success envelope first and
falling back to the shared ErrorEnvelope. These tests feed it every documented example and the
error envelope in all the shapes the live service is known to send, to prove that nothing a
real deployment says makes the generated layer crash or pick the wrong branch.
"""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import Any

import httpx
import pytest
from scnet_hpc_api import AuthenticatedClient
from scnet_hpc_api.models import ErrorCode, ErrorEnvelope

from .spec_doc import operations, resolve

CLIENT = AuthenticatedClient(
    base_url="http://127.0.0.1:9", token="not-a-real-token", auth_header_name="token", prefix=""
)


def api_module(op: dict[str, Any]) -> ModuleType:
    return importlib.import_module(f"scnet_hpc_api.api.{op['tags'][0]}.{op['operationId']}")


def parse(op: dict[str, Any], body: Any) -> Any:
    response = httpx.Response(200, json=body)
    return api_module(op)._parse_response(client=CLIENT, response=response)


def success_model_name(op: dict[str, Any]) -> str:
    schema = op["responses"]["200"]["content"]["application/json"]["schema"]
    return str(schema["oneOf"][0]["$ref"].rsplit("/", 1)[1])


def answers_bytes(op: dict[str, Any]) -> bool:
    """A download: its 200 is the file's bytes, or an envelope told apart by Content-Type."""
    return "application/octet-stream" in op["responses"]["200"]["content"]


RESPONSE_EXAMPLES = [
    (f"{op['operationId']}:{name}", op, resolve(example)["value"])
    for _, _, op in operations()
    if not answers_bytes(op)
    for name, example in op["responses"]["200"]["content"]["application/json"]["examples"].items()
]


@pytest.mark.parametrize(("op", "body"), [(o, b) for _, o, b in RESPONSE_EXAMPLES],
                         ids=[i for i, _, _ in RESPONSE_EXAMPLES])  # fmt: skip
def test_every_documented_example_parses_into_the_right_branch(
    op: dict[str, Any], body: dict[str, Any]
) -> None:
    parsed = parse(op, body)
    if body["code"] == "0":
        assert type(parsed).__name__ == success_model_name(op)
        assert parsed.to_dict()["data"] == body["data"]
    else:
        assert isinstance(parsed, ErrorEnvelope)
        assert parsed.to_dict() == body


ALL_OPERATIONS = [op for _, _, op in operations() if not answers_bytes(op)]
BYTE_OPERATIONS = [op for _, _, op in operations() if answers_bytes(op)]


@pytest.mark.parametrize("op", BYTE_OPERATIONS, ids=[o["operationId"] for o in BYTE_OPERATIONS])
def test_the_generated_client_hands_a_download_over_as_bytes(op: dict[str, Any]) -> None:
    """Why the SDK reads downloads itself: the generated layer takes every 200 as the file,
    an error envelope included, so the caller must look at Content-Type first."""
    envelope = {"code": "911020", "msg": "File does not exist", "data": None}
    parsed = parse(op, envelope)
    assert type(parsed).__name__ == "File"
    assert b"911020" in parsed.payload.read()


@pytest.mark.parametrize("op", ALL_OPERATIONS, ids=[o["operationId"] for o in ALL_OPERATIONS])
@pytest.mark.parametrize(
    "data",
    [None, "", "java.lang.NullPointerException", {"detail": "x"}, ["a"]],
    ids=["null", "empty", "string", "object", "array"],
)
def test_error_envelope_is_understood_whatever_data_holds(op: dict[str, Any], data: Any) -> None:
    parsed = parse(op, {"code": "10008", "msg": "权限不足", "data": data})
    assert isinstance(parsed, ErrorEnvelope)
    assert parsed.code is ErrorCode.PERMISSION_DENIED
    assert parsed.code.value == "10008"
    assert parsed.data == data


def test_a_code_the_docs_do_not_list_is_kept_as_a_plain_string() -> None:
    op = ALL_OPERATIONS[0]
    parsed = parse(op, {"code": "911020", "msg": "File does not exist", "data": None})
    assert isinstance(parsed, ErrorEnvelope)
    assert parsed.code == "911020"
    assert parsed.msg == "File does not exist"


@pytest.mark.parametrize("op", ALL_OPERATIONS, ids=[o["operationId"] for o in ALL_OPERATIONS])
def test_a_bare_integer_code_does_not_crash_the_generated_client(op: dict[str, Any]) -> None:
    parsed = parse(op, {"code": 10008, "msg": "权限不足", "data": ""})
    assert isinstance(parsed, ErrorEnvelope)
    assert str(parsed.code) == "10008"


def test_the_generated_client_alone_cannot_tell_a_broken_success_from_an_error() -> None:
    """Why scnet_hpc has its own envelope helper: this is what the generated layer does."""
    op = next(o for o in ALL_OPERATIONS if o["operationId"] == "list_clusters")
    missing_data = parse(op, {"code": "0", "msg": "success"})
    assert isinstance(missing_data, ErrorEnvelope)  # falls through to the error branch
    assert missing_data.code is ErrorCode.SUCCESS
    wrong_type = parse(
        op,
        {
            "code": "0",
            "msg": "success",
            "data": [
                {
                    "JobManagerType": "SLURM",
                    "JobManagerAddr": "10.8.150.45",
                    "id": "1638523853",
                    "text": "Cluster",
                    "JobManagerPort": "9091",
                }
            ],
        },
    )
    assert wrong_type.data[0].id == "1638523853"  # a string where int64 is typed, unnoticed
