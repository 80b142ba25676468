"""What a simulated job writes lands in the user's file tree: its stdout/stderr and the files
its program redirects to (``echo x > out/r.txt``, ``seq 3 >> log``), as ``download`` returns."""

from __future__ import annotations

from typing import Any

from scnet_hpc.mock.engines.simulated.program import simulate

from .mock_contract import Api

WORK = "/public/home/demo/work"


def _program(command: str) -> Any:
    return simulate(command, default_runtime=3, node="n1", user="demo", work_dir=WORK, start=0)


def test_redirection_sends_lines_to_a_file() -> None:
    program = _program("echo a > out/r.txt; seq 2 >> out/r.txt; echo b; echo c >out/s.txt")
    kinds = [(o.target, o.append, o.lines) for o in program.output]
    assert kinds == [
        ("out/r.txt", False, ["a"]),
        ("out/r.txt", True, ["1", "2"]),
        (None, False, ["b"]),
        ("out/s.txt", False, ["c"]),
    ]


def _download(http: Any, api: Api, path: str) -> Any:
    return http.get(
        "/efile/openapi/v2/file/download", params={"path": path}, headers={"token": api.token}
    )


def test_job_output_and_written_files_are_downloadable(api: Api, http: Any, mock: Any) -> None:
    command = "sleep 10; echo hi; echo x > out/r.txt; echo y >> out/r.txt; echo e >&2"
    job_id = api.submit_ok(GAP_CMD_FILE=command)
    running = _download(http, api, f"{WORK}/std.out.{job_id}")
    assert running.headers["content-type"].startswith("application/json")  # not started yet
    mock.clock.advance(60)
    api.jobs()  # the engine catches up with the clock
    assert _download(http, api, f"{WORK}/std.out.{job_id}").content == b"hi\n"
    assert _download(http, api, f"{WORK}/std.err.{job_id}").content == b"e\n"
    assert _download(http, api, f"{WORK}/out/r.txt").content == b"x\ny\n"
    # a second job's `>` replaces the file
    api.submit_ok(GAP_CMD_FILE="sleep 1; echo z > out/r.txt")
    mock.clock.advance(60)
    api.jobs()
    assert _download(http, api, f"{WORK}/out/r.txt").content == b"z\n"


def test_a_redirection_out_of_the_home_writes_nothing(api: Api, http: Any, mock: Any) -> None:
    api.submit_ok(GAP_CMD_FILE="sleep 1; echo x > ../../bob/owned.txt; echo y > /etc/owned")
    mock.clock.advance(60)
    api.jobs()
    account = mock.deployment.users[0].account_in(mock.region_id)
    root = mock.files.tree(account).root
    assert not (root.parent / "bob").exists()
    assert [p.name for p in root.rglob("owned*")] == []
