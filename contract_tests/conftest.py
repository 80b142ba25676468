"""Session plumbing: collect every test's outcome, write ``reports/contract/``, print the summary.

The report (``summary.md`` and ``junit.xml``, in ``reports/contract/`` or ``--contract-report``)
covers the tests under ``contract_tests/`` and the requests they sent; its last line,
``contract: N operations, M cases, F failures``, is also printed at the end of the pytest run.
"""

from __future__ import annotations

import time
from collections.abc import Generator
from importlib.metadata import version
from pathlib import Path
from typing import Any

import pytest

from ._masking import Secrets
from ._record import Recorder
from ._report import RunInfo, TestOutcome, junit_xml, markdown, summary_line
from ._settings import SettingsError
from ._spec import REPO, operation_ids
from ._suite import close_session_suite, session_schema, session_suite
from ._target import TargetError

REPORT_DIR = REPO / "reports" / "contract"
_PREFIX = "contract_tests/"


class _Session:
    def __init__(self) -> None:
        self.started = time.monotonic()
        self.phases: dict[str, dict[str, pytest.TestReport]] = {}
        self.durations: dict[str, float] = {}
        self.check_failures: set[str] = set()
        self.line: str | None = None
        self.report_dir: Path | None = None


_STATE = _Session()


def _key(nodeid: str, name: str) -> str:
    """A test's id; schemathesis gives every operation's item the same nodeid, not its name."""
    if "[" in nodeid or "[" not in name:
        return nodeid
    return f"{nodeid.rsplit('::', 1)[0]}::{name}"


def _suite_built() -> bool:
    return session_suite.cache_info().currsize > 0


def _failures_seen() -> int:
    if not _suite_built():
        return 0
    return sum(f.seen for f in session_suite().recorder.failures.values())


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--contract-report",
        type=Path,
        default=REPORT_DIR,
        help=f"folder for the contract report (default: {REPORT_DIR.relative_to(REPO)})",
    )


def pytest_sessionstart(session: pytest.Session) -> None:
    _STATE.started = time.monotonic()


def _cannot_start(exc: Exception) -> None:
    pytest.exit(f"contract tests cannot start: {exc}", returncode=pytest.ExitCode.USAGE_ERROR)


def pytest_collection(session: pytest.Session) -> None:
    """Read the settings and the schema before collection, so that a bad setting is one clear
    line. This sends nothing: the target is signed in to when the first test needs it."""
    try:
        session_schema()
    except SettingsError as exc:
        _cannot_start(exc)


@pytest.fixture(scope="session", autouse=True)
def _contract_target() -> None:
    """Sign in and discover before the first contract test; failing that ends the run with one
    line (instead of the same error in every test)."""
    try:
        session_suite()
    except (SettingsError, TargetError) as exc:
        _cannot_start(exc)


_GENERATED_TEST = "test_operation["


def _check_generation(item: pytest.Item) -> None:
    """A generated test item (``test_operation[<METHOD path>]``) fails when its operation got
    too few cases, judged right after generating them (not by a later, order-dependent test)."""
    if not item.name.startswith(_GENERATED_TEST):
        return
    label = item.name.removeprefix(_GENERATED_TEST).removesuffix("]")
    suite = session_suite()
    stats = suite.recorder.operations.get(label)
    problems = (
        ["no generated case was sent"]
        if stats is None
        else stats.generation_shortfalls(suite.settings.examples)
    )
    assert not problems, f"{label}: " + "; ".join(problems)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Generator[None, Any, Any]:
    before = _failures_seen()
    try:
        result = yield
        _check_generation(item)
        return result
    finally:
        if _failures_seen() > before:
            _STATE.check_failures.add(_key(item.nodeid, item.name))


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    if report.nodeid.startswith(_PREFIX):
        key = _key(report.nodeid, report.head_line or "")
        _STATE.phases.setdefault(key, {})[report.when] = report
        _STATE.durations[key] = _STATE.durations.get(key, 0.0) + report.duration


def _skip_reason(report: pytest.TestReport) -> str:
    longrepr = report.longrepr
    if isinstance(longrepr, tuple) and len(longrepr) == 3:
        return str(longrepr[2]).removeprefix("Skipped: ")
    return str(longrepr)


def _outcome(nodeid: str, phases: dict[str, pytest.TestReport], secrets: Secrets) -> TestOutcome:
    seconds = _STATE.durations.get(nodeid, 0.0)
    checked = nodeid in _STATE.check_failures
    for when in ("setup", "call", "teardown"):
        report = phases.get(when)
        if report is None:
            continue
        if report.skipped:
            return TestOutcome(nodeid, "skipped", seconds, secrets.mask(_skip_reason(report)))
        if report.failed:
            outcome = "failed" if when == "call" else "error"
            return TestOutcome(nodeid, outcome, seconds, secrets.mask(report.longreprtext), checked)
    return TestOutcome(nodeid, "passed", seconds)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    if not _STATE.phases:
        close_session_suite()
        return
    suite = session_suite() if _suite_built() else None
    secrets = suite.target.secrets if suite is not None else Secrets()
    recorder = suite.recorder if suite is not None else Recorder()
    outcomes = [_outcome(nodeid, phases, secrets) for nodeid, phases in _STATE.phases.items()]
    notes = []
    if suite is not None:
        facts = suite.target.get_facts()
        notes.append(
            f"Discovered: scheduler {facts.scheduler_id}, cluster user `{facts.cluster_user}`, "
            f"queues {', '.join(facts.queues) or '—'} (scripted job queue `{facts.safe_queue}`)"
        )
        if suite.settings.rps:
            notes.append(f"Rate limit: {suite.settings.rps:g} requests/s")
    info = RunInfo(
        target=suite.settings.target_label if suite is not None else "not started",
        seed=suite.settings.seed if suite is not None else None,
        writes=suite.settings.writes.name.lower() if suite is not None else "-",
        examples=suite.settings.examples if suite is not None else 0,
        wall_seconds=time.monotonic() - _STATE.started,
        schemathesis_version=version("schemathesis"),
        operations_total=len(operation_ids()),
        notes=notes,
    )
    report_dir: Path = session.config.getoption("--contract-report")
    report_dir.mkdir(parents=True, exist_ok=True)
    (report_dir / "summary.md").write_text(markdown(info, recorder, outcomes), encoding="utf-8")
    (report_dir / "junit.xml").write_bytes(junit_xml(info, recorder, outcomes))
    _STATE.line = summary_line(recorder, outcomes)
    _STATE.report_dir = report_dir
    close_session_suite()


def pytest_terminal_summary(terminalreporter: Any) -> None:
    if _STATE.line is None:
        return
    terminalreporter.write_sep("-", "contract report")
    terminalreporter.write_line(f"report: {_STATE.report_dir}/summary.md and junit.xml")
    terminalreporter.write_line(_STATE.line)
