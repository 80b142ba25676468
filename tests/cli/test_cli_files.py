"""``scnet-hpc files ...`` and ``scnet-hpc run`` against the served mock."""

from __future__ import annotations

import io
from pathlib import Path

from .cli_support import Cli, Mock

HOME = "/public/home/demo"


def test_files_commands_end_to_end(run: Cli, tmp_path: Path) -> None:
    local = tmp_path / "data.txt"
    local.write_text("1 2 3\n")
    assert run.json("files", "mkdir", "cli/in") == {"created": [f"{HOME}/cli/in"]}
    put = run.ok("files", "put", str(local), "cli/in")
    assert f"uploaded {local} -> {HOME}/cli/in/data.txt" in put.stderr  # plain: no terminal
    listed = run.json("files", "ls", "cli/in")
    assert [(e["name"], e["size"]) for e in listed] == [("data.txt", 6)]
    assert "data.txt" in run.ok("files", "ls", "cli/in").stdout
    assert run.ok("files", "cat", "cli/in/data.txt").stdout == "1 2 3\n"
    again = run("files", "put", str(local), "cli/in")
    assert again.exit_code == 3
    assert again.error_lines[0].startswith("error: [911021 file already exists]"), again.stderr
    run.ok("files", "put", "--force", str(local), "cli/in")
    assert run.json("files", "cp", "cli/in/data.txt", "cli") == {"copied": [f"{HOME}/cli/data.txt"]}
    run.ok("files", "mkdir", "cli/out")
    assert run.json("files", "mv", "cli/data.txt", "cli/out") == {
        "moved": [f"{HOME}/cli/out/data.txt"]
    }
    got = run.json("files", "get", "cli/out/data.txt", str(tmp_path / "back.txt"))
    assert got == {"downloaded": [str(tmp_path / "back.txt")]}
    assert (tmp_path / "back.txt").read_text() == "1 2 3\n"
    refused = run("files", "rm", "cli")
    assert refused.exit_code == 3
    run.ok("files", "rm", "-r", "cli")
    assert [e["name"] for e in run.json("files", "ls")] == []


def test_files_errors_are_one_line_with_the_api_exit_code(run: Cli, tmp_path: Path) -> None:
    outside = run("files", "ls", "/etc")
    assert outside.exit_code == 3
    assert outside.error_lines[0].startswith(
        "error: [911030 no permission for this file operation] list_files"
    )
    dest = tmp_path / "dest"
    dest.mkdir()
    missing = run("files", "get", "nothing.txt", str(dest))
    assert missing.exit_code == 3
    assert "911020" in missing.error_lines[0]
    assert list(dest.iterdir()) == []


def test_run_uploads_runs_and_brings_back_stdout(run: Cli, mock: Mock, tmp_path: Path) -> None:
    data = tmp_path / "data.txt"
    data.write_text("x\n")
    dest = tmp_path / "results"
    out = run.json(
        "run", "-q", "debug", "-J", "clirun", "--input", str(data), "--dest", str(dest),
        "--interval", "0.2", "--get", "out/*", "--", "sleep 0; echo ran; echo 42 > out/r.txt",
    )  # fmt: skip
    assert out["status"]["state"] == "completed"
    job_id = out["job_id"]
    assert sorted(Path(p).relative_to(dest).as_posix() for p in out["files"]) == [
        "out/r.txt", f"std.err.{job_id}", f"std.out.{job_id}",
    ]  # fmt: skip
    assert (dest / "out" / "r.txt").read_bytes() == b"42\n"
    assert (dest / f"std.out.{job_id}").read_bytes() == b"ran\n"
    assert out["work_dir"].startswith(f"{HOME}/scnet-runs/clirun-")
    listed = run.json("files", "ls", out["work_dir"])
    assert "data.txt" in [e["name"] for e in listed]


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_transfers_draw_a_progress_bar_on_a_terminal_only() -> None:
    from scnet_hpc.cli._files import transfer_progress
    from scnet_hpc.cli._output import Output
    from scnet_hpc.cli._state import CliState

    state = CliState()
    state.output_flag = "table"
    terminal = _Terminal()
    state._out = Output(stderr=terminal)
    with transfer_progress(state, "up data.bin") as progress:
        assert progress is not None
        progress(512 * 1024, 1024 * 1024)
        progress(1024 * 1024, 1024 * 1024)
    drawn = terminal.getvalue()
    assert "up data.bin" in drawn
    assert "1.0/1.0 MB" in drawn or "1.0 MB" in drawn
    state._out = Output(stderr=io.StringIO())  # piped: no bar, the command prints a line
    with transfer_progress(state, "up data.bin") as progress:
        assert progress is None
