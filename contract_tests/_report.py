"""The report people read: a Markdown summary and JUnit XML in ``reports/contract/``.

Both are built from plain data (the recorder and one ``TestOutcome`` per pytest test) so they
can be unit-tested without a pytest session. Every text that reaches them is already masked.
The summary's last line is ``contract: N operations, M cases, F failures``: N operations that
received at least one request, M requests sent, F distinct failures (one per operation and
check, plus failed tests that are not check failures).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass, field

from ._record import Recorder
from ._spec import code_meanings

__all__ = ["RunInfo", "TestOutcome", "failure_count", "junit_xml", "markdown", "summary_line"]


@dataclass(frozen=True)
class TestOutcome:
    __test__ = False  # not a pytest test class

    nodeid: str
    outcome: str  # passed / failed / skipped / error
    seconds: float = 0.0
    message: str = ""  # masked; the skip reason for skipped tests
    check_failure: bool = False  # failed because a contract check failed (counted via recorder)


@dataclass(frozen=True)
class RunInfo:
    target: str
    seed: int | None
    writes: str
    examples: int
    wall_seconds: float
    schemathesis_version: str
    operations_total: int
    notes: list[str] = field(default_factory=list)


def failure_count(recorder: Recorder, outcomes: Iterable[TestOutcome]) -> int:
    others = sum(1 for o in outcomes if o.outcome in ("failed", "error") and not o.check_failure)
    return len(recorder.failures) + others


def summary_line(recorder: Recorder, outcomes: Iterable[TestOutcome]) -> str:
    return (
        f"contract: {len(recorder.operations_run())} operations, {recorder.total_cases} cases, "
        f"{failure_count(recorder, outcomes)} failures"
    )


def _codes(codes: dict[str, int]) -> str:
    others = sorted(((c, n) for c, n in codes.items() if c != "0"), key=lambda x: (-x[1], x[0]))
    return ", ".join(f"{c} ×{n}" for c, n in others) or "—"


def _first_line(text: str) -> str:
    stripped = text.strip()
    return stripped.splitlines()[0][:300] if stripped else ""


def _excerpt(text: str, lines: int = 30) -> str:
    kept = text.strip().splitlines()
    if len(kept) <= lines:
        return "\n".join(kept)
    return "\n".join([*kept[:lines], f"... ({len(kept) - lines} more lines)"])


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _legend(recorder: Recorder) -> list[str]:
    """The columns, the run settings and every code in the table, explained; the codes' meanings
    are openapi.yaml's (``ErrorCode``), not retyped here."""
    seen = sorted(
        {code for stats in recorder.operations.values() for code in stats.codes},
        key=lambda c: (c.startswith("HTTP"), len(c), c),
    )
    meanings = code_meanings()
    lines = [
        "## Legend",
        "",
        "- **Cases**: requests sent for the operation, from every source: generated (the "
        "examples, coverage and fuzzing phases of schemathesis), stateful sequences (steps "
        "along the spec's links) and scripted tests (known-good requests, token probes, the "
        "job lifecycle).",
        "- **Positive / Negative**: cases that conform to the request schema / that violate it "
        "on purpose (wrong types, missing parameters, ...); a correct server refuses negative "
        "ones with an error code, never `0`.",
        "- **Fuzzing phase**: the cases Hypothesis generated at random (at least the "
        "configured number per operation); the other phases add explicit examples and "
        "boundary values.",
        '- **Answered "0"**: cases answered with code `0` (success), so the success schema was '
        "checked on real answers.",
        "- **Other codes**: error envelopes by code (`code ×count`), or `HTTP <status>` when "
        "the answer was not a 200 envelope.",
        "- **Failures**: distinct contract failures (check × operation), detailed below.",
        "- **Writes**: `none` = read-only (no job is submitted or cancelled, no credential "
        "minted); `scripted` = the scripted tests also submit one cheap job and cancel it; "
        "`fuzz` = generated requests go to every operation, writes included "
        "(`SCNET_CONTRACT_WRITES=0|1|fuzz`).",
    ]
    if seen:
        lines += ["", "Codes in this report (meanings from `ErrorCode` in openapi.yaml):", ""]
        for code in seen:
            if code.startswith("HTTP"):
                meaning = "not a 200 envelope (a gateway or transport answer)"
            else:
                meaning = meanings.get(code, "not documented in openapi.yaml")
            lines.append(f"- `{code}`: {meaning}")
    return lines


def markdown(info: RunInfo, recorder: Recorder, outcomes: list[TestOutcome]) -> str:
    counts = {
        k: sum(1 for o in outcomes if o.outcome == k)
        for k in ("passed", "failed", "skipped", "error")
    }
    lines = [
        "# Contract test report",
        "",
        "What ran against which server, per operation what was sent and how it was answered, "
        "then each contract failure with a `curl` that reproduces it (terms: see Legend).",
        "",
        f"- Target: {info.target}",
        f"- Contract: openapi.yaml · schemathesis {info.schemathesis_version}",
        f"- Seed: {info.seed} (replay with `SCNET_CONTRACT_SEED={info.seed}`)"
        if info.seed is not None
        else "- Seed: not set",
        f"- Writes: {info.writes} · generated cases per operation (fuzzing phase): {info.examples}",
        f"- Wall time: {info.wall_seconds:.1f} s",
        f"- Tests: {counts['passed']} passed, {counts['failed']} failed, {counts['error']} errors, "
        f"{counts['skipped']} skipped",
        *(f"- {note}" for note in info.notes),
        "",
        "## Operations",
        "",
        "The columns and every code are explained in the Legend below the table.",
        "",
        '| Operation | Cases | Positive | Negative | Fuzzing phase | Answered "0" '
        "| Other codes | Failures |",
        "|---|---:|---:|---:|---:|---:|---|---:|",
    ]
    failures_by_op: dict[str, int] = {}
    for failure in recorder.failures.values():
        failures_by_op[failure.operation] = failures_by_op.get(failure.operation, 0) + 1
    for stats in sorted(recorder.operations.values(), key=lambda s: s.label.split(" ", 1)[1]):
        codes = _cell(_codes(dict(stats.codes)))
        lines.append(
            f"| `{stats.label}` | {stats.cases} | {stats.positive} | {stats.negative} | "
            f"{stats.by_phase['fuzzing']} | {stats.succeeded} | {codes} | "
            f"{failures_by_op.get(stats.label, 0)} |"
        )
    missing = info.operations_total - len(recorder.operations_run())
    if missing:
        lines += ["", f"{missing} operation(s) of openapi.yaml received no request (see Skipped)."]
    lines += ["", *_legend(recorder)]
    lines += ["", "## Failures", ""]
    if not recorder.failures:
        lines.append("None.")
    for n, failure in enumerate(recorder.failures.values(), 1):
        lines += [
            f"### {n}. `{failure.check}` on `{failure.operation}` (seen {failure.seen}×)",
            "",
            "```text",
            _excerpt(failure.message),
            "```",
            "",
            "Reproduce (the token is masked as `***`: put a valid one in its place):",
            "",
            "```sh",
            failure.curl.strip(),
            "```",
            "",
        ]
    other = [o for o in outcomes if o.outcome in ("failed", "error") and not o.check_failure]
    if other:
        lines += ["", "## Other failed tests", ""]
        lines += [f"- `{o.nodeid}`: {_cell(_first_line(o.message) or o.outcome)}" for o in other]
    skipped = [o for o in outcomes if o.outcome == "skipped"]
    if skipped:
        lines += ["", "## Skipped", ""]
        lines += [f"- `{o.nodeid}`: {_cell(o.message.strip())}" for o in skipped]
    lines += ["", summary_line(recorder, outcomes)]
    return "\n".join(lines) + "\n"


def junit_xml(info: RunInfo, recorder: Recorder, outcomes: list[TestOutcome]) -> bytes:
    suite = ET.Element(
        "testsuite",
        name="contract",
        tests=str(len(outcomes)),
        failures=str(sum(1 for o in outcomes if o.outcome == "failed")),
        errors=str(sum(1 for o in outcomes if o.outcome == "error")),
        skipped=str(sum(1 for o in outcomes if o.outcome == "skipped")),
        time=f"{info.wall_seconds:.3f}",
    )
    properties = ET.SubElement(suite, "properties")
    for name, value in (
        ("target", info.target),
        ("seed", "" if info.seed is None else str(info.seed)),
        ("writes", info.writes),
        ("operations", str(len(recorder.operations_run()))),
        ("cases", str(recorder.total_cases)),
        ("summary", summary_line(recorder, outcomes)),
    ):
        ET.SubElement(properties, "property", name=name, value=value)
    for o in outcomes:
        module, _, name = o.nodeid.partition("::")
        case = ET.SubElement(
            suite,
            "testcase",
            classname=module.removesuffix(".py").replace("/", "."),
            name=name or module,
            time=f"{o.seconds:.3f}",
        )
        if o.outcome in ("failed", "error"):
            element = ET.SubElement(case, "failure" if o.outcome == "failed" else "error")
            element.set("message", _first_line(o.message) or o.outcome)
            element.text = o.message
        elif o.outcome == "skipped":
            ET.SubElement(case, "skipped", message=o.message[:500])
    root = ET.Element("testsuites")
    root.append(suite)
    ET.indent(root)
    document: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return document
