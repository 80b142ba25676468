"""Wall time of ``make contract-test`` (the schemathesis suite against the embedded mock).

The venv is brought up to date first (``make venv``, untimed), so the figure is the suite and
not a reinstall. ``SCNET_*`` variables are dropped so the suite targets the embedded mock as in
CI, not whatever deployment the shell happens to point at.
"""

from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path

from ._report import Report

__all__ = ["run"]

ROOT = Path(__file__).resolve().parents[1]


def _summary(output: str) -> str:
    lines = [line.strip("= ") for line in output.splitlines() if line.startswith("=")]
    return lines[-1] if lines else (output.strip().splitlines() or ["no output"])[-1]


def run(report: Report, *, quick: bool = False) -> None:
    if not (ROOT / "contract_tests").is_dir():
        report.unavailable("contract_test_seconds", "no contract_tests/ in this checkout")
        return
    env = {k: v for k, v in os.environ.items() if not k.startswith("SCNET_")}
    env.pop("MAKEFLAGS", None)
    env.pop("MAKELEVEL", None)
    subprocess.run(["make", "--no-print-directory", "venv"], cwd=ROOT, env=env, check=True)
    started = time.perf_counter()
    done = subprocess.run(
        ["make", "--no-print-directory", "contract-test"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    seconds = time.perf_counter() - started
    summary = _summary(done.stdout)
    report.setting("contract_test", f"exit {done.returncode}: {summary}")
    report.details["contract_test"] = {"exit_code": done.returncode, "summary": summary}
    if done.returncode != 0:
        report.unavailable(
            "contract_test_seconds", f"make contract-test failed after {seconds:.1f} s: {summary}"
        )
        return
    report.figure("contract_test_seconds", seconds)
