"""The Slurm engine against the local cluster (``make slurm-up``): real jobs, real states.

Every test submits through ``SlurmEngine`` and checks what Slurm really did (files written,
states reached, sbatch's own refusals). Skipped with a reason when the cluster is not up.
"""

from __future__ import annotations

import os
import socket
from dataclasses import replace
from pathlib import Path

import pytest

from scnet_hpc.mock import Clock
from scnet_hpc.mock.engines.base import JobRecord, JobRequest, SubmitRejected
from scnet_hpc.mock.engines.slurm.cli import SlurmCLI
from scnet_hpc.mock.engines.slurm.engine import SlurmEngine, SlurmEngineError
from scnet_hpc.mock.engines.slurm.mapping import JOB_PATH

from .slurm_helpers import demo_runner, slurm_deployment, wait_for

pytestmark = pytest.mark.slurm

NPROC = os.cpu_count() or 1


def request(home: Path, command: str = "echo hi", **changes: object) -> JobRequest:
    work = home / "runs" / "job"
    base: dict[str, object] = {
        "user": "demo",
        "account": "demo",
        "name": "engine-test",
        "queue": "debug",
        "command": command,
        "work_dir": str(work),
        "walltime": 300,
        "stdout_pattern": str(work / "std.out.%j"),
        "stderr_pattern": str(work / "std.err.%j"),
        "nodes": 1,
        "cores_per_node": 1,
    }
    base.update(changes)
    return JobRequest(**base)  # type: ignore[arg-type]


def sched(engine: SlurmEngine) -> int:
    return engine.schedulers()[0].id


def finished(engine: SlurmEngine, job_id: str, timeout: float = 60.0) -> JobRecord:
    def done() -> JobRecord | None:
        rec = engine.realtime_job(sched(engine), job_id)
        return rec if rec is not None and rec.finished else None

    return wait_for(done, timeout=timeout)


def test_echo_and_hostname_run_and_their_output_is_readable(engine, home):
    sid = sched(engine)
    job_id = engine.submit(sid, request(home, "echo hello from slurm\nhostname\nsleep 1"))
    states = []

    def seen_end() -> JobRecord | None:
        rec = engine.realtime_job(sid, job_id)
        assert rec is not None
        if not states or states[-1] != rec.state:
            states.append(rec.state)
        return rec if rec.finished else None

    rec = wait_for(seen_end)
    assert states[-1] == "COMPLETED"
    assert "RUNNING" in states  # the job sleeps 1 s: its running state is seen
    assert set(states) <= {"PENDING", "CONFIGURING", "RUNNING", "COMPLETING", "COMPLETED"}
    assert rec.user == "demo"
    assert rec.exit_code == 0
    assert rec.nodes
    assert rec.num_cores == 1
    assert rec.start_time is not None
    assert rec.end_time is not None
    assert rec.end_time - rec.start_time >= 1
    assert rec.stdout_path == str(home / "runs" / "job" / f"std.out.{job_id}")
    expected = f"hello from slurm\n{socket.gethostname()}\n"
    assert Path(rec.stdout_path).read_text() == expected  # the file Slurm wrote
    page = engine.read_file(sid, "demo", rec.stdout_path, page=1, from_end=False)
    assert (page.text, page.total_lines, page.total_pages) == (expected, 2, 1)
    history = {r.job_id: r for r in engine.history_jobs(sid)}
    assert history[job_id].state == "COMPLETED"
    assert engine.used_core_seconds(sid, "demo") >= rec.end_time - rec.start_time


def test_non_zero_exit_is_failed_with_its_code(engine, home):
    sid = sched(engine)
    job_id = engine.submit(sid, request(home, "echo before >&2\nexit 3"))
    rec = finished(engine, job_id)
    assert (rec.state, rec.exit_code, rec.reason) == ("FAILED", 3, "NonZeroExitCode")
    page = engine.read_file(sid, "demo", rec.stderr_path, page=1, from_end=True)
    assert page.text == "before\n"


def test_sleep_is_cancelled_and_shows_as_cancelled_in_history(engine, home):
    sid = sched(engine)
    job_id = engine.submit(sid, request(home, "sleep 600"))
    wait_for(lambda: (r := engine.realtime_job(sid, job_id)) and r.state == "RUNNING")
    [outcome] = engine.cancel(sid, "demo", [job_id])
    assert outcome.ok, outcome
    history = {r.job_id: r for r in engine.history_jobs(sid)}  # at once: cancel waits for it
    assert history[job_id].state == "CANCELLED"
    assert history[job_id].end_time - history[job_id].start_time < 60
    [again] = engine.cancel(sid, "demo", [job_id])
    assert not again.ok
    assert again.message == (
        f"scancel: error: Kill job error on job id {job_id}: "
        "Job/step already completing or completed"
    )


def test_cancelling_a_pending_job(engine, home):
    sid = sched(engine)
    hog = engine.submit(sid, request(home, "sleep 600", cores_per_node=NPROC))
    waiting = engine.submit(sid, request(home, "echo never"))
    wait_for(lambda: (r := engine.realtime_job(sid, hog)) and r.state == "RUNNING")
    assert engine.realtime_job(sid, waiting).state == "PENDING"
    outcomes = engine.cancel(sid, "demo", [waiting, hog])
    assert [o.ok for o in outcomes] == [True, True]
    rec = engine.realtime_job(sid, waiting)
    assert rec.state == "CANCELLED"
    assert rec.start_time == rec.end_time  # never ran


def test_cancel_reports_unknown_and_other_users_ids(engine, home):
    sid = sched(engine)
    theirs = engine.submit(
        sid, request(Path(engine._account("other").home), "sleep 600", user="other")
    )
    outcomes = engine.cancel(sid, "demo", ["999999", theirs])
    assert [o.ok for o in outcomes] == [False, False]
    assert outcomes[0].message.endswith("Invalid job id specified")
    assert outcomes[1].message.endswith("Invalid job id specified")
    assert not engine.realtime_job(sid, theirs).finished  # still running
    assert engine.cancel(sid, "other", [theirs])[0].ok


def test_users_see_only_their_own_jobs(engine, home):
    sid = sched(engine)
    mine = engine.submit(sid, request(home, "true"))
    theirs = engine.submit(sid, request(Path(engine._account("other").home), "true", user="other"))
    records = {r.job_id: r for r in engine.realtime_jobs(sid)}
    assert records[mine].user == "demo"
    assert records[theirs].user == "other"


def test_jobs_submitted_outside_the_api_are_not_shown(engine, slurm_cli):
    # by demo's own OS user (as root): the ledger, not the OS user, says what the API shows
    outsider = slurm_cli.submit(
        "#!/bin/sh\ntrue\n", options=["--chdir=/tmp"], as_user=demo_runner()
    )
    ids = {r.job_id for r in engine.realtime_jobs(sched(engine))}
    assert outsider not in ids
    assert slurm_cli.job(outsider) is not None  # Slurm has it, the API does not


def test_more_cpus_than_the_partition_has_is_refused_in_sbatchs_words(engine, home):
    with pytest.raises(SubmitRejected) as exc:
        engine.submit(sched(engine), request(home, cores_per_node=None, total_cores=NPROC + 1))
    assert exc.value.message == (
        "sbatch: error: Batch job submission failed: More processors requested than permitted"
    )


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"queue": "nope"}, "sbatch: error: invalid partition specified: nope"),
        (  # debug: MaxTime 30 min; sbatch does not name the limit, the engine adds it
            {"walltime": 3600},
            "Requested time limit is invalid (missing or exceeds some limit): "
            "queue debug allows at most 00:30:00, 01:00:00 was requested",
        ),
        ({"walltime": 0}, "Requested time limit is invalid"),
        ({"gpus_per_node": 1}, "sbatch: error: Invalid generic resource (gres) specification"),
        ({"dcus_per_node": 1}, "sbatch: error: Invalid generic resource (gres) specification"),
        ({"mem_per_node_mb": 10**9}, "Requested node configuration is not available"),
        ({"nodes": 2}, "Node count specification invalid"),
        (
            {"nodes": None, "node_list": ("no-such-node",)},
            "Batch job submission failed: Invalid node name specified",
        ),
    ],
)
def test_sbatch_refusals(engine, home, changes, message):
    before = {r.job_id for r in engine.history_jobs(sched(engine))}
    with pytest.raises(SubmitRejected) as exc:
        engine.submit(sched(engine), request(home, **changes))
    assert message in exc.value.message
    # a refused sbatch can leave a FAILED record in Slurm: the API must not show it
    assert {r.job_id for r in engine.history_jobs(sched(engine))} == before


def test_node_list_memory_and_exclusive_are_honoured(engine, home, slurm_cli):
    sid = sched(engine)
    node = slurm_cli.nodes()[0].name
    job_id = engine.submit(
        sid,
        request(
            home,
            "echo $SLURM_JOB_NODELIST $SLURM_MEM_PER_NODE",
            nodes=None,
            node_list=(node,),
            mem_per_node_mb=300,
            exclusive=True,
        ),
    )
    rec = finished(engine, job_id)
    assert rec.state == "COMPLETED"
    assert rec.nodes == (node,)
    assert rec.num_cores == NPROC  # exclusive: the whole node
    assert rec.exclusive
    assert rec.mem_per_node_mb == 300
    assert Path(rec.stdout_path).read_text() == f"{node} 300\n"


def test_total_tasks_and_tasks_per_node(engine, home):
    sid = sched(engine)
    by_total = engine.submit(sid, request(home, "true", cores_per_node=None, total_cores=NPROC))
    per_node = engine.submit(sid, request(home, "true", cores_per_node=NPROC))
    assert finished(engine, by_total).num_cores == NPROC
    assert finished(engine, per_node).num_cores == NPROC


def test_job_arrays(engine, home):
    sid = sched(engine)
    array_id = engine.submit(sid, request(home, "echo task $SLURM_ARRAY_TASK_ID", array_size=3))

    def all_done() -> list[JobRecord] | None:
        tasks = [r for r in engine.history_jobs(sid) if r.job_id.startswith(f"{array_id}_")]
        return tasks if len(tasks) == 3 else None

    tasks = sorted(wait_for(all_done), key=lambda r: r.job_id)
    assert [r.job_id for r in tasks] == [f"{array_id}_{i}" for i in range(3)]
    for i, rec in enumerate(tasks):
        assert rec.state == "COMPLETED"
        assert Path(rec.stdout_path).read_text() == f"task {i}\n"
    assert len({r.stdout_path for r in tasks}) == 3  # %j is each task's own id


def test_work_dir_is_created_inside_home_and_refused_outside(engine, home, tmp_path):
    sid = sched(engine)
    deep = home / "a" / "b" / "c"
    job_id = engine.submit(sid, request(home, "pwd", work_dir=str(deep),
                                        stdout_pattern=str(deep / "out"),
                                        stderr_pattern=str(deep / "err")))  # fmt: skip
    rec = finished(engine, job_id)
    assert rec.work_dir == str(deep)
    assert (deep / "out").read_text() == f"{deep}\n"
    for key, changes in [
        ("GAP_WORK_DIR", {"work_dir": str(tmp_path / "elsewhere")}),
        ("GAP_WORK_DIR", {"work_dir": str(home / ".." / "..")}),
        ("GAP_STD_OUT_FILE", {"stdout_pattern": "/tmp/std.out.%j"}),
        ("GAP_STD_ERR_FILE", {"stderr_pattern": "/etc/std.err.%j"}),
    ]:
        with pytest.raises(SubmitRejected, match=f"^{key} .* is not inside the home directory"):
            engine.submit(sid, request(home, **changes))
    assert not (tmp_path / "elsewhere").exists()


def test_script_file_submission(engine, home):
    sid = sched(engine)
    home.mkdir(parents=True, exist_ok=True)
    script = home / "job.sh"
    script.write_text("#!/bin/bash\n#SBATCH --comment=from-file\necho from the file\n")
    job_id = engine.submit(sid, request(home, str(script), submit_type="file"))
    rec = finished(engine, job_id)
    assert Path(rec.stdout_path).read_text() == "from the file\n"
    with pytest.raises(SubmitRejected, match="sbatch: error: Unable to open file /etc/passwd"):
        engine.submit(sid, request(home, "/etc/passwd", submit_type="file"))
    with pytest.raises(SubmitRejected, match="Unable to open file"):
        engine.submit(sid, request(home, str(home / "missing.sh"), submit_type="file"))


def test_jobs_do_not_inherit_the_servers_environment(engine, home, monkeypatch):
    monkeypatch.setenv("SCNET_SECRET_KEY", "must-not-leak")
    sid = sched(engine)
    job_id = engine.submit(sid, request(home, "env"))
    env = dict(
        line.split("=", 1)
        for line in Path(finished(engine, job_id).stdout_path).read_text().splitlines()
        if "=" in line
    )
    assert "SCNET_SECRET_KEY" not in env
    assert not [k for k in env if k.startswith("SCNET_")]
    assert env["HOME"] == str(home)  # the API user's home
    assert env["PATH"] == JOB_PATH
    assert env["SLURM_JOB_ID"] == job_id


def test_file_content_only_inside_home(engine, home, tmp_path):
    sid = sched(engine)
    (home / "d").mkdir(parents=True)
    (home / "d" / "f.txt").write_text("".join(f"line {i}\n" for i in range(2500)))
    (tmp_path / "secret.txt").write_text("secret\n")
    (home / "link").symlink_to(tmp_path / "secret.txt")
    last = engine.read_file(sid, "demo", str(home / "d" / "f.txt"), page=1, from_end=True)
    assert (last.total_lines, last.total_pages) == (2500, 3)
    assert last.text.splitlines()[-1] == "line 2499"
    assert len(last.text.splitlines()) == 1000
    for path in [tmp_path / "secret.txt", home / "link", home / ".." / ".." / "secret.txt"]:
        assert not engine.read_file(sid, "demo", str(path), page=1, from_end=False).exists
    assert not engine.read_file(sid, "demo", str(home / "none"), page=1, from_end=False).exists
    other = engine.read_file(sid, "other", str(home / "d" / "f.txt"), page=1, from_end=False)
    assert not other.exists  # not in *their* home


def test_finished_jobs_leave_the_realtime_list_after_the_retention_window(engine, home, clock):
    sid = sched(engine)
    job_id = engine.submit(sid, request(home, "true"))
    finished(engine, job_id)
    clock.advance(engine._deployment.settings.realtime_retention - 30)
    assert engine.realtime_job(sid, job_id) is not None
    clock.advance(60)
    assert engine.realtime_job(sid, job_id) is None
    assert job_id not in {r.job_id for r in engine.realtime_jobs(sid)}
    assert job_id in {r.job_id for r in engine.history_jobs(sid)}


class _Forgetful(SlurmCLI):
    """A cluster whose slurmctld has purged every finished job (MinJobAge passed)."""

    def jobs(self):  # type: ignore[no-untyped-def]
        return [j for j in super().jobs() if not j.finished]


def test_history_falls_back_to_the_job_completion_log(
    engine, home, slurm_cli, jobcomp_path, deployment, clock, tmp_path
):
    if jobcomp_path is None:
        pytest.skip("the cluster has no jobcomp/filetxt log")
    sid = sched(engine)
    job_id = engine.submit(sid, request(home, "exit 4"))
    live = finished(engine, job_id)
    forgetful = SlurmEngine(
        deployment,
        clock,
        _Forgetful(slurm_conf=slurm_cli.slurm_conf),
        jobcomp=str(jobcomp_path),
        ledger=tmp_path / "ledger" / "jobs.jsonl",  # the same ledger: a restarted mock
    )
    wait_for(lambda: job_id in {r.job_id for r in forgetful.history_jobs(sid)}, timeout=10)
    old = {r.job_id: r for r in forgetful.history_jobs(sid)}[job_id]
    assert forgetful.realtime_job(sid, job_id) is None
    assert (old.state, old.exit_code, old.user) == ("FAILED", 4, "demo")
    assert (old.start_time, old.end_time, old.submit_time) == (
        live.start_time,
        live.end_time,
        live.submit_time,
    )
    assert old.stdout_path == live.stdout_path  # from the ledger: jobcomp has no paths
    assert old.command == "exit 4"


def test_queues_are_the_partitions_with_their_limits(engine, slurm_cli):
    queues = {q.name: q for q in engine.queues(sched(engine))}
    assert set(queues) == {p.name for p in slurm_cli.partitions()}
    debug = queues["debug"]
    assert debug.max_walltime == 30 * 60
    assert queues["normal"].max_walltime is None
    assert debug.cores_per_node == NPROC
    assert debug.max_cores_per_job == NPROC
    assert debug.nodes == tuple(n.name for n in slurm_cli.nodes())


def test_storage_counts_the_files_in_home(engine, home):
    sid = sched(engine)
    home.mkdir(parents=True, exist_ok=True)
    (home / "blob").write_bytes(b"x" * 5 * 1024**2)
    [info] = engine.storage(sid, "demo")
    assert info.path == str(home)
    assert info.used_gb == round(5 / 1024, 4)
    assert info.quota_gb == 300


def test_the_deployment_must_match_the_cluster(slurm_cli, tmp_path):
    deployment = slurm_deployment(tmp_path)
    sched_spec = deployment.regions[0].schedulers[0]
    bad_queue = replace(sched_spec, queues=(replace(sched_spec.queues[0], name="gpu"),))
    bad = replace(deployment, regions=(replace(deployment.regions[0], schedulers=(bad_queue,)),))
    with pytest.raises(SlurmEngineError, match=r"queues \['gpu'\] .* are not partitions"):
        SlurmEngine(bad, Clock(), slurm_cli)
    two = replace(deployment, regions=(deployment.regions[0], replace(deployment.regions[0], id=2)))
    with pytest.raises(SlurmEngineError, match="exactly one scheduler"):
        SlurmEngine(two, Clock(), slurm_cli)
