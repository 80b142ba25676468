"""What a new user tripped over: each test failed before its fix."""

from __future__ import annotations

import re

from click.testing import CliRunner

from scnet_hpc.cli import ExitCode, cli

from .cli_support import Cli, Mock

TIME = r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d"


def _submit(run: Cli, command: str, walltime: str = "00:10:00") -> str:
    return str(run.json("submit", "-q", "debug", "-t", walltime, "--", command)["job_id"])


def test_walltime_error_names_every_accepted_form(run: Cli) -> None:
    result = run("submit", "-q", "debug", "-t", "soon", "true")
    assert result.exit_code == ExitCode.USAGE
    assert "--walltime: must be HH:MM:SS, D-HH:MM:SS or seconds, got 'soon'" in result.stderr


def test_wait_with_a_malformed_job_id_is_a_usage_error(run: Cli) -> None:
    for command in (["wait", "abc"], ["job", "abc"], ["cancel", "1", "x2"], ["output", "abc"]):
        result = run(*command)
        assert result.exit_code == ExitCode.USAGE, (command, result.stderr)
        assert "a job id is a number such as 35900" in result.stderr
        assert "not found" not in result.stderr
    assert run("job", "999999").exit_code == ExitCode.API  # well-formed: asked, not found


def test_job_and_wait_write_start_and_end_time_alike(run: Cli, mock: Mock) -> None:
    job_id = _submit(run, "echo hi")
    mock.advance(10)
    for command in (["job", job_id], ["wait", job_id, "--interval", "0.05"]):
        data = run.json(*command)
        assert data["source"] == "realtime"
        assert re.fullmatch(TIME, data["start_time"]), data["start_time"]
        assert re.fullmatch(TIME, data["end_time"]), data["end_time"]


def test_history_shows_walltime_used_as_a_duration(run: Cli, mock: Mock) -> None:
    job_id = _submit(run, "sleep 3")
    mock.advance(400)
    end = ("--end", mock.china_time(60))
    (row,) = [j for j in run.json("history", *end) if j["job_id"] == job_id]
    assert float(row["job_walltime_used"]) == 3.0  # JSON keeps what the service sent
    line = next(ln for ln in run.ok("history", *end).stdout.splitlines() if ln.startswith(job_id))
    assert "0:00:03" in line
    assert "3.0000" not in line


def test_stats_limits_have_units(run: Cli) -> None:
    table = run.ok("stats").stdout
    assert "max_wall_time" not in table
    assert "max wall time" not in table
    (line,) = [ln for ln in table.splitlines() if "remaining machine time" in ln]
    assert re.search(r"\d+ s \((\d+-)?\d+:\d\d:\d\d\)", line), line
    assert isinstance(run.json("stats")["limits"]["max_wall_time"], int)  # JSON unchanged


def test_top_level_help_shows_command_descriptions_whole() -> None:
    result = CliRunner().invoke(cli, ["--help"], terminal_width=80)
    assert result.exit_code == 0
    text = " ".join(result.output.split())
    commands = result.output.split("Commands:")[1]
    assert "..." not in commands
    assert "Wait until jobs have finished; exit status 7 unless all completed, 5 on --timeout." in (
        text
    )
