"""The contract file and the facts the checks read from it (documented codes, operations)."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import yaml

from scnet_hpc._service import openapi_path

__all__ = [
    "CONFIG_PATH",
    "REPO",
    "SPEC_PATH",
    "code_meanings",
    "documented_codes",
    "operation_ids",
    "raw_spec",
]

REPO = Path(__file__).resolve().parent.parent
SPEC_PATH = openapi_path()
CONFIG_PATH = REPO / "schemathesis.toml"
METHODS = ("get", "put", "post", "delete", "patch", "head", "options")


@functools.cache
def raw_spec() -> dict[str, Any]:
    with SPEC_PATH.open(encoding="utf-8") as fh:
        spec: dict[str, Any] = yaml.safe_load(fh)
    return spec


@functools.cache
def documented_codes() -> frozenset[str]:
    """``components/schemas/ErrorCode``: every code the contract documents, ``"0"`` included."""
    return frozenset(raw_spec()["components"]["schemas"]["ErrorCode"]["enum"])


@functools.cache
def code_meanings() -> dict[str, str]:
    """``ErrorCode``'s ``x-enum-descriptions``: what each documented code means."""
    meanings = raw_spec()["components"]["schemas"]["ErrorCode"]["x-enum-descriptions"]
    return {str(code): str(text) for code, text in meanings.items()}


@functools.cache
def operation_ids() -> dict[str, str]:
    """operationId → ``METHOD /path`` (schemathesis's label) for every operation."""
    ids: dict[str, str] = {}
    for path, item in raw_spec()["paths"].items():
        for method in METHODS:
            if method in item:
                ids[item[method]["operationId"]] = f"{method.upper()} {path}"
    return ids
