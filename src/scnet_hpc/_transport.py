"""The one choke point every request goes through, written once for sync and async.

Everything the SDK does is a *plan*: a generator that yields effects (``Send`` a request,
``Sleep`` a while) and receives their results. The plan holds all the logic — which base URL
and token, timeouts, retries with backoff, the refresh-once-on-10008 rule, logging, envelope
unwrapping — and never performs I/O itself. Two small drivers run plans: ``drive_sync`` with an
``httpx.Client`` and ``drive_async`` with an ``httpx.AsyncClient``. ``Client`` and ``AsyncClient``
therefore cannot drift apart: they run the very same plans, so they send the same requests.

Requests are built by the generated API modules (``_get_kwargs`` of
``scnet_hpc_api.api.<tag>.<operation>``) and sent through the generated ``Client``'s httpx
client; only the base URL (which differs per operation) and the ``token`` header (which changes
on renewal) are added here.
"""

from __future__ import annotations

import inspect
import logging
import random
import time
from collections.abc import Awaitable, Callable, Generator
from dataclasses import dataclass, field
from typing import Any, Protocol, TypeVar

import httpx

from ._envelope import unwrap
from ._logging import http_logger, logger, redact, render_curl
from ._operations import OPERATIONS, Operation
from ._retry import RetryPolicy, is_transient
from .errors import (
    AuthenticationError,
    HttpStatusError,
    RequestTimeoutError,
    ScnetError,
    TransportError,
)

__all__ = [
    "DEFAULT_TIMEOUT",
    "Auth",
    "Options",
    "Plan",
    "Send",
    "Sleep",
    "drive_async",
    "drive_sync",
    "make_timeout",
    "request",
]

T = TypeVar("T")

#: Connect within 5 s, then allow 30 s for each read/write (the slowest documented read, a
#: 30-day history list, takes about 9 s on the live service).
DEFAULT_TIMEOUT = httpx.Timeout(30.0, connect=5.0)


@dataclass(frozen=True)
class Send:
    """Effect: send this request; the plan receives the ``httpx.Response`` (or the exception)."""

    operation: str
    method: str
    url: str
    headers: dict[str, str]
    timeout: httpx.Timeout
    params: dict[str, Any] | None = None
    json: Any = None
    data: dict[str, Any] | None = None

    def httpx_kwargs(self) -> dict[str, Any]:
        kwargs: dict[str, Any] = {
            "method": self.method,
            "url": self.url,
            "headers": self.headers,
            "timeout": self.timeout,
        }
        if self.params:
            kwargs["params"] = self.params
        if self.json is not None:
            kwargs["json"] = self.json
        if self.data is not None:
            kwargs["data"] = self.data
        return kwargs

    def __repr__(self) -> str:
        return f"Send({self.method} {redact(self.url)} [{self.operation}])"


@dataclass(frozen=True)
class Sleep:
    """Effect: wait this many seconds (with the client's injectable ``sleep``)."""

    seconds: float


Effect = Send | Sleep
Plan = Generator[Effect, Any, T]


@dataclass(frozen=True)
class Options:
    """Per-call settings (``Client.with_options`` makes a client with other ones)."""

    timeout: httpx.Timeout = field(default_factory=lambda: DEFAULT_TIMEOUT)
    retry: RetryPolicy = field(default_factory=RetryPolicy)
    validate: bool = True


def make_timeout(value: float | httpx.Timeout | None) -> httpx.Timeout:
    """A float is the read/write/pool timeout, with connect capped at 5 s; ``None`` the default.

    To wait forever, pass ``httpx.Timeout(None)`` explicitly.
    """
    if value is None:
        return DEFAULT_TIMEOUT
    if isinstance(value, httpx.Timeout):
        return value
    if isinstance(value, bool) or not isinstance(value, int | float) or value <= 0:
        raise ValueError(f"timeout must be a positive number of seconds, got {value!r}")
    return httpx.Timeout(float(value), connect=min(5.0, float(value)))


class Auth(Protocol):
    """What the choke point asks of the session (tokens and base URLs)."""

    rng: random.Random

    def endpoint(self, op: Operation) -> Plan[tuple[str, str | None]]:
        """Base URL and token for ``op`` (signing in, renewing or discovering as needed)."""
        ...

    def refresh(self, op: Operation, token: str | None) -> Plan[bool]:
        """Replace ``token`` after a 10008; false when it cannot be replaced (static token)."""
        ...

    def denied(self, error: AuthenticationError, token: str | None) -> AuthenticationError:
        """The error to raise for a final 10008 (``TokenExpiredError`` when the token expired)."""
        ...


def request(
    auth: Auth, options: Options, operation: str, build: Callable[[], dict[str, Any]]
) -> Plan[Any]:
    """Send ``operation`` (kwargs from ``build``, a generated ``_get_kwargs``) and unwrap it."""
    op = OPERATIONS[operation]
    retries = 0
    refreshed = False
    while True:
        base_url, token = yield from auth.endpoint(op)
        send = _make_send(op, base_url, token, build(), options.timeout)
        if http_logger.isEnabledFor(logging.DEBUG):
            http_logger.debug("%s", _curl(send))
        started = time.perf_counter()
        error: ScnetError
        try:
            response = yield send
        except (httpx.HTTPError, OSError) as exc:  # thrown in by the driver
            error = _transport_error(exc, send)
            logger.debug(
                "%s %s failed after %.1f ms: %s",
                send.method,
                redact(send.url),
                (time.perf_counter() - started) * 1e3,
                error,
            )
        else:
            try:
                result = _answer(op, send, response, options.validate)
            except ScnetError as exc:
                error = exc
            else:
                _log_answer(send, response, None, started)
                return result
            _log_answer(send, response, error, started)
        if isinstance(error, AuthenticationError) and error.code == "10008" and op.authenticated:
            if not refreshed and (yield from auth.refresh(op, token)):
                refreshed = True
                logger.info("%s: token refused (10008); retrying once with a new token", op.id)
                continue
            raise auth.denied(error, token)
        if op.retryable and retries < options.retry.max_retries and is_transient(error):
            retry_after = error.retry_after if isinstance(error, HttpStatusError) else None
            delay = options.retry.delay(retries, auth.rng, retry_after)
            retries += 1
            logger.warning(
                "%s failed (%s); retry %d of %d in %.2f s",
                op.id,
                _short(error),
                retries,
                options.retry.max_retries,
                delay,
            )
            yield Sleep(delay)
            continue
        raise error


def _make_send(
    op: Operation, base_url: str, token: str | None, kwargs: dict[str, Any], timeout: httpx.Timeout
) -> Send:
    headers = {str(k): str(v) for k, v in kwargs.get("headers", {}).items()}
    if token is not None:
        headers["token"] = token
    return Send(
        operation=op.id,
        method=str(kwargs["method"]).upper(),
        url=base_url.rstrip("/") + str(kwargs["url"]),
        headers=headers,
        timeout=timeout,
        params=kwargs.get("params") or None,
        json=kwargs.get("json"),
        data=kwargs.get("data"),
    )


def _answer(op: Operation, send: Send, response: httpx.Response, validate: bool) -> Any:
    if response.status_code != 200:
        raise HttpStatusError(
            response.status_code,
            operation=op.id,
            method=send.method,
            url=redact(send.url),
            body=redact(response.text[:500]),
            retry_after=_retry_after(response),
        )
    return unwrap(op.id, response.content, validate=validate)


def _retry_after(response: httpx.Response) -> float | None:
    value = response.headers.get("retry-after", "")
    try:
        return float(value) if value else None
    except ValueError:
        return None


def _transport_error(exc: BaseException, send: Send) -> TransportError:
    cls = RequestTimeoutError if isinstance(exc, httpx.TimeoutException) else TransportError
    detail = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
    error = cls(detail, operation=send.operation, method=send.method, url=redact(send.url))
    error.__cause__ = exc
    return error


def _log_answer(
    send: Send, response: httpx.Response, error: ScnetError | None, started: float
) -> None:
    if not logger.isEnabledFor(logging.DEBUG):
        return
    outcome = "ok" if error is None else _short(error)
    logger.debug(
        "%s %s -> HTTP %d in %.1f ms: %s",
        send.method,
        redact(send.url),
        response.status_code,
        (time.perf_counter() - started) * 1e3,
        outcome,
    )


def _short(error: ScnetError) -> str:
    text = str(error)
    return text if len(text) <= 300 else text[:297] + "..."


def _curl(send: Send) -> str:
    return render_curl(
        send.method,
        send.url,
        params=send.params,
        headers=send.headers,
        json_body=send.json,
        form=send.data,
    )


# --------------------------------------------------------------------------- drivers


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
