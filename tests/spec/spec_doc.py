"""openapi.yaml loaded once, with the small lookups the spec tests share."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import yaml
from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from scnet_hpc._service import openapi_path

SPEC: dict[str, Any] = yaml.safe_load(openapi_path().read_text(encoding="utf-8"))
SPEC_URI = "urn:scnet-hpc:openapi"
REGISTRY: Registry = Registry().with_resource(
    SPEC_URI, Resource.from_contents(SPEC, default_specification=DRAFT202012)
)
HTTP_METHODS = ("get", "post", "put", "delete", "patch")


def pointer(*parts: str) -> str:
    """JSON pointer to a place in the spec (escaping `/` and `~` as RFC 6901 says)."""
    return "".join("/" + p.replace("~", "~0").replace("/", "~1") for p in parts)


def validator_at(ptr: str) -> Draft202012Validator:
    """A validator for the schema at `ptr`, resolving `$ref`s against the whole spec."""
    return Draft202012Validator({"$ref": f"{SPEC_URI}#{ptr}"}, registry=REGISTRY)


def resolve(node: Any) -> Any:
    while isinstance(node, dict) and "$ref" in node:
        ref = node["$ref"]
        assert ref.startswith("#/"), ref
        node = SPEC
        for part in ref[2:].split("/"):
            node = node[part.replace("~1", "/").replace("~0", "~")]
    return node


def operations() -> Iterator[tuple[str, str, dict[str, Any]]]:
    for path, item in SPEC["paths"].items():
        for method in HTTP_METHODS:
            if method in item:
                yield path, method, item[method]


def operation(operation_id: str) -> tuple[str, str, dict[str, Any]]:
    for path, method, op in operations():
        if op["operationId"] == operation_id:
            return path, method, op
    raise LookupError(operation_id)
