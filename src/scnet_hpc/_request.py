"""The one choke point every request goes through: ``request``, itself a plan.

It owns which base URL and token (asked of a ``TokenSource``), headers, timeouts, retries with
backoff, the refresh-once-on-10008 rule, logging and envelope unwrapping. Requests are built by
the generated API modules (``_get_kwargs`` of ``scnet_hpc_api.api.<tag>.<operation>``); only the
base URL (which differs per operation) and the ``token`` header (which changes on renewal) are
added here.
"""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Callable
from typing import Any, Protocol

import httpx

from ._envelope import unwrap
from ._logging import http_logger, logger, redact, render_curl
from ._operations import OPERATIONS, Operation, OperationSpec
from ._options import Options
from ._plans import Plan, ResponseTooLarge, Send, Sink, Sleep
from ._recording import record
from ._retry import is_transient
from .errors import (
    AuthenticationError,
    ContractViolation,
    HttpStatusError,
    RequestTimeoutError,
    ScnetError,
    TransportError,
)

__all__ = ["MAX_BODY_BYTES", "TokenSource", "request"]

#: The largest body the SDK reads (decoded). The largest documented answers, a 10,000-row job
#: list or a page of a file, are under 10 MiB; a server sending more is not answering the API.
MAX_BODY_BYTES = 64 * 2**20


class TokenSource(Protocol):
    """Where a request goes and with which token: what the choke point asks of the session."""

    rng: random.Random

    def endpoint(self, op: OperationSpec) -> Plan[tuple[str, str | None]]:
        """Base URL and token for ``op`` (signing in, renewing or discovering as needed)."""
        ...

    def refresh(self, op: OperationSpec, token: str | None) -> Plan[bool]:
        """Replace ``token`` after a 10008; false when it cannot be replaced (static token)."""
        ...

    def denied(self, error: AuthenticationError, token: str | None) -> AuthenticationError:
        """The error to raise for a final 10008 (``TokenExpiredError`` when the token expired)."""
        ...


def request(
    source: TokenSource,
    options: Options,
    operation: Operation,
    build: Callable[[], dict[str, Any]],
    *,
    sink: Sink | None = None,
) -> Plan[Any]:
    """Send ``operation`` (kwargs from ``build``, a generated ``_get_kwargs``) and unwrap it.

    ``build`` is called for every attempt, so a retry can differ (a download asks for the bytes
    it lacks with ``Range``; a chunk is read again from the file). With a ``sink``, an answer
    whose body the sink took (bytes, not an envelope) is returned as the bodiless response.
    """
    op = OPERATIONS[operation]
    retries = 0
    refreshed = False
    while True:
        base_url, token = yield from source.endpoint(op)
        send = _make_send(op, base_url, token, build(), options.timeout, sink)
        if http_logger.isEnabledFor(logging.DEBUG):
            http_logger.debug("%s", _curl(send))
        started = time.perf_counter()
        error: ScnetError
        try:
            response = yield send
        except ResponseTooLarge as exc:  # thrown in by the driver, which stopped reading
            error = ContractViolation(
                f"the body is larger than {exc.limit / 2**20:g} MiB (the SDK reads no more)",
                operation=op.id,
            )
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
            if sink is not None and sink.taken:
                _log_answer(send, response, None, started)
                return response
            if options.record_dir is not None:
                record(options.record_dir, op.id, send.method, send.url, response)
            try:
                result = _answer(op, send, response, options.validate)
            except ScnetError as exc:
                error = exc
            else:
                _log_answer(send, response, None, started)
                return result
            _log_answer(send, response, error, started)
        if isinstance(error, AuthenticationError) and error.code == "10008" and op.authenticated:
            if not refreshed and (yield from source.refresh(op, token)):
                refreshed = True
                logger.info("%s: token refused (10008); retrying once with a new token", op.id)
                continue
            raise source.denied(error, token)
        if op.retryable and retries < options.retry.max_retries and is_transient(error):
            retry_after = error.retry_after if isinstance(error, HttpStatusError) else None
            delay = options.retry.delay(retries, source.rng, retry_after)
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
    op: OperationSpec,
    base_url: str,
    token: str | None,
    kwargs: dict[str, Any],
    timeout: httpx.Timeout,
    sink: Sink | None = None,
) -> Send:
    headers = {str(k): str(v) for k, v in kwargs.get("headers", {}).items()}
    files = kwargs.get("files")
    if files is not None:
        # The generated builder fixes the boundary to "+++", which a file's bytes may contain;
        # without the header httpx picks a random boundary (and sets the header itself).
        headers = {k: v for k, v in headers.items() if k.lower() != "content-type"}
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
        max_bytes=MAX_BODY_BYTES,
        files=files,
        sink=sink,
    )


def _answer(op: OperationSpec, send: Send, response: httpx.Response, validate: bool) -> Any:
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
