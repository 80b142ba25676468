"""The contract itself: openapi.yaml is valid, complete, and true to its own examples.

The spec is the single source of truth for the generated client, the mock and the contract
tests, so a mistake here would be copied everywhere. These tests check it on its own terms.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from openapi_spec_validator import validate as validate_openapi

from .spec_doc import SPEC, operation, operations, pointer, resolve, validator_at

JOB_OPERATIONS = {
    "list_clusters",
    "list_user_queues",
    "list_queue_details",
    "get_user_limits",
    "submit_job",
    "list_jobs",
    "get_job",
    "cancel_jobs",
    "list_history_jobs",
    "get_history_job",
    "read_file_content",
    "get_job_state_stats",
    "get_queue_job_stats",
    "get_used_walltime",
    "get_storage_quota",
    "get_core_state_stats",
}
PLATFORM_OPERATIONS = {
    "issue_tokens",
    "issue_tokens_password",
    "get_center",
    "get_token_state",
    "renew_token",
    "get_user",
    "list_group_members",
    "list_member_jobs",
    "list_platform_jobs",
    "list_platform_history_jobs",
}
FILE_OPERATIONS = {
    "list_files", "upload_file", "upload_chunk", "merge_chunks", "download_file",
    "check_download", "make_directory", "touch_file", "file_exists", "remove_files",
    "copy_files", "move_files", "rename_file", "preview_file", "check_file_permission",
    "open_share", "close_share", "async_copy_files", "async_move_files", "async_remove_files",
    "list_file_tasks", "cancel_file_tasks",
}  # fmt: skip
ALL_OPERATIONS = JOB_OPERATIONS | PLATFORM_OPERATIONS | FILE_OPERATIONS
DOCUMENTED_CODES = [
    "0", "10001", "10003", "10004", "10007", "10008", "10009",
    "10010", "10011", "10012", "10013", "815005", "815007",
    "911009", "911020", "911021", "911022", "911030", "911404", "911406",
    "911501", "911502", "911505", "911506",
]  # fmt: skip


def test_spec_is_valid_openapi_3_1() -> None:
    assert SPEC["openapi"].startswith("3.1")
    validate_openapi(SPEC)


def test_every_job_and_platform_operation_is_present() -> None:
    ids = {op["operationId"] for _, _, op in operations()}
    assert ids == ALL_OPERATIONS


def test_platform_operations_declare_their_own_hosts() -> None:
    for operation_id in PLATFORM_OPERATIONS:
        path, _, _ = operation(operation_id)
        servers = SPEC["paths"][path].get("servers")
        assert servers, f"{path} must declare the platform host it lives on"
        assert any(s.get("variables") for s in servers), f"{path}: host should be a variable"


def test_file_operations_live_on_the_regions_efile_host() -> None:
    for operation_id in FILE_OPERATIONS:
        path, _, op = operation(operation_id)
        assert path.startswith("/efile/openapi/v2/file/"), path
        assert op["tags"] == ["files"], operation_id
        servers = SPEC["paths"][path].get("servers")
        assert servers, f"{path} must declare the efile host"
        assert "efileHost" in servers[0].get("variables", {}), path


def test_every_operation_answers_success_or_the_shared_error_envelope() -> None:
    for path, method, op in operations():
        schema = op["responses"]["200"]["content"]["application/json"]["schema"]
        branches = [b["$ref"] for b in schema["oneOf"]]
        assert len(branches) == 2, (method, path)
        assert branches[1] == "#/components/schemas/ErrorEnvelope", (method, path)
        success = resolve({"$ref": branches[0]})
        assert set(success["required"]) == {"code", "msg", "data"}, branches[0]
        assert resolve(success["properties"]["code"]) == {
            "type": "string",
            "const": "0",
            "description": "Success (成功).",
        }


def test_documented_error_codes_live_in_one_reusable_place() -> None:
    error_code = SPEC["components"]["schemas"]["ErrorCode"]
    assert error_code["enum"] == DOCUMENTED_CODES
    assert set(error_code["x-enum-descriptions"]) == set(DOCUMENTED_CODES)
    code_schema = SPEC["components"]["schemas"]["ErrorEnvelope"]["properties"]["code"]
    assert {"$ref": "#/components/schemas/ErrorCode"} in code_schema["anyOf"]


def test_first_endpoint_matches_the_vendor_page_field_for_field() -> None:
    """As on list-cluster.html: `token` header; data[] JobManager* strings, id long, text."""
    path, method, op = operation("list_clusters")
    assert (path, method) == ("/hpc/openapi/v2/cluster", "get")
    assert "parameters" not in op
    assert op.get("security", SPEC["security"]) == [{"token": []}]
    scheme = SPEC["components"]["securitySchemes"]["token"]
    assert (scheme["type"], scheme["in"], scheme["name"]) == ("apiKey", "header", "token")

    envelope = SPEC["components"]["schemas"]["ClusterListEnvelope"]
    assert envelope["properties"]["msg"]["type"] == "string"
    assert envelope["properties"]["data"]["type"] == "array"
    cluster = resolve(envelope["properties"]["data"]["items"])
    types = {name: (p["type"], p.get("format")) for name, p in cluster["properties"].items()}
    assert types == {
        "JobManagerType": ("string", None),
        "JobManagerAddr": ("string", None),
        "id": ("integer", "int64"),
        "text": ("string", None),
        "JobManagerPort": ("string", None),
    }
    assert set(cluster["required"]) == set(types)
    example = op["responses"]["200"]["content"]["application/json"]["examples"]["documented"]
    assert example["value"]["code"] == "0"
    assert example["value"]["data"][0]["id"] == 1638523853
    assert example["value"]["data"][0]["JobManagerPort"] == "9091"


def _examples() -> Iterator[tuple[str, str, Any]]:
    """(test id, JSON pointer of the schema, example value) for every example in the spec."""
    for path, method, op in operations():
        where = pointer("paths", path, method)
        for i, param in enumerate(op.get("parameters", [])):
            param_ptr = f"{where}/parameters/{i}"
            if "$ref" in param:
                param_ptr = param["$ref"][1:]
                param = resolve(param)
            if "example" in param:
                yield (
                    f"{op['operationId']}:param:{param['name']}",
                    f"{param_ptr}/schema",
                    param["example"],
                )
        bodies = [("requestBody", op.get("requestBody", {}))]
        bodies += [(f"responses/{code}", r) for code, r in op["responses"].items()]
        for label, holder in bodies:
            for media, content in resolve(holder).get("content", {}).items():
                schema_ptr = f"{where}/{label}/content/{pointer(media)[1:]}/schema"
                for name, ex in content.get("examples", {}).items():
                    yield f"{op['operationId']}:{label}:{name}", schema_ptr, resolve(ex)["value"]
    for name, schema in SPEC["components"]["schemas"].items():
        base = pointer("components", "schemas", name)
        for i, ex in enumerate(schema.get("examples", [])):
            yield f"schema:{name}:{i}", base, ex
        for prop, sub in schema.get("properties", {}).items():
            if "example" in sub:
                yield f"schema:{name}.{prop}", f"{base}/properties/{prop}", sub["example"]


EXAMPLES = list(_examples())


def test_the_spec_has_examples_everywhere_it_should() -> None:
    operations_with_response_examples = {
        ex_id.split(":")[0] for ex_id, _, _ in EXAMPLES if ":responses/200:" in ex_id
    }
    assert operations_with_response_examples == ALL_OPERATIONS
    assert len(EXAMPLES) > 150


@pytest.mark.parametrize(("schema_ptr", "value"), [(p, v) for _, p, v in EXAMPLES],
                         ids=[i for i, _, _ in EXAMPLES])  # fmt: skip
def test_every_example_validates_against_its_own_schema(schema_ptr: str, value: Any) -> None:
    errors = sorted(validator_at(schema_ptr).iter_errors(value), key=str)
    assert not errors, "\n".join(e.message for e in errors)


@pytest.mark.parametrize(
    "body",
    [
        {"code": "0", "msg": "success"},  # success code but no data
        {"code": 0, "msg": "success", "data": []},  # code must be a string
        {"code": "10008", "data": None},  # msg missing
    ],
)
def test_bodies_that_break_the_envelope_match_neither_branch(body: dict[str, Any]) -> None:
    ptr = pointer("paths", "/hpc/openapi/v2/cluster", "get", "responses", "200", "content")
    ptr += "/application~1json/schema"
    assert list(validator_at(ptr).iter_errors(body)), body


def test_a_wrongly_typed_success_body_is_rejected_by_the_schema() -> None:
    ptr = pointer("components", "schemas", "ClusterListEnvelope")
    bad = {
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
    }
    assert [e.message for e in validator_at(ptr).iter_errors(bad)] == [
        "'1638523853' is not of type 'integer'"
    ]
