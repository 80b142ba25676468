"""Failures print one ``error:`` line on stderr and exit with a code that says what kind."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

import scnet_hpc
from scnet_hpc.cli import ExitCode
from scnet_hpc.mock import Clock, create_app
from scnet_hpc.mock.testing import free_port, serve

from .cli_support import Cli, Mock, ak_env


def assert_one_error_line(result, code: int) -> str:  # type: ignore[no-untyped-def]
    assert result.exit_code == code, (result.exit_code, result.stderr)
    assert result.exception is None  # handled, not escaped
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, lines
    assert lines[0].startswith("error: ")
    line: str = lines[0]
    return line


@pytest.fixture
def faulty() -> Iterator[Mock]:
    app = create_app(
        clock=Clock(speed=1),
        faults="envelope:10004 ops=list_jobs; http503 ops=list_queue_details; "
        "nonjson ops=get_user_limits; latency:1 ops=list_clusters",
    )
    with serve(app) as url:
        yield Mock(app, url)


def token_cli(mock: Mock, **extra: str | None) -> Cli:
    return Cli({
        "SCNET_TOKEN": mock.state.mint_token(), "SCNET_BASE_URL": mock.url,
        "SCNET_PLATFORM_URL": mock.url, "SCNET_RETRIES": "0", "SCNET_SCHEDULER_ID": "1638523853",
        **extra,
    })  # fmt: skip


# --------------------------------------------------------------------------- bad input


@pytest.mark.parametrize(
    ("args", "names"),
    [
        (["submit", "-q", "debug", "-t", "99:99", "true"], "--walltime: must be HH:MM:SS"),
        (["submit", "-q", "debug", "true"], "--walltime: is required"),
        (["submit", "-q", "debug", "-t", "60", "-N", "0", "true"], "--nodes: must be positive"),
        (["submit", "-q", "debug", "-t", "60", "-D", "rel/dir", "true"], "--work-dir: must be"),
        (["submit", "-q", "debug", "-t", "60", "--set", "NOEQUALS", "true"], "--set takes"),
        (["submit", "-q", "debug", "-t", "60", "--set", "bad=1", "true"], "--set bad"),
        (["submit", "-q", "debug", "-t", "60"], "submit needs COMMAND"),
        (["submit", "-t", "60", "true"], "Missing option '-q' / '--queue'"),
        (["jobs", "--state", "bogus"], "Invalid value for '--state'"),
        (["jobs", "--limit", "0"], "Invalid value for '--limit'"),
        (["history", "--start", "yesterday"], "start_time must be 'yyyy-MM-dd HH:mm:ss'"),
        (["--retries", "-1", "jobs"], "Invalid value for '--retries'"),
        (["jobs", "--frob"], "No such option '--frob'"),
        (["frobnicate"], "No such command 'frobnicate'"),
        (["output"], "output needs a JOB_ID or --path"),
        (["wait", "1", "--interval", "0"], "Invalid value for '--interval'"),
    ],
)
def test_bad_input_names_what_was_wrong(mock: Mock, args: list[str], names: str) -> None:
    run = token_cli(mock)
    before = sum(mock.state.requests.values())
    line = assert_one_error_line(run(*args), ExitCode.USAGE)
    assert names in line
    if args[0] == "submit":
        assert mock.state.requests[("POST", "submit_job")] == 0  # nothing was sent
    assert sum(mock.state.requests.values()) - before <= 2  # at most region/scheduler lookups


def test_usage_hint_names_the_command(mock: Mock) -> None:
    line = assert_one_error_line(token_cli(mock)("jobs", "--frob"), ExitCode.USAGE)
    assert line.endswith("(try 'scnet-hpc jobs --help')")


def test_no_credentials(mock: Mock) -> None:
    line = assert_one_error_line(Cli({})("jobs"), ExitCode.USAGE)
    assert line == (
        "error: no credentials: run 'scnet-hpc login', or set SCNET_TOKEN and SCNET_BASE_URL, "
        "or SCNET_USER, SCNET_ACCESS_KEY and SCNET_SECRET_KEY"
    )


def test_token_without_base_url(mock: Mock) -> None:
    line = assert_one_error_line(Cli({"SCNET_TOKEN": "abcd"})("jobs"), ExitCode.USAGE)
    assert "SCNET_TOKEN is set but no base URL" in line


def test_submit_to_an_unknown_queue_is_the_schedulers_refusal(mock: Mock) -> None:
    result = token_cli(mock)("submit", "-q", "nosuchqueue", "-t", "60", "true")
    line = assert_one_error_line(result, ExitCode.API)
    # What sbatch said comes first, then what to do; the misleading "10001 internal error"
    # and the service's "exitcode:1, errorinfo:" wrapper do not lead.
    assert line.startswith(
        "error: the scheduler rejected the job: sbatch: error: invalid partition specified: "
        "nosuchqueue"
    )
    assert "run 'scnet-hpc queues' to see the queues you may use and their limits" in line
    assert "internal error" not in line
    assert "errorinfo" not in line
    assert line.endswith("[submit_job, code 10001]")


def test_walltime_over_the_queue_limit_names_the_limit(mock: Mock) -> None:
    result = token_cli(mock)("submit", "-q", "debug", "-t", "01:00:00", "true")
    line = assert_one_error_line(result, ExitCode.API)
    assert "Requested time limit is invalid" in line
    assert "queue debug allows a walltime of at most 30 min (00:30:00)" in line


def test_wrong_secret_key_says_check_the_keys(mock: Mock) -> None:
    env = {**ak_env(mock.url), "SCNET_SECRET_KEY": "not-the-secret-key"}
    line = assert_one_error_line(Cli(env)("jobs"), ExitCode.API)
    assert line.startswith("error: sign-in refused: check the access key and secret key")
    assert "access key or signature is not valid" in line  # the mock names neither
    assert "not-the-secret-key" not in line


# --------------------------------------------------------------------------- API / transport


def test_api_error_line_has_code_meaning_operation_and_message(faulty: Mock) -> None:
    line = assert_one_error_line(token_cli(faulty)("jobs"), ExitCode.API)
    assert line.startswith("error: [10004 invalid parameters] list_jobs: ")


def test_unknown_job_is_an_api_error(mock: Mock) -> None:
    line = assert_one_error_line(token_cli(mock)("job", "999999"), ExitCode.API)
    assert "job 999999 not found" in line


def test_expired_token(mock: Mock) -> None:
    run = Cli({
        "SCNET_TOKEN": mock.state.mint_token(expired=True), "SCNET_BASE_URL": mock.url,
        "SCNET_PLATFORM_URL": mock.url,
    })  # fmt: skip
    line = assert_one_error_line(run("clusters"), ExitCode.API)
    assert line.startswith("error: [10008 permission denied] list_clusters")
    assert "the token has expired: run 'scnet-hpc login'" in line


def test_gateway_status_is_a_transport_error(faulty: Mock) -> None:
    line = assert_one_error_line(token_cli(faulty)("queues", "--details"), ExitCode.TRANSPORT)
    assert "HTTP 503" in line
    assert "list_queue_details" in line


def test_connection_refused(mock: Mock) -> None:
    dead = f"http://127.0.0.1:{free_port()}"
    run = Cli({
        "SCNET_TOKEN": mock.state.mint_token(), "SCNET_BASE_URL": dead,
        "SCNET_SCHEDULER_ID": "1638523853",
    })  # fmt: skip
    line = assert_one_error_line(run("--retries", "0", "jobs"), ExitCode.TRANSPORT)
    assert line.startswith("error: cannot reach the service: list_jobs: GET ")
    assert "ConnectError" in line


@pytest.mark.parametrize("retries", [0, 2])
def test_gateway_failure_retried_then_one_line(retries: int) -> None:
    app = create_app(clock=Clock(speed=1), faults="http503 ops=list_jobs")
    with serve(app) as url:
        run = token_cli(Mock(app, url))
        line = assert_one_error_line(run("--retries", str(retries), "jobs"), ExitCode.TRANSPORT)
    assert "HTTP 503" in line
    # Every retry reached the mock, and the user still saw one line (not one per attempt).
    assert app.state.mock.requests[("GET", "list_jobs")] == 1 + retries


def test_request_timeout(faulty: Mock) -> None:
    result = token_cli(faulty)("--request-timeout", "0.3", "clusters")
    line = assert_one_error_line(result, ExitCode.TIMEOUT)
    assert line.startswith("error: timed out: list_clusters: GET ")


def test_contract_violation(faulty: Mock) -> None:
    result = token_cli(faulty)("stats")
    line = assert_one_error_line(result, ExitCode.CONTRACT)
    assert "get_user_limits: response does not match the contract" in line


def test_wait_timeout(mock: Mock) -> None:
    run = token_cli(mock)
    job_id = run.json("submit", "-q", "debug", "-t", "600", "sleep 300")["job_id"]
    result = run("wait", job_id, "--timeout", "0.3", "--interval", "0.1")
    assert result.exit_code == ExitCode.TIMEOUT
    errors = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    assert len(errors) == 1
    assert re.fullmatch(
        rf"error: job {job_id} did not finish within 0\.3 s \(last state: (queued|running)\)",
        errors[0],
    )
    assert "Traceback" not in result.stderr


# --------------------------------------------------------------------------- the unexpected


def test_unexpected_exception_is_one_line_and_debug_shows_the_traceback(
    mock: Mock, monkeypatch: pytest.MonkeyPatch
) -> None:
    def boom(self: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(scnet_hpc.Client, "clusters", boom)
    run = token_cli(mock)
    line = assert_one_error_line(run("clusters"), ExitCode.INTERNAL)
    assert line == (
        "error: internal error: RuntimeError: boom (this is a bug in scnet-hpc; run with "
        "--debug for the traceback)"
    )
    debug = run("--debug", "clusters")
    assert debug.exit_code == ExitCode.INTERNAL
    assert "Traceback (most recent call last)" in debug.stderr
    assert debug.stderr.splitlines()[-1].startswith("error: internal error: RuntimeError: boom")


def test_ctrl_c_is_one_line(mock: Mock, monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(self: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(scnet_hpc.Client, "clusters", interrupted)
    result = token_cli(mock)("clusters")
    assert result.exit_code == ExitCode.INTERRUPTED
    assert "Traceback" not in result.stderr
    assert result.stderr.strip().splitlines()[-1] == "error: interrupted"


def test_wait_for_several_jobs_times_out_naming_the_unfinished(mock: Mock) -> None:
    run = token_cli(mock)
    quick = run.json("submit", "-q", "debug", "-t", "600", "true")["job_id"]
    slow = run.json("submit", "-q", "debug", "-t", "600", "sleep 300")["job_id"]
    mock.advance(10)
    result = run("wait", str(quick), str(slow), "--timeout", "0.3", "--interval", "0.1")
    assert result.exit_code == ExitCode.TIMEOUT
    assert result.error_lines == [f"error: 1 of 2 jobs did not finish within 0.3 s: {slow}"]


def test_ctrl_c_while_waiting_says_the_job_keeps_running(
    mock: Mock, monkeypatch: pytest.MonkeyPatch
) -> None:
    run = token_cli(mock)
    job_id = run.json("submit", "-q", "debug", "-t", "600", "sleep 300")["job_id"]

    def interrupted(self: object, *args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(scnet_hpc.Job, "wait", interrupted)
    result = run("wait", job_id)
    assert result.exit_code == ExitCode.INTERRUPTED
    assert result.error_lines == [
        f"error: interrupted; job {job_id} keeps running ('scnet-hpc wait {job_id}' to go on "
        f"waiting, 'scnet-hpc cancel {job_id}' to stop it)"
    ]


def test_access_key_env_with_a_missing_region(mock: Mock) -> None:
    run = Cli({**ak_env(mock.url), "SCNET_REGION": "atlantis"})
    line = assert_one_error_line(run("jobs"), ExitCode.USAGE)
    assert "region 'atlantis' is not one of the user's regions" in line


def test_help_version_and_a_bare_command(mock: Mock) -> None:
    run = token_cli(mock)
    helped = run("--help")
    assert helped.exit_code == 0
    assert "Exit status: 0 ok" in helped.stdout
    for name in ("login", "regions", "clusters", "queues", "submit", "jobs", "job", "wait",
                 "cancel", "history", "stats", "output"):  # fmt: skip
        assert f"  {name} " in helped.stdout
        sub = run(name, "--help")
        assert sub.exit_code == 0
        assert "--output [table|json]" in sub.stdout
        assert "--debug" in sub.stdout
    assert run("--version").stdout.strip() == f"scnet-hpc, version {scnet_hpc.__version__}"
    bare = run()
    assert bare.exit_code == 2
    assert bare.stderr.startswith("Usage: scnet-hpc [OPTIONS] COMMAND [ARGS]...")
    assert "error:" not in bare.stderr
