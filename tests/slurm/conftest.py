"""Fixtures for the Slurm wrapper and Slurm engine tests.

The parser and mapping tests need nothing. The live tests (marked ``slurm``) need a running
cluster: ``make slurm-up`` (they find it through ``SLURM_CONF`` or ``.slurm/env``). When it is
not up they are skipped with the reason, unless ``SCNET_REQUIRE_SLURM=1`` (set by
``make test-slurm``), which turns that skip into a failure: CI must not pass by skipping.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import TypeVar

import pytest

from scnet_hpc.mock import Clock, Deployment
from scnet_hpc.mock.engines.slurm.cli import SlurmCLI
from scnet_hpc.mock.engines.slurm.engine import (
    SlurmEngine,
    SlurmEngineError,
    slurm_environment,
)

from .slurm_helpers import CREATED_HOMES, slurm_deployment

FIXTURES = Path(__file__).parent / "fixtures"
T = TypeVar("T")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "slurm: needs a running local Slurm (make slurm-up); skipped with a reason otherwise",
    )


def _not_up(reason: str) -> None:
    if os.environ.get("SCNET_REQUIRE_SLURM") == "1":
        pytest.fail(f"SCNET_REQUIRE_SLURM=1 but {reason}", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def slurm_env() -> dict[str, str]:
    """SLURM_CONF (and the local cluster's state dir / jobcomp log) of a cluster that answers."""
    try:
        found = slurm_environment()
    except SlurmEngineError as exc:
        _not_up(str(exc))
    cli = SlurmCLI(slurm_conf=found["SLURM_CONF"], timeout=20.0)
    if not cli.ping(timeout=10.0):
        _not_up(f"slurmctld does not answer (SLURM_CONF={found['SLURM_CONF']}): make slurm-up")
    return found


@pytest.fixture(scope="session")
def slurm_cli(slurm_env: dict[str, str]) -> SlurmCLI:
    return SlurmCLI(slurm_conf=slurm_env["SLURM_CONF"], timeout=20.0)


@pytest.fixture(scope="session")
def jobcomp_path(slurm_env: dict[str, str]) -> Path | None:
    """JobCompLoc from the cluster's slurm.conf, if it logs to a file."""
    conf = Path(slurm_env["SLURM_CONF"])
    for line in conf.read_text().splitlines():
        key, _, value = line.strip().partition("=")
        if key.lower() == "jobcomploc" and value:
            return Path(value)
    return None


# --------------------------------------------------------------------------- engine fixtures


@pytest.fixture(autouse=True)
def _remove_test_homes() -> Iterator[None]:
    """Homes made in the OS users' own homes (slurm_helpers.user_home) go after each test."""
    yield
    while CREATED_HOMES:
        shutil.rmtree(CREATED_HOMES.pop(), ignore_errors=True)


@pytest.fixture
def clock() -> Clock:
    """Real time (overriding the suite's frozen clock): a real Slurm runs the jobs."""
    return Clock()


@pytest.fixture
def deployment(tmp_path: Path) -> Deployment:
    return slurm_deployment(tmp_path)


@pytest.fixture
def home(deployment: Deployment) -> Path:
    account = deployment.users[0].regions[0]
    return Path(account.home)


@pytest.fixture
def engine(
    slurm_cli: SlurmCLI,
    jobcomp_path: Path | None,
    deployment: Deployment,
    clock: Clock,
    tmp_path: Path,
) -> Iterator[SlurmEngine]:
    eng = SlurmEngine(
        deployment,
        clock,
        slurm_cli,
        jobcomp=str(jobcomp_path) if jobcomp_path else None,
        ledger=tmp_path / "ledger" / "jobs.jsonl",
    )
    yield eng
    # leave nothing running behind: cancel whatever this test's jobs still do
    for user in ("demo", "other"):
        sched = eng.schedulers()[0].id
        active = [r.job_id for r in eng.realtime_jobs(sched) if r.user == user and not r.finished]
        if active:
            eng.cancel(sched, user, active)
