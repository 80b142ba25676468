"""Helpers shared by the Slurm engine tests (imported as ``slurm_helpers``)."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import yaml

from scnet_hpc.mock import Deployment, load_deployment
from scnet_hpc.mock.slurm_engine import SLURM_DEPLOYMENT

T = TypeVar("T")


def slurm_deployment(tmp: Path, *, extra_user: bool = True) -> Deployment:
    """The shipped slurm-deployment.yaml with homes under ``tmp``, plus a second user
    ``other`` (same OS user underneath) to check that users only see their own jobs."""
    raw: dict[str, Any] = yaml.safe_load(SLURM_DEPLOYMENT.read_text(encoding="utf-8"))
    demo = raw["users"][0]
    demo["regions"][0]["home"] = str(tmp / "home" / "demo")
    if extra_user:
        raw["users"].append(
            {
                "name": "other",
                "access_key": "other-access-key",
                "secret_key": "other-secret-key",
                "regions": [
                    {"region": demo["regions"][0]["region"], "home": str(tmp / "home" / "other")}
                ],
            }
        )
    return load_deployment(raw)


def wait_for(probe: Callable[[], T | None], *, timeout: float = 60.0, interval: float = 0.05) -> T:
    """Poll ``probe`` until it returns something truthy; fail with the last value after
    ``timeout`` s (generous: the first job after a cold start waits ~3 s for the scheduler,
    and the scheduler places jobs on a 2 s cycle)."""
    deadline = time.monotonic() + timeout
    last = None
    while time.monotonic() < deadline:
        last = probe()
        if last:
            return last
        time.sleep(interval)
    raise AssertionError(f"gave up after {timeout} s; last value: {last!r}")
