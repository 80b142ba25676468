"""The two small drivers that run plans: blocking (``Client``) and asyncio (``AsyncClient``).

A driver does only what a plan's effects ask: send a request with its httpx client (handing
back the response, or throwing the transport exception into the plan) and sleep. All the logic
lives in the plans, so these two functions are the only code the clients do not share.
"""

from __future__ import annotations

import inspect
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

import httpx

from ._plans import Plan, Send

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
            else:
                sleep(effect.seconds)
    finally:
        plan.close()


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
            else:
                slept = sleep(effect.seconds)
                if inspect.isawaitable(slept):
                    await slept
    finally:
        plan.close()
