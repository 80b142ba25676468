"""Our mock against a generic OpenAPI mock: Prism serving the same openapi.yaml.

``mock_vs_prism_rps_list_clusters`` is requests per second of the mock (``make mock``'s server
settings, its own process) over Prism 5.14.2 (one node process, ``prism mock openapi.yaml``,
logging at ``warn`` so that it does not write a line per request: its fastest setting), on the
same endpoint (``list_clusters``, which Prism answers with the spec's example and the mock
after checking the token) with the same load generator (wrk, 1 thread, 10 connections). The two
servers run side by side and their rounds alternate, so a change in the machine's load hits
both; the figure is the median of the per-pair ratios.

Prism comes from npm into ``.cache/prism`` (``npm install @stoplight/prism-cli@5.14.2``) the
first time, when ``npm`` exists; otherwise the figure is reported as missing, saying why. It is
started as ``node_modules/.bin/prism`` itself (``npx`` would leave a node process behind) and
stopped by its pid.
"""

from __future__ import annotations

import contextlib
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

from ._report import Report
from ._server import MockServer, mock_server
from ._timing import median
from ._wrk import WrkResult, ensure_wrk, run_wrk
from .throughput import CLUSTERS_PATH, CONNECTIONS, THREADS, WARMUP_SECONDS

__all__ = ["PRISM_VERSION", "ensure_prism", "run"]

ROOT = Path(__file__).resolve().parents[1]
PRISM_VERSION = "5.14.2"
PRISM_DIR = ROOT / ".cache" / "prism"
PRISM_BIN = PRISM_DIR / "node_modules" / ".bin" / "prism"
#: Short rounds, many pairs: on a shared machine the load changes within seconds.
ROUNDS = 5
SECONDS = 3.0
FIGURE = "mock_vs_prism_rps_list_clusters"


def ensure_prism() -> tuple[Path | None, str]:
    """Prism's executable (installing it with npm into .cache/prism), or None and why not."""
    if PRISM_BIN.exists() and _installed_version() == PRISM_VERSION:
        return PRISM_BIN, ""
    npm = shutil.which("npm")
    if npm is None:
        return None, "npm is not installed, so Prism cannot be installed to compare with"
    if shutil.which("node") is None:
        return None, "node is not installed, so Prism cannot run"
    PRISM_DIR.mkdir(parents=True, exist_ok=True)
    print(f"# installing Prism {PRISM_VERSION} with npm into {PRISM_DIR}", flush=True)
    done = subprocess.run(
        [npm, "install", "--no-audit", "--no-fund", "--prefix", str(PRISM_DIR),
         f"@stoplight/prism-cli@{PRISM_VERSION}"],
        capture_output=True, text=True, timeout=900,
    )  # fmt: skip
    if done.returncode != 0 or not PRISM_BIN.exists():
        tail = " ".join((done.stderr or done.stdout).strip().splitlines()[-2:])
        return None, f"npm install @stoplight/prism-cli@{PRISM_VERSION} failed: {tail[-300:]}"
    return PRISM_BIN, ""


def _installed_version() -> str | None:
    package = PRISM_DIR / "node_modules" / "@stoplight" / "prism-cli" / "package.json"
    try:
        import json

        version: str = json.loads(package.read_text())["version"]
        return version
    except (OSError, ValueError, KeyError):
        return None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@contextlib.contextmanager
def prism_server(prism: Path, startup_timeout: float = 60.0) -> Iterator[str]:
    """Prism mocking openapi.yaml on a free loopback port; stopped by its pid on exit."""
    port = _free_port()
    proc = subprocess.Popen(
        [str(prism), "mock", str(ROOT / "openapi.yaml"), "-h", "127.0.0.1", "-p", str(port),
         "--verboseLevel", "warn"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + startup_timeout
        while True:
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 0.2):
                break
            if proc.poll() is not None:
                err = (proc.stderr.read() if proc.stderr else "").strip()[-300:]
                raise RuntimeError(f"Prism exited at start-up (code {proc.returncode}): {err}")
            if time.monotonic() > deadline:
                raise RuntimeError(f"Prism did not listen on 127.0.0.1:{port}")
            time.sleep(0.1)
        yield f"http://127.0.0.1:{port}"
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def _round(wrk: str, base_url: str, token: str, seconds: float) -> WrkResult:
    result = run_wrk(
        wrk,
        base_url,
        method="GET",
        path=CLUSTERS_PATH,
        token=token,
        connections=CONNECTIONS,
        threads=THREADS,
        seconds=seconds,
    )
    if result.bad or result.socket_errors:
        raise RuntimeError(
            f"{base_url}: {result.bad} answers were not success envelopes and "
            f"{result.socket_errors} requests failed at the socket; the figure would be wrong"
        )
    return result


def run(report: Report, *, quick: bool = False) -> None:
    wrk, why = ensure_wrk()
    if wrk is None:
        report.unavailable(FIGURE, why)
        return
    prism, why = ensure_prism()
    if prism is None:
        report.unavailable(FIGURE, why)
        return
    rounds, seconds = (1, 2.0) if quick else (ROUNDS, SECONDS)
    report.setting(
        "prism",
        f"Prism {PRISM_VERSION} (prism mock openapi.yaml --verboseLevel warn, one node "
        f"process), wrk -t{THREADS} -c{CONNECTIONS} -d{seconds:g}s on list_clusters, "
        f"{rounds} alternating rounds each (median of the per-pair ratios)",
    )
    server: MockServer
    with mock_server() as server, prism_server(prism) as prism_url:
        _round(wrk, server.base_url, server.token, WARMUP_SECONDS)
        _round(wrk, prism_url, server.token, WARMUP_SECONDS)  # Prism checks only that it is set
        pairs = []
        for _ in range(rounds):
            ours = _round(wrk, server.base_url, server.token, seconds)
            theirs = _round(wrk, prism_url, server.token, seconds)
            pairs.append((ours, theirs))
    report.figure(FIGURE, median(o.rps / t.rps for o, t in pairs))
    report.figure("prism_rps_list_clusters", round(median(t.rps for _, t in pairs)))
    report.figure("prism_p99_ms_list_clusters", median(t.p99_ms for _, t in pairs))
    report.figure("mock_rps_list_clusters_beside_prism", round(median(o.rps for o, _ in pairs)))
    report.details["mock_vs_prism_rounds"] = [
        {"mock_rps": o.rps, "mock_p99_ms": o.p99_ms, "prism_rps": t.rps, "prism_p99_ms": t.p99_ms}
        for o, t in pairs
    ]
