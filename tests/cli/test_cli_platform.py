"""``whoami``, ``cores``, ``jobs --all-regions`` and ``--record``, against the mock on loopback."""

from __future__ import annotations

import json
from pathlib import Path

from scnet_hpc.drift import main as drift_main

from .cli_support import DEMO_ACCESS_KEY, DEMO_SECRET_KEY, DEMO_USER, Cli, Mock


def _submit(run: Cli, command: str, queue: str = "debug", *region: str) -> str:
    data = run.json(*region, "submit", "-q", queue, "-t", "00:10:00", "--", command)
    return str(data["job_id"])


def test_whoami_both_modes(run: Cli) -> None:
    data = run.json("whoami")
    assert data["user_name"] == DEMO_USER
    assert data["account_status"] == "Trial"
    assert data["computer_center"].startswith("华东一区")
    table = run.ok("whoami").stdout
    assert "user" in table
    assert DEMO_USER in table
    assert "华东一区" in table


def test_cores_both_modes(run: Cli, mock: Mock) -> None:
    before = run.json("cores")
    assert set(before) == {"used", "free", "unavailable", "total", "other"}
    assert before["used"] == 0
    assert before["total"] == before["free"] + before["unavailable"] > 0
    _submit(run, "sleep 300")
    mock.advance(30)
    after = run.json("cores")
    assert after["used"] == 1
    assert after["free"] == before["free"] - 1
    table = run.ok("cores").stdout
    assert "CPU cores" in table
    assert "unavailable" in table


def test_jobs_all_regions_lists_every_regions_jobs(run: Cli, mock: Mock) -> None:
    here = _submit(run, "sleep 300")
    there = _submit(run, "sleep 300", "wuhan_normal", "--region", "20078")
    mock.advance(30)
    assert [j["job_id"] for j in run.json("jobs")] == [here]  # one region
    rows = run.json("jobs", "--all-regions")
    assert {(str(r["cluster_id"]), r["job_id"], r["state"]) for r in rows} == {
        ("11250", here, "running"),
        ("20078", there, "running"),
    }
    assert run.json("jobs", "--all-regions", "--state", "queued") == []
    assert len(run.json("jobs", "--all-regions", "--limit", "1")) == 1
    assert [r["job_id"] for r in run.json("jobs", "--all-regions", "--job-id", there)] == [there]
    assert run.json("jobs", "--all-regions", "--name", "no-such-name") == []
    table = run.ok("jobs", "--all-regions").stdout
    assert "REGION" in table
    assert "华中三区" in table
    assert there in table


def test_record_saves_answers_without_secrets_for_drift(run: Cli, tmp_path: Path) -> None:
    record_dir = tmp_path / "recordings"
    run.ok("--record", str(record_dir), "whoami")
    run.ok("--record", str(record_dir), "cores")
    run.ok("--record", str(record_dir), "jobs", "--all-regions")
    files = sorted(record_dir.glob("*.json"))
    operations = {json.loads(p.read_text())["operation"] for p in files}
    assert {"issue_tokens", "get_user", "get_core_state_stats", "list_platform_jobs"} <= operations
    text = "\n".join(p.read_text(encoding="utf-8") for p in files)
    for secret in (DEMO_SECRET_KEY, DEMO_ACCESS_KEY, "eyJ"):
        assert secret not in text
    assert f'"{DEMO_USER}"' not in text
    assert drift_main([str(record_dir)]) == 0


def test_history_all_regions_lists_every_regions_finished_jobs(run: Cli, mock: Mock) -> None:
    here = _submit(run, "sleep 5")
    there = _submit(run, "sleep 5", "wuhan_normal", "--region", "20078")
    mock.advance(60)
    rows = run.json("history", "--all-regions")
    assert {(str(r["cluster_id"]), r["job_id"], r["state"]) for r in rows} == {
        ("11250", here, "completed"),
        ("20078", there, "completed"),
    }
    assert all(r["cpu_nuclear_hour"] is not None for r in rows)
    assert len(run.json("history", "--all-regions", "--state", "completed")) == 2
    assert run.json("history", "--all-regions", "--state", "cancelled") == []
    assert len(run.json("history", "--all-regions", "--limit", "1")) == 1
    assert "华中三区" in run.ok("history", "--all-regions").stdout
    refused = run("history", "--all-regions", "--asc")
    assert refused.exit_code == 2
    assert refused.error_lines == [
        "error: --asc does not work with --all-regions (the platform list has no such option)"
    ]
