"""The mock under uvicorn in a child process, so that client and server do not share a GIL.

Run as ``python -m bench._server --port N``: it prints one JSON line (a token, the scheduler id)
and then serves. The deployment is the default one with the demo user's submit limit lifted,
so that a load test of ``submit_job`` measures accepted submits, not refusals.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from importlib.metadata import version
from typing import Any

import yaml

from scnet_hpc.mock.server import GC_THRESHOLDS, settle_heap, uvicorn_settings

__all__ = ["SETTINGS", "MockServer", "mock_server", "settings_text"]

#: uvicorn settings of the served mock: those of ``make mock`` (``scnet_hpc.mock.server``).
SETTINGS: dict[str, Any] = {**uvicorn_settings(), "log_level": "warning"}


def settings_text() -> str:
    parts = ", ".join(f"{k}={getattr(v, '__name__', v)}" for k, v in SETTINGS.items())
    return (
        f"uvicorn {version('uvicorn')} ({parts}), starlette {version('starlette')}, "
        f"gc.freeze() after start-up and thresholds {GC_THRESHOLDS}"
    )


def _deployment() -> dict[str, Any]:
    from scnet_hpc.mock import DEFAULT_DEPLOYMENT

    data: dict[str, Any] = yaml.safe_load(DEFAULT_DEPLOYMENT.read_text())
    for user in data["users"]:
        for region in user.get("regions", []):
            limits = region.setdefault("limits", {})
            limits["max_submit_jobs"] = -1  # -1 = unlimited
    return data


def _main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench._server")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--speed", type=float, default=1.0)
    parser.add_argument(
        "--seed-file", action="append", default=[], metavar="NAME:BYTES",
        help="a file of BYTES zero bytes in the demo home, made before serving (sparse)",
    )  # fmt: skip
    args = parser.parse_args()

    import uvicorn

    from scnet_hpc.mock import Clock, create_app, load_deployment

    app = create_app(load_deployment(_deployment()), clock=Clock(speed=args.speed))
    mock = app.state.mock
    account = mock.files.account_of(mock.demo.region_id, mock.demo.cluster_user)
    for item in args.seed_file:
        name, _, size = item.rpartition(":")
        with mock.files.tree(account).real(f"{mock.demo.home}/{name}").open("wb") as fh:
            fh.truncate(int(size))
    print(json.dumps({"token": mock.mint_token(), "scheduler_id": mock.scheduler_id}), flush=True)
    settle_heap()
    uvicorn.run(app, host="127.0.0.1", port=args.port, **SETTINGS)


@dataclass(frozen=True)
class MockServer:
    base_url: str
    token: str
    scheduler_id: int


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@contextlib.contextmanager
def mock_server(
    *, speed: float = 1.0, startup_timeout: float = 20.0, seed_files: tuple[str, ...] = ()
) -> Iterator[MockServer]:
    """A fresh mock process on a free loopback port; stopped (by its pid) on exit.
    ``seed_files`` (``NAME:BYTES``) are made in the demo home before it serves."""
    port = _free_port()
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    env.pop("SCNET_MOCK_FAULTS", None)
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "bench._server",
            "--port",
            str(port),
            "--speed",
            str(speed),
            *(arg for name in seed_files for arg in ("--seed-file", name)),
        ],
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        if not line:
            raise RuntimeError(f"the bench mock exited before starting (code {proc.wait()})")
        info = json.loads(line)
        deadline = time.monotonic() + startup_timeout
        while True:
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 0.2):
                break
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"the bench mock did not listen on 127.0.0.1:{port}")
            time.sleep(0.05)
        yield MockServer(f"http://127.0.0.1:{port}", info["token"], int(info["scheduler_id"]))
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


if __name__ == "__main__":
    _main()
