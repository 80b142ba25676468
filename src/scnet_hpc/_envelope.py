"""Unwrap one response body: typed data, a typed API error, or a contract violation.

The generated ``_parse_response`` tries the success model and falls back to ``ErrorEnvelope``
when that fails, so a malformed success body (``data`` missing, an ``id`` sent as a string)
either passes silently or turns into an "error" with code ``"0"``. Here the decision is made on
``str(code)`` first (a bare integer code must not crash anything), and a success body is then
checked against the operation's schema in openapi.yaml before the generated model reads it.

A hostile or broken server must not get past this module as anything but a ``ContractViolation``:
a body nested deeper than ``MAX_DEPTH`` (which would otherwise surface as a ``RecursionError`` from
``json``, the validators or a ``repr`` much later), ``NaN``/``Infinity`` (not JSON), or an integer
too long to convert are all refused here, with a message that says so.
"""

from __future__ import annotations

import json
import re
from typing import Any

from . import _spec
from ._logging import redact
from ._operations import OPERATIONS, Operation
from .error_codes import error_class
from .errors import ApiError, ContractViolation, JobRejectedError

__all__ = ["MAX_DEPTH", "api_error", "decode", "unwrap", "unwrap_body"]

#: How deeply a body may nest objects and arrays. The deepest answer in openapi.yaml nests 5
#: levels (envelope, data, list, row, ``jobInitAttr``); 64 leaves room for free-form members
#: while staying far below every recursion limit on the way (``json``, the validators, ``repr``).
MAX_DEPTH = 64

#: A submit refused by the scheduler carries its stderr (``exitcode:1, errorinfo: sbatch: ...``).
_SCHEDULER_MESSAGE = re.compile(r"errorinfo|exitcode\s*:|\b(sbatch|qsub|bsub)\b", re.IGNORECASE)
#: Operations whose bodies hold tokens: whatever an error keeps of them is redacted.
_SECRET_BODIES = frozenset({"issue_tokens", "issue_tokens_password", "renew_token"})


def unwrap(operation: str, content: bytes, *, validate: bool = True) -> Any:
    """The typed ``data`` of a success body; raises ``ApiError`` or ``ContractViolation``."""
    return unwrap_body(operation, decode(operation, content), validate=validate)


def decode(operation: str, content: bytes) -> Any:
    text = content[:2000].decode("utf-8", "replace")
    try:
        return json.loads(content, parse_constant=_not_json_constant)
    except RecursionError:
        reason = f"body nests objects/arrays more than {MAX_DEPTH} levels deep"
        raise ContractViolation(reason, operation=operation, raw=_keep(operation, text)) from None
    except ValueError as exc:
        # JSONDecodeError, NaN/Infinity, or an integer of more than 4300 digits.
        why = "" if isinstance(exc, json.JSONDecodeError) else f" ({_preview(str(exc))})"
        raise ContractViolation(
            f"body is not JSON{why}: {_preview(text)!r}",
            operation=operation,
            raw=_keep(operation, text),
            not_json=True,
        ) from None


def _not_json_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON value")


def _check_depth(operation: str, body: Any) -> None:
    """Refuse a body nested deeper than ``MAX_DEPTH`` (iteratively: no recursion to exhaust)."""
    level, depth = [body], 0
    while level:
        depth += 1
        if depth > MAX_DEPTH:
            raise ContractViolation(
                f"body nests objects/arrays more than {MAX_DEPTH} levels deep",
                operation=operation,
            )
        deeper: list[Any] = []
        for node in level:
            members = node.values() if type(node) is dict else node
            deeper.extend([m for m in members if type(m) is dict or type(m) is list])
        level = deeper


def unwrap_body(operation: str, body: Any, *, validate: bool = True) -> Any:
    """Like ``unwrap`` for a body that is already decoded."""
    if type(body) is dict or type(body) is list:
        _check_depth(operation, body)
    if not isinstance(body, dict):
        raise ContractViolation(
            f"expected a JSON object (the envelope), got {_json_type(body)}",
            operation=operation,
            raw=_keep(operation, body),
        )
    if "code" not in body:
        raise ContractViolation(
            "the envelope has no 'code'", operation=operation, raw=_keep(operation, body)
        )
    code = body["code"]
    if isinstance(code, bool) or not isinstance(code, str | int):
        raise ContractViolation(
            f"'code' must be a string, got {_json_type(code)}",
            operation=operation,
            path="code",
            raw=_keep(operation, body),
        )
    if str(code) != "0":
        raise api_error(operation, str(code), body)
    if not isinstance(code, str):
        body = {**body, "code": "0"}  # tolerated: a bare integer 0
    if validate:
        try:
            _spec.validate(operation, body)
        except _spec.SchemaMismatch as mismatch:
            raise ContractViolation(
                mismatch.message,
                operation=operation,
                path=mismatch.path,
                raw=_keep(operation, body),
            ) from None
    elif "data" not in body:
        raise ContractViolation(
            "the success envelope has no 'data'", operation=operation, raw=_keep(operation, body)
        )
    try:
        envelope = OPERATIONS[Operation(operation)].envelope.from_dict(body)
    except (TypeError, ValueError, KeyError, AttributeError) as exc:
        raise ContractViolation(
            f"the success envelope cannot be read: {type(exc).__name__}: {exc}",
            operation=operation,
            raw=_keep(operation, body),
        ) from None
    return envelope.data


def api_error(operation: str, code: str, body: dict[str, Any]) -> ApiError:
    """The ``ApiError`` subclass that says what ``code`` means for this operation."""
    raw_msg = body.get("msg")
    msg = raw_msg if isinstance(raw_msg, str) else ("" if raw_msg is None else str(raw_msg))
    cls: type[ApiError]
    if operation == "submit_job" and _SCHEDULER_MESSAGE.search(msg):
        cls = JobRejectedError
    else:
        cls = error_class(code)
    return cls(code, msg, operation=operation, raw=_keep(operation, body))


def _keep(operation: str, raw: Any) -> Any:
    if operation not in _SECRET_BODIES:
        return raw
    return (
        json.loads(redact(json.dumps(raw, ensure_ascii=False)))
        if not isinstance(raw, str)
        else redact(raw)
    )


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    return type(value).__name__


def _preview(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= 120 else text[:117] + "..."
