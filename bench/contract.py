"""Wall time of ``make contract-test`` (the schemathesis suite against the embedded mock).

The venv is brought up to date first (``make venv``, untimed), so the figure is the suite and
not a reinstall. ``SCNET_*`` variables are dropped so the suite targets the embedded mock as in
CI, not whatever deployment the shell happens to point at. A suite still running after
``TIMEOUT_SECONDS`` has hung: it is stopped and the figure reported as n/a with the reason.
"""

from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path

from ._report import Report

__all__ = ["run"]

ROOT = Path(__file__).resolve().parents[1]
#: A suite that has not finished by then is stopped (it has hung) and the figure is n/a.
TIMEOUT_SECONDS = 1200.0


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
    venv = subprocess.run(
        ["make", "--no-print-directory", "venv"], cwd=ROOT, env=env, capture_output=True, text=True
    )
    if venv.returncode != 0:
        report.unavailable("contract_test_seconds", f"make venv failed: {venv.stderr[-300:]}")
        return
    started = time.perf_counter()
    # Its own process group, so that a hung suite can be stopped with everything it started.
    proc = subprocess.Popen(
        ["make", "--no-print-directory", "contract-test"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    try:
        output, _ = proc.communicate(timeout=TIMEOUT_SECONDS)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            output, _ = proc.communicate(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            output, _ = proc.communicate()
        tail = " | ".join(output.strip().splitlines()[-3:])
        report.details["contract_test"] = {"exit_code": None, "output_tail": output[-4000:]}
        report.unavailable(
            "contract_test_seconds",
            f"make contract-test did not finish within {TIMEOUT_SECONDS:.0f} s and was stopped "
            f"(last output: {tail[-300:]})",
        )
        return
    seconds = time.perf_counter() - started
    summary = _summary(output)
    report.setting("contract_test", f"exit {proc.returncode}: {summary}")
    report.details["contract_test"] = {"exit_code": proc.returncode, "summary": summary}
    if proc.returncode != 0:
        report.unavailable(
            "contract_test_seconds", f"make contract-test failed after {seconds:.1f} s: {summary}"
        )
        return
    report.figure("contract_test_seconds", seconds)
