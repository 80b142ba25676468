"""Drift: how the answers a deployment really sends differ from openapi.yaml.

Record a session (``SCNET_RECORD_DIR=dir``, ``scnet-hpc --record dir``, or
``Client.with_options(record_dir=dir)``; see ``scnet_hpc._recording``), then::

    python -m scnet_hpc.drift dir            # a table per operation
    python -m scnet_hpc.drift dir --json     # the same as JSON, for programs
    make drift BODIES=dir                    # the first, from the repository

Each recorded body is checked against the response schema of its operation in openapi.yaml
(the success envelope when ``code`` is ``"0"``, else the error envelope) and every difference is
reported, grouped per operation, with the path of the member (array items as ``[]``) and what
the spec expects against what was received:

* ``undeclared-field``: a member the schema does not declare, even where the schema lets other
  members through (``additionalProperties``): the service sends something the spec does not
  describe yet;
* ``type-mismatch``: a member of another JSON type than declared (``"12"`` for an integer);
* ``unknown-code``: an error ``code`` that ``ErrorCode`` does not list;
* ``unknown-enum-value``: a value outside a declared enum, or outside the enum schema that a
  string member's description refers to (``(see `RealtimeStateCode`)``): a new job state;
* ``missing-field``: a required member that is absent;
* ``constraint``: anything else the schema refuses (a pattern, a minimum);
* ``http-status``: an answer other than HTTP 200 (a gateway page, not an envelope);
* ``not-envelope``: a body that is not a JSON object with ``code``;
* ``unknown-operation``: a recording of an operation openapi.yaml does not have.

Exit status: 0 when every body matches, 1 when there is drift, 2 when the directory holds no
recording (or cannot be read).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from . import _spec

__all__ = ["Finding", "OperationReport", "Report", "check_body", "check_directory", "main"]

KINDS = (
    "undeclared-field",
    "type-mismatch",
    "unknown-code",
    "unknown-enum-value",
    "missing-field",
    "constraint",
    "http-status",
    "not-envelope",
    "unknown-operation",
)
_MAX_SHOWN = 80


@dataclass(frozen=True)
class Finding:
    """One difference: ``path`` is ``data.list[].jobId`` style (``""`` for the body)."""

    kind: str
    path: str
    expected: str
    got: str


@dataclass
class Entry:
    finding: Finding
    count: int
    example: str  # the first recording it was seen in


@dataclass
class OperationReport:
    operation: str
    responses: int = 0
    entries: dict[Finding, Entry] = field(default_factory=dict)

    def add(self, finding: Finding, source: str) -> None:
        entry = self.entries.get(finding)
        if entry is None:
            self.entries[finding] = Entry(finding, 1, source)
        else:
            entry.count += 1


@dataclass
class Report:
    operations: dict[str, OperationReport] = field(default_factory=dict)

    @property
    def responses(self) -> int:
        return sum(op.responses for op in self.operations.values())

    @property
    def clean(self) -> bool:
        return not any(op.entries for op in self.operations.values())

    def to_json(self) -> dict[str, Any]:
        return {
            "clean": self.clean,
            "responses": self.responses,
            "operations": {
                name: {
                    "responses": op.responses,
                    "findings": [
                        {**asdict(e.finding), "count": e.count, "example": e.example}
                        for e in _sorted(op.entries.values())
                    ],
                }
                for name, op in sorted(self.operations.items())
            },
        }

    def to_table(self) -> str:
        """A summary row per operation, then each operation's findings."""
        ops = sorted(self.operations.items())
        summary = [("OPERATION", "RESPONSES", "FINDINGS")]
        summary += [(name, str(op.responses), str(len(op.entries))) for name, op in ops]
        lines = _columns(summary)
        for name, op in ops:
            if not op.entries:
                continue
            rows = [("KIND", "PATH", "EXPECTED", "GOT", "SEEN")]
            rows += [
                (e.finding.kind, e.finding.path or "(body)", e.finding.expected, e.finding.got,
                 f"{e.count}x")
                for e in _sorted(op.entries.values())
            ]  # fmt: skip
            lines += ["", f"{name}:", *("  " + line for line in _columns(rows))]
        found = sum(len(op.entries) for _, op in ops)
        with_drift = sum(1 for _, op in ops if op.entries)
        verdict = (
            f"no drift in {self.responses} response(s)"
            if self.clean
            else f"drift: {found} finding(s) in {with_drift} operation(s)"
        )
        return "\n".join([*lines, "", verdict])


def _columns(rows: Sequence[Sequence[str]]) -> list[str]:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return ["  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip()
            for row in rows]  # fmt: skip


def _sorted(entries: Iterable[Entry]) -> list[Entry]:
    return sorted(entries, key=lambda e: (KINDS.index(e.finding.kind), e.finding.path))


# --------------------------------------------------------------------------- checking one body


def check_body(operation: str, body: Any, status: int = 200) -> list[Finding]:
    """Every difference between ``body`` (decoded JSON) and openapi.yaml for ``operation``."""
    try:
        success = _spec.success_schema(operation)
    except KeyError:
        return [Finding("unknown-operation", "", "an operationId of openapi.yaml", operation)]
    findings: list[Finding] = []
    if status != 200:
        findings.append(Finding("http-status", "", "200", str(status)))
    if not isinstance(body, dict) or "code" not in body:
        got = _json_type(body) if not isinstance(body, dict) else "an object without 'code'"
        return [*findings, Finding("not-envelope", "", "an object with 'code'", got)]
    code = body["code"]
    if isinstance(code, str | int) and not isinstance(code, bool) and str(code) != "0":
        schema = "ErrorEnvelope"
        if str(code) not in _error_codes():
            findings.append(Finding("unknown-code", "code", "a code of ErrorCode", str(code)))
    else:
        schema = success
    findings += _schema_findings(schema, body)
    findings += _undeclared(_schema(schema), body, "")
    return list(dict.fromkeys(findings))


def _error_codes() -> frozenset[str]:
    codes = _spec.load_spec()["components"]["schemas"]["ErrorCode"]["enum"]
    return frozenset(str(c) for c in codes)


def _schema(name: str) -> dict[str, Any]:
    schema: dict[str, Any] = _spec.load_spec()["components"]["schemas"][name]
    return schema


def _resolve(schema: Any) -> dict[str, Any]:
    while isinstance(schema, dict) and "$ref" in schema:
        schema = _schema(str(schema["$ref"]).rsplit("/", 1)[1])
    return schema if isinstance(schema, dict) else {}


_VALIDATORS: dict[str, Any] = {}


def _validator(name: str) -> Any:
    if name not in _VALIDATORS:
        _VALIDATORS[name] = _spec.python_validator(name)
    return _VALIDATORS[name]


def _schema_findings(schema_name: str, body: Any) -> list[Finding]:
    import jsonschema

    findings = []
    for error in _validator(schema_name).iter_errors(body):
        leaf = error
        while leaf.validator in ("oneOf", "anyOf") and leaf.context:
            leaf = jsonschema.exceptions.best_match(leaf.context)
        findings.append(_classify(leaf))
    return findings


def _classify(error: Any) -> Finding:
    path = _path(error.absolute_path)
    kind, want = str(error.validator), error.validator_value
    if kind == "type":
        expected = " or ".join(want) if isinstance(want, list) else str(want)
        return Finding("type-mismatch", path, expected, _json_type(error.instance))
    if kind in ("enum", "const"):
        values = want if isinstance(want, list) else [want]
        shown = _short(", ".join(json.dumps(v, ensure_ascii=False) for v in values))
        return Finding("unknown-enum-value", path, f"one of {shown}", _show(error.instance))
    if kind == "required" and isinstance(error.instance, dict):
        missing = [name for name in want if name not in error.instance]
        name = missing[0] if missing else "?"
        return Finding("missing-field", _join(path, name), "present", "absent")
    return Finding("constraint", path, _short(f"{kind}: {_show(want)}"), _show(error.instance))


def _undeclared(schema: Any, value: Any, path: str) -> list[Finding]:
    """Members the schema does not declare, wherever the value goes (additionalProperties
    allowed or not); recursion follows $ref, allOf, the matching oneOf/anyOf branch, items."""
    schema = _resolve(schema)
    if not schema:
        return []
    if isinstance(value, str):
        return _enum_by_reference(schema, value, path)
    branches = schema.get("oneOf") or schema.get("anyOf")
    if branches:
        branch = _matching_branch(branches, value)
        return _undeclared(branch, value, path) if branch is not None else []
    if isinstance(value, dict):
        properties, extra = _members(schema)
        findings: list[Finding] = []
        for name, member in value.items():
            if name in properties:
                findings += _undeclared(properties[name], member, _join(path, name))
            elif isinstance(extra, dict) and extra:  # a map: its values have a schema
                findings += _undeclared(extra, member, _join(path, name))
            elif extra is not False and (properties or _is_object(schema)):
                title = schema.get("title") or "the schema"
                findings.append(
                    Finding("undeclared-field", _join(path, name), f"not in {title}",
                            _json_type(member))
                )  # fmt: skip
        return findings
    if isinstance(value, list):
        items = schema.get("items")
        if items is None:
            return []
        found: list[Finding] = []
        for item in value:
            found += _undeclared(items, item, f"{path}[]")
        return list(dict.fromkeys(found))
    return []


#: A string member whose values an enum schema lists says so in its description (the
#: response schemas are lenient strings): ``Realtime state code (see `RealtimeStateCode`)``.
_SEE_ENUM = re.compile(r"\(see `([A-Za-z]+)`\)")


def _enum_by_reference(schema: dict[str, Any], value: str, path: str) -> list[Finding]:
    match = _SEE_ENUM.search(str(schema.get("description") or ""))
    if match is None:
        return []
    named = _spec.load_spec()["components"]["schemas"].get(match.group(1)) or {}
    values = named.get("enum")
    if not values or value in values:
        return []
    return [Finding("unknown-enum-value", path, f"a {match.group(1)}", value)]


def _members(schema: dict[str, Any]) -> tuple[dict[str, Any], Any]:
    """Declared properties (allOf parts merged) and ``additionalProperties``."""
    properties: dict[str, Any] = dict(schema.get("properties") or {})
    extra = schema.get("additionalProperties")
    for part in schema.get("allOf") or []:
        more, part_extra = _members(_resolve(part))
        properties.update(more)
        extra = part_extra if extra is None else extra
    return properties, extra


def _is_object(schema: dict[str, Any]) -> bool:
    kind = schema.get("type")
    return kind == "object" or (isinstance(kind, list) and "object" in kind)


def _matching_branch(branches: Sequence[Any], value: Any) -> Any:
    import jsonschema

    components = _spec.load_spec()["components"]
    for branch in branches:
        resolved = _resolve(branch)
        try:
            check = jsonschema.Draft202012Validator({**resolved, "components": components})
            if check.is_valid(value):
                return resolved
        except jsonschema.exceptions.RefResolutionError:  # pragma: no cover - defensive
            continue
    for branch in branches:  # none fits: the one of the same JSON type
        resolved = _resolve(branch)
        if _type_fits(resolved.get("type"), value):
            return resolved
    return None


def _type_fits(declared: Any, value: Any) -> bool:
    kinds = declared if isinstance(declared, list) else [declared]
    got = _json_type(value)
    return got in kinds or (got == "integer" and "number" in kinds)


# --------------------------------------------------------------------------- a directory


def check_directory(directory: Path) -> Report:
    """Check every recording (``*.json`` written by the recorder) in ``directory``."""
    report = Report()
    files = sorted(p for p in directory.glob("*.json") if p.is_file())
    for path in files:
        try:
            document = json.loads(path.read_text(encoding="utf-8"))
            operation = str(document["operation"])
            body = document.get("body")
            status = int(document.get("status", 200))
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise ValueError(f"{path} is not a recording: {type(exc).__name__}: {exc}") from None
        op = report.operations.setdefault(operation, OperationReport(operation))
        op.responses += 1
        for finding in check_body(operation, body, status):
            op.add(finding, path.name)
    return report


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m scnet_hpc.drift",
        description="Check recorded answers (SCNET_RECORD_DIR, scnet-hpc --record) against "
        "openapi.yaml: undeclared fields, type mismatches, unknown codes and enum values.",
        epilog="Exit status: 0 no drift, 1 drift found, 2 nothing to check.",
    )
    parser.add_argument("directory", type=Path, help="the directory of recordings")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    args = parser.parse_args(argv)
    directory: Path = args.directory
    if not directory.is_dir():
        print(f"error: {directory} is not a directory", file=sys.stderr)
        return 2
    try:
        report = check_directory(directory)
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if not report.operations:
        print(f"error: no recordings (*.json) in {directory}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(report.to_json(), ensure_ascii=False, indent=2))
    else:
        print(report.to_table())
    return 0 if report.clean else 1


# --------------------------------------------------------------------------- small helpers


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    return "object"


def _path(parts: Iterable[Any]) -> str:
    path = ""
    for part in parts:
        path = f"{path}[]" if isinstance(part, int) else _join(path, str(part))
    return path


def _join(path: str, name: str) -> str:
    return f"{path}.{name}" if path else name


def _show(value: Any) -> str:
    return _short(json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else value)


def _short(text: str) -> str:
    return text if len(text) <= _MAX_SHOWN else text[: _MAX_SHOWN - 3] + "..."


if __name__ == "__main__":
    sys.exit(main())
