"""Tests of scnet_hpc.mock.engines.slurm.cli.

Part (a) parses outputs captured from Slurm 22.05.8 on Debian 12 (the files in
fixtures/, see fixtures/README.md for how they were made) and runs everywhere.
Part (b), marked ``slurm``, drives the local cluster from scripts/slurm-up.sh.
"""

from __future__ import annotations

import json
import re
import socket
import time
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from scnet_hpc.mock.deployment.os_users import home_ready, os_account
from scnet_hpc.mock.engines.slurm.cli import (
    RunAs,
    SbatchError,
    SlurmCLI,
    SlurmCommandError,
    SlurmJob,
    decode_wait_status,
    parse_jobcomp,
    parse_sbatch_parsable,
    parse_scontrol_nodes,
    parse_scontrol_partitions,
    parse_sinfo_json_nodes,
    parse_slurm_duration_minutes,
    parse_squeue_json,
)
from scnet_hpc.mock.engines.slurm_syntax import expand_hostlist, expand_output_pattern

from .slurm_helpers import demo_runner, slurm_deployment, user_home

FIXTURES = Path(__file__).parent / "fixtures"


def jobcomp_line(**fields: str) -> str:
    """The first line of the captured jobcomp log with some fields replaced (keys in the
    plugin's order, as parse_jobcomp requires)."""
    line = fixture("jobcomp.log").splitlines()[0]
    for key, value in fields.items():
        pair = f"{key}={value}"
        line, n = re.subn(rf"(^| ){key}=\S*", lambda m, pair=pair: m.group(1) + pair, line)
        assert n == 1, key
    return line


def fixture(name: str) -> str:
    return (FIXTURES / name).read_text()


def by_id(jobs: list[SlurmJob]) -> dict[str, SlurmJob]:
    return {j.job_id: j for j in jobs}


# =========================================================================== (a) parsers


@pytest.fixture(scope="module")
def finished() -> dict[str, SlurmJob]:
    return by_id(parse_squeue_json(fixture("squeue_finished.json")))


@pytest.fixture(scope="module")
def active() -> dict[str, SlurmJob]:
    return by_id(parse_squeue_json(fixture("squeue_active.json")))


@pytest.fixture(scope="module")
def jobs() -> dict[str, SlurmJob]:
    return by_id(parse_jobcomp(fixture("jobcomp.log")))


class TestSqueueJson:
    def test_all_jobs_are_listed_including_finished_ones(self, finished):
        assert sorted(finished) == sorted(
            ["1", "2", "3", "4", "5", "6", "8", "9", "10"] + [f"7_{i}" for i in range(6)] + ["11_3"]
        )

    def test_completed_job(self, finished):
        j = finished["1"]
        assert (j.name, j.user, j.partition, j.state) == ("hello", "root", "debug", "COMPLETED")
        assert (j.nodes, j.num_nodes, j.num_cpus) == ("vm", 1, 1)
        assert j.time_limit_minutes == 30
        assert (j.submit_time, j.start_time, j.end_time) == (1795868673, 1795868675, 1795868675)
        assert j.exit_code == 0
        assert j.signal == 0
        assert j.work_dir == "/tmp/fxw"
        # squeue --json keeps the pattern "/tmp/fxw/hello-%j.out"; stderr "" = same file
        assert j.std_out == j.std_err == "/tmp/fxw/hello-1.out"
        assert j.reason == ""  # Slurm's "None"
        assert j.finished

    def test_exit_code_is_decoded_from_the_raw_wait_status(self, finished):
        j = finished["2"]  # `exit 3`: squeue --json says 768
        raw = next(
            x for x in json.loads(fixture("squeue_finished.json"))["jobs"] if x["job_id"] == 2
        )
        assert raw["exit_code"] == 768
        assert (j.state, j.exit_code, j.signal, j.reason) == ("FAILED", 3, 0, "NonZeroExitCode")
        assert j.std_out == "/tmp/fxw/fail-2.out"
        assert j.std_err == "/tmp/fxw/fail-2.err"
        assert j.time_limit_minutes is None  # partition normal, MaxTime=INFINITE -> null

    def test_signals(self, finished):
        assert (finished["3"].exit_code, finished["3"].signal) == (0, 9)  # kill -9 $$
        assert finished["4"].state == "TIMEOUT"
        assert (finished["4"].exit_code, finished["4"].signal) == (0, 15)
        assert finished["5"].state == "CANCELLED"
        assert finished["5"].signal == 15
        assert (finished["10"].reason, finished["10"].signal) == ("JobLaunchFailure", 53)

    def test_cancelled_while_pending(self, finished):
        j = finished["6"]
        assert (j.state, j.nodes, j.exit_code) == ("CANCELLED", "", 0)
        assert j.num_cpus == 2  # "cpus": 0 in the JSON; the request comes from tres_req_str

    def test_job_rejected_by_the_scheduler_is_a_failed_record(self, finished):
        # sbatch --mem=999999999 fails, yet slurmctld keeps a FAILED job for it
        j = finished["8"]
        assert (j.state, j.reason, j.num_cpus) == ("FAILED", "BadConstraints", 1)

    def test_output_patterns_are_expanded_like_slurmstepd_does(self, finished):
        # the real file on disk was pat-9-4294967294-9-pat name-root-vm-0-0-batch-%-00009.out
        assert finished["9"].std_out == (
            "/tmp/fxw/pat-9-4294967294-9-pat name-root-vm-0-0-batch-%-00009.out"
        )
        assert finished["4"].std_out == "/tmp/fxw/to-timeout job-root-vm.out"
        # relative -e: sbatch already made it absolute, kept as given
        assert finished["10"].std_err == "/tmp/fxw/sub/../rel-10.err"
        # no -o at all: slurm-%j.out in the working directory
        assert finished["3"].std_out == "/tmp/fxw/slurm-3.out"

    def test_array_tasks(self, finished):
        for i in range(6):
            t = finished[f"7_{i}"]
            assert (t.array_job_id, t.array_task_id, t.state) == (7, i, "COMPLETED")
            assert t.std_out == f"/tmp/fxw/arr-7_{i}.out"
        # each task has its own numeric id; the last one keeps the array's id
        assert finished["7_0"].slurm_job_id == 12
        assert finished["7_5"].slurm_job_id == 7
        assert finished["11_3"].std_out == "/tmp/fxw/ap-11-3-11.out"

    def test_running_job_has_no_end_time_or_exit_code(self, active):
        j = active["4"]
        assert j.state == "RUNNING"
        assert j.start_time == 1795868681
        assert j.end_time is None  # the JSON has start + limit there
        assert j.exit_code is None
        assert j.signal is None
        assert not j.finished

    def test_pending_job(self, active):
        j = active["6"]
        assert (j.state, j.reason, j.nodes, j.num_cpus) == ("PENDING", "Resources", "", 2)
        assert j.start_time is None
        assert j.end_time is None

    def test_pending_array_is_one_record(self, active):
        j = active["7_[0-5%2]"]
        assert (j.slurm_job_id, j.array_job_id, j.array_task_id) == (7, 7, None)
        assert j.array_tasks == "0-5%2"
        assert j.state == "PENDING"
        # task ids are unknown until each task starts
        assert j.std_out == "/tmp/fxw/arr-7_%a.out"

    def test_tolerates_missing_keys_and_newer_shapes(self):
        text = json.dumps(
            {
                "jobs": [
                    {"job_id": 5, "job_state": ["COMPLETED"], "exit_code": {"return_code": 2}},
                    {"job_id": 6, "time_limit": {"set": True, "infinite": True, "number": 0}},
                ]
            }
        )
        a, b = parse_squeue_json(text)
        assert (a.job_id, a.state, a.exit_code) == ("5", "COMPLETED", 2)
        assert (b.state, b.time_limit_minutes, b.name, b.submit_time) == ("", None, "", None)
        assert parse_squeue_json("") == []
        assert parse_squeue_json('{"jobs": []}') == []


class TestJobcomp:
    def test_lines(self, jobs):
        assert len(jobs) == 16
        j = jobs["2"]
        assert (j.name, j.user, j.partition, j.state) == ("fail3", "root", "normal", "FAILED")
        assert (j.exit_code, j.signal) == (3, 0)  # already decoded: ExitCode=3:0
        assert j.time_limit_minutes is None  # TimeLimit=UNLIMITED
        assert (j.nodes, j.num_nodes, j.num_cpus, j.work_dir) == ("vm", 1, 1, "/tmp/fxw")
        # the file has no output paths
        assert j.std_out == ""
        assert j.std_err == ""

    def test_times_are_local_time(self, jobs):
        j = jobs["1"]  # SubmitTime=2026-11-28T12:24:33 StartTime=...:35
        assert j.submit_time == int(datetime(2026, 11, 28, 12, 24, 33).timestamp())
        assert j.end_time == int(datetime(2026, 11, 28, 12, 24, 35).timestamp())

    def test_agrees_with_squeue_when_captured_in_utc(self, jobs, monkeypatch):
        if not hasattr(time, "tzset"):
            pytest.skip("time.tzset is Unix-only")
        monkeypatch.setenv("TZ", "UTC")
        time.tzset()
        try:
            utc = by_id(parse_jobcomp(fixture("jobcomp.log")))
        finally:
            monkeypatch.undo()
            time.tzset()
        squeue = by_id(parse_squeue_json(fixture("squeue_finished.json")))
        for jid, j in utc.items():
            s = squeue[jid]
            assert (j.slurm_job_id, j.state, j.submit_time, j.start_time, j.end_time) == (
                s.slurm_job_id,
                s.state,
                s.submit_time,
                s.start_time,
                s.end_time,
            ), jid

    def test_arrays_names_with_spaces_and_signals(self, jobs):
        assert jobs["7_5"].slurm_job_id == 7
        assert (jobs["7_0"].array_job_id, jobs["7_0"].array_task_id) == (7, 0)
        assert jobs["4"].name == "timeout job"
        assert jobs["4"].state == "TIMEOUT"
        assert (jobs["3"].exit_code, jobs["3"].signal) == (0, 9)
        assert jobs["6"].nodes == ""  # NodeList=(null): never started

    def test_last_line_of_a_requeued_job_wins(self):
        text = (
            jobcomp_line(JobId="5", UserId="u(1)", Name="x", JobState="NODE_FAIL")
            + "\ngarbage\n\n"
            + jobcomp_line(JobId="5", UserId="u(1)", Name="x", JobState="COMPLETED")
            + "\n"
        )
        (j,) = parse_jobcomp(text)
        assert (j.user, j.state) == ("u", "COMPLETED")

    def test_missing_file_is_empty(self, tmp_path):
        assert SlurmCLI().completed_from_jobcomp(tmp_path / "nope.log") == []
        p = tmp_path / "jobcomp.log"
        p.write_text(fixture("jobcomp.log"))
        assert len(SlurmCLI().completed_from_jobcomp(p)) == 16


class TestPartitionsAndNodes:
    def test_scontrol_partitions(self):
        debug, normal = parse_scontrol_partitions(fixture("scontrol_show_partition.txt"))
        assert (debug.name, debug.state, debug.default) == ("debug", "UP", True)
        assert (debug.total_cpus, debug.total_nodes, debug.nodes) == (2, 1, "vm")
        assert debug.max_time_minutes == 30
        assert debug.max_nodes is None
        assert debug.default_time_minutes is None
        assert (normal.name, normal.default, normal.max_time_minutes) == ("normal", False, None)
        # MinNodes=0 and MaxCPUsPerNode=UNLIMITED mean no limit
        assert (debug.min_nodes, debug.max_cpus_per_node, debug.priority_job_factor) == (
            None,
            None,
            1,
        )

    def test_partition_limits_when_set(self):
        line = fixture("scontrol_show_partition.txt").splitlines()[0]
        line = line.replace("MinNodes=0", "MinNodes=2").replace(
            "MaxCPUsPerNode=UNLIMITED", "MaxCPUsPerNode=16"
        )
        (p,) = parse_scontrol_partitions(line.replace("PriorityJobFactor=1", "PriorityJobFactor=7"))
        assert (p.min_nodes, p.max_cpus_per_node, p.priority_job_factor) == (2, 16, 7)

    def test_accounts_and_gres(self):
        raw = json.loads(fixture("squeue_finished.json"))
        raw["jobs"][0]["account"] = "proj1"
        assert parse_squeue_json(json.dumps(raw))[0].account == "proj1"
        assert parse_jobcomp(jobcomp_line(JobId="5", Account="proj2"))[0].account == "proj2"
        nodes = json.loads(fixture("sinfo.json"))
        assert parse_sinfo_json_nodes(fixture("sinfo.json"))[0].gres == ""
        nodes["nodes"][0]["gres"] = "gpu:2"
        assert parse_sinfo_json_nodes(json.dumps(nodes))[0].gres == "gpu:2"

    def test_sinfo_json_nodes(self):
        (n,) = parse_sinfo_json_nodes(fixture("sinfo.json"))
        assert (n.name, n.cpus, n.real_memory, n.state) == ("vm", 2, 23081, "IDLE")
        assert n.state_flags == ()
        assert n.partitions == ("debug", "normal")

    def test_scontrol_nodes_agree_with_sinfo(self):
        assert parse_scontrol_nodes(fixture("scontrol_show_node.txt")) == parse_sinfo_json_nodes(
            fixture("sinfo.json")
        )

    def test_node_state_flags(self):
        text = "NodeName=n1 CPUTot=4 RealMemory=100 State=IDLE+DRAIN Partitions=p\n"
        (n,) = parse_scontrol_nodes(text)
        assert (n.state, n.state_flags, n.partitions) == ("IDLE", ("DRAIN",), ("p",))
        sinfo = {"nodes": [{"name": "n1", "state": "idle*", "state_flags": ["DRAIN"]}]}
        (m,) = parse_sinfo_json_nodes(json.dumps(sinfo))
        assert (m.state, m.state_flags) == ("IDLE", ("NOT_RESPONDING", "DRAIN"))


class TestSmallParsers:
    @pytest.mark.parametrize(
        ("text", "minutes"),
        [
            ("UNLIMITED", None),
            ("INFINITE", None),
            ("NONE", None),
            ("", None),
            ("30", 30),
            ("00:30:00", 30),
            ("30:00", 30),
            ("0:05", 1),  # seconds round up, as sbatch --time=0:05 does
            ("1-00:00:00", 1440),
            ("2-03", 2 * 1440 + 180),
            ("1-01:01", 1440 + 61),
        ],
    )
    def test_durations(self, text, minutes):
        assert parse_slurm_duration_minutes(text) == minutes

    @pytest.mark.parametrize(
        ("status", "pair"),
        [(0, (0, 0)), (768, (3, 0)), (256 * 255, (255, 0)), (9, (0, 9)), (15, (0, 15))],
    )
    def test_wait_status(self, status, pair):
        assert decode_wait_status(status) == pair

    @pytest.mark.parametrize(
        ("hostlist", "names"),
        [
            ("vm", ("vm",)),
            ("", ()),
            ("(null)", ()),
            ("n[01-03,07],gpu1", ("n01", "n02", "n03", "n07", "gpu1")),
            ("a[1-2]x,b", ("a1x", "a2x", "b")),
            ("c[8-10]", ("c8", "c9", "c10")),
        ],
    )
    def test_expand_hostlist(self, hostlist, names):
        assert expand_hostlist(hostlist) == names

    def test_sbatch_parsable(self):
        assert parse_sbatch_parsable("12\n") == "12"
        assert parse_sbatch_parsable("12;cluster\n") == "12"
        with pytest.raises(Exception, match="unexpected"):
            parse_sbatch_parsable("Submitted batch job 12\n")

    def test_expand_output_pattern(self):
        kw = {"name": "n", "user": "u", "node": "vm"}
        assert expand_output_pattern("%j-%A-%a", job_id=5, **kw) == "5-5-4294967294"
        assert (
            expand_output_pattern("%A_%a-%j", job_id=12, array_job_id=7, array_task_id=0, **kw)
            == "7_0-12"
        )
        assert expand_output_pattern("%x.%u.%N.%%j.%3j", job_id=5, **kw) == "n.u.vm.%j.005"
        assert expand_output_pattern("%N", job_id=5) == "%N"  # node not known yet
        # slurmd names a batch job's files with %J as the bare job id (what 22.05.8 wrote).
        assert expand_output_pattern("o-%J-%5J.txt", job_id=5) == "o-5-00005.txt"

    @pytest.mark.parametrize("hostlist", ["n[04-01]", "a,n[3-1]x"])
    def test_backwards_hostlist_ranges_are_refused(self, hostlist):
        with pytest.raises(ValueError, match="runs backwards"):
            expand_hostlist(hostlist)

    @pytest.mark.parametrize(
        ("name", "reason"),
        [
            ("sbatch_error_c64.txt", "More processors requested than permitted"),
            ("sbatch_error_pnope.txt", "Invalid partition name specified"),
            (
                "sbatch_error_time60.txt",
                "Requested time limit is invalid (missing or exceeds some limit)",
            ),
            ("sbatch_error_mem999999999.txt", "Requested node configuration is not available"),
        ],
    )
    def test_sbatch_error_keeps_sbatchs_words(self, name, reason):
        stderr = fixture(name)
        err = SbatchError(1, stderr)
        assert err.stderr == stderr
        assert err.reason == reason
        assert str(err) == stderr.strip()
        assert SbatchError(1, "sbatch: error: something else\n").reason == "something else"

    def test_missing_command_is_a_command_error(self, monkeypatch):
        monkeypatch.setenv("PATH", "/nonexistent")
        cli = SlurmCLI(slurm_conf="/nonexistent/slurm.conf", timeout=5)
        with pytest.raises(SlurmCommandError) as exc:
            cli.jobs()
        assert exc.value.returncode == 127
        with pytest.raises(SbatchError):
            cli.submit("#!/bin/sh\ntrue\n")
        assert cli.ping() is False


# =========================================================================== (b) live


def wait_for(
    cli: SlurmCLI, job_id: str, *, until: set[str], timeout: float = 30.0
) -> tuple[SlurmJob, list[str]]:
    """Poll until the job reaches one of ``until``; returns it and the states seen."""
    seen: list[str] = []
    deadline = time.monotonic() + timeout
    while True:
        j = cli.job(job_id)
        if j is not None and (not seen or seen[-1] != j.state):
            seen.append(j.state)
        if j is not None and j.state in until:
            return j, seen
        if time.monotonic() > deadline:
            raise AssertionError(f"job {job_id} not in {until} after {timeout} s; saw {seen}")
        time.sleep(0.1)


class UserCLI(SlurmCLI):
    """SlurmCLI whose sbatch and scancel run as one OS user (None: as the caller)."""

    def __init__(self, conf: str, runner: RunAs | None) -> None:
        super().__init__(slurm_conf=conf, timeout=20.0)
        self.runner = runner

    def submit(self, script: str, **kw: Any) -> str:  # type: ignore[override]
        return super().submit(script, as_user=self.runner, **kw)

    def cancel(self, job_ids: Sequence[str], **kw: Any) -> None:  # type: ignore[override]
        super().cancel(job_ids, as_user=self.runner, **kw)


DONE = {"COMPLETED", "FAILED", "CANCELLED", "TIMEOUT", "NODE_FAIL", "OUT_OF_MEMORY"}


@pytest.mark.slurm
class TestLiveCluster:
    """Real jobs through the wrapper; as root they run as scnet-demo (never as root)."""

    @pytest.fixture
    def user_cli(self, slurm_env: dict[str, str]) -> SlurmCLI:
        return UserCLI(slurm_env["SLURM_CONF"], demo_runner())

    @pytest.fixture
    def job_dir(self, tmp_path: Path) -> Path:
        runner = demo_runner()
        if runner is None:
            return tmp_path
        home = user_home(tmp_path, "demo")
        who = os_account(slurm_deployment(tmp_path, extra_user=False).users[0].regions[0])
        assert who is not None
        home_ready(who)
        return home

    def test_echo_job_completes_and_writes_its_output(self, user_cli, job_dir):
        job_id = user_cli.submit(
            "#!/bin/sh\necho hi; hostname\n",
            options=["-J", "hello", "-D", str(job_dir), "-o", str(job_dir / "out-%j.txt")],
        )
        assert job_id.isdigit()
        # the first job after a cold start waits ~3 s for the scheduler
        j, seen = wait_for(user_cli, job_id, until=DONE)
        assert set(seen) <= {"PENDING", "CONFIGURING", "RUNNING", "COMPLETING", "COMPLETED"}
        assert (j.state, j.exit_code, j.name) == ("COMPLETED", 0, "hello")
        assert j.std_out == str(job_dir / f"out-{job_id}.txt")
        assert j.work_dir == str(job_dir)
        assert j.submit_time
        assert j.start_time
        assert j.end_time
        assert j.submit_time <= j.start_time <= j.end_time
        assert j.nodes
        assert j.num_cpus >= 1
        assert j.partition == "debug"
        text = Path(j.std_out).read_text()
        assert text.splitlines()[0] == "hi"
        assert text.splitlines()[1] == socket.gethostname().split(".")[0]

    def test_cancel_running_job(self, user_cli, job_dir):
        job_id = user_cli.submit("#!/bin/sh\nsleep 600\n", options=["-D", str(job_dir)])
        wait_for(user_cli, job_id, until={"RUNNING"} | DONE)
        user_cli.cancel([job_id])
        j, _ = wait_for(user_cli, job_id, until=DONE, timeout=15)
        assert j.state == "CANCELLED"
        assert j.end_time is not None

    def test_too_many_cpus_is_refused_by_sbatch(self, user_cli, job_dir):
        with pytest.raises(SbatchError) as exc:
            user_cli.submit("#!/bin/sh\necho x\n", options=["-c", "64", "-D", str(job_dir)])
        assert exc.value.returncode != 0
        assert exc.value.stderr.startswith("sbatch: error:")
        # slurm-up.sh sets EnforcePartLimits=ALL, so the partition limit answers first
        assert exc.value.reason in {
            "More processors requested than permitted",
            "Requested node configuration is not available",
        }

    def test_unsatisfiable_memory_is_refused_by_sbatch(self, user_cli, job_dir):
        with pytest.raises(SbatchError) as exc:
            user_cli.submit("#!/bin/sh\necho x\n", options=["--mem=999999999", "-D", str(job_dir)])
        assert exc.value.reason == "Requested node configuration is not available"
        assert "Batch job submission failed" in exc.value.stderr

    def test_unknown_partition_is_refused_by_sbatch(self, user_cli, job_dir):
        with pytest.raises(SbatchError, match="Invalid partition name specified"):
            user_cli.submit("#!/bin/sh\necho x\n", options=["-p", "nope", "-D", str(job_dir)])

    def test_exit_3_is_failed_with_exit_code_3(self, user_cli, job_dir, jobcomp_path):
        job_id = user_cli.submit(
            "#!/bin/sh\necho bad >&2\nexit 3\n",
            options=["-p", "normal", "-D", str(job_dir), "-e", str(job_dir / "err-%j")],
        )
        j, _ = wait_for(user_cli, job_id, until=DONE)
        assert (j.state, j.exit_code, j.signal) == ("FAILED", 3, 0)
        assert j.time_limit_minutes is None
        assert Path(j.std_err).read_text() == "bad\n"
        if jobcomp_path is not None:
            done = by_id(user_cli.completed_from_jobcomp(jobcomp_path))
            assert (done[job_id].state, done[job_id].exit_code) == ("FAILED", 3)

    def test_array_tasks(self, user_cli, job_dir):
        job_id = user_cli.submit(
            "#!/bin/sh\necho task $SLURM_ARRAY_TASK_ID\n",
            options=["--array=0-2", "-D", str(job_dir), "-o", str(job_dir / "a-%A_%a.out")],
        )
        for i in range(3):
            t, _ = wait_for(user_cli, f"{job_id}_{i}", until=DONE, timeout=45)
            assert (t.state, t.array_job_id, t.array_task_id) == ("COMPLETED", int(job_id), i)
            assert Path(t.std_out).read_text() == f"task {i}\n"

    def test_partitions_and_nodes(self, slurm_cli):
        parts = {p.name: p for p in slurm_cli.partitions()}
        assert parts["debug"].default
        assert parts["debug"].max_time_minutes == 30
        assert parts["normal"].max_time_minutes is None
        nodes = slurm_cli.nodes()
        assert len(nodes) == 1
        assert nodes[0].cpus == parts["debug"].total_cpus
        assert nodes[0].state in {"IDLE", "MIXED", "ALLOCATED"}

    def test_unknown_job_is_none_and_cancel_of_it_is_quiet(self, slurm_cli):
        assert slurm_cli.job("999999") is None
        slurm_cli.cancel(["999999"])
        slurm_cli.cancel([])
        with pytest.raises(SlurmCommandError, match="Invalid job id"):
            slurm_cli.cancel(["abc"])
