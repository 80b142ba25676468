"""Attacks on the Slurm engine (issue 12): each test reproduces one, against the real cluster.

Two API users, ``demo`` and ``other``, run as two OS users (scnet-demo, scnet-other, created by
``make slurm-up``) when the tests run as root, as ``make test-slurm`` does. Which item each test
covers is in its name and docstring; the fuzz drill is in test_slurm_fuzz.py.
"""

from __future__ import annotations

import json
import os
import pwd
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from scnet_hpc.mock import Clock, create_app
from scnet_hpc.mock.deployment.model import Deployment
from scnet_hpc.mock.engines.base import JobRequest, SubmitRejected
from scnet_hpc.mock.engines.slurm.cli import RunAs, SlurmCLI, SlurmCommandError
from scnet_hpc.mock.engines.slurm.engine import SlurmEngine, SlurmEngineError
from scnet_hpc.mock.engines.slurm.ledger import LedgerEntry
from scnet_hpc.mock.testing import sync_client

from .slurm_helpers import (
    OPERATIONS,
    OS_USERS,
    Api,
    as_root,
    job_info,
    slurm_deployment,
    user_home,
    wait_for,
)

pytestmark = pytest.mark.slurm
needs_root = pytest.mark.skipif(
    not as_root(), reason="mapping API users to OS users needs root (make test-slurm runs as root)"
)


@pytest.fixture
def homes(tmp_path: Path) -> dict[str, Path]:
    return {user: user_home(tmp_path, user) for user in ("demo", "other")}


@pytest.fixture
def app_and_apis(slurm_env: dict[str, str], tmp_path: Path) -> Iterator[tuple[object, Api, Api]]:
    app = create_app(slurm_deployment(tmp_path), clock=Clock(), engine="slurm")
    mock = app.state.mock
    with sync_client(app) as client:
        demo = Api(client, mock.mint_token("demo"), mock.scheduler_id, user="demo")
        other = Api(client, mock.mint_token("other"), mock.scheduler_id, user="other")
        yield app, demo, other
        for api in (demo, other):
            active = [r["jobId"] for r in api.jobs()["list"] if r["jobStatus"] != "statC"]
            if active:
                api.cancel(*active)


def run_to_end(api: Api, home: Path, command: str, **overrides: str) -> dict:
    body = api.submit(**job_info(home, command, **overrides))
    assert body["code"] == "0", body
    job_id = body["data"]
    return wait_for(lambda: (d := api.job(job_id)) and d["jobStatus"] == "statC" and d)


def read_all(api: Api, path: str) -> str:
    return str(api.file(path)["data"])


# --------------------------------------------------------------------------- item 2: OS users


@needs_root
def test_a_job_of_user_a_cannot_read_a_file_of_user_b(app_and_apis, homes):
    """Item 2. B's job writes a private file; A's job ``cat``s it: permission denied in A's
    stderr, B's file intact. (Before, every job ran as root and A read it.)"""
    _, demo, other = app_and_apis
    secret = homes["other"] / "private" / "secret.txt"
    done = run_to_end(
        other,
        homes["other"],
        f"mkdir -p {secret.parent}\necho s3cret > {secret}\nchmod 600 {secret}",
    )
    assert done["jobInitAttr"]["JobState"] == "COMPLETED", done
    attack = run_to_end(demo, homes["demo"], f"cat {secret}\necho tried >> {secret}")
    err = read_all(demo, attack["errorPath"])
    out = read_all(demo, attack["outputPath"])
    assert "Permission denied" in err, (out, err)
    assert "s3cret" not in out
    assert read_all(other, str(secret)) == "s3cret\n"  # intact, readable by its owner
    assert demo.file(str(secret))["allLineTotal"] == 0  # nor through the API
    st = secret.stat()
    assert (st.st_uid, st.st_mode & 0o777) == (pwd.getpwnam(OS_USERS["other"]).pw_uid, 0o600)


@needs_root
def test_jobs_and_their_files_belong_to_the_users_os_user(app_and_apis, homes):
    """Item 2: outputs and the folders made for a job are the OS user's, who runs the job."""
    _, demo, _ = app_and_apis
    done = run_to_end(demo, homes["demo"], "id -un\necho $HOME")
    uid = pwd.getpwnam(OS_USERS["demo"]).pw_uid
    assert read_all(demo, done["outputPath"]) == f"{OS_USERS['demo']}\n{homes['demo']}\n"
    for path in (done["outputPath"], done["errorPath"], done["workDir"], homes["demo"]):
        assert Path(path).stat().st_uid == uid, path
    assert homes["demo"].stat().st_mode & 0o077 == 0  # closed to other users


@needs_root
def test_cancel_is_restricted_to_the_owner_by_slurm_too(app_and_apis, homes, slurm_env):
    """Item 2: ``other`` cannot cancel ``demo``'s job, neither through the API nor with scancel
    run as its OS user; the owner can."""
    _, demo, other = app_and_apis
    job_id = demo.submit(**job_info(homes["demo"], "sleep 600"))["data"]
    answer = other.cancel(job_id)
    assert "failed" in json.dumps(answer["data"]), answer
    assert demo.job(job_id)["jobStatus"] != "statC"
    pw = pwd.getpwnam(OS_USERS["other"])
    cli = SlurmCLI(slurm_conf=slurm_env["SLURM_CONF"], timeout=20.0)
    with pytest.raises(SlurmCommandError, match=r"(?i)denied|permission"):
        cli.cancel([job_id], as_user=RunAs(pw.pw_uid, pw.pw_gid, (pw.pw_gid,), pw.pw_dir))
    assert demo.job(job_id)["jobStatus"] != "statC"
    assert "successfully" in json.dumps(demo.cancel(job_id)["data"])


def _engine(deployment: Deployment, slurm_cli: SlurmCLI, tmp_path: Path) -> SlurmEngine:
    return SlurmEngine(deployment, Clock(), slurm_cli, ledger=tmp_path / "ledger.jsonl")


@needs_root
def test_root_refuses_to_start_without_the_os_user_mapping(slurm_cli, tmp_path):
    """Item 2: as root, an account without os_user would run its jobs as root: one-line error
    naming the fix. (Before, the engine started and ran every job as root.)"""
    deployment = slurm_deployment(tmp_path)
    users = tuple(
        replace(u, regions=tuple(replace(a, os_user="") for a in u.regions))
        if u.name == "other"
        else u
        for u in deployment.users
    )
    with pytest.raises(SlurmEngineError) as refused:
        _engine(replace(deployment, users=users), slurm_cli, tmp_path)
    message = str(refused.value)
    assert "\n" not in message
    for part in ("os_user", "account other", "make slurm-up"):
        assert part in message


@needs_root
def test_a_home_owned_by_someone_else_is_refused(slurm_cli, tmp_path):
    """Item 11c: a home created by root (the old /tmp/scnet-hpc-slurm/home) is not the user's."""
    deployment = slurm_deployment(tmp_path)
    foreign = tmp_path / "root-owned-home"
    foreign.mkdir()
    users = tuple(
        replace(u, regions=tuple(replace(a, home=str(foreign)) for a in u.regions))
        if u.name == "demo"
        else u
        for u in deployment.users
    )
    with pytest.raises(SlurmEngineError, match="must be a directory owned by scnet-demo"):
        _engine(replace(deployment, users=users), slurm_cli, tmp_path)


def test_the_shipped_slurm_deployment_keeps_homes_out_of_tmp():
    """Item 11c: the shipped homes are the OS users' own, not under /tmp."""
    from scnet_hpc.mock import load_deployment
    from scnet_hpc.mock.deployment.model import SLURM_DEPLOYMENT

    for user in load_deployment(SLURM_DEPLOYMENT).users:
        for account in user.regions:
            assert not account.home.startswith("/tmp/"), account.home
            assert account.os_user, user.name
            if as_root():
                assert pwd.getpwnam(account.os_user).pw_dir == account.home


# --------------------------------------------------------------------------- item 4: big files


def test_a_50_mib_sparse_file_is_a_small_answer(app_and_apis, homes):
    """Item 4: a job's 50 MiB sparse file made a 300 MiB answer (and +650 MiB RSS); a 20 GiB
    one is read as a window. The answer's size is measured, not the time it takes."""
    _, demo, _ = app_and_apis
    done = run_to_end(demo, homes["demo"], "truncate -s 50M big\ntruncate -s 20G huge")
    work = Path(done["workDir"])
    for name, size in (("big", 50 << 20), ("huge", 20 << 30)):
        assert (work / name).stat().st_size == size
        for direction in ("DOWN", "UP"):
            form = {"hostName": "", "dirPath": str(work / name), "triggerNum": 1}
            response = demo.client.post(
                OPERATIONS["read_file_content"][1],
                headers={"token": demo.token},
                data={**form, "rollDirection": direction},
            )
            assert response.status_code == 200
            assert response.json()["code"] == "0"
            assert len(response.content) < 1 << 20, (name, direction, len(response.content))


def test_a_huge_file_job_script_is_refused_not_loaded(app_and_apis, homes):
    """Item 4: a ``file`` submission reads the script up to sbatch's 4 MiB limit, no more."""
    _, demo, _ = app_and_apis
    done = run_to_end(demo, homes["demo"], "truncate -s 20G script.sh")
    script = Path(done["workDir"]) / "script.sh"
    body = demo.submit(
        **job_info(homes["demo"], str(script), GAP_SUBMIT_TYPE="file", GAP_JOB_NAME="big")
    )
    assert body["code"] == "10001"
    assert "more than the 4194304 allowed" in body["msg"]


# --------------------------------------------------------------------------- item 6: %x


def _request(home: Path, **changes: object) -> JobRequest:
    work = home / "runs"
    base: dict[str, object] = {
        "user": "demo",
        "account": "demo",
        "name": "x",
        "queue": "debug",
        "command": "echo hi",
        "work_dir": str(work),
        "walltime": 300,
        "stdout_pattern": str(work / "out.%j"),
        "stderr_pattern": str(work / "err.%j"),
        "nodes": 1,
        "cores_per_node": 1,
    }
    base.update(changes)
    return JobRequest(**base)  # type: ignore[arg-type]


def test_x_in_an_output_pattern_is_checked_as_expanded(engine, home):
    """Item 6: ``<home>/%x`` with the job name ``..`` (or worse) points out of the home; the
    check looked at the unexpanded pattern and let it through."""
    sid = engine.schedulers()[0].id
    for name, pattern in (
        ("..", f"{home}/%x/evil"),
        ("..", f"{home}/%x/%x/%x/%x/%x/%x/%x/%x/%x/%x/etc/cron.d/evil"),
    ):
        for key in ("stdout_pattern", "stderr_pattern"):
            with pytest.raises(SubmitRejected, match="is not inside the home directory"):
                engine.submit(sid, _request(home, name=name, **{key: pattern}))


def test_x_through_the_api_refuses_slashes_in_names(app_and_apis, homes):
    """Item 6 through HTTP: the issue's exact request is 10004 naming GAP_JOB_NAME."""
    _, demo, _ = app_and_apis
    body = demo.submit(
        **job_info(
            homes["demo"],
            "echo",
            GAP_JOB_NAME="../../../../../etc/cron.d/evil",
            GAP_STD_OUT_FILE=f"{homes['demo']}/%x",
        )
    )
    assert body["code"] == "10004"
    assert "GAP_JOB_NAME" in body["msg"]
    assert not Path("/etc/cron.d/evil").exists()


# --------------------------------------------------------------------------- item 7: jobcomp


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("GAP_WORK_DIR", "{home}/x JobId=41 JobState=COMPLETED"),
        ("GAP_JOB_NAME", "x\nJobId=41 UserId=scnet-other(1002) JobState=COMPLETED"),
    ],
)
def test_fields_that_forge_history_lines_are_refused(app_and_apis, homes, field, value):
    """Item 7: the completion log writes WorkDir and Name unescaped."""
    _, demo, _ = app_and_apis
    body = demo.submit(
        **job_info(homes["demo"], "echo", **{field: value.format(home=homes["demo"])})
    )
    assert body["code"] == "10004", body
    assert field in body["msg"]


def _completion_line(job_id: int, os_user: str, uid: int, work_dir: str, state: str) -> str:
    stamp = time.strftime("%Y-%m-%dT%H:%M:%S", time.localtime(NOW))
    return (
        f"JobId={job_id} UserId={os_user}({uid}) GroupId={os_user}({uid}) Name=job "
        f"JobState={state} Partition=debug TimeLimit=5 StartTime={stamp} EndTime={stamp} "
        f"NodeList=vm NodeCnt=1 ProcCnt=1 WorkDir={work_dir} ReservationName= "
        f"Tres=cpu=1,mem=256M,node=1,billing=1 Account=x QOS= WcKey= Cluster=unknown "
        f"SubmitTime={stamp} EligibleTime={stamp} DerivedExitCode=0:0 ExitCode=0:0 "
    )


NOW = int(time.time())


def test_a_forged_completion_line_does_not_change_another_users_history(slurm_cli, tmp_path):
    """Item 7: demo's job with the work dir ``<home>/x JobId=<victim> JobState=FAILED`` wrote
    a line that the old parser read as the victim's (later keys won), rewriting other's
    history. Now lines are read in the plugin's key order, JobId first, and must match the
    ledger's OS user and work dir. (Jobs far beyond the cluster's ids, so that squeue, which
    takes precedence, does not know them.)"""
    deployment = slurm_deployment(tmp_path)
    victim, attacker = 9_000_001, 9_000_002
    other_user, demo_user = (OS_USERS["other"], OS_USERS["demo"]) if as_root() else ("u", "u")
    other_home = deployment.users[1].regions[0].home
    demo_home = deployment.users[0].regions[0].home
    forged_dir = f"{demo_home}/x JobId={victim} JobState=FAILED"
    log = tmp_path / "jobcomp.log"
    log.write_text(
        _completion_line(victim, other_user, 1002, f"{other_home}/w", "COMPLETED")
        + "\n"
        + _completion_line(attacker, demo_user, 1001, forged_dir, "COMPLETED")
        + "\n"
    )
    engine = SlurmEngine(
        deployment, Clock(), slurm_cli, jobcomp=str(log), ledger=tmp_path / "ledger.jsonl"
    )
    sid = engine.schedulers()[0].id
    for job_id, user, os_user, work in (
        (victim, "other", other_user, f"{other_home}/w"),
        (attacker, "demo", demo_user, forged_dir),
    ):
        engine._ledger.add(  # what submit records (the API refuses such a work dir now)
            LedgerEntry(
                job_id=str(job_id),
                scheduler_id=sid,
                user=user,
                account=user,
                name="job",
                command="echo",
                work_dir=work,
                stdout_pattern=f"{work}/out",
                stderr_pattern=f"{work}/err",
                submitted_at=NOW,
                os_user=os_user if as_root() else "",
            )
        )
    record = engine.history_job(sid, str(victim))
    assert record is not None
    assert (record.user, record.state) == ("other", "COMPLETED")
    mine = engine.history_job(sid, str(attacker))
    assert mine is None or mine.user == "demo"


def test_environment_of_the_os_users_cannot_reach_the_mock(app_and_apis, homes):
    """The job environment is small and names the job's OS user (HOME the API home)."""
    _, demo, _ = app_and_apis
    done = run_to_end(demo, homes["demo"], "env")
    lines = read_all(demo, done["outputPath"]).splitlines()
    env = dict(line.split("=", 1) for line in lines if "=" in line)
    assert env["HOME"] == str(homes["demo"])
    expected = OS_USERS["demo"] if as_root() else pwd.getpwuid(os.getuid()).pw_name
    assert env["USER"] == expected
