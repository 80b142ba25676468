"""What ``Client`` and ``AsyncClient`` share: construction, factories, options and repr.

The two clients differ only in how they run a plan (``drive_sync`` or ``drive_async``) and in
their httpx client, transport and ``sleep`` types, which are this class's type parameters. Like
httpx's ``BaseClient``, this holds the rest once: every factory builds a session the same way
(``_config``) and hands it to ``_from_session``.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, Generic, TypeVar

import httpx

from ._config import (
    DEFAULT_AUTH_URL,
    DEFAULT_PLATFORM_URL,
    DEFAULT_RENEW_MARGIN,
    Retries,
    Timeout,
    access_key_session,
    cached_token_session,
    env_settings,
    make_options,
    override,
    password_session,
    static_session,
)
from ._core import Core
from ._jobs import JobRef
from ._many import SubmitOutcome
from ._options import Options
from ._session import Session
from ._states import JobState, JobStatus
from .errors import SubmitManyError

if TYPE_CHECKING:
    from typing import Self

__all__ = ["BaseClient", "BaseJob", "JobsArg", "job_refs", "submitted_jobs"]

HttpT = TypeVar("HttpT", httpx.Client, httpx.AsyncClient)
TransportT = TypeVar("TransportT", httpx.BaseTransport, httpx.AsyncBaseTransport)
SleepT = TypeVar("SleepT")


class BaseClient(Generic[HttpT, TransportT, SleepT]):
    """Construction and settings of a client; subclasses add the methods that run plans.

    ``TransportT`` is ``httpx.BaseTransport`` for ``Client`` and ``httpx.AsyncBaseTransport``
    for ``AsyncClient``; ``SleepT`` is a ``sleep(seconds)`` function (an async one may be awaited).
    """

    _core: Core
    _http: HttpT
    _sleep: SleepT
    _owns_http: bool

    def __init__(
        self,
        base_url: str,
        token: str,
        *,
        cluster_user: str | None = None,
        home_path: str | None = None,
        scheduler_id: int | str | None = None,
        platform_url: str = DEFAULT_PLATFORM_URL,
        timeout: Timeout = None,
        retries: Retries = None,
        validate: bool = True,
        record_dir: str | os.PathLike[str] | None = None,
        transport: TransportT | None = None,
        clock: Callable[[], float] | None = None,
        sleep: SleepT | None = None,
        seed: int | None = None,
    ) -> None:
        options = make_options(timeout, retries, validate, record_dir)
        session = static_session(
            base_url,
            token,
            options=options,
            platform_url=platform_url,
            cluster_user=cluster_user,
            home_path=home_path,
            scheduler_id=scheduler_id,
            clock=clock,
            seed=seed,
        )
        self._setup(Core(session, options), self._new_http(transport), sleep, owns_http=True)

    @classmethod
    def from_access_key(
        cls,
        user: str,
        access_key: str,
        secret_key: str,
        *,
        region: str | int | None = None,
        auth_url: str = DEFAULT_AUTH_URL,
        platform_url: str = DEFAULT_PLATFORM_URL,
        token_cache: str | os.PathLike[str] | None = None,
        scheduler_id: int | str | None = None,
        renew_margin: float = DEFAULT_RENEW_MARGIN,
        timeout: Timeout = None,
        retries: Retries = None,
        validate: bool = True,
        record_dir: str | os.PathLike[str] | None = None,
        transport: TransportT | None = None,
        clock: Callable[[], float] | None = None,
        sleep: SleepT | None = None,
        seed: int | None = None,
    ) -> Self:
        """Sign in with an access key (nothing is sent until the first call).

        ``region`` is a region id or name (default: the first region with a job API).
        ``token_cache`` is a file that keeps the region tokens between runs (mode 0600).
        """
        options = make_options(timeout, retries, validate, record_dir)
        session = access_key_session(
            user,
            access_key,
            secret_key,
            options=options,
            region=region,
            auth_url=auth_url,
            platform_url=platform_url,
            token_cache=token_cache,
            scheduler_id=scheduler_id,
            renew_margin=renew_margin,
            clock=clock,
            seed=seed,
        )
        return cls._from_session(session, options, transport, sleep)

    @classmethod
    def from_password(
        cls,
        user: str,
        password: str,
        org_id: str,
        *,
        region: str | int | None = None,
        platform_url: str = DEFAULT_PLATFORM_URL,
        scheduler_id: int | str | None = None,
        renew_margin: float = DEFAULT_RENEW_MARGIN,
        timeout: Timeout = None,
        retries: Retries = None,
        validate: bool = True,
        record_dir: str | os.PathLike[str] | None = None,
        transport: TransportT | None = None,
        clock: Callable[[], float] | None = None,
        sleep: SleepT | None = None,
        seed: int | None = None,
    ) -> Self:
        """Sign in with the platform user's name, password and the ``orgId`` the vendor issued
        to a third-party platform (``POST /ac/openapi/v2/tokens``; nothing is sent until the
        first call). The vendor recommends access keys (``from_access_key``); use this where a
        platform integration was given an orgId. Tokens are kept fresh the same way; the
        password is kept in memory only and masked in logs and errors.
        """
        options = make_options(timeout, retries, validate, record_dir)
        session = password_session(
            user,
            password,
            org_id,
            options=options,
            region=region,
            platform_url=platform_url,
            scheduler_id=scheduler_id,
            renew_margin=renew_margin,
            clock=clock,
            seed=seed,
        )
        return cls._from_session(session, options, transport, sleep)

    @classmethod
    def from_token_cache(
        cls,
        user: str,
        access_key: str,
        *,
        region: str | int | None = None,
        token_cache: str | os.PathLike[str] | None = None,
        platform_url: str = DEFAULT_PLATFORM_URL,
        base_url: str | None = None,
        cluster_user: str | None = None,
        home_path: str | None = None,
        scheduler_id: int | str | None = None,
        renew_margin: float = DEFAULT_RENEW_MARGIN,
        timeout: Timeout = None,
        retries: Retries = None,
        validate: bool = True,
        record_dir: str | os.PathLike[str] | None = None,
        transport: TransportT | None = None,
        clock: Callable[[], float] | None = None,
        sleep: SleepT | None = None,
        seed: int | None = None,
    ) -> Self:
        """Work with the tokens an earlier sign-in left in ``token_cache``, without the secret key.

        This is what ``scnet-hpc login`` leaves behind (``token_cache`` defaults to its file,
        see ``scnet_hpc.default_token_cache``). Tokens are renewed through ``tokens/next``,
        which needs only the old token (the live service renews up to a day after expiry).
        Raises ``ConfigurationError`` at once when the cache holds no token for this user and
        access key (or for ``region``), and on a call when the token has expired and cannot be
        renewed: both say to run ``scnet-hpc login``. ``base_url``, ``cluster_user`` and
        ``home_path`` describe ``region`` as ``login`` saved it (else ``center`` is asked).
        """
        options = make_options(timeout, retries, validate, record_dir)
        session = cached_token_session(
            user,
            access_key,
            options=options,
            region=region,
            platform_url=platform_url,
            token_cache=token_cache,
            base_url=base_url,
            cluster_user=cluster_user,
            home_path=home_path,
            scheduler_id=scheduler_id,
            renew_margin=renew_margin,
            clock=clock,
            seed=seed,
        )
        return cls._from_session(session, options, transport, sleep)

    @classmethod
    def from_env(cls, **kwargs: Any) -> Self:
        """A client from ``SCNET_*`` environment variables (see ``scnet_hpc.env_settings``)."""
        settings = env_settings()
        kind = settings.pop("kind")
        if kind == "token":
            return cls(settings.pop("base_url"), settings.pop("token"), **settings, **kwargs)
        return cls.from_access_key(
            settings.pop("user"), settings.pop("access_key"), settings.pop("secret_key"),
            **settings, **kwargs,
        )  # fmt: skip

    @classmethod
    def _from_session(
        cls, session: Session, options: Options, transport: TransportT | None, sleep: SleepT | None
    ) -> Self:
        client = cls.__new__(cls)
        client._setup(Core(session, options), cls._new_http(transport), sleep, owns_http=True)
        return client

    def _setup(self, core: Core, http: HttpT, sleep: SleepT | None, *, owns_http: bool) -> None:
        self._core = core
        self._http = http
        self._sleep = sleep if sleep is not None else self._default_sleep()
        self._owns_http = owns_http

    @classmethod
    def _new_http(cls, transport: TransportT | None) -> HttpT:
        """The generated client's httpx client, set up for absolute URLs and our user agent."""
        raise NotImplementedError

    @classmethod
    def _default_sleep(cls) -> SleepT:
        raise NotImplementedError

    def with_options(
        self,
        *,
        timeout: Timeout = None,
        retries: Retries = None,
        validate: bool | None = None,
        record_dir: str | os.PathLike[str] | None = None,
    ) -> Self:
        """A client that shares this one's session and connections but uses other settings,
        e.g. ``client.with_options(timeout=120).history(days=30)``. ``record_dir`` saves every
        answer there for ``python -m scnet_hpc.drift`` (as ``SCNET_RECORD_DIR`` does)."""
        other = type(self).__new__(type(self))
        options = override(self._core.options, timeout, retries, validate, record_dir)
        other._setup(self._core.with_options(options), self._http, self._sleep, owns_http=False)
        return other

    @property
    def options(self) -> Options:
        return self._core.options

    @property
    def token_expires_at(self) -> float | None:
        """When the token for the client's region expires, in epoch seconds; ``None`` when the
        token does not say or none is held yet (an access-key client signs in on first use)."""
        return self._core.session.token_expires_at()

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self._core.session!r}>"


ClientT = TypeVar("ClientT")


class BaseJob(Generic[ClientT]):
    """What ``Job`` and ``AsyncJob`` know without asking: id, scheduler, last status seen."""

    def __init__(self, client: ClientT, ref: JobRef) -> None:
        self._client = client
        self._ref = ref

    @property
    def id(self) -> str:
        return self._ref.job_id

    @property
    def scheduler_id(self) -> int:
        return self._ref.scheduler_id

    @property
    def status(self) -> JobStatus | None:
        """What was seen at the last ``refresh()``/``wait()`` (``None`` before the first)."""
        return self._ref.status

    @property
    def state(self) -> JobState | None:
        return self._ref.status.state if self._ref.status else None

    def __repr__(self) -> str:
        state = self.state.name if self.state else "not yet seen"
        return f"<{type(self).__name__} {self.id} on scheduler {self.scheduler_id}: {state}>"


JobT = TypeVar("JobT", bound=BaseJob[Any])
#: What ``wait_all``/``as_completed`` take: job handles or job ids.
JobsArg = Iterable[BaseJob[Any] | str | int]


def job_refs(jobs: JobsArg) -> tuple[list[Any], list[JobRef | str | int]]:
    """The items given, and what the plans follow for each (a handle's ``JobRef``, or the id)."""
    items = list(jobs)
    return items, [item._ref if isinstance(item, BaseJob) else item for item in items]


def handles_by_ref(
    items: list[Any], refs: list[JobRef], make: Callable[[JobRef], JobT]
) -> dict[int, JobT]:
    """The handle to hand back for each followed ``JobRef``: the caller's own, else a new one."""
    handles: dict[int, JobT] = {}
    for item, ref in zip(items, refs, strict=True):
        handles[id(ref)] = item if isinstance(item, BaseJob) else make(ref)  # type: ignore[assignment]
    return handles


def submitted_jobs(outcome: SubmitOutcome, make: Callable[[JobRef], JobT]) -> list[JobT]:
    """Handles for every spec of ``submit_many``, or ``SubmitManyError`` naming which failed."""
    jobs = [None if ref is None else make(ref) for ref in outcome.refs]
    if outcome.failed:
        raise SubmitManyError(jobs, list(outcome.errors))
    return [job for job in jobs if job is not None]
