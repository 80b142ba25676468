"""Per-call cost: N sequential ``list_clusters`` calls through the SDK, the generated client and
raw ``httpx.Client.get``, against the same mock (its own process, loopback, keep-alive).

Rounds are short (50 calls per client) and many, each timing all three back to back in a
rotating order, and the ratio is taken per round; the figure is the median ratio over the rounds.
Short interleaved rounds matter on a small shared machine: round-to-round noise is ±20 %, far
more than the differences measured, and it mostly cancels within a round. Every client is built
once and reused (building a client per call costs ~30× more; see docs/toolchain.md).
The raw baseline reads the body and nothing else; the others also decode it and build typed
models, and the SDK checks it against openapi.yaml as well: the ratio is what that costs on top
of the round trip.

The asyncio twin (``overhead_async_sdk_vs_httpx``) is measured the same way in one event loop:
``AsyncClient.clusters()`` against a raw ``httpx.AsyncClient.get``, interleaved rounds, the
median of the per-round ratios.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable

import httpx

from ._report import Report
from ._server import MockServer, mock_server
from ._timing import median, per_call_seconds

__all__ = ["run"]

CALLS = 50
ROUNDS = 60
WARMUP = 50
PATH = "/hpc/openapi/v2/cluster"


def _callers(server: MockServer) -> tuple[dict[str, Callable[[], object]], list[object], str]:
    from scnet_hpc_api import AuthenticatedClient
    from scnet_hpc_api.api.clusters import list_clusters

    raw = httpx.Client(base_url=server.base_url, headers={"token": server.token})

    def raw_get() -> object:
        response = raw.get(PATH)
        response.raise_for_status()
        return response

    generated = AuthenticatedClient(
        base_url=server.base_url, token=server.token, auth_header_name="token", prefix=""
    )

    def generated_call() -> object:
        response = list_clusters.sync_detailed(client=generated)
        if response.status_code != 200:
            raise RuntimeError(f"list_clusters answered HTTP {response.status_code}")
        return response.parsed

    callers: dict[str, Callable[[], object]] = {"httpx": raw_get, "generated": generated_call}
    closers: list[object] = [raw, generated.get_httpx_client()]
    missing = ""
    try:
        from scnet_hpc import Client
    except ImportError as exc:
        missing = f"scnet_hpc.Client not importable: {exc}"
    else:
        sdk = Client(server.base_url, server.token)
        callers["sdk"] = sdk.clusters
        closers.append(sdk)
    return callers, closers, missing


def run(report: Report, *, quick: bool = False) -> None:
    calls, rounds = (50, 10) if quick else (CALLS, ROUNDS)
    report.setting(
        "overhead", f"{calls} sequential list_clusters calls per client per round, {rounds} rounds"
    )
    with mock_server() as server:
        callers, closers, missing = _callers(server)
        try:
            for call in callers.values():
                first = call()
                assert first is not None
                per_call_seconds(call, WARMUP)
            samples: dict[str, list[float]] = {name: [] for name in callers}
            names = list(callers)
            for i in range(rounds):
                order = names[i % len(names) :] + names[: i % len(names)]
                for name in order:
                    samples[name].append(per_call_seconds(callers[name], calls))
        finally:
            for closer in closers:
                closer.close()  # type: ignore[attr-defined]
        async_samples = asyncio.run(_async_rounds(server, calls, rounds))
    base = samples["httpx"]
    for name in names:
        report.figure(f"call_us_{name}", median(samples[name]) * 1e6)
    ratios = {n: median(s / b for s, b in zip(samples[n], base, strict=True)) for n in names}
    report.figure("overhead_generated_vs_httpx", ratios["generated"])
    if "sdk" in ratios:
        report.figure("overhead_sdk_vs_httpx", ratios["sdk"])
    else:
        report.unavailable("overhead_sdk_vs_httpx", missing)
    report.details["call_seconds"] = samples
    if "sdk" in async_samples:
        async_ratio = median(
            s / b for s, b in zip(async_samples["sdk"], async_samples["httpx"], strict=True)
        )
        report.figure("call_us_async_httpx", median(async_samples["httpx"]) * 1e6)
        report.figure("call_us_async_sdk", median(async_samples["sdk"]) * 1e6)
        report.figure("overhead_async_sdk_vs_httpx", async_ratio)
    else:
        report.unavailable("overhead_async_sdk_vs_httpx", missing or "no AsyncClient")
    report.details["async_call_seconds"] = async_samples


async def _per_call_async(call: Callable[[], Awaitable[object]], n: int) -> float:
    started = time.perf_counter()
    for _ in range(n):
        await call()
    return (time.perf_counter() - started) / n


async def _async_rounds(server: MockServer, calls: int, rounds: int) -> dict[str, list[float]]:
    """``AsyncClient.clusters()`` vs ``httpx.AsyncClient.get``, interleaved rounds."""
    raw = httpx.AsyncClient(base_url=server.base_url, headers={"token": server.token})

    async def raw_get() -> object:
        response = await raw.get(PATH)
        response.raise_for_status()
        return response

    callers: dict[str, Callable[[], Awaitable[object]]] = {"httpx": raw_get}
    sdk = None
    try:
        from scnet_hpc import AsyncClient
    except ImportError:
        pass
    else:
        sdk = AsyncClient(server.base_url, server.token)
        callers["sdk"] = sdk.clusters
    try:
        for call in callers.values():
            await _per_call_async(call, WARMUP)
        samples: dict[str, list[float]] = {name: [] for name in callers}
        names = list(callers)
        for i in range(rounds):
            order = names[i % len(names) :] + names[: i % len(names)]
            for name in order:
                samples[name].append(await _per_call_async(callers[name], calls))
    finally:
        await raw.aclose()
        if sdk is not None:
            await sdk.close()
    return samples
