"""Pieces of the CLI on their own: JSON conversion, tables, error lines, the status line."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import httpx
import pytest
from scnet_hpc_api.models import Cluster, Queue

from scnet_hpc import JobState, JobStatus, errors
from scnet_hpc.cli._errors import CliError, ExitCode, describe
from scnet_hpc.cli._output import Output, plain, record_table, rows_table
from scnet_hpc.cli._state import CliState
from scnet_hpc.cli._wait import NOT_LISTED, watch, watch_many

# --------------------------------------------------------------------------- plain()


def test_plain_models_have_every_declared_field_and_extra() -> None:
    sparse = Queue(id="q", text="q", acl_hosts="", que_nodes="1")
    full = Queue.from_dict({
        "id": "q", "text": "q", "aclHosts": "", "queNodes": "1", "queueName": "q",
        "queMaxPPN": "32", "surprise": {"x": 1},
    })  # fmt: skip
    a, b = plain(sparse), plain(full)
    assert set(a) == set(b)
    assert a["que_max_ppn"] is None
    assert b["que_max_ppn"] == "32"
    assert a["extra"] == {}
    assert b["extra"] == {"surprise": {"x": 1}}


def test_plain_handles_enums_dataclasses_and_nesting() -> None:
    status = JobStatus("1", JobState.RUNNING, "statR", "realtime")
    data = plain(
        {"s": status, "list": [JobState.QUEUED, (1, 2.5)], "c": Cluster("T", "a", 1, "t", "p")}
    )
    assert data["s"]["state"] == "running"
    assert data["list"] == ["queued", [1, 2.5]]
    assert data["c"]["id"] == 1
    json.dumps(data)  # JSON-ready


# --------------------------------------------------------------------------- tables


def render(output_view: Any) -> str:
    out = io.StringIO()
    Output("table", stdout=out).emit(None, lambda: output_view)
    return out.getvalue()


def test_table_cells_are_text_not_markup() -> None:
    text = render(rows_table([{"a": "[bold red]x[/]", "b": None}], [("A", "a"), ("B", "b")]))
    assert "[bold red]x[/]" in text
    assert "\x1b[" not in text
    lines = text.splitlines()
    assert lines[0].split() == ["A", "B"]
    assert lines[1].split() == ["[bold", "red]x[/]", "-"]
    assert all(line == line.rstrip() for line in lines)


def test_empty_tables_say_so() -> None:
    assert render(rows_table([], [("A", "a")], empty="no jobs")) == "(no jobs)\n"
    assert render(rows_table([], [("A", "a")], title="Jobs")) == "Jobs: (nothing to show)\n"


def test_record_table_and_json_mode() -> None:
    assert "name  value" in render(record_table([("name", "value")]))
    out = io.StringIO()
    Output("json", stdout=out).emit({"k": JobState.COMPLETED, "n": None}, lambda: "unused")
    assert json.loads(out.getvalue()) == {"k": "completed", "n": None}


# --------------------------------------------------------------------------- errors


def _transport(cls: type, *args: Any) -> errors.TransportError:
    return cls(*args, operation="list_jobs", method="GET", url="http://h/x")  # type: ignore[no-any-return]


@pytest.mark.parametrize(
    ("exc", "code", "line"),
    [
        (errors.InvalidRequestError("10004", "param_invalid", operation="list_jobs"),
         ExitCode.API, "[10004 invalid parameters] list_jobs: param_invalid"),
        (errors.ApiError("999999", "odd", operation="get_job"),
         ExitCode.API, "[999999 error] get_job: odd"),
        (errors.ApiError("10001", "", operation="get_job"),
         ExitCode.API, "[10001 internal error] get_job: (no message)"),
        (errors.InvalidJobSpec([("walltime", "is required"), ("extra['x']", "bad key")]),
         ExitCode.USAGE, "invalid job: --walltime: is required; --set x: bad key"),
        (_transport(errors.RequestTimeoutError, "ReadTimeout"),
         ExitCode.TIMEOUT, "timed out: list_jobs: GET http://h/x: ReadTimeout"),
        (errors.JobTimeoutError("7", 1.5), ExitCode.TIMEOUT, "job 7 did not finish within 1.5 s"),
        (errors.ContractViolation("not JSON", operation="get_job"),
         ExitCode.CONTRACT, "get_job: response does not match the contract: not JSON"),
        (errors.ConfigurationError("no usable region"), ExitCode.USAGE, "no usable region"),
        (CliError("multi\nline   message", ExitCode.API), ExitCode.API, "multi line message"),
        (FileNotFoundError(2, "No such file or directory", "job.sh"),
         ExitCode.USAGE, "No such file or directory: job.sh"),
        (KeyboardInterrupt(), ExitCode.INTERRUPTED, "interrupted"),
    ],
)  # fmt: skip
def test_describe(exc: BaseException, code: ExitCode, line: str) -> None:
    assert describe(exc) == (line, code)


def test_describe_http_status() -> None:
    exc = errors.HttpStatusError(502, operation="list_jobs", method="GET", url="http://h/x")
    message, code = describe(exc)
    assert code is ExitCode.TRANSPORT
    assert message.startswith("the gateway answered HTTP 502")


def test_transport_error_keeps_its_cause() -> None:
    exc = _transport(errors.TransportError, "ConnectError: refused")
    exc.__cause__ = httpx.ConnectError("refused")
    assert describe(exc) == (
        "cannot reach the service: list_jobs: GET http://h/x: ConnectError: refused",
        ExitCode.TRANSPORT,
    )


# --------------------------------------------------------------------------- the status line


class TerminalIO(io.StringIO):
    def isatty(self) -> bool:
        return True


class FakeJob:
    """Calls on_status as Job.wait() does: not listed yet, queued, running, completed."""

    id = "42"
    scheduler_id = 1

    def __init__(self) -> None:
        self.states = [None, JobState.QUEUED, JobState.QUEUED, JobState.RUNNING,
                       JobState.COMPLETED]  # fmt: skip

    def wait(
        self, timeout: float | None = None, *, poll: Any = None, on_status: Any = None
    ) -> JobStatus:
        assert poll.next_delay(None, 0) == 0.5  # --interval 0.5: fixed
        assert poll.next_delay(0.5, 1000) == 0.5
        status = None
        for state in self.states:
            status = None if state is None else JobStatus("42", state, "x", "realtime")
            on_status(status)
        assert status is not None
        return status


def make_state(stderr: io.StringIO) -> CliState:
    state = CliState()
    state.output_flag = "table"
    state._out._stderr = stderr
    return state


def test_status_lines_when_not_a_terminal() -> None:
    stderr = io.StringIO()
    status = watch(make_state(stderr), FakeJob(), None, 0.5)  # type: ignore[arg-type]
    assert status.state is JobState.COMPLETED
    assert stderr.getvalue().splitlines() == [
        "job 42: queued",
        "job 42: running",
        "job 42: completed",
    ]


def test_spinner_on_a_terminal() -> None:
    stderr = TerminalIO()
    watch(make_state(stderr), FakeJob(), None, 0.5)  # type: ignore[arg-type]
    shown = stderr.getvalue()
    assert "job 42: completed (realtime)" in shown
    assert "job 42: queued\n" not in shown  # a spinner, not a line per state


def test_the_status_line_says_when_a_job_is_not_listed_yet(monkeypatch: pytest.MonkeyPatch) -> None:
    from rich.status import Status

    updates: list[str] = []
    monkeypatch.setattr(Status, "update", lambda self, text, **_: updates.append(text))
    watch(make_state(TerminalIO()), FakeJob(), None, 0.5)  # type: ignore[arg-type]
    assert [u.rsplit(",", 1)[0] for u in updates] == [
        f"job 42: {NOT_LISTED}",
        "job 42: queued (realtime)",
        "job 42: queued (realtime)",
        "job 42: running (realtime)",
        "job 42: completed (realtime)",
    ]


def private_sdk_imports(source: str, package: str = "scnet_hpc.cli") -> list[str]:
    """What ``source`` (a module of ``package``) imports from the SDK's private modules.

    Relative imports count as what they resolve to: ``from .._config import x`` in the CLI
    is ``scnet_hpc._config``; ``from .. import _jobs`` imports ``scnet_hpc._jobs``.
    """
    import ast

    found: list[str] = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")
                anchor = parts[: len(parts) - (node.level - 1)]
                base = ".".join([*anchor, base] if base else anchor)
            names = [base, *(f"{base}.{alias.name}" for alias in node.names)]
        elif isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        else:
            continue
        for name in names:
            head, *rest = name.split(".")
            sdk = head == "scnet_hpc" and rest[:1] != ["cli"]
            if sdk and any(p.startswith("_") and not p.startswith("__") for p in rest):
                found.append(name)
                break
    return found


@pytest.mark.parametrize(
    ("source", "caught"),
    [
        ("from scnet_hpc._config import Settings", True),
        ("import scnet_hpc._jobs", True),
        ("from .._config import Settings", True),
        ("from .. import _jobs", True),
        ("from scnet_hpc import _jobs", True),
        ("from ._output import plain", False),  # the CLI's own modules
        ("from scnet_hpc import Client, errors", False),
        ("from scnet_hpc import __version__", False),
        ("from .. import Client", False),
    ],
)
def test_the_public_sdk_guard_can_fail(source: str, caught: bool) -> None:
    assert bool(private_sdk_imports(source)) is caught


def test_the_cli_uses_only_the_public_sdk() -> None:
    """The CLI is the SDK's first user: what it needs, the SDK offers publicly."""
    import scnet_hpc
    import scnet_hpc.cli

    private = [
        f"{path.name}: {name}"
        for path in Path(scnet_hpc.cli.__file__).parent.glob("*.py")
        for name in private_sdk_imports(path.read_text(encoding="utf-8"))
    ]
    assert private == []
    assert set(scnet_hpc.__all__) <= set(dir(scnet_hpc))
    assert {"default_token_cache", "JobStatus"} <= set(scnet_hpc.__all__)


class FakeManyClient:
    """``as_completed`` as the SDK runs it: on_status per poll, then the finished jobs."""

    def as_completed(
        self, ids: list[str], timeout: float | None = None, *, poll: Any = None,
        on_status: Any = None,
    ) -> Any:  # fmt: skip
        assert poll.next_delay(None, 0) == 0.5
        for job_id in ids:
            on_status(job_id, None)
        on_status("1", JobStatus("1", JobState.RUNNING, "statR", "realtime"))
        for job_id in reversed(ids):
            job = FakeJob()
            job.id = job_id
            job.status = JobStatus(job_id, JobState.COMPLETED, "statC", "realtime")  # type: ignore[attr-defined]
            yield job


def test_a_live_table_for_several_jobs_on_a_terminal() -> None:
    stderr = TerminalIO()
    finished = watch_many(make_state(stderr), FakeManyClient(), ["1", "2"], None, 0.5)  # type: ignore[arg-type]
    assert set(finished) == {"1", "2"}
    shown = stderr.getvalue()
    assert "JOB" in shown
    assert "STATE" in shown
    assert NOT_LISTED in shown
    assert "1 of 2 finished" in shown
    assert "job 1: running\n" not in shown  # a table, not a line per state


def test_one_line_per_state_change_for_several_jobs_elsewhere() -> None:
    stderr = io.StringIO()
    watch_many(make_state(stderr), FakeManyClient(), ["1", "2"], None, 0.5)  # type: ignore[arg-type]
    assert stderr.getvalue().splitlines() == [
        "job 1: running",
        "job 2: completed",
        "job 1: completed",
    ]
