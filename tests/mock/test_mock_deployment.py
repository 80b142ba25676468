"""The deployment file, the clock, and the engine seam."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from scnet_hpc.mock import DEFAULT_DEPLOYMENT, Clock, DeploymentError, Engine, create_app
from scnet_hpc.mock import load_deployment as load
from scnet_hpc.mock.engines.simulated.engine import SimulatedEngine
from scnet_hpc.mock.testing import sync_client

from .mock_contract import Api, one_region_deployment

MINIMAL: dict[str, Any] = one_region_deployment(
    [{"name": "u", "access_key": "ak", "secret_key": "sk", "regions": [{"region": 1}]}]
)


def test_default_deployment_has_the_documented_demo_values() -> None:
    d = load()
    user = d.users[0]
    assert (user.name, user.access_key, user.secret_key) == (
        "demo",
        "demo-access-key",
        "demo-secret-key",
    )
    assert "demo-secret-key" not in repr(user)  # secrets stay out of reprs
    region = d.regions[0]
    sched = region.schedulers[0]
    assert (sched.id, sched.type) == (1638523853, "SLURM")
    assert [q.name for q in sched.queues] == ["debug", "normal"]
    assert sched.queues[0].nodes == ("dbg01", "dbg02")
    assert sched.queues[0].max_walltime == 30 * 60
    assert d.source == str(DEFAULT_DEPLOYMENT)


def test_state_exposes_what_tests_need(mock: Any) -> None:
    assert (mock.demo.user, mock.demo.access_key, mock.demo.secret_key) == (
        "demo",
        "demo-access-key",
        "demo-secret-key",
    )
    assert "demo-secret-key" not in repr(mock.demo)
    assert "demo-secret-key" not in repr(mock)
    assert (mock.region_id, mock.scheduler_id) == (11250, 1638523853)
    assert mock.demo.cluster_user == "demo"
    assert mock.demo.home == "/public/home/demo"


@pytest.mark.parametrize(
    ("change", "fragment"),
    [
        (lambda d: d.pop("users"), "'users' is a required property"),
        (lambda d: d["regions"][0].update(id="x"), "regions/0/id"),
        (
            lambda d: d["regions"][0]["schedulers"][0]["queues"][0].update(cores_per_node=0),
            "cores_per_node",
        ),
        (
            lambda d: d["regions"][0]["schedulers"][0]["queues"][0].update(max_walltime="1 hour"),
            "max_walltime",
        ),
        (lambda d: d["regions"][0].update(colour="blue"), "colour"),
        (lambda d: d["users"][0]["regions"][0].update(region=99), "region 99 is not defined"),
        (lambda d: d["users"].append(dict(d["users"][0])), "duplicate user name"),
        (lambda d: d["users"][0]["regions"][0].update(queues=["nope"]), "unknown queues"),
        (
            lambda d: d["regions"][0]["schedulers"][0]["queues"].append(
                {"name": "q", "nodes": ["n2"], "cores_per_node": 1}
            ),
            "duplicate queue",
        ),
        (
            lambda d: d["regions"][0]["schedulers"][0]["queues"][0].update(nodes="n[5-1]"),
            "runs backwards",
        ),
    ],
)
def test_bad_deployments_are_refused_with_the_place_named(change: Any, fragment: str) -> None:
    import copy

    raw = copy.deepcopy(MINIMAL)
    change(raw)
    with pytest.raises(DeploymentError, match=re.escape(fragment)):
        load(raw)


def test_unreadable_or_invalid_files(tmp_path: Path) -> None:
    with pytest.raises(DeploymentError, match="cannot read"):
        load(tmp_path / "missing.yaml")
    bad = tmp_path / "bad.yaml"
    bad.write_text("regions: [unclosed")
    with pytest.raises(DeploymentError, match="not valid YAML"):
        load(bad)
    bad.write_text("- a list\n")
    with pytest.raises(DeploymentError, match="mapping at the top"):
        load(bad)


def test_clock_speed_advance_and_freeze() -> None:
    fake = [1000.0]
    clock = Clock(speed=60, start=5000, source=lambda: fake[0])
    assert clock.now() == 5000
    fake[0] += 2  # two real seconds at x60
    assert clock.now() == 5120
    clock.advance(600)
    assert clock.now() == 5720
    clock.speed = 0
    fake[0] += 100
    assert clock.now() == 5720  # frozen, and changing speed did not jump
    with pytest.raises(ValueError, match="forward"):
        clock.advance(-1)
    with pytest.raises(ValueError, match="speed"):
        Clock(speed=-1)


def test_a_10_minute_job_in_milliseconds(api: Api, clock: Clock) -> None:
    import time

    job = api.submit_ok(GAP_CMD_FILE="sleep 600")
    started = time.perf_counter()
    clock.advance(601)
    assert api.job(job)["jobStatus"] == "statC"
    assert time.perf_counter() - started < 5  # generous: it takes milliseconds


def test_an_engine_object_can_be_plugged_in() -> None:
    deployment = load(MINIMAL)
    clock = Clock(speed=0)
    engine = SimulatedEngine(deployment, clock)
    assert isinstance(engine, Engine)
    app = create_app(deployment, clock=clock, engine=engine)
    assert app.state.mock.engine is engine
    with sync_client(app) as http:
        token = {"token": app.state.mock.mint_token()}
        body = http.get("/hpc/openapi/v2/cluster", headers=token).json()
    assert body["data"][0]["id"] == 7


def test_unknown_engines_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    from scnet_hpc.mock.app import application as _app

    monkeypatch.setitem(_app.ENGINE_MODULES, "ghost", "scnet_hpc.mock.no_such_engine")
    with pytest.raises(ValueError, match="'ghost' engine is not available yet"):
        create_app(engine="ghost")
    with pytest.raises(ValueError, match="unknown engine"):
        create_app(engine="quantum")
