"""Turn a raw request into validated values, or into the error code the contract documents.

Text from the query string, headers, path and form bodies is first coerced to the JSON type
its schema names (``"25"`` → 25 for an integer, ``"false"`` → False for a boolean); text that
does not coerce stays text, so the schema then refuses it. Missing required values answer
``10003`` (参数不全), anything else the schema refuses ``10004`` (参数无效); the message names
the offending field but never echoes a long value back.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl

from jsonschema import Draft202012Validator, ValidationError

from .errors import INVALID, ApiError, invalid, missing
from .spec import Operation

__all__ = ["MAX_BODY", "Validated", "parse_form", "validate_request"]

#: Bodies larger than this are refused (no operation needs more than a few kilobytes).
MAX_BODY = 1024 * 1024
_INT = re.compile(r"^-?[0-9]{1,40}$")


@dataclass(frozen=True)
class Validated:
    params: dict[str, Any]  # path, query and header parameters by name, coerced
    body: Any  # parsed body (dict) or None


def coerce(text: str, kind: str | None) -> Any:
    if kind == "integer" and _INT.match(text):
        return int(text)
    if kind == "number":
        try:
            return float(text) if not _INT.match(text) else int(text)
        except ValueError:
            return text
    if kind == "boolean" and text.lower() in ("true", "false"):
        return text.lower() == "true"
    return text


def _describe(error: ValidationError, root: str) -> str:
    where = ".".join(str(p) for p in error.absolute_path)
    name = f"{root}.{where}" if root and where else (where or root or "body")
    if error.validator == "type":
        return f"{name}: must be of type {error.validator_value}"
    if error.validator == "enum":
        return f"{name}: must be one of {error.validator_value}"
    if error.validator == "pattern":
        return f"{name}: does not match {error.validator_value}"
    if error.validator == "format":
        return f"{name}: out of range for {error.validator_value}"
    if error.validator in ("minimum", "maximum", "minLength", "maxLength"):
        return f"{name}: violates {error.validator} {error.validator_value}"
    if error.validator == "additionalProperties":
        return f"{name}: has an unexpected member or a member of the wrong type"
    message = error.message
    return f"{name}: {message[:120]}{'...' if len(message) > 120 else ''}"


def check(validator: Draft202012Validator, value: Any, root: str) -> None:
    """Raise the documented error for the first thing ``validator`` refuses in ``value``."""
    errors = list(validator.iter_errors(value))
    if not errors:
        return
    for error in errors:
        for leaf in [error, *error.context]:  # context: branches of anyOf/oneOf
            if leaf.validator == "required":
                absent = next(
                    (m for m in leaf.validator_value if m not in leaf.instance),
                    "a member",
                )
                where = ".".join(str(p) for p in leaf.absolute_path)
                raise missing(".".join(p for p in (root, where, absent) if p))
    best = min(errors, key=lambda e: (len(e.absolute_path), str(e.validator)))
    raise ApiError(INVALID, f"param_invalid: {_describe(best, root)}")


def parse_form(raw: bytes) -> dict[str, str]:
    """An ``application/x-www-form-urlencoded`` body; the first of repeated fields wins."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise invalid("body", "form body is not UTF-8") from None
    fields: dict[str, str] = {}
    try:
        pairs = parse_qsl(text, keep_blank_values=True, errors="strict")
    except (ValueError, UnicodeDecodeError):
        raise invalid("body", "form body is not valid application/x-www-form-urlencoded") from None
    for key, value in pairs:
        fields.setdefault(key, value)
    return fields


def validate_request(
    op: Operation,
    *,
    path: Mapping[str, str],
    query: Mapping[str, str],
    headers: Mapping[str, str],
    body: bytes,
) -> Validated:
    """Validate what ``op`` declares; undeclared query parameters are ignored (as in Spring)."""
    sources = {"path": path, "query": query, "header": headers}
    params: dict[str, Any] = {}
    for p in op.parameters:
        raw = sources[p.location].get(p.name.lower() if p.location == "header" else p.name)
        if raw is None:
            if p.required:
                raise missing(p.name)
            continue
        if p.location == "header":
            raw = _utf8_header(raw)
        value = coerce(raw, p.type)
        check(p.validator, value, p.name)
        params[p.name] = value
    parsed: Any = None
    if op.body_type in ("json", "form"):  # multipart bodies are streamed (files.multipart)
        if body.strip():
            _check_media_type(op, headers.get("content-type", ""))
        parsed = _body(op, body, query)
    return Validated(params=params, body=parsed)


def _check_media_type(op: Operation, content_type: str) -> None:
    """A body must come as the media type the operation declares (an absent header is let pass)."""
    media = content_type.split(";", 1)[0].strip().lower()
    if not media:
        return
    if op.body_type == "json":
        ok = media == "application/json" or media.endswith("+json")
        expected = "application/json"
    else:
        ok = media == "application/x-www-form-urlencoded"
        expected = "application/x-www-form-urlencoded"
    if not ok:
        raise invalid("body", f"Content-Type must be {expected}, not {media[:60]}")


def _utf8_header(value: str) -> str:
    """ASGI servers hand over header bytes as Latin-1; user names are sent as UTF-8 (张三)."""
    try:
        return value.encode("latin-1").decode("utf-8")
    except UnicodeError:
        return value


def _body(op: Operation, body: bytes, query: Mapping[str, str]) -> Any:
    assert op.body_validator is not None
    if op.body_type == "form":
        fields = parse_form(body) if body.strip() else {}
        # Spring reads form fields and query parameters alike; one client sends cancel's
        # fields in the query string, so accept them there when the body lacks them.
        for name in op.body_types:
            if name not in fields and name in query:
                fields[name] = query[name]
        if not fields and op.body_required:
            raise missing("body")
        value: Any = {k: coerce(v, op.body_types.get(k)) for k, v in fields.items()}
    else:
        if not body.strip():
            if op.body_required:
                raise missing("body")
            return None
        try:
            value = json.loads(body)
        except (ValueError, RecursionError):
            raise invalid("body", "not valid JSON") from None
    check(op.body_validator, value, "")
    return value
