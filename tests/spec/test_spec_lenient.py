"""The contract says which request forms the live service accepts beyond the canonical ones.

The canonical schema is what clients send and what the generated client types; ``x-also-accepts``
adds the forms a server must take as well (issue 13). ``widen`` is what the mock and the contract
suite read, so these tests check both views and the generated types.
"""

from __future__ import annotations

import inspect
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from scnet_hpc.mock.app.leniency import widen

from .spec_doc import SPEC, operation, resolve

WIDE = widen(SPEC)


def _schema(spec: dict[str, Any], name: str) -> Draft202012Validator:
    schemas = spec["components"]["schemas"]
    return Draft202012Validator({**schemas[name], "$defs": schemas})


def _submit_body(manager_id: Any, **info: Any) -> dict[str, Any]:
    job = {
        "GAP_CMD_FILE": "sleep 1",
        "GAP_NNODE": "1",
        "GAP_SUBMIT_TYPE": "cmd",
        "GAP_JOB_NAME": "j",
        "GAP_WORK_DIR": "/home/u",
        "GAP_QUEUE": "debug",
        "GAP_WALL_TIME": "00:10:00",
        "GAP_APPNAME": "BASE",
        **info,
    }
    return {"strJobManagerID": manager_id, "mapAppJobInfo": job}


def _valid(spec: dict[str, Any], body: Any) -> bool:
    schema = {"$ref": "#/components/schemas/SubmitJobRequest", **spec}
    return Draft202012Validator(schema).is_valid(body)


def test_strjobmanagerid_is_an_integer_that_also_accepts_a_digit_string() -> None:
    prop = SPEC["components"]["schemas"]["SubmitJobRequest"]["properties"]["strJobManagerID"]
    assert prop["type"] == "integer"  # canonical: what clients send
    assert "string of digits" in prop["description"]
    assert "lql341" in prop["description"]
    assert _valid(SPEC, _submit_body(1638523853))
    assert not _valid(SPEC, _submit_body("1638523853"))
    assert _valid(WIDE, _submit_body("1638523853"))
    for bad in ("12a", "", "-1", "1.5", True, None, [1]):
        assert not _valid(WIDE, _submit_body(bad)), bad


@pytest.mark.parametrize("value", [1, 0, 2.5, True, False])
def test_job_info_members_also_accept_json_scalars(value: Any) -> None:
    assert not _valid(SPEC, _submit_body(1, GAP_NNODE=value))
    assert _valid(WIDE, _submit_body(1, GAP_NNODE=value))
    assert _valid(WIDE, _submit_body(1, GAP_EXTRA_KEY=value))


@pytest.mark.parametrize("value", [{"a": 1}, [1], None])
def test_job_info_members_still_refuse_objects_arrays_and_null(value: Any) -> None:
    assert not _valid(WIDE, _submit_body(1, GAP_NNODE=value))
    assert not _valid(WIDE, _submit_body(1, GAP_EXTRA_KEY=value))


def test_cancel_documents_its_fields_as_query_parameters_too() -> None:
    _, _, op = operation("cancel_jobs")
    query = {p["name"]: p for p in map(resolve, op.get("parameters", [])) if p["in"] == "query"}
    assert set(query) == {"jobMethod", "strJobInfoMap"}
    assert not any(p["required"] for p in query.values())  # the form body stays canonical
    assert op["requestBody"]["required"] is False  # the query may carry both fields instead
    form = resolve(op["requestBody"]["content"]["application/x-www-form-urlencoded"]["schema"])
    assert query["jobMethod"]["schema"]["enum"] == form["properties"]["jobMethod"]["enum"]
    assert (
        query["strJobInfoMap"]["schema"]["pattern"]
        == form["properties"]["strJobInfoMap"]["pattern"]
    )
    assert "query" in op["description"]
    assert "api2mcp" in op["description"]


def test_the_generated_client_keeps_sending_the_canonical_types() -> None:
    from scnet_hpc_api.models import JobInfo, SubmitJobRequest

    assert inspect.get_annotations(SubmitJobRequest)["str_job_manager_id"] in (int, "int")
    assert inspect.get_annotations(JobInfo)["gap_nnode"] in (str, "str")
    body = SubmitJobRequest(str_job_manager_id=7, map_app_job_info=JobInfo.from_dict(
        _submit_body(7)["mapAppJobInfo"])).to_dict()  # fmt: skip
    assert body["strJobManagerID"] == 7
    assert body["mapAppJobInfo"]["GAP_NNODE"] == "1"
