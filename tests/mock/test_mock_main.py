"""``python -m scnet_hpc.mock`` (what ``make mock`` runs): banner, serving, switches, errors.

Start-up time is printed, not asserted (speed targets belong to bench/).
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from scnet_hpc.mock.testing import free_port


@dataclass
class Run:
    base: str
    elapsed: float = 0.0
    output: str = ""  # everything the process printed; filled in when it has stopped


@contextmanager
def running(*args: str, env: dict[str, str] | None = None) -> Iterator[Run]:
    port = free_port()
    started = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "scnet_hpc.mock", "--host", "127.0.0.1", "--port", str(port), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env={**os.environ, **(env or {})},
    )
    run = Run(base=f"http://127.0.0.1:{port}")
    base = run.base
    try:
        deadline = started + 20
        while True:
            try:
                if httpx.get(base + "/openapi.yaml", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if proc.poll() is not None or time.perf_counter() > deadline:
                raise AssertionError(f"the mock did not come up: {proc.communicate()[0]}")
            time.sleep(0.02)
        run.elapsed = time.perf_counter() - started
        yield run
    finally:
        proc.terminate()
        run.output = proc.communicate(timeout=10)[0]


def test_serves_and_prints_the_demo_credentials() -> None:
    with running() as run:
        base = run.base
        print(f"\nmock start-up (process start to first answered request): {run.elapsed:.2f} s")
        headers = {"user": "demo", "accessKey": "demo-access-key"}
        # an unsigned sign-in answers 10003: the server is up and speaks the contract
        assert httpx.post(base + "/api/user/v3/tokens", headers=headers).json()["code"] == "10003"
    out = run.output
    assert f"on {base}" in out
    assert "user demo" in out
    assert "access key demo-access-key" in out
    assert "secret key demo-secret-key" in out
    assert "scheduler id 1638523853" in out


def test_faults_from_the_environment() -> None:
    env = {"SCNET_MOCK_FAULTS": "http503 ops=list_clusters"}
    with running(env=env) as run:
        response = httpx.get(run.base + "/hpc/openapi/v2/cluster", headers={"token": "x"})
        assert response.status_code == 503
    assert "FAULTS ON: http503 ops=list_clusters" in run.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--engine", "magic"], "unknown engine 'magic'"),
        (["--deployment", "/nonexistent.yaml"], "cannot read deployment file"),
        (["--faults", "explode"], "unknown fault kind"),
    ],
)
def test_bad_switches_exit_2_with_a_message(args: list[str], message: str) -> None:
    argv = [sys.executable, "-m", "scnet_hpc.mock", "--port", str(free_port()), *args]
    proc = subprocess.run(argv, capture_output=True, text=True, timeout=30)
    assert proc.returncode == 2
    assert message in proc.stderr
    assert "Traceback" not in proc.stderr


def test_a_busy_port_is_one_line_before_any_banner() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        proc = subprocess.run(
            [sys.executable, "-m", "scnet_hpc.mock", "--host", "127.0.0.1", "--port", str(port)],
            capture_output=True,
            text=True,
            timeout=30,
        )
    assert proc.returncode == 2
    assert proc.stdout == ""  # no banner for a server that never served
    [line] = proc.stderr.splitlines()
    assert f"port {port} on 127.0.0.1 is already in use" in line
    assert f"PORT={port + 1}" in line


# Runs in a fresh interpreter where the [mock] extra's server is "not installed".
_WITHOUT_STARLETTE = "import sys; sys.modules['starlette'] = None\n"


def test_without_the_extra_python_m_says_how_to_install_it() -> None:
    code = _WITHOUT_STARLETTE + (
        "import runpy; sys.argv = ['scnet_hpc.mock']\n"
        "runpy.run_module('scnet_hpc.mock', run_name='__main__', alter_sys=True)"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=30)
    assert proc.returncode == 2
    assert proc.stdout == ""
    assert proc.stderr.splitlines() == [
        "scnet_hpc.mock: the scnet-hpc mock needs its extra (missing: starlette): "
        "pip install 'scnet-hpc[mock]'"
    ]


def test_without_the_extra_importing_create_app_says_how_to_install_it() -> None:
    code = _WITHOUT_STARLETTE + (
        "import scnet_hpc.mock\n"  # the package itself imports without the extra
        "try:\n"
        "    from scnet_hpc.mock import create_app\n"
        "except ImportError as exc:\n"
        "    print(type(exc).__name__, exc)\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=30)
    assert proc.stderr == ""
    assert proc.stdout == (
        "MissingExtra the scnet-hpc mock needs its extra (missing: starlette): "
        "pip install 'scnet-hpc[mock]'\n"
    )


def test_custom_deployment_does_not_print_its_secret(tmp_path: Path) -> None:
    path = tmp_path / "d.yaml"
    path.write_text(
        "regions: [{id: 5, name: r, schedulers: [{id: 9, name: c, queues: "
        "[{name: q, nodes: [n1], cores_per_node: 2}]}]}]\n"
        "users: [{name: alice, access_key: alice-ak, secret_key: very-secret-sk, "
        "regions: [{region: 5}]}]\n"
    )
    with running("--deployment", str(path)) as run:
        pass
    out = run.output
    assert "access key alice-ak" in out
    assert "very-secret-sk" not in out
