"""Every error the SDK raises, as one small hierarchy rooted at ``ScnetError``.

The service answers business errors as HTTP 200 with a ``code`` other than ``"0"``; those become
``ApiError`` subclasses chosen by what the code *means*, so callers can ``except`` a meaning
(``AuthenticationError``) instead of matching numbers. Unknown codes stay a plain ``ApiError``
that keeps ``code`` and ``msg``. Everything that is not an envelope is a different kind of
failure: the network or the gateway (``TransportError``), or an answer that breaks the contract
(``ContractViolation``).

Messages and reprs never carry tokens, secret keys or signatures: ``str()`` of every error goes
through the same redaction as the logs.
"""

from __future__ import annotations

from typing import Any

from ._logging import redact

__all__ = [
    "AccountFrozenError",
    "ApiError",
    "AuthenticationError",
    "ConfigurationError",
    "ContractViolation",
    "FilePermissionError",
    "HttpStatusError",
    "InvalidArgumentError",
    "InvalidJobSpec",
    "InvalidRequestError",
    "JobNotFoundError",
    "JobRejectedError",
    "JobTimeoutError",
    "OperationTimeoutError",
    "RemoteFileExistsError",
    "RemoteFileNotFoundError",
    "RequestTimeoutError",
    "ScnetError",
    "ServerError",
    "StorageFullError",
    "SubmitManyError",
    "TokenExpiredError",
    "TransportError",
]


class ScnetError(Exception):
    """Base class of every error raised by scnet-hpc."""

    def __str__(self) -> str:
        return redact(super().__str__())


# --------------------------------------------------------------------------- API errors


class ApiError(ScnetError):
    """The service answered with an error envelope (``code`` other than ``"0"``).

    ``code`` is always a string (a bare integer from the server is converted), ``msg`` the
    server's message verbatim, ``operation`` the operationId of openapi.yaml, ``raw`` the
    decoded body.
    """

    def __init__(self, code: str, msg: str, *, operation: str, raw: Any = None) -> None:
        self.code = code
        self.msg = msg
        self.operation = operation
        self.raw = raw
        super().__init__(
            f"{operation}: error {code}: {msg}" if msg else f"{operation}: error {code}"
        )

    def __repr__(self) -> str:
        return redact(
            f"{type(self).__name__}(code={self.code!r}, msg={self.msg!r}, "
            f"operation={self.operation!r})"
        )


class AuthenticationError(ApiError):
    """The token or signature was refused (``10008`` 权限不足, ``10009`` 没有权限访问接口)."""


class TokenExpiredError(AuthenticationError):
    """The token has expired and could not be replaced (e.g. a static token past its expiry)."""


class InvalidRequestError(ApiError):
    """The service rejected the parameters (``10003`` missing, ``10004`` invalid, and the file
    checks ``10010``/``10011``)."""


class AccountFrozenError(ApiError):
    """The user is frozen (``10007`` 用户已被冻结)."""


class ServerError(ApiError):
    """The service failed internally (``10001`` and ``10012``); reads may be retried."""


class JobRejectedError(ApiError):
    """The scheduler refused the job; ``msg`` is its stderr, verbatim (e.g. ``sbatch: error``).

    Also ``815007`` (sbatch failed). ``815005`` (the scheduler did not answer) is a
    ``ServerError`` instead: the job may or may not exist, so a submit is never repeated."""


class OperationTimeoutError(ServerError):
    """The service gave up on the operation (``10013`` 操作超时); not a client-side timeout."""


class RemoteFileNotFoundError(ApiError, FileNotFoundError):
    """The file or folder does not exist on the cluster (``911020``)."""


class RemoteFileExistsError(ApiError, FileExistsError):
    """The file or folder already exists on the cluster (``911021``)."""


class FilePermissionError(ApiError, PermissionError):
    """The cluster user may not do this to the file (``911030`` 权限不足，禁止操作)."""


class StorageFullError(ApiError):
    """Not enough storage space left (``911501`` 存储空间不足)."""


# --------------------------------------------------------------------------- transport


class TransportError(ScnetError):
    """No envelope came back: the connection failed, timed out, or the gateway answered.

    ``__cause__`` holds the underlying ``httpx`` exception, if any.
    """

    def __init__(self, message: str, *, operation: str, method: str, url: str) -> None:
        self.operation = operation
        self.method = method
        self.url = url
        super().__init__(f"{operation}: {method} {url}: {message}")

    def __repr__(self) -> str:
        return redact(f"{type(self).__name__}({self!s})")


class RequestTimeoutError(TransportError, TimeoutError):
    """Connecting, sending or reading took longer than the configured timeout."""


class HttpStatusError(TransportError):
    """The gateway answered with an HTTP status other than 200 (404, 502, 503, ...)."""

    def __init__(
        self,
        status_code: int,
        *,
        operation: str,
        method: str,
        url: str,
        body: str = "",
        retry_after: float | None = None,
    ) -> None:
        self.status_code = status_code
        self.body = body
        self.retry_after = retry_after
        super().__init__(f"HTTP {status_code}", operation=operation, method=method, url=url)


# --------------------------------------------------------------------------- contract


class ContractViolation(ScnetError):
    """The answer does not match openapi.yaml (not JSON, not an envelope, or a success envelope
    whose ``data`` is missing or mistyped).

    ``reason`` says what was wrong, ``path`` where (JSON pointer-like, ``""`` for the body),
    ``raw`` the body as received (decoded JSON or text).
    """

    def __init__(
        self,
        reason: str,
        *,
        operation: str,
        raw: Any = None,
        path: str = "",
        not_json: bool = False,
    ) -> None:
        self.reason = reason
        self.operation = operation
        self.raw = raw
        self.path = path
        self.not_json = not_json
        where = f" at {path}" if path else ""
        super().__init__(f"{operation}: response does not match the contract{where}: {reason}")

    def __repr__(self) -> str:
        return redact(f"ContractViolation(operation={self.operation!r}, reason={self.reason!r})")


# --------------------------------------------------------------------------- client side


class ConfigurationError(ScnetError, ValueError):
    """The client cannot work as configured (no usable region, no user name, bad option)."""


class InvalidArgumentError(ScnetError, ValueError):
    """A method was called with an argument it cannot use (checked before anything is sent)."""


class InvalidJobSpec(ScnetError, ValueError):
    """A ``JobSpec`` breaks the submit rules; ``problems`` lists ``(field, message)`` pairs."""

    def __init__(self, problems: list[tuple[str, str]]) -> None:
        self.problems = problems
        text = "; ".join(f"{name}: {message}" for name, message in problems)
        super().__init__(f"invalid job spec: {text}")

    @property
    def fields(self) -> list[str]:
        return [name for name, _ in self.problems]


class JobNotFoundError(ScnetError, LookupError):
    """Neither the realtime nor the history operations know the job."""

    def __init__(self, job_id: str, detail: str = "") -> None:
        self.job_id = job_id
        super().__init__(f"job {job_id} not found" + (f": {detail}" if detail else ""))


class JobTimeoutError(ScnetError, TimeoutError):
    """``wait()`` gave up before the job finished; ``last_status`` is what it saw last.

    From ``wait_all()``/``as_completed()``: ``unfinished`` maps the id of every job still
    unfinished to its last status (``None`` if never seen), ``finished`` the others to their
    final status; ``job_id`` and ``last_status`` are the first unfinished job's.
    """

    def __init__(
        self,
        job_id: str,
        timeout: float,
        last_status: Any = None,
        *,
        unfinished: dict[str, Any] | None = None,
        finished: dict[str, Any] | None = None,
    ) -> None:
        self.job_id = job_id
        self.timeout = timeout
        self.last_status = last_status
        self.unfinished: dict[str, Any] = (
            unfinished if unfinished is not None else {job_id: last_status}
        )
        self.finished: dict[str, Any] = finished or {}
        if len(self.unfinished) > 1 or self.finished:
            shown = ", ".join(list(self.unfinished)[:10])
            more = ", ..." if len(self.unfinished) > 10 else ""
            total = len(self.unfinished) + len(self.finished)
            super().__init__(
                f"{len(self.unfinished)} of {total} jobs did not finish within {timeout:g} s: "
                f"{shown}{more}"
            )
            return
        state = getattr(last_status, "state", None)
        seen = f" (last state: {state.value})" if state is not None else ""
        super().__init__(f"job {job_id} did not finish within {timeout:g} s{seen}")


class SubmitManyError(ScnetError):
    """``submit_many()``: some specs did not become jobs. Nothing was retried.

    ``jobs`` and ``errors`` run parallel to the specs given: for each spec the job it became
    (``errors[i]`` is ``None``) or the exception that stopped it (``jobs[i]`` is ``None``).
    ``submitted`` and ``failed`` list ``(index, job)`` and ``(index, error)`` pairs.
    ``maybe_submitted`` are the indexes whose submit failed in transport (a timeout, a dropped
    connection): the service may have created those jobs, so look before submitting them again.
    """

    def __init__(self, jobs: list[Any], errors: list[BaseException | None]) -> None:
        self.jobs = jobs
        self.errors = errors
        failed = self.failed
        parts = [f"spec {i}: {type(e).__name__}: {e}" for i, e in failed[:3]]
        more = f"; and {len(failed) - 3} more" if len(failed) > 3 else ""
        super().__init__(
            f"{len(failed)} of {len(jobs)} specs were not submitted "
            f"({len(self.submitted)} became jobs): " + "; ".join(parts) + more
        )

    @property
    def submitted(self) -> list[tuple[int, Any]]:
        return [(i, job) for i, job in enumerate(self.jobs) if job is not None]

    @property
    def failed(self) -> list[tuple[int, BaseException]]:
        return [(i, e) for i, e in enumerate(self.errors) if e is not None]

    @property
    def maybe_submitted(self) -> list[int]:
        return [i for i, e in self.failed if isinstance(e, TransportError)]
