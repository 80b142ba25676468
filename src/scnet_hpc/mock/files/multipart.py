"""Multipart bodies (uploads): parsed by Starlette into parts spooled to disk, then validated.

The pipeline reads every other body whole (it is small); an upload is not read that way: the
parser spools each file part to a temporary file, so a large upload never sits in memory. Text
fields are coerced and validated against the operation's schema like a form body; a field may
also come in the query string (Spring binds both alike). Urlencoded bodies are accepted too.
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from dataclasses import dataclass
from typing import IO, Any

from starlette.datastructures import FormData, UploadFile
from starlette.requests import Request

from ..app.errors import ApiError, invalid, missing
from ..app.spec import Operation
from ..app.validation import check, coerce
from .codes import TOO_LARGE

__all__ = ["Part", "read_multipart"]

_MAX_FIELD = 64 * 1024


@dataclass(frozen=True)
class Part:
    """One file part: its name as sent, its bytes (a file object) and their count."""

    filename: str | None
    file: IO[bytes]
    size: int


def _file_fields(op: Operation) -> set[str]:
    schema = op.body_validator.schema if op.body_validator is not None else {}
    props = schema.get("properties", {}) if isinstance(schema, dict) else {}
    return {k for k, v in props.items() if isinstance(v, dict) and v.get("format") == "binary"}


async def read_multipart(
    request: Request, op: Operation, query: Mapping[str, str], limit: int
) -> tuple[dict[str, Any], FormData | None]:
    """(validated fields with ``Part`` values for file fields, the form to close afterwards)."""
    length = request.headers.get("content-length", "")
    if length.isdigit() and int(length) > limit:
        raise ApiError(TOO_LARGE, f"文件过大: an upload may carry at most {limit} bytes")
    media = request.headers.get("content-type", "").split(";", 1)[0].strip().lower()
    form: FormData | None = None
    if media in ("multipart/form-data", "application/x-www-form-urlencoded"):
        try:
            form = await request.form(max_files=4, max_fields=64, max_part_size=_MAX_FIELD)
        except Exception:
            raise invalid("body", f"not a valid {media} body") from None
    elif media:
        raise invalid("body", f"Content-Type must be multipart/form-data, not {media[:60]}")
    files = _file_fields(op)
    text: dict[str, Any] = {}
    parts: dict[str, Part] = {}
    for key, value in form.multi_items() if form is not None else []:
        if key in text or key in parts:
            continue
        if isinstance(value, UploadFile):
            if value.size is not None and value.size > limit:
                raise ApiError(TOO_LARGE, f"文件过大: an upload may carry at most {limit} bytes")
            parts[key] = Part(value.filename, value.file, value.size or 0)
        elif key in files:
            data = value.encode("utf-8")
            parts[key] = Part(None, io.BytesIO(data), len(data))
        else:
            text[key] = value
    for name in op.body_types:
        if name not in text and name not in parts and name in query and name not in files:
            text[name] = query[name]
    if not text and not parts and op.body_required:
        raise missing("body")
    fields: dict[str, Any] = {k: coerce(v, op.body_types.get(k)) for k, v in text.items()}
    assert op.body_validator is not None
    check(op.body_validator, {**fields, **{k: "" for k in parts}}, "")
    return {**fields, **parts}, form
