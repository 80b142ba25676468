"""Every command against the mock, in both output modes (table for people, json for programs)."""

from __future__ import annotations

import json
import stat
from pathlib import Path

from .cli_support import DEMO_SECRET_KEY, SCHEDULER_ID, Cli, Mock

STATUS_KEYS = {
    "job_id", "scheduler_id", "state", "terminal", "raw_state", "source", "name", "queue",
    "exit_code", "work_dir", "stdout_path", "stderr_path", "start_time", "end_time", "acct_time",
    "detail",
}  # fmt: skip


def submit(run: Cli, *command: str, queue: str = "debug", walltime: str = "00:10:00") -> str:
    data = run.json("submit", "-q", queue, "-t", walltime, "--", *command)
    assert set(data) == {"job_id", "scheduler_id", "status"}
    assert data["scheduler_id"] == SCHEDULER_ID
    assert data["status"] is None
    return str(data["job_id"])


# --------------------------------------------------------------------------- login


def test_login_table_writes_profile_without_secret(
    mock: Mock, config_file: Path, token_cache: Path
) -> None:
    run = Cli({"SCNET_SECRET_KEY": DEMO_SECRET_KEY})
    result = run.ok(
        "login", "--user", "demo", "--access-key", "demo-access-key",
        "--auth-url", mock.url, "--platform-url", mock.url,
    )  # fmt: skip
    assert "Signed in as demo" in result.stdout
    assert "11250" in result.stdout
    assert str(SCHEDULER_ID) in result.stdout
    text = config_file.read_text()
    assert 'user = "demo"' in text
    assert 'access_key = "demo-access-key"' in text
    assert f'base_url = "{mock.url}"' in text
    assert DEMO_SECRET_KEY not in text
    assert "secret_key" not in text
    assert stat.S_IMODE(config_file.stat().st_mode) == 0o600
    assert stat.S_IMODE(token_cache.stat().st_mode) == 0o600
    assert DEMO_SECRET_KEY not in token_cache.read_text()


def test_login_json_then_commands_use_the_cached_token(
    mock: Mock, config_file: Path, token_cache: Path
) -> None:
    run = Cli({})
    data = run.json(
        "login", "--user", "demo", "--access-key", "demo-access-key", "--auth-url", mock.url,
        "--platform-url", mock.url, "--secret-key-stdin", input=DEMO_SECRET_KEY + "\n",
    )  # fmt: skip
    assert set(data) == {
        "profile", "config_file", "user", "region", "regions", "base_url", "cluster_user",
        "home_path", "scheduler_id", "token_cache", "token_expires_at", "secret_key_saved",
    }  # fmt: skip
    assert data["profile"] == "default"
    assert data["config_file"] == str(config_file)
    assert data["region"]["id"] == "11250"
    assert [r["id"] for r in data["regions"]] == ["11250", "20078"]
    assert data["cluster_user"] == "demo"
    assert data["home_path"] == "/public/home/demo"
    assert data["scheduler_id"] == str(SCHEDULER_ID)
    assert data["token_expires_at"] is not None
    assert data["secret_key_saved"] is False
    # No secret key anywhere now: the profile and the cached token are enough.
    sign_ins = mock.state.requests[("POST", "issue_tokens")]
    clusters = run.json("clusters")
    assert [c["id"] for c in clusters] == [SCHEDULER_ID]
    assert mock.state.requests[("POST", "issue_tokens")] == sign_ins


def test_login_signs_in_afresh_and_later_commands_renew_the_cached_token(
    mock: Mock, config_file: Path, token_cache: Path
) -> None:
    login = (
        "login", "--user", "demo", "--access-key", "demo-access-key", "--auth-url", mock.url,
        "--platform-url", mock.url,
    )  # fmt: skip
    run = Cli({"SCNET_SECRET_KEY": DEMO_SECRET_KEY})
    run.ok(*login)
    first = token_cache.read_text()
    mock.advance(5)
    run.ok(*login)  # the cache holds a usable token, but login checks the key again
    assert mock.state.requests[("POST", "issue_tokens")] == 2
    assert token_cache.read_text() != first
    # Past the token's expiry (12 h) but within the platform's renewal grace (24 h): commands
    # without the secret key renew the cached token through tokens/next instead of failing.
    mock.advance(43200 + 100)
    assert Cli({}).json("clusters")[0]["id"] == SCHEDULER_ID
    assert mock.state.requests[("POST", "renew_token")] == 1
    assert mock.state.requests[("POST", "issue_tokens")] == 2
    # Past the grace too: only a new login helps, and the error says so.
    # (The mock's clock is ahead of this machine's, so the refusal comes from the service.)
    mock.advance(86400 + 43200 + 100)
    result = Cli({})("clusters")
    assert result.exit_code == 3
    assert result.error_lines[0].startswith("error: [10008 permission denied] list_clusters")
    assert "the token has expired: run 'scnet-hpc login'" in result.error_lines[0]
    assert mock.state.requests[("POST", "renew_token")] == 2  # tried once more, refused


def test_login_save_secret_key_writes_it_private(mock: Mock, config_file: Path) -> None:
    run = Cli({"SCNET_SECRET_KEY": DEMO_SECRET_KEY})
    data = run.json(
        "--auth-url", mock.url, "--platform-url", mock.url,
        "login", "--user", "demo", "--access-key", "demo-access-key", "--save-secret-key",
    )  # fmt: skip
    assert data["secret_key_saved"] is True
    assert f'secret_key = "{DEMO_SECRET_KEY}"' in config_file.read_text()
    assert stat.S_IMODE(config_file.stat().st_mode) == 0o600
    # The saved key now signs in by itself (no SCNET_SECRET_KEY in the environment).
    regions = Cli({}).json("regions")
    assert {r["id"] for r in regions} == {"11250", "20078"}


def test_login_without_secret_key_is_a_usage_error(mock: Mock) -> None:
    result = Cli({})(
        "login", "--user", "demo", "--access-key", "demo-access-key", "--auth-url", mock.url
    )
    assert result.exit_code == 2
    assert result.error_lines == [
        "error: login needs the secret key: set SCNET_SECRET_KEY, pipe it with "
        "--secret-key-stdin, or run login in a terminal to be asked"
    ]


def test_login_with_a_wrong_secret_key_fails_with_the_api_code(mock: Mock) -> None:
    result = Cli({"SCNET_SECRET_KEY": "wrong-secret-key"})(
        "login", "--user", "demo", "--access-key", "demo-access-key",
        "--auth-url", mock.url, "--platform-url", mock.url,
    )  # fmt: skip
    assert result.exit_code == 3
    assert len(result.error_lines) == 1
    assert result.error_lines[0].startswith(
        "error: sign-in refused: check the access key and secret key"
    )
    assert result.error_lines[0].endswith("[10009 no permission for this interface]")
    assert "wrong-secret-key" not in result.stderr + result.stdout


# --------------------------------------------------------------------------- listings


def test_regions_both_modes(run: Cli) -> None:
    table = run.ok("regions").stdout
    assert "11250" in table
    assert "20078" in table
    assert "AVAILABLE" in table
    data = run.json("regions")
    assert data == [
        {"id": "11250", "name": "华东一区【昆山】(mock)", "available": True},
        {"id": "20078", "name": "华中三区【武汉】(mock)", "available": True},
    ]


def test_regions_with_a_static_token(mock: Mock) -> None:
    run = Cli({
        "SCNET_TOKEN": mock.state.mint_token(), "SCNET_BASE_URL": mock.url,
        "SCNET_PLATFORM_URL": mock.url,
    })  # fmt: skip
    assert [r["id"] for r in run.json("regions")] == ["11250"]


def test_clusters_both_modes(run: Cli) -> None:
    table = run.ok("clusters").stdout
    assert "mockcluster" in table
    assert str(SCHEDULER_ID) in table
    data = run.json("clusters")
    assert data == [
        {
            "job_manager_type": "SLURM", "job_manager_addr": "127.0.0.1", "id": SCHEDULER_ID,
            "text": "mockcluster", "job_manager_port": "9091", "extra": {},
        }
    ]  # fmt: skip


def test_queues_both_modes(run: Cli) -> None:
    table = run.ok("queues").stdout
    lines = table.splitlines()
    assert lines[0].split()[:2] == ["QUEUE", "NODES"]
    assert any(line.split()[0] == "debug" for line in lines[1:])
    assert any(line.split()[0] == "normal" for line in lines[1:])
    data = run.json("queues")
    by_name = {q["queue_name"]: q for q in data}
    assert set(by_name) == {"debug", "normal"}
    assert by_name["debug"]["que_max_ppn"] == "32"
    # Stable keys: every declared field, present even when the service leaves it out.
    assert all(set(q) == set(data[0]) for q in data)
    assert "que_max_walltime" in data[0]
    assert "extra" in data[0]


def test_queue_details_both_modes(run: Cli) -> None:
    assert "MIN NODES" in run.ok("queues", "--details").stdout
    data = run.json("queues", "--details")
    assert {q["queue_name"] for q in data} == {"debug", "normal"}
    assert {"que_nodes", "que_min_nodect", "que_max_ngpus", "que_max_ppn"} <= set(data[0])


def test_stats_both_modes(run: Cli, mock: Mock) -> None:
    job_id = submit(run, "echo", "hi")
    table = run.ok("stats").stdout
    for heading in ("Jobs", "Used core time", "Storage", "Limits"):
        assert heading in table.splitlines()
    data = run.json("stats")
    assert set(data) == {
        "job_states", "queues", "used_walltime_core_seconds", "used_walltime_core_hours",
        "storage", "limits",
    }  # fmt: skip
    counts = {s["label"]: s["count"] for s in data["job_states"]}
    assert counts["queued"] + counts["running"] == 1, (job_id, counts)
    assert data["queues"][0]["queue"] == "debug"
    assert data["storage"][0]["path"] == "/public/home/demo"
    assert data["limits"]["user_name"] == "demo"
    assert isinstance(data["used_walltime_core_seconds"], float)


# --------------------------------------------------------------------------- jobs


def test_submit_table_prints_the_job_id(run: Cli) -> None:
    result = run.ok("submit", "-q", "debug", "-t", "600", "--", "echo", "hello")
    assert result.stdout.strip().isdigit()


def test_submit_script_file_and_gap_keys(run: Cli, tmp_path: Path, mock: Mock) -> None:
    script = tmp_path / "job.sh"
    script.write_text("echo from-script\n")
    args = [
        "submit", "-q", "debug", "-t", "00:05:00", "--script", str(script), "-J", "scripted",
        "--set", "GAP_JOB_MEM=1G", "-o", "json",
    ]  # fmt: skip
    job_id = json.loads(run.ok(*args).stdout)["job_id"]
    mock.advance(10)
    assert run.json("job", job_id)["name"] == "scripted"
    assert run.ok("output", job_id).stdout == "from-script\n"


def test_jobs_both_modes(run: Cli, mock: Mock) -> None:
    # The mock runs in real time: a loaded machine may let the job start between two calls,
    # so jump well past its start and check that both modes say the same thing.
    job_id = submit(run, "sleep", "100")
    mock.advance(30)
    table = run.ok("jobs").stdout
    row = next(line.split() for line in table.splitlines() if line.startswith(job_id))
    assert "running" in row
    data = run.json("jobs")
    mine = [j for j in data if j["job_id"] == job_id]
    assert len(mine) == 1
    assert mine[0]["state"] == "running"
    assert mine[0]["queue"] == "debug"
    assert run.json("jobs", "--state", "queued") == []
    assert [j["job_id"] for j in run.json("jobs", "--state", "running")] == [job_id]
    assert [j["job_id"] for j in run.json("jobs", "--job-id", job_id)] == [job_id]


def test_job_both_modes(run: Cli, mock: Mock) -> None:
    job_id = submit(run, "echo", "hi")
    mock.advance(10)
    table = run.ok("job", job_id).stdout
    assert f"Job {job_id}" in table
    assert "completed" in table
    data = run.json("job", job_id)
    assert set(data) == STATUS_KEYS
    assert data["state"] == "completed"
    assert data["terminal"] is True
    assert data["source"] == "realtime"
    assert data["stdout_path"] == f"/public/home/demo/std.out.{job_id}"


def test_wait_both_modes(run: Cli, mock: Mock) -> None:
    job_id = submit(run, "echo", "hi")
    mock.advance(10)
    result = run.ok("wait", job_id, "--interval", "0.05")
    assert "completed" in result.stdout
    assert f"job {job_id}: completed" in result.stderr  # the status line, not a terminal
    data = run.json("wait", job_id, "--interval", "0.05")
    assert set(data) == STATUS_KEYS
    assert data["state"] == "completed"


def test_wait_for_several_jobs_polls_one_list_for_all(run: Cli, mock: Mock) -> None:
    ids = [submit(run, "echo", str(i)) for i in range(3)]
    mock.advance(10)
    before = dict(mock.state.requests)
    result = run.ok("wait", *ids, "--interval", "0.05")
    sent = {k[1]: n - before.get(k, 0) for k, n in mock.state.requests.items()}
    assert sent.get("get_job", 0) == 0
    assert sent["list_jobs"] == 1  # done already: one look at the list covers all three
    for job_id in ids:
        assert f"job {job_id}: completed" in result.stderr
        assert any(line.startswith(job_id) and "completed" in line
                   for line in result.stdout.splitlines())  # fmt: skip
    data = run.json("wait", ids[2], ids[0], ids[1], ids[0], "--interval", "0.05")
    assert [row["job_id"] for row in data] == [ids[2], ids[0], ids[1]]  # once each, as given
    assert all(set(row) == STATUS_KEYS for row in data)


def test_wait_for_several_jobs_exits_7_unless_all_completed(run: Cli, mock: Mock) -> None:
    good, bad = submit(run, "true"), submit(run, "exit 3")
    mock.advance(10)
    result = run("wait", good, bad, "--interval", "0.05")
    assert result.exit_code == 7
    assert result.error_lines == [f"error: 1 of 2 jobs did not complete: {bad} (failed)"]


def test_wait_sees_a_job_finish_while_waiting(run: Cli, mock: Mock) -> None:
    import threading

    job_id = submit(run, "sleep", "60")
    timer = threading.Timer(0.5, mock.advance, args=(120,))
    timer.start()
    try:
        result = run.ok("wait", job_id, "--interval", "0.1", "--timeout", "20")
    finally:
        timer.cancel()
    assert f"job {job_id}: queued" in result.stderr or f"job {job_id}: running" in result.stderr
    assert result.stderr.rstrip().endswith(f"job {job_id}: completed")


def test_wait_across_the_five_minute_boundary_into_history(run: Cli, mock: Mock) -> None:
    job_id = submit(run, "echo", "bye")
    mock.advance(10)
    assert run.json("job", job_id)["source"] == "realtime"
    mock.advance(400)  # finished jobs leave the realtime list after 5 minutes
    assert run.json("jobs", "--job-id", job_id) == []
    data = run.json("wait", job_id, "--interval", "0.05")
    assert data["source"] == "history"
    assert data["state"] == "completed"
    assert data["acct_time"]
    assert run.ok("output", job_id).stdout == "bye\n"


def test_submit_wait_completed_and_failed(run: Cli, mock: Mock) -> None:
    mock.state.clock.speed = 100  # a 3 s job takes 30 ms
    data = run.json("submit", "-q", "debug", "-t", "60", "--wait", "--interval", "0.05", "true")
    assert data["status"]["state"] == "completed"
    assert set(data["status"]) == STATUS_KEYS
    failed = run("submit", "-q", "debug", "-t", "60", "--wait", "--interval", "0.05", "exit 3")
    assert failed.exit_code == 7
    assert "failed" in failed.stdout
    assert failed.error_lines[-1].startswith("error: job ")
    assert failed.error_lines[-1].endswith("finished as failed (exit code 3:0)")


def test_cancel_both_modes(run: Cli, mock: Mock) -> None:
    first = submit(run, "sleep", "600")
    second = submit(run, "sleep", "600")
    table = run.ok("cancel", first)
    assert "successfully" in table.stdout
    data = run.json("cancel", second)
    assert data["job_ids"] == [second]
    assert data["results"][0]["scheduler_id"] == str(SCHEDULER_ID)
    assert data["results"][0]["ok"] is True
    mock.advance(5)
    assert run.json("job", first)["state"] == "cancelled"


def test_cancel_of_a_finished_job_exits_3(run: Cli, mock: Mock) -> None:
    job_id = submit(run, "true")
    mock.advance(10)
    result = run("cancel", job_id, "-o", "json")
    assert result.exit_code == 3
    assert json.loads(result.stdout)["results"][0]["ok"] is False
    assert result.error_lines[0].startswith("error: cancel_jobs: scheduler 1638523853 reports")


def test_history_both_modes(run: Cli, mock: Mock) -> None:
    done = submit(run, "echo", "one")
    cancelled = submit(run, "sleep", "900")
    mock.advance(10)
    run.ok("cancel", cancelled)
    mock.advance(400)
    # The window ends "now"; the mock's clock has been jumped ahead of this machine's.
    end = ("--end", mock.china_time(60))
    table = run.ok("history", *end).stdout
    assert any(line.startswith(done) and "completed" in line for line in table.splitlines())
    data = run.json("history", *end)
    states = {j["job_id"]: j["state"] for j in data}
    assert states == {done: "completed", cancelled: "cancelled"}
    assert all(set(j) == set(data[0]) for j in data)
    only = run.json("history", "--state", "cancelled", *end)
    assert [j["job_id"] for j in only] == [cancelled]
    assert len(run.json("history", "--limit", "1", *end)) == 1
    assert [j["job_id"] for j in run.json("history", "--asc", *end)] == [done, cancelled]


def test_history_state_failed(run: Cli, mock: Mock) -> None:
    done = submit(run, "echo", "one")
    failed = submit(run, "false")
    mock.advance(10)
    end = ("--end", mock.china_time(60))
    assert [j["job_id"] for j in run.json("history", "--state", "failed", *end)] == [failed]
    assert [j["job_id"] for j in run.json("history", "--state", "completed", *end)] == [done]
    table = run.ok("history", "--state", "failed", *end).stdout
    assert any(line.startswith(failed) and "failed" in line for line in table.splitlines())


def test_output_both_modes(run: Cli, mock: Mock) -> None:
    job_id = submit(run, "echo", "hello")
    mock.advance(10)
    assert run.ok("output", job_id).stdout == "hello\n"
    data = run.json("output", job_id)
    assert data == {"job_id": job_id, "stream": "stdout", "path": None, "text": "hello\n"}
    stderr = run.json("output", job_id, "--stderr")
    assert stderr["stream"] == "stderr"
    assert stderr["text"] == ""
    by_path = run.json("output", "--path", f"/public/home/demo/std.out.{job_id}")
    assert by_path == {
        "job_id": None, "stream": None, "path": f"/public/home/demo/std.out.{job_id}",
        "text": "hello\n",
    }  # fmt: skip


def test_output_flag_before_the_command_and_from_the_environment(run: Cli) -> None:
    before = run.ok("--output", "json", "clusters")
    assert json.loads(before.stdout)[0]["id"] == SCHEDULER_ID
    from_env = run.ok("clusters", env={"SCNET_OUTPUT": "json"})
    assert json.loads(from_env.stdout)[0]["id"] == SCHEDULER_ID


def test_json_output_has_no_markup_or_colour(run: Cli, mock: Mock) -> None:
    data = run.json("submit", "-q", "debug", "-t", "60", "-J", "[bold]x[red]y", "true")
    result = run.ok("jobs", "-o", "json", env={"FORCE_COLOR": "1"})
    assert "\x1b[" not in result.stdout
    assert json.loads(result.stdout)[0]["job_name"] == "[bold]x[red]y"
    table = run.ok("jobs").stdout
    assert "[bold]x[red]y" in table  # shown as typed, not interpreted
    assert data["job_id"] in table
