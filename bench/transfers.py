"""File transfers: the SDK's upload and download against raw httpx streaming of the same bytes,
and the download's peak memory.

One mock process (uvicorn, loopback) serves both. Each round times the SDK and the raw baseline
back to back in alternating order, on the same 256 MiB:

- upload: ``client.files.upload`` (its real path for 256 MiB: 8 MiB chunks, then the merge)
  against one raw ``httpx`` multipart POST to ``upload_file`` streaming the same file from disk
  (``cover=cover``). The ratio is SDK throughput over raw throughput (raw time / SDK time).
- download: ``client.files.download`` (streamed to a temporary file, then renamed) against a raw
  ``httpx`` GET streamed with ``iter_bytes`` into a file.

``download_peak_rss_mib``: a child process makes a client, downloads a 1 MiB file (so that every
import and buffer is in place), reads its peak RSS (``VmHWM`` of ``/proc/self/status``), then
downloads a 1 GiB file and reads the peak again; the figure is the growth, in MiB.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

from ._report import Report
from ._server import MockServer, mock_server
from ._timing import median

__all__ = ["run"]

SIZE = 256 * 2**20
BIG = 2**30
HOME = "/public/home/demo"
UPLOAD = "/efile/openapi/v2/file/upload"
DOWNLOAD = "/efile/openapi/v2/file/download"


def _client(server: MockServer) -> object:
    from scnet_hpc import Client

    return Client(server.base_url, server.token, platform_url=server.base_url, timeout=120)


def _raw_upload(raw: httpx.Client, source: Path) -> None:
    with source.open("rb") as fh:
        files = {"file": (source.name, fh, "application/octet-stream")}
        answer = raw.post(UPLOAD, data={"path": HOME, "cover": "cover"}, files=files)
    if answer.json().get("code") != "0":
        raise RuntimeError(f"raw upload refused: {answer.text[:200]}")


def _raw_download(raw: httpx.Client, remote: str, target: Path) -> None:
    with raw.stream("GET", DOWNLOAD, params={"path": remote}) as answer, target.open("wb") as out:
        if answer.headers.get("content-type", "").startswith("application/json"):
            raise RuntimeError(f"raw download refused: {answer.read()[:200]!r}")
        for block in answer.iter_bytes():
            out.write(block)


def _timed(action: object) -> float:
    started = time.perf_counter()
    action()  # type: ignore[operator]
    return time.perf_counter() - started


def run(report: Report, *, quick: bool = False) -> None:
    rounds = 2 if quick else 6  # even: each order (SDK first, raw first) as often
    # The client's files in memory (tmpfs) where there is one: the disk's writeback of the
    # previous 256 MiB would otherwise land on whichever client goes next.
    local = "/dev/shm" if Path("/dev/shm").is_dir() else None
    report.setting(
        "transfers",
        f"{SIZE // 2**20} MiB over loopback, {rounds} rounds, median; client files in "
        f"{local or tempfile.gettempdir()}",
    )
    with tempfile.TemporaryDirectory(prefix="bench-transfers-", dir=local) as folder:
        work = Path(folder)
        source = work / "payload.bin"
        with source.open("wb") as fh:
            block = bytes(range(256)) * 4096  # 1 MiB, not all zeros
            for _ in range(SIZE // len(block)):
                fh.write(block)
        with mock_server(seed_files=(f"big.bin:{BIG}", f"small.bin:{2**20}")) as server:
            client = _client(server)
            raw = httpx.Client(
                base_url=server.base_url, headers={"token": server.token}, timeout=120
            )
            files = client.files  # type: ignore[attr-defined]
            up: list[float] = []
            down: list[float] = []
            remote = f"{HOME}/{source.name}"
            files.upload(source, HOME, overwrite=True)  # warm-up, untimed: connections, caches
            files.download(remote, work / "sdk.bin")
            _raw_download(raw, remote, work / "raw.bin")
            for index in range(rounds):
                sdk_up = lambda: files.upload(source, HOME, overwrite=True)  # noqa: E731
                raw_up = lambda: _raw_upload(raw, source)  # noqa: E731
                sdk_down = lambda: files.download(remote, work / "sdk.bin")  # noqa: E731
                raw_down = lambda: _raw_download(raw, remote, work / "raw.bin")  # noqa: E731
                if index % 2:
                    t_sdk_up, t_raw_up = _timed(sdk_up), _timed(raw_up)
                    t_sdk_down, t_raw_down = _timed(sdk_down), _timed(raw_down)
                else:
                    t_raw_up, t_sdk_up = _timed(raw_up), _timed(sdk_up)
                    t_raw_down, t_sdk_down = _timed(raw_down), _timed(sdk_down)
                up.append(t_raw_up / t_sdk_up)
                down.append(t_raw_down / t_sdk_down)
                report.setting(
                    f"transfers_round_{index + 1}",
                    f"upload sdk {SIZE / t_sdk_up / 2**20:.0f} MiB/s, raw "
                    f"{SIZE / t_raw_up / 2**20:.0f} MiB/s; download sdk "
                    f"{SIZE / t_sdk_down / 2**20:.0f} MiB/s, raw {SIZE / t_raw_down / 2**20:.0f}"
                    " MiB/s",
                )
            if (work / "sdk.bin").read_bytes() != source.read_bytes():
                raise RuntimeError("the SDK's download differs from what was uploaded")
            raw.close()
            client.close()  # type: ignore[attr-defined]
            report.figure("upload_vs_httpx", median(up))
            report.figure("download_vs_httpx", median(down))
            report.figure("download_peak_rss_mib", _peak_rss(server, work))


_CHILD = """
import json, sys
from pathlib import Path
from scnet_hpc import Client

def hwm():
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
base_url, token, folder = sys.argv[1:4]
client = Client(base_url, token, platform_url=base_url, timeout=120)
client.files.download("/public/home/demo/small.bin", Path(folder) / "small.bin")
before = hwm()
client.files.download("/public/home/demo/big.bin", Path(folder) / "big.bin")
after = hwm()
print(json.dumps({"before": before, "after": after,
                  "size": (Path(folder) / "big.bin").stat().st_size}))
"""


def _peak_rss(server: MockServer, work: Path) -> float:
    answer = subprocess.run(
        [sys.executable, "-c", _CHILD, server.base_url, server.token, str(work)],
        capture_output=True,
        text=True,
        check=True,
        timeout=600,
    )
    data = json.loads(answer.stdout.strip().splitlines()[-1])
    if data["size"] != BIG:
        raise RuntimeError(f"the 1 GiB download wrote {data['size']} bytes")
    return float(data["after"] - data["before"])
