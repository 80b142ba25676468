"""Every code sample of the documentation runs, against a fresh mock served on loopback.

A sample is a Python file in docs/examples/ that a page includes (whole or by section); it
signs in from SCNET_* variables (or the demo keys with SCNET_AUTH_URL), as a reader would with
`make mock` running. Here each one runs as its own process, as `make examples` runs examples/,
against its own mock whose clock runs 10 times faster than real time.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from scnet_hpc.mock import Clock, create_app
from scnet_hpc.mock.testing import serve

from .doc_support import included_files, samples

SPEED = 10.0
TIMEOUT = 120.0


def sample_env(url: str, home: Path) -> dict[str, str]:
    """SCNET_* for the demo account on ``url``; HOME elsewhere, so no sample touches yours."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("SCNET_")}
    env.update({
        "SCNET_USER": "demo", "SCNET_ACCESS_KEY": "demo-access-key",
        "SCNET_SECRET_KEY": "demo-secret-key", "SCNET_AUTH_URL": url, "SCNET_PLATFORM_URL": url,
        "HOME": str(home), "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_CACHE_HOME": str(home / ".cache"),
    })  # fmt: skip
    return env


def test_there_are_samples() -> None:
    assert len(samples()) >= 5


@pytest.mark.parametrize("sample", samples(), ids=lambda p: p.name)
def test_sample_is_in_a_page(sample: Path) -> None:
    assert sample.name in included_files(), f"no page includes docs/examples/{sample.name}"


@pytest.mark.parametrize("sample", samples(), ids=lambda p: p.name)
def test_sample_runs_against_the_mock(sample: Path, tmp_path: Path) -> None:
    with serve(create_app(clock=Clock(speed=SPEED))) as url:
        done = subprocess.run(
            [sys.executable, str(sample)],
            env=sample_env(url, tmp_path), cwd=tmp_path, capture_output=True, text=True,
            timeout=TIMEOUT, check=False,
        )  # fmt: skip
    assert done.returncode == 0, (
        f"{sample.name} exited {done.returncode}:\n{done.stdout}{done.stderr}"
    )


def test_a_failing_sample_fails(tmp_path: Path) -> None:
    """The harness can fail: a sample whose job is rejected exits non-zero."""
    broken = tmp_path / "broken.py"
    broken.write_text(
        "from scnet_hpc import Client, JobSpec\n"
        "with Client.from_env() as client:\n"
        "    client.submit(JobSpec(command='true', queue='no-such-queue', walltime=60))\n"
    )
    with serve(create_app(clock=Clock(speed=SPEED))) as url:
        done = subprocess.run(
            [sys.executable, str(broken)], env=sample_env(url, tmp_path), cwd=tmp_path,
            capture_output=True, text=True, timeout=TIMEOUT, check=False,
        )  # fmt: skip
    assert done.returncode != 0
    assert "JobRejectedError" in done.stderr
