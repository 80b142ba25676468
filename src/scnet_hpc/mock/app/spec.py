"""openapi.yaml, loaded once and turned into what the mock needs: operations and their validators.

The mock rejects exactly what the contract forbids by validating every parameter and body
against the operation's own schema (jsonschema, draft 2020-12, as OpenAPI 3.1 uses), with the
``int32``/``int64`` formats enforced so that huge numbers are refused rather than accepted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from jsonschema import Draft202012Validator, FormatChecker

from ..._service import openapi_path
from .leniency import widen

__all__ = ["Operation", "Parameter", "Spec", "load_spec", "path_regex"]

_METHODS = ("get", "post", "put", "delete", "patch")

_FORMATS = FormatChecker()


def _whole(value: object) -> int | None:
    """The whole number a JSON value is (``2.0`` counts, as JSON Schema says), else None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value if isinstance(value, int) else None


@_FORMATS.checks("int32")
def _int32(value: object) -> bool:
    whole = _whole(value)
    return whole is None or -(2**31) <= whole < 2**31


@_FORMATS.checks("int64")
def _int64(value: object) -> bool:
    whole = _whole(value)
    return whole is None or -(2**63) <= whole < 2**63


@dataclass(frozen=True)
class Parameter:
    name: str
    location: str  # path, query, header
    required: bool
    type: str | None  # the schema's JSON type, for coercing text ("integer", "boolean", ...)
    validator: Draft202012Validator = field(repr=False)


@dataclass(frozen=True)
class Operation:
    id: str
    method: str  # upper case
    path: str  # template, e.g. /hpc/openapi/v2/jobs/{jobId}
    parameters: tuple[Parameter, ...]
    body_type: str | None  # "json", "form", "multipart" or None
    body_required: bool
    body_validator: Draft202012Validator | None = field(repr=False)
    body_types: dict[str, str | None] = field(repr=False)  # form field -> JSON type
    secured: bool
    platform: bool  # on the platform hosts (/api/..., /ac/...), not under a region's /hpc or /efile


class Spec:
    """The parsed contract with one ``Operation`` per operationId."""

    def __init__(self, document: dict[str, Any], text: bytes) -> None:
        self.document = document
        self.text = text
        self.operations: dict[str, Operation] = {}
        for path, item in document["paths"].items():
            for method in _METHODS:
                if method in item:
                    op = self._operation(path, method, item[method])
                    self.operations[op.id] = op

    def validator(self, pointer: str) -> Draft202012Validator:
        """A validator for the schema at ``pointer`` in the spec.

        ``$ref``s are inlined once here (the spec has no recursive schemas): resolving them
        through the registry on every request cost half of the mock's time per request.
        """
        node, _ = self._resolve({"$ref": "#" + pointer}, pointer)
        return Draft202012Validator(self._inline(node, 0), format_checker=_FORMATS)

    def _inline(self, node: Any, depth: int) -> Any:
        if depth > 50:
            raise ValueError("openapi.yaml has a schema cycle deeper than 50 levels")
        if isinstance(node, dict):
            if "$ref" in node and isinstance(node["$ref"], str) and node["$ref"].startswith("#/"):
                target, _ = self._resolve({"$ref": node["$ref"]}, node["$ref"][1:])
                rest = {k: v for k, v in node.items() if k != "$ref"}
                inlined = self._inline(target, depth + 1)
                return {"allOf": [inlined, self._inline(rest, depth + 1)]} if rest else inlined
            return {k: self._inline(v, depth) for k, v in node.items()}
        if isinstance(node, list):
            return [self._inline(v, depth) for v in node]
        return node

    def schema_validator(self, name: str) -> Draft202012Validator:
        return self.validator(f"/components/schemas/{name}")

    def _resolve(self, node: Any, pointer: str) -> tuple[Any, str]:
        while isinstance(node, dict) and "$ref" in node:
            pointer = node["$ref"][1:]
            node = self.document
            for part in pointer.strip("/").split("/"):
                key = part.replace("~1", "/").replace("~0", "~")
                node = node[int(key)] if isinstance(node, list) else node[key]
        return node, pointer

    def _type_of(self, schema: Any, pointer: str) -> str | None:
        schema, _ = self._resolve(schema, pointer)
        kind = schema.get("type") if isinstance(schema, dict) else None
        return kind if isinstance(kind, str) else None

    def _operation(self, path: str, method: str, raw: dict[str, Any]) -> Operation:
        base = "/paths/" + path.replace("~", "~0").replace("/", "~1") + "/" + method
        params = []
        for i, p in enumerate(raw.get("parameters", [])):
            p, ptr = self._resolve(p, f"{base}/parameters/{i}")
            params.append(
                Parameter(
                    name=p["name"],
                    location=p["in"],
                    required=bool(p.get("required", False)),
                    type=self._type_of(p["schema"], ptr + "/schema"),
                    validator=self.validator(ptr + "/schema"),
                )
            )
        body_type = None
        body_validator = None
        body_types: dict[str, str | None] = {}
        body = raw.get("requestBody")
        if body is not None:
            content = body["content"]
            media = next(iter(content))
            body_type = {
                "application/x-www-form-urlencoded": "form",
                "multipart/form-data": "multipart",  # streamed: the handler reads the parts
            }.get(media, "json")
            ptr = f"{base}/requestBody/content/{media.replace('/', '~1')}/schema"
            body_validator = self.validator(ptr)
            schema, sptr = self._resolve(content[media]["schema"], ptr)
            for name, prop in schema.get("properties", {}).items():
                body_types[name] = self._type_of(prop, f"{sptr}/properties/{name}")
        return Operation(
            id=raw["operationId"],
            method=method.upper(),
            path=path,
            parameters=tuple(params),
            body_type=body_type,
            body_required=bool(body and body.get("required", False)),
            body_validator=body_validator,
            body_types=body_types,
            secured=raw.get("security", self.document.get("security")) != [],
            platform=not path.startswith(("/hpc/", "/efile/")),
        )


@cache
def load_spec(path: Path | None = None) -> Spec:
    """The contract (default: the package's ``openapi.yaml``), parsed once per process (start-up
    time matters: ``make mock`` < 2 s)."""
    text = (path or openapi_path()).read_bytes()
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    document = yaml.load(text, Loader=loader)  # noqa: S506 - a safe loader
    return Spec(widen(document), text)  # the mock accepts what the live service accepts


def path_regex(template: str) -> re.Pattern[str]:
    """``/jobs/{jobId}`` → a regex with one named group per path parameter (no ``/`` inside)."""
    parts = re.split(r"\{([^}]+)\}", template)
    pattern = "".join(
        re.escape(part) if i % 2 == 0 else f"(?P<{part}>[^/]+)" for i, part in enumerate(parts)
    )
    return re.compile(f"^{pattern}$")
