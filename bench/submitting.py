"""Submitting 100 jobs: ``AsyncClient.submit_many`` (concurrent) against 100 ``Client.submit``
calls one after another, on the same mock process, wall time per batch.

Rounds alternate which goes first; the figure is the median of the per-round ratios
(async / sync). Both clients are built once and warmed; every submit is accepted (the bench
mock lifts the demo user's submit limit) and adds a job to the same mock, so later rounds run
on a fuller mock for both sides alike.

The client process's CPU time per batch is kept too (``submit_100_*_client_cpu_s``): when the
async batch's wall time is close to its CPU time, the client itself (one Python thread) is what
limits it, not the mock or the network. ``submit_100_raw_async_vs_sync`` is the same batch sent
by a bare ``httpx.AsyncClient`` (the same JSON body, ``CONCURRENCY`` at a time, no SDK): the best
any asyncio client could do against this mock.
"""

from __future__ import annotations

import asyncio
import time
from typing import Any

import httpx

from ._report import Report
from ._server import MockServer, mock_server, settings_text
from ._timing import median

__all__ = ["BATCH", "CONCURRENCY", "run"]

BATCH = 100
CONCURRENCY = 10
ROUNDS = 5


def _specs(tag: str) -> list[object]:
    from scnet_hpc import JobSpec

    return [
        JobSpec(command="sleep 60", queue="normal", walltime=600, job_name=f"{tag}{i}",
                work_dir="/public/home/demo/bench")
        for i in range(BATCH)
    ]  # fmt: skip


def _raw_body(server: MockServer, name: str) -> dict[str, Any]:
    """What ``Client.submit`` sends for one of ``_specs``' jobs, written by hand."""
    return {
        "strJobManagerID": server.scheduler_id,
        "mapAppJobInfo": {
            "GAP_CMD_FILE": "sleep 60", "GAP_NNODE": "1", "GAP_PPN": "1", "GAP_SUBMIT_TYPE": "cmd",
            "GAP_JOB_NAME": name, "GAP_WORK_DIR": "/public/home/demo/bench", "GAP_QUEUE": "normal",
            "GAP_WALL_TIME": "00:10:00", "GAP_APPNAME": "BASE",
        },
    }  # fmt: skip


def _client_kwargs(server: MockServer) -> dict[str, object]:
    return {
        "cluster_user": "demo",
        "home_path": "/public/home/demo",
        "scheduler_id": server.scheduler_id,
    }


def run(report: Report, *, quick: bool = False) -> None:
    from scnet_hpc import AsyncClient, Client

    rounds = 2 if quick else ROUNDS
    report.setting(
        "submit",
        f"{BATCH} submit_job per batch: AsyncClient.submit_many(concurrency={CONCURRENCY}) vs "
        f"Client.submit in a loop; {rounds} rounds alternating order; mock: {settings_text()}",
    )
    with mock_server() as server:
        sync_client = Client(server.base_url, server.token, **_client_kwargs(server))  # type: ignore[arg-type]

        async def rounds_async() -> dict[str, list[float]]:
            async_client = AsyncClient(server.base_url, server.token, **_client_kwargs(server))  # type: ignore[arg-type]
            samples: dict[str, list[float]] = {"sync": [], "async": [], "sync_cpu": [],
                                               "async_cpu": [], "raw_async": []}  # fmt: skip
            raw = httpx.AsyncClient(headers={"token": server.token})
            url = f"{server.base_url}/hpc/openapi/v2/apptemplates/BASIC/BASE/job"

            async def raw_batch(tag: str) -> float:
                slots = asyncio.Semaphore(CONCURRENCY)

                async def one(i: int) -> None:
                    async with slots:
                        answer = await raw.post(url, json=_raw_body(server, f"{tag}{i}"))
                    if answer.json().get("code") != "0":
                        raise RuntimeError(f"raw submit refused: {answer.text[:200]}")

                started = time.perf_counter()
                await asyncio.gather(*(one(i) for i in range(BATCH)))
                return time.perf_counter() - started

            def sync_batch(tag: str) -> float:
                specs = _specs(tag)
                started, cpu = time.perf_counter(), time.process_time()
                for spec in specs:
                    sync_client.submit(spec)  # type: ignore[arg-type]
                samples["sync_cpu"].append(time.process_time() - cpu)
                return time.perf_counter() - started

            async def async_batch(tag: str) -> float:
                specs = _specs(tag)
                started, cpu = time.perf_counter(), time.process_time()
                jobs = await async_client.submit_many(specs, concurrency=CONCURRENCY)  # type: ignore[arg-type]
                elapsed = time.perf_counter() - started
                samples["async_cpu"].append(time.process_time() - cpu)
                assert len(jobs) == BATCH
                return elapsed

            try:
                sync_batch("warm-s")
                await async_batch("warm-a")
                await raw_batch("warm-r")
                for key in samples:
                    samples[key].clear()
                for i in range(rounds):
                    if i % 2:
                        samples["async"].append(await async_batch(f"a{i}-"))
                        samples["raw_async"].append(await raw_batch(f"r{i}-"))
                        samples["sync"].append(sync_batch(f"s{i}-"))
                    else:
                        samples["sync"].append(sync_batch(f"s{i}-"))
                        samples["raw_async"].append(await raw_batch(f"r{i}-"))
                        samples["async"].append(await async_batch(f"a{i}-"))
            finally:
                await async_client.close()
                await raw.aclose()
            return samples

        try:
            samples = asyncio.run(rounds_async())
        finally:
            sync_client.close()
    ratio = median(a / s for a, s in zip(samples["async"], samples["sync"], strict=True))
    report.figure("submit_100_sync_s", median(samples["sync"]))
    report.figure("submit_100_async_s", median(samples["async"]))
    report.figure("submit_100_sync_client_cpu_s", median(samples["sync_cpu"]))
    report.figure("submit_100_async_client_cpu_s", median(samples["async_cpu"]))
    report.figure("submit_100_async_vs_sync", ratio)
    report.figure(
        "submit_100_raw_async_vs_sync",
        median(r / s for r, s in zip(samples["raw_async"], samples["sync"], strict=True)),
    )
    report.details["submit_100_seconds"] = samples
