"""The two small drivers that run plans: blocking (``Client``) and asyncio (``AsyncClient``).

A driver does only what a plan's effects ask: send a request with its httpx client (handing
back the response, or throwing the transport exception into the plan), sleep, and run a
``Gather``'s plans side by side (asyncio tasks, or threads sharing the blocking httpx client).
All the logic lives in the plans, so these are the only code the clients do not share.
"""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

import httpx

from ._plans import Gather, Plan, Send

__all__ = ["drive_async", "drive_sync"]

T = TypeVar("T")


def drive_sync(plan: Plan[T], http: httpx.Client, sleep: Callable[[float], Any]) -> T:
    """Run ``plan`` with blocking I/O."""
    value: Any = None
    failure: BaseException | None = None
    try:
        while True:
            try:
                effect = plan.throw(failure) if failure is not None else plan.send(value)
            except StopIteration as stop:
                result: T = stop.value
                return result
            value, failure = None, None
            if isinstance(effect, Send):
                try:
                    value = http.request(**effect.httpx_kwargs())
                except (httpx.HTTPError, OSError) as exc:
                    failure = exc
            elif isinstance(effect, Gather):
                value = _gather_sync(effect, http, sleep)
            else:
                sleep(effect.seconds)
    finally:
        plan.close()


def _gather_sync(gather: Gather, http: httpx.Client, sleep: Callable[[float], Any]) -> list[Any]:
    def outcome(plan: Plan[Any]) -> Any:
        try:
            return drive_sync(plan, http, sleep)
        except Exception as exc:  # an outcome like any other; the gathering plan decides
            return exc

    if gather.limit <= 1 or len(gather.plans) <= 1:
        return [outcome(plan) for plan in gather.plans]
    with ThreadPoolExecutor(max_workers=min(gather.limit, len(gather.plans))) as pool:
        return list(pool.map(outcome, gather.plans))


async def drive_async(
    plan: Plan[T], http: httpx.AsyncClient, sleep: Callable[[float], Awaitable[Any] | Any]
) -> T:
    """Run ``plan`` with asyncio I/O (the same plan ``drive_sync`` runs)."""
    value: Any = None
    failure: BaseException | None = None
    try:
        while True:
            try:
                effect = plan.throw(failure) if failure is not None else plan.send(value)
            except StopIteration as stop:
                result: T = stop.value
                return result
            value, failure = None, None
            if isinstance(effect, Send):
                try:
                    value = await http.request(**effect.httpx_kwargs())
                except (httpx.HTTPError, OSError) as exc:
                    failure = exc
            elif isinstance(effect, Gather):
                value = await _gather_async(effect, http, sleep)
            else:
                slept = sleep(effect.seconds)
                if inspect.isawaitable(slept):
                    await slept
    finally:
        plan.close()


async def _gather_async(
    gather: Gather, http: httpx.AsyncClient, sleep: Callable[[float], Awaitable[Any] | Any]
) -> list[Any]:
    slots = asyncio.Semaphore(max(1, gather.limit))

    async def outcome(plan: Plan[Any]) -> Any:
        async with slots:
            try:
                return await drive_async(plan, http, sleep)
            except Exception as exc:  # an outcome like any other; the gathering plan decides
                return exc

    return list(await asyncio.gather(*(outcome(plan) for plan in gather.plans)))
