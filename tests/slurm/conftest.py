"""Fixtures for the Slurm wrapper tests.

The parser tests need nothing. The integration tests (marked ``slurm``) need a
running cluster: ``scripts/slurm-up.sh && source .slurm/env``; without
``SLURM_CONF`` or when slurmctld does not answer they are skipped with a reason.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

try:
    import scnet_hpc  # noqa: F401
except ImportError:  # package not installed: use the source tree
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "src"))

from scnet_hpc.mock.slurmcli import SlurmCLI

FIXTURES = Path(__file__).parent / "fixtures"


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "slurm: needs a running local Slurm (scripts/slurm-up.sh, then source .slurm/env); "
        "skipped with a reason otherwise",
    )


@pytest.fixture(scope="session")
def slurm_cli() -> SlurmCLI:
    conf = os.environ.get("SLURM_CONF")
    if not conf:
        pytest.skip("SLURM_CONF is not set: run scripts/slurm-up.sh and source .slurm/env")
    cli = SlurmCLI(slurm_conf=conf, timeout=20.0)
    if not cli.ping():
        pytest.skip(f"slurmctld does not answer (SLURM_CONF={conf}): run scripts/slurm-up.sh")
    return cli


@pytest.fixture(scope="session")
def jobcomp_path() -> Path | None:
    """JobCompLoc from the cluster's slurm.conf, if it logs to a file."""
    conf = os.environ.get("SLURM_CONF")
    if not conf or not Path(conf).is_file():
        return None
    for line in Path(conf).read_text().splitlines():
        key, _, value = line.strip().partition("=")
        if key.lower() == "jobcomploc" and value:
            return Path(value)
    return None
