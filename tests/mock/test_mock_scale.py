"""The simulated engine with many jobs: the same answers as going through every job, at a cost
that does not grow with the jobs held (counted in work done, not timed: timing belongs to
bench/, where ``mock_submit_p99_ms_after_20k_jobs`` is the figure)."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

import pytest
import yaml

from scnet_hpc.mock import DEFAULT_DEPLOYMENT, Clock, create_app, load_deployment
from scnet_hpc.mock.app.render import HISTORY_FIELDS, history_order, history_row
from scnet_hpc.mock.engines.base import JobRecord, JobRequest
from scnet_hpc.mock.engines.simulated.engine import SimulatedEngine
from scnet_hpc.mock.engines.simulated.lanes import Lanes
from scnet_hpc.mock.testing import sync_client

SCHED = 1638523853


def deployment(users: dict[str, dict[str, int]]) -> Any:
    """The default deployment with these cluster users (name -> limits) in its first region."""
    raw = copy.deepcopy(yaml.safe_load(DEFAULT_DEPLOYMENT.read_text(encoding="utf-8")))
    raw["users"] = [
        {
            "name": f"p-{name}",
            "access_key": f"ak-{name}",
            "secret_key": f"sk-{name}",
            "user_id": str(i),
            "regions": [
                {
                    "region": 11250,
                    "cluster_user": name,
                    "home": f"/public/home/{name}",
                    "limits": {"max_submit_jobs": -1, **limits},
                }
            ],
        }
        for i, (name, limits) in enumerate(users.items())
    ]
    return load_deployment(raw)


def request(
    user: str,
    command: str = "sleep 600",
    *,
    cores: int = 1,
    queue: str = "normal",
    stdout: str = "std.out.%j",
) -> Any:
    home = f"/public/home/{user}"
    return JobRequest(
        user=user, account=user, name="j", queue=queue, command=command, work_dir=home,
        walltime=1200, stdout_pattern=f"{home}/{stdout}", stderr_pattern=f"{home}/std.err.%j",
        nodes=1, cores_per_node=cores,
    )  # fmt: skip


def reasons(engine: SimulatedEngine, *job_ids: str) -> list[str]:
    by_id = {r.job_id: r for r in engine.realtime_jobs(SCHED)}
    assert [engine.realtime_job(SCHED, j) for j in job_ids] == [by_id[j] for j in job_ids]
    return [by_id[j].reason for j in job_ids]


@pytest.fixture
def visits(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Job ids the dispatcher looked at (asked whether the user may start one more job)."""
    seen: list[str] = []
    original = SimulatedEngine._user_block

    def spy(self: SimulatedEngine, s: Any, rec: JobRecord) -> str | None:
        seen.append(rec.job_id)
        return original(self, s, rec)

    monkeypatch.setattr(SimulatedEngine, "_user_block", spy)
    return seen


@pytest.mark.parametrize("waiting", [100, 20_000])
def test_a_submit_costs_the_same_with_100_or_20000_jobs_waiting(
    waiting: int, visits: list[str]
) -> None:
    clock = Clock(speed=0, start=1_800_000_000)
    engine = SimulatedEngine(deployment({"demo": {"max_running_jobs": 100}}), clock)
    for _ in range(100 + waiting):
        engine.submit(SCHED, request("demo"))
    clock.advance(1)
    assert len(engine.realtime_jobs(SCHED, user="demo")) == 100 + waiting  # all dispatched once
    visits.clear()
    for _ in range(10):  # submits, each followed by the dispatch of the one before it
        engine.submit(SCHED, request("demo"))
        clock.advance(1)
    assert visits == []  # the user is at the running-job limit: nothing to look at
    assert reasons(engine, str(35900 + 100 + waiting + 9)) == ["QOSMaxJobsPerUserLimit"]
    clock.advance(600)  # the 100 running jobs end; the next 100 start, the rest still wait
    running = [r for r in engine.realtime_jobs(SCHED) if r.state == "RUNNING"]  # (replayed now)
    assert len(visits) == 100
    assert [r.job_id for r in running] == [str(35900 + 100 + i) for i in range(100)]


def test_reasons_of_jobs_the_dispatcher_skips(visits: list[str]) -> None:
    clock = Clock(speed=0, start=1_800_000_000)
    engine = SimulatedEngine(deployment({"a": {"max_running_jobs": 1}, "b": {}}), clock)
    big = {"cores": 32, "queue": "debug"}
    a1 = engine.submit(SCHED, request("a", **big))
    b1 = engine.submit(SCHED, request("b", **big))
    clock.advance(1)  # both run: debug's two nodes have no free core
    assert reasons(engine, a1, b1) == ["None", "None"]  # (the engine replays time on a call)
    visits.clear()
    a2 = engine.submit(SCHED, request("a", queue="debug"))  # a: at its limit
    b2 = engine.submit(SCHED, request("b", queue="debug"))  # b: finds debug full
    a3 = engine.submit(SCHED, request("a", queue="debug"))  # behind a full queue
    b3 = engine.submit(SCHED, request("b", queue="debug"))
    b4 = engine.submit(SCHED, request("b", queue="debug"))
    clock.advance(1)
    assert reasons(engine, a1, b1) == ["None", "None"]
    assert visits == [b2]  # the only job looked at: the one that found debug full
    assert reasons(engine, a2, b2, a3, b3, b4) == [
        "QOSMaxJobsPerUserLimit",  # a at its limit, before anyone found debug full
        "Resources", "Resources", "Resources", "Resources",  # at or behind that point
    ]  # fmt: skip
    fresh = engine.submit(SCHED, request("b", queue="debug"))
    assert reasons(engine, fresh) == ["Priority"]  # not eligible before a second has passed
    visits.clear()
    engine.cancel(SCHED, "b", [b1])  # a node frees up: b's jobs start, a's still may not
    assert visits == [b2, b3, b4]
    states = {r.job_id: r.state for r in engine.realtime_jobs(SCHED)}
    assert [states[j] for j in (b2, b3, b4, fresh)] == ["RUNNING"] * 3 + ["PENDING"]
    assert reasons(engine, a2, a3) == ["QOSMaxJobsPerUserLimit"] * 2


def test_indexes_per_user_answer_like_a_scan() -> None:
    clock = Clock(speed=0, start=1_800_000_000)
    engine = SimulatedEngine(deployment({"a": {}, "b": {"max_running_jobs": 2}}), clock)
    for i in range(30):
        user = "ab"[i % 2]
        stdout = "again.out" if i % 3 == 0 else "std.out.%j"  # some overwrite one file
        engine.submit(SCHED, request(user, f"sleep {i * 7}; seq {i}", stdout=stdout))
        clock.advance(5)
    engine.cancel(SCHED, "a", [r.job_id for r in engine.realtime_jobs(SCHED, user="a")][-3:])
    clock.advance(200)
    everything = engine.realtime_jobs(SCHED)
    history = engine.history_jobs(SCHED)
    assert history
    assert everything
    for user in "ab":
        assert engine.realtime_jobs(SCHED, user=user) == [r for r in everything if r.user == user]
        assert engine.history_jobs(SCHED, user=user) == [r for r in history if r.user == user]
        assert all(engine.history_job(SCHED, r.job_id) == r for r in history)
        files = engine._scheds[SCHED].files.values()
        written = sum(len(line) + 1 for f in files if f.owner == user for line in f.lines)
        assert written > 0
        assert engine._scheds[SCHED].written_by_user[user] == written
    assert engine.history_job(SCHED, "1") is None


def rec(job_id: str, **fields: Any) -> JobRecord:
    base: dict[str, Any] = {
        "job_id": job_id, "scheduler_id": 1, "name": "n", "user": "u", "account": "u",
        "queue": "q", "state": "COMPLETED", "reason": "None", "submit_time": 1_800_000_000,
        "start_time": 1_800_000_010, "end_time": 1_800_000_100, "walltime": 60, "num_nodes": 1,
        "num_cores": 1,
    }  # fmt: skip
    return JobRecord(**{**base, **fields})


def test_history_sorts_records_as_their_rows_would_sort() -> None:
    records = [
        rec("35910", end_time=1_800_000_100, start_time=None, name="b", num_cores=8),
        rec("35902", end_time=1_800_000_100, exit_code=1, queue="debug", nodes=("n2", "n1")),
        rec("35903", end_time=1_800_000_099, submit_time=1_799_999_000, state="CANCELLED"),
        rec("35904", end_time=1_800_000_101, start_time=1_800_000_100, name="a"),
        rec("9", end_time=1_800_000_100, signal=15, state="TIMEOUT", num_cores=16),
        rec("100000", end_time=1_799_000_000, work_dir="/z", num_nodes=3),
    ]

    def by_row(name: str) -> Callable[[JobRecord], tuple[int, Any]]:
        def key(r: JobRecord) -> tuple[int, Any]:
            value = history_row(r)[name]  # numbers (also numeric text) first, then text
            if isinstance(value, int | float):
                return (0, value)
            try:
                return (0, float(str(value)))
            except ValueError:
                return (1, str(value))

        return key

    by_id = sorted(records, key=lambda r: int(r.job_id))
    for name in HISTORY_FIELDS:
        for descending in (False, True):
            expected = sorted(by_id, key=by_row(name), reverse=descending)
            assert sorted(by_id, key=history_order(name), reverse=descending) == expected, name


def test_looking_up_one_job_does_not_go_through_every_job(monkeypatch: pytest.MonkeyPatch) -> None:
    clock = Clock(speed=0)
    app = create_app(clock=clock)
    state = app.state.mock
    calls: list[str] = []
    engine = state.engine
    for method in ("realtime_jobs", "history_jobs"):
        original = getattr(engine, method)

        def spy(*args: Any, _name: str = method, _original: Any = original, **kw: Any) -> Any:
            calls.append(_name)
            return _original(*args, **kw)

        monkeypatch.setattr(engine, method, spy)
    headers = {"token": state.mint_token()}
    info = {
        "GAP_CMD_FILE": "echo hi", "GAP_NNODE": "1", "GAP_PPN": "1", "GAP_SUBMIT_TYPE": "cmd",
        "GAP_JOB_NAME": "j", "GAP_WORK_DIR": "/public/home/demo", "GAP_QUEUE": "debug",
        "GAP_WALL_TIME": "00:10:00", "GAP_APPNAME": "BASE",
    }  # fmt: skip
    with sync_client(app) as http:
        body = {"strJobManagerID": state.scheduler_id, "mapAppJobInfo": info}
        submitted = http.post(
            "/hpc/openapi/v2/apptemplates/BASIC/BASE/job", json=body, headers=headers
        ).json()
        job_id = submitted["data"]
        listed = http.get(
            "/hpc/openapi/v2/jobs",
            params={"strClusterIDList": state.scheduler_id, "strJobId": job_id},
            headers=headers,
        ).json()["data"]
        assert [j["jobId"] for j in listed["list"]] == [job_id]
        clock.advance(10)
        window = {"startTime": "2000-01-01 00:00:00", "endTime": "2100-01-01 00:00:00"}
        found = http.get(
            "/hpc/openapi/v2/historyjobs",
            params={
                "strClusterNameList": state.scheduler_id,
                "timeType": "CUSTOM",
                "start": 0,
                "limit": 10,
                "isQueryByQueueTime": "false",
                "jobId": job_id,
                **window,
            },
            headers=headers,
        ).json()["data"]
        assert [j["jobId"] for j in found["list"]] == [job_id]
        assert calls == []
        everyone = http.get(
            "/hpc/openapi/v2/jobs", params={"strClusterIDList": state.scheduler_id},
            headers=headers,
        ).json()["data"]  # fmt: skip
        assert everyone["total"] == 1
        assert calls == ["realtime_jobs"]


def test_jobs_become_eligible_in_submit_order_when_ids_grow_a_digit(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Jobs submitted in one second became eligible in the order of their ids as *text*: past
    # 99999, "100000" came before "99995", and every such job made the dispatcher re-sort its
    # whole lane (a 50 s stall with the default deployment's ids at ~64,000 jobs held).
    raw = yaml.safe_load(DEFAULT_DEPLOYMENT.read_text(encoding="utf-8"))
    raw["regions"][0]["schedulers"][0]["first_job_id"] = 99_990
    for user in raw["users"]:
        for region in user.get("regions", []):
            region.setdefault("limits", {})["max_submit_jobs"] = -1
    clock = Clock(speed=0)
    engine = SimulatedEngine(load_deployment(raw), clock)
    entered: list[int] = []
    original = Lanes.enter

    def spy(self: Lanes, rec: JobRecord) -> None:
        entered.append(int(rec.job_id))
        original(self, rec)

    monkeypatch.setattr(Lanes, "enter", spy)
    ids = [int(engine.submit(SCHED, request("demo"))) for _ in range(20)]
    assert ids[0] == 99_990
    assert ids[-1] == 100_009
    clock.advance(2)
    engine.realtime_jobs(SCHED)
    assert entered == ids
