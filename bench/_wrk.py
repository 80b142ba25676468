"""wrk, the HTTP load generator (Debian package ``wrk``), installed on first use.

wrk is a C program with one event loop per thread: on a 2-core machine one wrk thread drives the
mock (one Python process on the other core) harder than any Python client could, so the figures
are the server's, not the load generator's. A Lua ``response`` hook counts answers that are not
HTTP 200 with a success envelope, so a run that "succeeds" at serving errors is caught.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

__all__ = ["WrkResult", "ensure_wrk", "run_wrk"]

_SCRIPT = r"""
wrk.method = "%(method)s"
wrk.path = "%(path)s"
wrk.headers["token"] = "%(token)s"
%(body)s
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) good = 0; bad = 0 end
function response(status, headers, body)
  if status == 200 and string.sub(body, 1, 11) == '{"code":"0"' then
    good = good + 1
  else
    bad = bad + 1
  end
end
function done(summary, latency, requests)
  local g, b = 0, 0
  for _, t in ipairs(threads) do g = g + t:get("good"); b = b + t:get("bad") end
  local e = summary.errors
  io.write(string.format(
    'WRK-RESULT {"requests":%%d,"duration_us":%%d,"p50_us":%%d,"p99_us":%%d,' ..
    '"good":%%d,"bad":%%d,"socket_errors":%%d,"status_errors":%%d}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
    g, b, e.connect + e.read + e.write + e.timeout, e.status))
end
"""


@dataclass(frozen=True)
class WrkResult:
    requests: int
    seconds: float
    p50_ms: float
    p99_ms: float
    good: int
    bad: int
    socket_errors: int

    @property
    def rps(self) -> float:
        return self.requests / self.seconds


def ensure_wrk() -> tuple[str | None, str]:
    """The wrk executable (installing the Debian package if need be), or None and why not."""
    found = shutil.which("wrk")
    if found:
        return found, ""
    apt = shutil.which("apt-get")
    if apt is None:
        return None, "wrk is not installed and there is no apt-get to install it"
    prefix: list[str] = []
    if os.geteuid() != 0:
        sudo = shutil.which("sudo")
        if sudo is None:
            return None, "wrk is not installed; install it as root: apt-get install -y wrk"
        prefix = [sudo, "-n"]
    print("# installing wrk: apt-get install -y wrk", file=sys.stderr, flush=True)
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    for step in ([apt, "update", "-qq"], [apt, "install", "-y", "-qq", "wrk"]):
        done = subprocess.run(prefix + step, env=env, capture_output=True, text=True)
        if done.returncode != 0:
            tail = (done.stderr or done.stdout).strip().splitlines()[-1:]
            return None, f"could not install wrk ({' '.join(step[1:])}: {' '.join(tail)})"
    found = shutil.which("wrk")
    return (found, "") if found else (None, "apt-get installed wrk but it is not on PATH")


def run_wrk(
    wrk: str,
    base_url: str,
    *,
    method: str,
    path: str,
    token: str,
    json_body: object = None,
    connections: int,
    threads: int,
    seconds: float,
) -> WrkResult:
    body = ""
    if json_body is not None:
        text = json.dumps(json_body, ensure_ascii=False)
        body = f'wrk.headers["Content-Type"] = "application/json"\nwrk.body = [==[{text}]==]'
    script = _SCRIPT % {"method": method, "path": path, "token": token, "body": body}
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as handle:
        handle.write(script)
        script_path = Path(handle.name)
    try:
        done = subprocess.run(
            [
                wrk,
                f"-t{threads}",
                f"-c{connections}",
                f"-d{seconds:g}s",
                "--timeout",
                "10s",
                "-s",
                str(script_path),
                base_url,
            ],
            capture_output=True,
            text=True,
            timeout=seconds + 60,
        )
    finally:
        script_path.unlink(missing_ok=True)
    line = next((x for x in done.stdout.splitlines() if x.startswith("WRK-RESULT ")), None)
    if done.returncode != 0 or line is None:
        raise RuntimeError(f"wrk failed (exit {done.returncode}): {done.stderr.strip()[-300:]}")
    data = json.loads(line.split(" ", 1)[1])
    return WrkResult(
        requests=data["requests"],
        seconds=data["duration_us"] / 1e6,
        p50_ms=data["p50_us"] / 1e3,
        p99_ms=data["p99_us"] / 1e3,
        good=data["good"],
        bad=data["bad"],
        socket_errors=data["socket_errors"] + data["status_errors"],
    )
