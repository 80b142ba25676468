"""openapi.yaml at run time: find it, and check success bodies against their schema.

The generated models accept almost anything (a scheduler ``id`` sent as a string comes back as a
string), so the SDK checks each success body against the operation's success-envelope schema
from the contract itself. Validators are compiled once per operation, on first use.

Two engines, same answers: ``jsonschema-rs`` (Rust; about 0.5 µs for a ``list_clusters`` body and
0.2× ``json.loads`` for a 10,000-row job list) when it is installed, else ``jsonschema`` (pure
Python; about 80 µs and 26× ``json.loads`` for the same bodies). Set ``SCNET_HPC_VALIDATOR=python``
to force the pure-Python engine; pass ``validate=False`` to a client to skip the check.

``format: int32``/``int64`` is an annotation to both engines (an id of 10**30 would pass), and
jsonschema-rs calls custom format checkers for strings only. So the schemas are compiled with
each such format turned into the ``minimum``/``maximum`` of its range (``_with_int_bounds``):
one rewrite that both engines enforce alike, and that leaves the string branch of
``type: [integer, string]`` alone.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from ._service import openapi_path
from .environment import read_env
from .errors import ConfigurationError

__all__ = [
    "SchemaMismatch",
    "engine_name",
    "load_spec",
    "python_validator",
    "spec_path",
    "success_schema",
    "validate",
]

_JSON_METHODS = ("get", "post", "put", "delete", "patch")
_MAX_MESSAGE = 240
#: The range of each integer ``format`` of OpenAPI.
INT_FORMATS = {"int32": (-(2**31), 2**31 - 1), "int64": (-(2**63), 2**63 - 1)}


class SchemaMismatch(Exception):
    """Internal: the body breaks the schema; ``path`` is where, ``message`` what."""

    def __init__(self, message: str, path: str) -> None:
        self.message = message
        self.path = path
        super().__init__(message)


def spec_path() -> Path:
    """openapi.yaml (``_service.openapi_path``), or a ``ConfigurationError`` saying what to do."""
    try:
        return openapi_path()
    except FileNotFoundError as exc:
        raise ConfigurationError(f"{exc}, or pass validate=False to skip response checks") from None


@functools.cache
def load_spec() -> dict[str, Any]:
    text = spec_path().read_text(encoding="utf-8")
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    spec: dict[str, Any] = yaml.load(text, Loader=loader)  # noqa: S506 - a safe loader
    return spec


@functools.cache
def success_schema(operation_id: str) -> str:
    """Name of the success envelope schema of ``operation_id`` (first branch of the 200 oneOf)."""
    for item in load_spec()["paths"].values():
        for method in _JSON_METHODS:
            op = item.get(method)
            if op and op.get("operationId") == operation_id:
                schema = op["responses"]["200"]["content"]["application/json"]["schema"]
                ref: str = schema["oneOf"][0]["$ref"]
                return ref.rsplit("/", 1)[1]
    raise KeyError(f"operation {operation_id!r} is not in openapi.yaml")


def engine_name() -> str:
    """``"rust"`` (jsonschema-rs) or ``"python"`` (jsonschema)."""
    if read_env(settings=["hpc_validator"]).get("hpc_validator", "").lower() == "python":
        return "python"
    try:
        import jsonschema_rs  # noqa: F401
    except ImportError:
        return "python"
    return "rust"


Check = Callable[[Any], None]
_lock = threading.Lock()
_checks: dict[tuple[str, str], Check] = {}


def validate(operation_id: str, body: Any, *, engine: str | None = None) -> None:
    """Raise ``SchemaMismatch`` unless ``body`` is a valid success envelope of the operation."""
    engine = engine or engine_name()
    key = (engine, operation_id)
    check = _checks.get(key)
    if check is None:
        with _lock:
            check = _checks.get(key) or _compile(engine, success_schema(operation_id))
            _checks[key] = check
    try:
        check(body)
    except (RecursionError, ValueError) as exc:
        # jsonschema-rs raises ValueError("Recursion limit reached") on deep bodies; callers
        # bound the depth first (_envelope.MAX_DEPTH), this keeps any other refusal typed.
        raise SchemaMismatch(_short(f"the body cannot be checked: {exc}"), "") from None


def _with_int_bounds(schema: Any) -> Any:
    """``schema`` with every ``format: int32/int64`` also stated as ``minimum``/``maximum``."""
    if isinstance(schema, list):
        return [_with_int_bounds(item) for item in schema]
    if not isinstance(schema, dict):
        return schema
    out = {key: _with_int_bounds(value) for key, value in schema.items()}
    fmt = out.get("format")
    bounds = INT_FORMATS.get(fmt) if isinstance(fmt, str) else None
    if bounds is not None:
        low, high = bounds
        out["minimum"] = max(low, out.get("minimum", low))
        out["maximum"] = min(high, out.get("maximum", high))
    return out


def _compile(engine: str, schema_name: str) -> Check:
    components = _with_int_bounds(load_spec()["components"])
    if engine == "rust":
        import jsonschema_rs

        root = {"$ref": f"#/components/schemas/{schema_name}", "components": components}
        rs = jsonschema_rs.Draft202012Validator(root)

        def check_rs(body: Any) -> None:
            if not rs.is_valid(body):
                error = next(iter(rs.iter_errors(body)))
                raise SchemaMismatch(_short(error.message), _pointer(error.instance_path))

        return check_rs

    import jsonschema

    py = python_validator(schema_name, components)

    def check_py(body: Any) -> None:
        error = jsonschema.exceptions.best_match(py.iter_errors(body))
        if error is not None:
            raise SchemaMismatch(_short(error.message), _pointer(error.absolute_path))

    return check_py


def python_validator(schema_name: str, components: Any = None) -> Any:
    """A ``jsonschema`` Draft 2020-12 validator for ``components.schemas[schema_name]``
    (``components``: openapi.yaml's, with the int32/int64 bounds stated)."""
    import jsonschema
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT202012

    if components is None:
        components = _with_int_bounds(load_spec()["components"])
    uri = "urn:scnet-hpc:openapi"
    registry: Registry[Any] = Registry().with_resource(
        uri, Resource.from_contents({"components": components}, default_specification=DRAFT202012)
    )
    return jsonschema.Draft202012Validator(
        {"$ref": f"{uri}#/components/schemas/{schema_name}"}, registry=registry
    )


def _pointer(parts: Any) -> str:
    return "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in parts).lstrip(".")


def _short(message: str) -> str:
    # Messages quote the offending instance, which can be a whole 10,000-row list.
    for name, (low, high) in INT_FORMATS.items():
        # "... is greater than the maximum of 9223372036854775807": say which format that is.
        if message.endswith((f"maximum of {high}", f"minimum of {low}")):
            message = message.rsplit(" is ", 1)[0] + f" is out of the {name} range"
    return message if len(message) <= _MAX_MESSAGE else message[: _MAX_MESSAGE - 3] + "..."
