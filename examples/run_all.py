"""Run every example against a fresh mock deployment (what ``make examples`` and CI do).

Each example gets its own mock, served on a free loopback port in a background thread with a
clock running 10 times faster than real time (jobs take a fraction of a second; the 5-minute
sign-in window is still 30 real seconds), and runs as a subprocess with SCNET_* pointing at it.
Exits non-zero if any example does.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from scnet_hpc.mock import Clock, create_app
from scnet_hpc.mock.testing import serve

HERE = Path(__file__).resolve().parent
SPEED = 10.0
TIMEOUT = 180.0


def examples() -> list[Path]:
    return sorted(p for p in HERE.glob("*.py") if not p.name.startswith(("_", "run_all")))


def run(example: Path) -> bool:
    app = create_app(clock=Clock(speed=SPEED))
    with serve(app) as url:
        env = {k: v for k, v in os.environ.items() if not k.startswith("SCNET_")}
        env.update({
            "SCNET_USER": "demo", "SCNET_ACCESS_KEY": "demo-access-key",
            "SCNET_SECRET_KEY": "demo-secret-key", "SCNET_AUTH_URL": url,
            "SCNET_PLATFORM_URL": url, "SCNET_EXAMPLE_TIMEOUT": "120",
        })  # fmt: skip
        started = time.monotonic()
        try:
            done = subprocess.run(
                [sys.executable, str(example)],
                env=env, cwd=HERE, capture_output=True, text=True, timeout=TIMEOUT, check=False,
            )  # fmt: skip
        except subprocess.TimeoutExpired:
            print(f"FAIL {example.name}: no result within {TIMEOUT:.0f} s")
            return False
    seconds = time.monotonic() - started
    passed = done.returncode == 0
    print(
        f"{'ok  ' if passed else 'FAIL'} {example.name} (exit {done.returncode}, {seconds:.1f} s)"
    )
    if not passed or os.environ.get("VERBOSE"):
        for line in (done.stdout + done.stderr).splitlines():
            print(f"     | {line}")
    return passed


def main() -> int:
    found = examples()
    if not found:
        print("no examples found")
        return 1
    results = [run(example) for example in found]
    failed = results.count(False)
    print(f"examples: {len(results) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
