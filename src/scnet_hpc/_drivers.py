"""The two small drivers that run plans: blocking (``Client``) and asyncio (``AsyncClient``).

A driver does only what a plan's effects ask: send a request with its httpx client (handing
back the response, or throwing the transport exception into the plan), sleep, and run a
``Gather``'s plans side by side (asyncio tasks, or threads sharing the blocking httpx client).
All the logic lives in the plans, so these are the only code the clients do not share.

Bodies are streamed and read up to ``Send.max_bytes`` (decoded): a server that answers without
end, or a small gzip that inflates to gigabytes, costs at most that much memory. A ``Send`` with
a ``sink`` (a download) hands a body of bytes to the sink block by block instead.
"""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

import httpx

from ._plans import Gather, Plan, ResponseTooLarge, Send

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
                    response = http.send(http.build_request(**effect.httpx_kwargs()), stream=True)
                    try:
                        body = _Body(effect, response)
                        for chunk in response.iter_bytes():
                            body.add(chunk)
                    finally:
                        response.close()
                    value = body.response()
                except (httpx.HTTPError, OSError, ResponseTooLarge) as exc:
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
                    request = http.build_request(**effect.httpx_kwargs())
                    response = await http.send(request, stream=True)
                    try:
                        body = _Body(effect, response)
                        async for chunk in response.aiter_bytes():
                            body.add(chunk)
                    finally:
                        await response.aclose()
                    value = body.response()
                except (httpx.HTTPError, OSError, ResponseTooLarge) as exc:
                    failure = exc
            elif isinstance(effect, Gather):
                value = await _gather_async(effect, http, sleep)
            else:
                slept = sleep(effect.seconds)
                if inspect.isawaitable(slept):
                    await slept
    finally:
        plan.close()


class _Body:
    """The decoded body of a streamed response, refused past ``limit`` bytes, or handed to the
    send's sink when the sink takes it."""

    def __init__(self, send: Send, response: httpx.Response) -> None:
        self.limit = limit = send.max_bytes
        self.streamed = response
        self.chunks: list[bytes] = []
        self.size = 0
        self.sink = send.sink if send.sink is not None and send.sink.start(response) else None
        if self.sink is not None:
            return
        declared = response.headers.get("content-length", "")
        encoded = response.headers.get("content-encoding", "identity") != "identity"
        if limit is not None and declared.isdigit() and not encoded and int(declared) > limit:
            raise ResponseTooLarge(limit)

    def add(self, chunk: bytes) -> None:
        if self.sink is not None:
            self.sink.write(chunk)
            return
        self.size += len(chunk)
        if self.limit is not None and self.size > self.limit:
            raise ResponseTooLarge(self.limit)
        self.chunks.append(chunk)

    def response(self) -> httpx.Response:
        """A complete response with the decoded body (so without its content-encoding)."""
        headers = [
            (name, value)
            for name, value in self.streamed.headers.raw
            if name.lower() not in (b"content-encoding", b"content-length", b"transfer-encoding")
        ]
        return httpx.Response(
            self.streamed.status_code,
            headers=headers,
            content=b"".join(self.chunks),
            request=self.streamed.request,
            extensions=self.streamed.extensions,
        )


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
