"""The Slurm engine's translations and rules that need no cluster: GAP_* → sbatch options,
Slurm states and jobs → engine records, partitions → queues, the ledger, path and id rules,
and the start-up errors. Runs everywhere (the live behaviour is in test_slurm_engine.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from scnet_hpc.mock import create_app
from scnet_hpc.mock.app.handlers.submit import job_request
from scnet_hpc.mock.engines.base import ACTIVE_STATES, JobRequest
from scnet_hpc.mock.engines.slurm.cli import (
    parse_scontrol_partitions,
    parse_sinfo_json_nodes,
    parse_squeue_json,
)
from scnet_hpc.mock.engines.slurm.engine import (
    SlurmEngineError,
    _inside,
    _names,
    slurm_environment,
)
from scnet_hpc.mock.engines.slurm.ledger import Ledger, LedgerEntry
from scnet_hpc.mock.engines.slurm.mapping import (
    batch_script,
    engine_state,
    gres_count,
    job_record,
    queue_info,
    sbatch_options,
    slurm_time,
)

FIXTURES = Path(__file__).parent / "fixtures"


def request(**changes: object) -> JobRequest:
    base: dict[str, object] = {
        "user": "demo",
        "account": "acct",
        "name": "job one",
        "queue": "debug",
        "command": "echo hi",
        "work_dir": "/h/demo/w",
        "walltime": 3723,
        "stdout_pattern": "/h/demo/w/std.out.%j",
        "stderr_pattern": "/h/demo/w/std.err.%j",
        "nodes": 2,
        "cores_per_node": 4,
    }
    base.update(changes)
    return JobRequest(**base)  # type: ignore[arg-type]


class TestSbatchOptions:
    def test_every_field_has_its_option(self):
        opts = sbatch_options(
            request(gpus_per_node=2, dcus_per_node=1, mem_per_node_mb=4096, exclusive=True)
        )
        assert opts == [
            "--job-name=job one",
            "--partition=debug",
            "--account=acct",
            "--chdir=/h/demo/w",
            "--output=/h/demo/w/std.out.%j",
            "--error=/h/demo/w/std.err.%j",
            "--time=01:02:03",
            "--export=ALL",
            "--nodes=2",
            "--ntasks-per-node=4",
            "--gres=gpu:2,dcu:1",
            "--mem=4096M",
            "--exclusive",
        ]

    def test_node_list_and_total_cores(self):
        opts = sbatch_options(
            request(nodes=None, node_list=("n01", "n02"), cores_per_node=None, total_cores=6)
        )
        assert "--nodelist=n01,n02" in opts
        assert "--nodes=2" in opts
        assert "--ntasks=6" in opts
        assert not any(o.startswith("--ntasks-per-node") for o in opts)

    def test_optional_options_are_left_out_when_not_asked_for(self):
        opts = sbatch_options(request())
        assert not any(o.startswith(("--gres", "--mem", "--exclusive", "--array")) for o in opts)

    @pytest.mark.parametrize(
        ("size", "option"), [(0, None), (2, "--array=0-1"), (50, "--array=0-49")]
    )
    def test_arrays(self, size, option):
        arrays = [o for o in sbatch_options(request(array_size=size)) if o.startswith("--array")]
        assert arrays == ([option] if option else [])

    @pytest.mark.parametrize(
        ("seconds", "text"), [(0, "00:00:00"), (59, "00:00:59"), (86400 + 61, "1-00:01:01")]
    )
    def test_slurm_time(self, seconds, text):
        assert slurm_time(seconds) == text

    def test_batch_script(self):
        assert batch_script("echo a\nhostname\n\n") == "#!/bin/bash\necho a\nhostname\n"


class TestMultiSubHook:
    """GAP_MULTI_SUB reaches the engine only if the engine says it runs arrays."""

    INFO = {  # noqa: RUF012
        "GAP_CMD_FILE": "echo",
        "GAP_NNODE": "1",
        "GAP_SUBMIT_TYPE": "cmd",
        "GAP_JOB_NAME": "a",
        "GAP_WORK_DIR": "/h",
        "GAP_QUEUE": "debug",
        "GAP_PPN": "1",
        "GAP_WALL_TIME": "00:01:00",
        "GAP_APPNAME": "BASE",
        "GAP_MULTI_SUB": "3",
    }

    def test_array_size_with_arrays(self):
        req = job_request("BASIC", "BASE", self.INFO, user="u", account="u", arrays=True)
        assert req.array_size == 3

    def test_refused_without(self):
        with pytest.raises(Exception, match="GAP_MULTI_SUB"):
            job_request("BASIC", "BASE", self.INFO, user="u", account="u")

    @pytest.mark.parametrize("value", ["x", "-2", "1.5"])
    def test_malformed_length(self, value):
        info = {**self.INFO, "GAP_MULTI_SUB": value}
        with pytest.raises(Exception, match="GAP_MULTI_SUB"):
            job_request("BASIC", "BASE", info, user="u", account="u", arrays=True)

    @pytest.mark.parametrize("value", ["", "0", "1"])
    def test_zero_and_one_are_a_plain_job(self, value):
        info = {**self.INFO, "GAP_MULTI_SUB": value}
        req = job_request("BASIC", "BASE", info, user="u", account="u", arrays=True)
        assert req.array_size == 0


class TestStates:
    @pytest.mark.parametrize("word", sorted(ACTIVE_STATES))
    def test_active_words_pass(self, word):
        assert engine_state(word) == word

    @pytest.mark.parametrize(
        "word", ["COMPLETED", "FAILED", "CANCELLED", "TIMEOUT", "NODE_FAIL", "OUT_OF_MEMORY"]
    )
    def test_terminal_words_pass(self, word):
        assert engine_state(word) == word

    @pytest.mark.parametrize(
        ("word", "mapped"),
        [
            ("REQUEUED", "PENDING"),
            ("REQUEUE_HOLD", "PENDING"),
            ("RESIZING", "RUNNING"),
            ("SIGNALING", "COMPLETING"),
            ("STAGE_OUT", "COMPLETING"),
            ("STOPPED", "SUSPENDED"),
            ("SOMETHING_NEW", "PENDING"),
        ],
    )
    def test_transient_words_are_never_finished(self, word, mapped):
        assert engine_state(word) == mapped
        assert mapped in ACTIVE_STATES


def _record(job, **kw):
    defaults = {
        "scheduler_id": 7,
        "user": "demo",
        "account": "demo",
        "command": "echo",
        "app_name": "BASE",
        "gpus_per_node": 0,
        "dcus_per_node": 0,
        "mem_per_node_mb": None,
        "exclusive": False,
        "stdout_path": "/ledger/out",
        "stderr_path": "/ledger/err",
    }
    defaults.update(kw)
    return job_record(job, **defaults)


@pytest.fixture(scope="module")
def active():
    return {j.job_id: j for j in parse_squeue_json((FIXTURES / "squeue_active.json").read_text())}


@pytest.fixture(scope="module")
def finished():
    text = (FIXTURES / "squeue_finished.json").read_text()
    return {j.job_id: j for j in parse_squeue_json(text)}


class TestJobRecords:
    """Records built from squeue --json output captured on 22.05.8 (fixtures/README.md)."""

    def test_completed(self, finished):
        rec = _record(finished["1"], user="api-user")
        assert (rec.job_id, rec.user, rec.state, rec.queue) == (
            "1",
            "api-user",
            "COMPLETED",
            "debug",
        )
        assert rec.finished
        assert (rec.start_time, rec.end_time) == (1795868675, 1795868675)
        assert (rec.exit_code, rec.signal) == (0, 0)
        assert rec.walltime == 30 * 60
        assert rec.nodes == ("vm",)
        assert rec.stdout_path == "/tmp/fxw/hello-1.out"  # Slurm's expanded path wins
        assert rec.reason == "None"

    def test_failed_exit_code_is_decoded(self, finished):
        rec = _record(finished["2"])
        assert (rec.state, rec.exit_code, rec.signal) == ("FAILED", 3, 0)

    def test_pending_has_no_start_and_no_nodes(self, active):
        rec = _record(active["6"])
        assert rec.state == "PENDING"
        assert rec.start_time is None  # squeue's start_time for a pending job is a forecast
        assert rec.end_time is None
        assert rec.nodes == ()
        assert rec.exit_code is None

    def test_running_has_no_end_yet(self, active):
        rec = _record(active["5"])
        assert rec.state == "RUNNING"
        assert rec.start_time is not None
        assert rec.end_time is None

    def test_cancelled_while_pending_ran_zero_seconds(self, finished):
        rec = _record(finished["6"])
        assert rec.state == "CANCELLED"
        assert rec.start_time == rec.end_time

    def test_timeout(self, finished):
        assert _record(finished["4"]).state == "TIMEOUT"

    def test_pending_array_record_keeps_its_grouped_id(self, active):
        grouped = [j for j in active if j.startswith("7_[")]
        assert grouped
        assert _record(active[grouped[0]]).job_id == grouped[0]


class TestQueues:
    def test_partitions_become_queues_with_their_limits(self):
        parts = parse_scontrol_partitions((FIXTURES / "scontrol_show_partition.txt").read_text())
        nodes = parse_sinfo_json_nodes((FIXTURES / "sinfo.json").read_text())
        queues = {p.name: queue_info(p, nodes) for p in parts}
        debug, normal = queues["debug"], queues["normal"]
        assert debug.nodes == ("vm",)
        assert debug.cores_per_node == 2
        assert debug.max_walltime == 30 * 60
        assert normal.max_walltime is None
        assert debug.max_cores_per_job == 2
        assert (debug.free_nodes, debug.free_cores) == (1, 2)
        assert debug.enabled
        assert debug.gpus_per_node == 0

    def test_busy_and_drained_nodes(self):
        parts = parse_scontrol_partitions((FIXTURES / "scontrol_show_partition.txt").read_text())
        raw = json.loads((FIXTURES / "sinfo.json").read_text())
        node = raw["nodes"][0]
        node.update(alloc_cpus=1, state="mixed")
        mixed = queue_info(parts[0], parse_sinfo_json_nodes(json.dumps(raw)))
        assert (mixed.free_nodes, mixed.free_cores) == (0, 1)
        node.update(alloc_cpus=0, state="idle", state_flags=["DRAIN"])
        drained = queue_info(parts[0], parse_sinfo_json_nodes(json.dumps(raw)))
        assert (drained.free_nodes, drained.free_cores) == (0, 0)

    @pytest.mark.parametrize(
        ("gres", "kind", "count"),
        [
            ("", "gpu", 0),
            ("gpu:2", "gpu", 2),
            ("gpu:a100:4(S:0-1),dcu:8", "gpu", 4),
            ("gpu:a100:4(S:0-1),dcu:8", "dcu", 8),
            ("gpu:a:1,gpu:b:2", "gpu", 3),
        ],
    )
    def test_gres_counts(self, gres, kind, count):
        assert gres_count(gres, kind) == count


class TestRules:
    @pytest.mark.parametrize(
        ("record", "asked", "expected"),
        [
            ("12", "12", True),
            ("12_3", "12", True),
            ("12_3", "12_3", True),
            ("12_3", "12_4", False),
            ("12_[4-9%2]", "12_5", True),
            ("12_[4-9%2]", "12_10", False),
            ("12_[1,3]", "12_3", True),
            ("123", "12", False),
            ("13", "12", False),
        ],
    )
    def test_which_ids_name_which_records(self, record, asked, expected):
        assert _names(record, asked) is expected

    def test_inside_home(self, tmp_path):
        home = tmp_path / "home"
        (home / "d").mkdir(parents=True)
        (tmp_path / "outside").mkdir()
        (home / "escape").symlink_to(tmp_path / "outside")
        assert _inside(str(home), str(home))
        assert _inside(str(home / "d" / "new" / "file"), str(home))
        assert not _inside(str(home / ".." / "outside"), str(home))
        assert not _inside(str(home / "escape" / "x"), str(home))
        assert not _inside(str(tmp_path / "home2"), str(home))
        assert not _inside("/etc/passwd", str(home))


class TestLedger:
    def entry(self, job_id: str, user: str = "demo") -> LedgerEntry:
        return LedgerEntry(
            job_id=job_id,
            scheduler_id=1,
            user=user,
            account=user,
            name="n",
            command="echo",
            work_dir="/w",
            stdout_pattern="/w/o",
            stderr_pattern="/w/e",
            submitted_at=100,
        )

    def test_survives_a_restart_and_sees_other_writers(self, tmp_path):
        path = tmp_path / "l" / "jobs.jsonl"
        first, second = Ledger(path), Ledger(path)
        first.add(self.entry("1"))
        assert second.get("1") == self.entry("1")
        second.add(self.entry("2", user="other"))
        assert first.snapshot().keys() == {"1", "2"}
        assert Ledger(path).get("2") == self.entry("2", user="other")

    def test_bad_and_partial_lines_are_skipped(self, tmp_path):
        path = tmp_path / "jobs.jsonl"
        Ledger(path).add(self.entry("1"))
        with path.open("a") as f:
            f.write("not json\n")
            f.write('{"job_id": "3"}\n')  # missing fields
            f.write('{"job_id": "4", "half')  # still being written
        assert Ledger(path).snapshot().keys() == {"1"}

    def test_memory_only(self):
        ledger = Ledger(None)
        ledger.add(self.entry("9"))
        assert ledger.get("9") is not None


class TestStartUp:
    def test_no_cluster_configured(self, tmp_path):
        with pytest.raises(SlurmEngineError, match="make slurm-up"):
            slurm_environment({}, search=[tmp_path])

    def test_env_file_is_found(self, tmp_path):
        conf = tmp_path / "slurm.conf"
        conf.write_text("ClusterName=x\n")
        (tmp_path / ".slurm").mkdir()
        (tmp_path / ".slurm" / "env").write_text(
            f"# comment\nexport SLURM_CONF={conf}\nexport SCNET_SLURM_STATE_DIR={tmp_path}\n"
        )
        found = slurm_environment({}, search=[tmp_path])
        assert found == {"SLURM_CONF": str(conf), "SCNET_SLURM_STATE_DIR": str(tmp_path)}

    def test_missing_config_file_fails_at_once(self, tmp_path):
        # Slurm's own clients would retry a missing file for a minute
        with pytest.raises(SlurmEngineError, match="does not exist: run `make slurm-up`"):
            slurm_environment({"SLURM_CONF": str(tmp_path / "nope.conf")})

    def test_create_app_reports_it(self, monkeypatch, tmp_path):
        monkeypatch.setenv("SLURM_CONF", str(tmp_path / "nope.conf"))
        with pytest.raises(ValueError, match="make slurm-up"):
            create_app(engine="slurm")

    def test_the_slurm_deployment_is_the_default_for_the_slurm_engine(self, monkeypatch):
        from scnet_hpc.mock.app import application as _app

        seen = {}

        def fake(deployment, clock):
            seen["source"] = deployment.source
            raise SlurmEngineError("stop here")

        monkeypatch.setattr("scnet_hpc.mock.engines.slurm.engine.create_engine", fake)
        with pytest.raises(SlurmEngineError):
            create_app(engine="slurm")
        assert seen["source"] == str(_app.ENGINE_DEPLOYMENTS["slurm"])
