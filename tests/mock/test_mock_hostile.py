"""Attacks on the mock by a second API user of the same deployment (issue 12): one user's hostile
input must never degrade the service for another, nor reach another user's files.

Two users share one small queue (``two_users``): ``alice`` attacks, ``bob`` keeps working.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest

from scnet_hpc.mock import Clock, create_app
from scnet_hpc.mock.testing import sync_client

from .mock_contract import Api, one_region_deployment

SCHEDULER = 7
CORES = 4  # the queue's one node


def _user(name: str) -> dict[str, Any]:
    return {
        "name": name,
        "access_key": f"{name}-ak",
        "secret_key": f"{name}-sk",
        "regions": [{"region": 1, "cluster_user": name, "home": f"/public/home/{name}"}],
    }


@contextmanager
def two_users(clock: Clock, **settings: Any) -> Iterator[tuple[Any, Api, Api]]:
    """(app, alice, bob) on one region whose queue ``q`` has one 4-core node."""
    raw = one_region_deployment([_user("alice"), _user("bob")])
    if settings:
        raw["settings"] = settings
    app = create_app(raw, clock=clock)
    mock = app.state.mock
    with sync_client(app) as client:
        days = 100 * 86400  # tokens outlive the simulated weeks of the retention tests
        alice = Api(client, mock.mint_token("alice", 1, lifetime=days), SCHEDULER)
        bob = Api(client, mock.mint_token("bob", 1, lifetime=days), SCHEDULER)
        yield app, alice, bob


def job(user: str, **overrides: str) -> dict[str, str]:
    info = {"GAP_QUEUE": "q", "GAP_WORK_DIR": f"/public/home/{user}/work"}
    info.update(overrides)
    return info


def free_cores(app: Any) -> int:
    return sum(q.free_cores for q in app.state.mock.engine.queues(SCHEDULER))


# ---------------------------------------------------------------- 1: one job breaks the scheduler


def test_an_endless_sleep_is_bounded_and_the_scheduler_keeps_serving(clock: Clock) -> None:
    """``sleep 999...9`` (400 digits) is infinity as a float: round() raised OverflowError in
    dispatch under the engine lock, the core stayed taken, and every later call answered 10001."""
    endless = "sleep " + "9" * 400
    with two_users(clock) as (app, alice, bob):
        ids = []
        for _ in range(3):  # retries must not leak cores either
            body = alice.submit(**job("alice", GAP_CMD_FILE=endless, GAP_WALL_TIME="00:10:00"))
            assert body["code"] == "0", body
            ids.append(body["data"])
            clock.advance(2)
            assert bob.jobs()["total"] == 0  # code "0" for the other user
        assert {alice.job(i)["jobStatus"] for i in ids} == {"statR"}
        assert free_cores(app) == CORES - 3
        clock.advance(600)  # the walltime ends an endless job, as it would on Slurm
        states = {alice.job(i)["jobInitAttr"]["JobState"] for i in ids}
        assert states == {"TIMEOUT"}
        assert free_cores(app) == CORES
        bob.submit_ok(**job("bob", GAP_CMD_FILE="sleep 5"))


@pytest.mark.parametrize(
    "command",
    [
        "sleep 1e400",
        "sleep " + "9" * 400 + "d",
        "sleep 99999999999999999999999999999999999999d; sleep 9999999999999999999d",
        "sleep 0." + "9" * 5000,
        "; ".join(["sleep 999999999999d"] * 200),
    ],
)
def test_huge_sleeps_never_break_dispatch(clock: Clock, command: str) -> None:
    with two_users(clock) as (app, alice, bob):
        body = alice.submit(**job("alice", GAP_CMD_FILE=command, GAP_WALL_TIME="00:01:00"))
        assert body["code"] == "0", body
        clock.advance(2)
        assert bob.jobs()["total"] == 0
        assert alice.jobs()["total"] == 1
        clock.advance(100)  # past the 1-minute walltime, within the realtime retention
        assert free_cores(app) == CORES
        assert alice.jobs()["list"][0]["jobStatus"] == "statC"


def test_a_walltime_of_millions_of_days_is_refused_naming_the_cap(clock: Clock) -> None:
    with two_users(clock) as (_app, alice, bob):
        body = alice.submit(**job("alice", GAP_WALL_TIME="99999999999999999999-00:00:00"))
        assert body["code"] == "10004", body
        assert "GAP_WALL_TIME" in body["msg"]
        assert "365-00:00:00" in body["msg"]
        assert bob.jobs()["total"] == 0


def test_a_job_that_fails_to_start_fails_alone(clock: Clock, monkeypatch: Any) -> None:
    """Whatever goes wrong starting one job marks that job failed; cores are not taken and the
    engine keeps serving (the isolation, not only the known trigger)."""
    from scnet_hpc.mock.engines.simulated import engine as simulated

    real = simulated.simulate

    def explode(command: str, **kw: Any) -> Any:
        if "boom" in command:
            raise RuntimeError("boom")
        return real(command, **kw)

    monkeypatch.setattr(simulated, "simulate", explode)
    with two_users(clock) as (app, alice, bob):
        bad = alice.submit_ok(**job("alice", GAP_CMD_FILE="echo boom"))
        good = bob.submit_ok(**job("bob", GAP_CMD_FILE="sleep 30"))
        clock.advance(2)
        assert bob.job(good)["jobStatus"] == "statR"
        failed = alice.job(bad)
        assert failed["jobStatus"] == "statC"
        assert failed["jobInitAttr"]["JobState"] == "FAILED"
        assert free_cores(app) == CORES - 1
        assert alice.history()["total"] == 1


def test_a_program_is_bounded_in_bytes_and_commands() -> None:
    """``seq`` of 4000-digit numbers printed 100,000 lines of 4 kB (400 MB); a 1 MiB script of
    ``true;`` held the engine for seconds."""
    from scnet_hpc.mock.engines.simulated.program import (
        MAX_COMMANDS,
        MAX_OUTPUT_BYTES,
        simulate,
    )

    def run(command: str) -> Any:
        return simulate(command, default_runtime=3, node="n1", user="u", work_dir="/w", start=0)

    big = "1" + "0" * 3999
    printed = run(f"seq {big} 2{big[1:]}").output
    assert sum(len(line) + 1 for o in printed for line in o.lines) <= MAX_OUTPUT_BYTES
    assert sum(len(o.lines) for o in printed) > 1000
    many = run("echo x;" * (MAX_COMMANDS + 5)).output
    assert sum(len(o.lines) for o in many) == MAX_COMMANDS


# ---------------------------------------------------------------- 3: node ranges


def test_a_huge_node_range_is_refused_before_it_is_expanded(clock: Clock) -> None:
    """``dbg[0-3000000]`` took 2.9 s and 457 MB (blocking every other request); it is counted,
    not built, and refused naming the field and the cap."""
    import tracemalloc

    with two_users(clock) as (_app, alice, bob):
        tracemalloc.start()
        try:
            body = alice.submit(**job("alice", GAP_NNODE="", GAP_NODE_STRING="dbg[0-3000000]"))
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
        assert body["code"] == "10004", body
        assert "GAP_NODE_STRING" in body["msg"]
        assert "3000001" in body["msg"]
        assert "10000" in body["msg"]
        assert peak < 20 * 1024 * 1024
        assert bob.jobs()["total"] == 0


@pytest.mark.parametrize(
    "hostlist",
    ["x[0-99999999]", "n[1-5000],m[1-5001]", "a[0-9" + "9" * 5000 + "]", ",".join(["n1"] * 10001)],
)
def test_hostlists_are_counted_before_they_are_built(hostlist: str) -> None:
    from scnet_hpc.mock.engines.slurm_syntax import MAX_HOSTS, expand_hostlist, hostlist_size

    with pytest.raises(ValueError, match=r"hosts, more than|digits"):
        expand_hostlist(hostlist)
    if "9" * 100 not in hostlist:
        assert hostlist_size(hostlist) > MAX_HOSTS
    assert len(expand_hostlist("n[1-5000],m[1-5000]")) == MAX_HOSTS


def test_a_deployment_queue_of_millions_of_nodes_is_refused_naming_the_queue() -> None:
    from scnet_hpc.mock.deployment.model import DeploymentError, load_deployment

    raw = one_region_deployment([_user("alice")])
    raw["regions"][0]["schedulers"][0]["queues"][0]["nodes"] = ["n[0-3000000]"]
    with pytest.raises(DeploymentError, match=r"queue 'q' nodes: names 3000001 hosts.*10000"):
        load_deployment(raw)
    raw["regions"][0]["schedulers"][0]["queues"][0]["nodes"] = ["a[1-6000]", "b[1-6000]"]
    with pytest.raises(DeploymentError, match=r"queue 'q' nodes: names 12000 hosts"):
        load_deployment(raw)


# ---------------------------------------------------------------- 11: sign-in


def _sign_in(api: Api, headers: dict[str, str]) -> dict[str, Any]:
    return api.call("issue_tokens", token=False, headers=headers)


def test_signed_headers_are_good_once(clock: Clock) -> None:
    """Captured sign-in headers were good for anyone, again and again, for 300 s. Now only
    within REPLAY_GRACE (2 s) of their first use: clients of one user signing in during the same
    second send the same headers."""
    with two_users(clock) as (app, alice, _bob):
        mock = app.state.mock
        headers = mock.sign_in_headers("alice")
        assert _sign_in(alice, headers)["code"] == "0"
        clock.advance(2)
        assert _sign_in(alice, headers)["code"] == "0"  # same second's concurrent client
        clock.advance(1)
        replay = _sign_in(alice, headers)
        assert replay["code"] == "10009", replay
        assert "already used" in replay["msg"]
        clock.advance(290)
        assert _sign_in(alice, headers)["code"] == "10009"
        assert _sign_in(alice, mock.sign_in_headers("alice"))["code"] == "0"  # a fresh signature
        assert _sign_in(alice, mock.sign_in_headers("bob"))["code"] == "0"  # another user's own


def test_the_replay_cache_forgets_what_the_window_refuses_anyway(clock: Clock) -> None:
    with two_users(clock) as (app, alice, _bob):
        mock = app.state.mock
        for _ in range(50):
            assert _sign_in(alice, mock.sign_in_headers("alice"))["code"] == "0"
            clock.advance(1)
        seen = mock.tokens._seen
        assert 0 < len(seen._first_used) <= 50
        clock.advance(2 * 300 + 1)
        assert _sign_in(alice, mock.sign_in_headers("alice"))["code"] == "0"
        assert len(seen._first_used) == len(seen._expiry) == 1


def test_unknown_access_key_and_wrong_signature_read_the_same(clock: Clock) -> None:
    with two_users(clock) as (app, alice, _bob):
        good = app.state.mock.sign_in_headers("alice")
        answers = [
            _sign_in(alice, {**good, "accessKey": "nobody-ak"}),
            _sign_in(alice, {**good, "accessKey": "bob-ak"}),  # bob's key, alice's name
            _sign_in(alice, {**good, "signature": "0" * 64}),
        ]
        assert {a["code"] for a in answers} == {"10009"}
        assert len({a["msg"] for a in answers}) == 1, answers
        assert _sign_in(alice, good)["code"] == "0"  # refusals do not use a signature up


# ---------------------------------------------------------------- 5: output files


def read(api: Api, path: str) -> str:
    data = {"dirPath": path, "triggerNum": "1", "rollDirection": "DOWN"}
    text: str = api.ok("read_file_content", data=data)["data"]
    return text


def test_no_user_takes_over_another_users_output(clock: Clock) -> None:
    """alice pointed GAP_STD_OUT_FILE at bob's output file: her job truncated it and made it
    hers, and bob could no longer read his own output."""
    with two_users(clock) as (_app, alice, bob):
        bobs = bob.submit_ok(**job("bob", GAP_CMD_FILE="echo secret of bob"))
        clock.advance(5)
        path = f"/public/home/bob/work/std.out.{bobs}"
        assert read(bob, path) == "secret of bob\n"
        attempts = [
            {"GAP_STD_OUT_FILE": path},
            {"GAP_STD_ERR_FILE": path},
            {"GAP_STD_OUT_FILE": f"/public/home/alice/../bob/work/std.out.{bobs}"},
            {
                "GAP_JOB_NAME": f"../../bob/work/std.out.{bobs}",
                "GAP_STD_OUT_FILE": "/public/home/alice/%x",
            },
            {"GAP_WORK_DIR": "/public/home/bob/work"},
            {"GAP_WORK_DIR": "/tmp"},
        ]
        for attempt in attempts:
            body = alice.submit(**job("alice", GAP_CMD_FILE="echo mine", **attempt))
            assert body["code"] == "10004", (attempt, body)
            field = next(
                k
                for k in ("GAP_STD_OUT_FILE", "GAP_STD_ERR_FILE", "GAP_WORK_DIR")
                if k in attempt or k == "GAP_STD_OUT_FILE"
            )
            if "GAP_JOB_NAME" in attempt:  # refused before expansion: no name holds a '/'
                assert "GAP_JOB_NAME: must not contain '/'" in body["msg"], body
                continue
            assert "is not inside the home directory /public/home/alice" in body["msg"], body
            assert field in body["msg"] or "GAP_" in body["msg"]
        clock.advance(5)
        assert read(bob, path) == "secret of bob\n"
        assert alice.jobs()["total"] == 0


def test_a_home_nested_in_the_callers_is_not_the_callers(clock: Clock) -> None:
    carol = _user("carol")
    carol["regions"][0]["home"] = "/public/home/alice/carol"
    app = create_app(one_region_deployment([_user("alice"), carol]), clock=clock)
    with sync_client(app) as client:
        alice = Api(client, app.state.mock.mint_token("alice", 1), SCHEDULER)
        body = alice.submit(**job("alice", GAP_STD_OUT_FILE="/public/home/alice/carol/out"))
        assert body["code"] == "10004", body
        assert "GAP_STD_OUT_FILE" in body["msg"]
        alice.submit_ok(**job("alice", GAP_STD_OUT_FILE="/public/home/alice/carolyn/out"))


def test_output_held_per_user_is_capped(clock: Clock) -> None:
    """30 jobs of ``seq 100000`` held +400 MB for good."""
    cap = 2 * 1024 * 1024
    with two_users(clock, output_bytes_per_user=cap) as (app, alice, bob):
        for _ in range(10):
            alice.submit_ok(**job("alice", GAP_CMD_FILE="seq 100000"))
            clock.advance(4)
        s = app.state.mock.engine._scheds[SCHEDULER]
        assert 0 < s.held_by_user["alice"] <= cap
        assert s.written_by_user["alice"] < cap
        held = sum(
            len(line) + 49 for f in s.files.values() if f.owner == "alice" for line in f.lines
        )
        assert held == s.held_by_user["alice"]
        mine = bob.submit_ok(**job("bob", GAP_CMD_FILE="seq 3"))
        clock.advance(4)
        assert read(bob, f"/public/home/bob/work/std.out.{mine}") == "1\n2\n3\n"


def test_outputs_are_dropped_when_the_job_leaves_retention(clock: Clock) -> None:
    with two_users(clock, output_retention=86400) as (app, alice, _bob):
        ids = []
        for _ in range(5):
            ids.append(alice.submit_ok(**job("alice", GAP_CMD_FILE="seq 1000")))
            clock.advance(4)
        s = app.state.mock.engine._scheds[SCHEDULER]
        first = f"/public/home/alice/work/std.out.{ids[0]}"
        assert read(alice, first).startswith("1\n2\n")
        # a later job rewrites the first one's file: it stays a day after *that* job
        again = alice.submit_ok(**job("alice", GAP_CMD_FILE="echo again", GAP_STD_OUT_FILE=first))
        clock.advance(86400 - 30)  # the first jobs ended at +4 s, +8 s, ...; "again" at +24 s
        assert read(alice, first) == "again\n"
        assert len([f for f in s.files.values() if f.owner == "alice"]) == 2 * 6 - 1
        clock.advance(20)
        assert read(alice, first) == "again\n"
        assert read(alice, f"/public/home/alice/work/std.out.{ids[1]}") == ""
        clock.advance(11 * 86400)
        assert read(alice, first) == ""
        assert not s.files
        assert s.written_by_user["alice"] == s.held_by_user["alice"] == 0
        assert alice.history()["total"] == 6  # the jobs stay in history
        assert again


# ---------------------------------------------------------------- the fuzz drill


def test_fuzz_drill_hostile_specs_while_another_user_reads(clock: Clock) -> None:
    """Every hostile spec (``hostile_specs``) against the simulated engine over real HTTP:
    no 5xx, no 10001 for input errors, and a second user listing their jobs in a thread all the
    while gets "0" every time."""
    import threading

    import httpx

    from scnet_hpc.mock.testing import serve

    from .hostile_specs import check_answer, hostile_specs
    from .mock_contract import OPERATIONS, job_info

    raw = one_region_deployment([_user("alice"), _user("bob")])
    app = create_app(raw, clock=clock)
    mock = app.state.mock
    alice_token = mock.mint_token("alice", 1, lifetime=10**9)
    bob_token = mock.mint_token("bob", 1, lifetime=10**9)
    list_path = OPERATIONS["list_jobs"][1]
    submit_path = OPERATIONS["submit_job"][1].format(apptype="BASIC", appname="BASE")
    reads: list[str] = []
    stop = threading.Event()
    with serve(app) as url:

        def read_all_the_while() -> None:
            with httpx.Client(base_url=url, headers={"token": bob_token}, timeout=30) as bob:
                while not stop.is_set():
                    r = bob.get(list_path, params={"strClusterIDList": SCHEDULER})
                    reads.append(r.json()["code"] if r.status_code == 200 else str(r.status_code))

        reader = threading.Thread(target=read_all_the_while)
        reader.start()
        problems, answered = [], {}
        try:
            with httpx.Client(base_url=url, headers={"token": alice_token}, timeout=60) as alice:
                for spec_id, overrides in hostile_specs("/public/home/alice"):
                    info = {**job_info(GAP_QUEUE="q", GAP_WORK_DIR="/public/home/alice/work")}
                    info.update(overrides)
                    r = alice.post(
                        submit_path, json={"strJobManagerID": SCHEDULER, "mapAppJobInfo": info}
                    )
                    body = r.json() if r.status_code == 200 else None
                    problem = check_answer(spec_id, r.status_code, body)
                    if problem:
                        problems.append(problem)
                    answered[spec_id] = body and body["code"]
                    clock.advance(2)  # dispatch: where one bad job used to break everything
                    mine = alice.get(list_path, params={"strClusterIDList": SCHEDULER}).json()
                    if mine["code"] != "0":
                        problems.append(f"{spec_id}: alice's own list answered {mine}")
                clock.advance(400 * 86400)  # every walltime runs out
                assert (
                    alice.get(list_path, params={"strClusterIDList": SCHEDULER}).json()["code"]
                    == "0"
                )
        finally:
            stop.set()
            reader.join()
    assert not problems, "\n".join(problems)
    assert len(reads) > 10
    assert set(reads) == {"0"}, sorted(set(reads))
    accepted = [k for k, code in answered.items() if code == "0"]
    assert "sleep-400-nines" in accepted  # bounded, not refused
    assert answered["range-3-million"] == answered["stdout-name-escape"] == "10004"
    assert free_cores(app) == CORES


def test_pattern_padding_is_capped_at_ten_as_sbatch_documents() -> None:
    """``%999999999j`` built a 1 GB file name; a 5000-digit width raised ValueError (10001)."""
    from scnet_hpc.mock.engines.slurm_syntax import expand_output_pattern

    wide = expand_output_pattern("o-%5j-%999999999j-%" + "9" * 5000 + "j", job_id=42)
    assert wide == "o-00042-0000000042-0000000042"
