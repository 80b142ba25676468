"""``Client``: the blocking SDK. Every method runs a plan from ``_core`` with ``drive_sync``."""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Sequence
from types import TracebackType
from typing import Any, Literal, TypeVar

import httpx
from scnet_hpc_api import Client as GeneratedClient
from scnet_hpc_api.models import (
    Cluster,
    FileContent,
    HistoryJob,
    HistoryJobDetail,
    JobStateCount,
    Queue,
    QueueDetail,
    QueueJobCount,
    RealtimeJob,
    StorageQuota,
    UserLimit,
)

from ._config import (
    DEFAULT_AUTH_URL,
    DEFAULT_PLATFORM_URL,
    DEFAULT_RENEW_MARGIN,
    USER_AGENT,
    Retries,
    Timeout,
    access_key_session,
    cached_token_session,
    env_settings,
    make_options,
    override,
    static_session,
)
from ._core import DEFAULT_PAGE_SIZE, Core, TimeArg
from ._drivers import drive_sync
from ._jobs import JobRef
from ._jobspec import JobSpec
from ._options import Options
from ._plans import Plan
from ._poll import PollSchedule
from ._regions import Region, RegionInfo
from ._states import JobState, JobStatus

__all__ = ["Client", "Job"]

T = TypeVar("T")


class Client:
    """A blocking client for one region of an AC HPC deployment.

    ``Client(base_url, token)`` uses a token you already have for the region whose HPC base URL
    you know (the ``hpcUrls`` entry of ``center``, with or without its ``/hpc`` suffix).
    ``Client.from_access_key(user, access_key, secret_key)`` signs in itself, picks the region,
    discovers its URL, cluster user and scheduler, and keeps the token fresh.

    Every call has a timeout (5 s to connect, 30 s to read by default), retries reads on
    transient failures, and raises an ``scnet_hpc.errors.ScnetError`` subclass on failure.
    ``transport`` (an ``httpx.BaseTransport``) lets tests run against an in-process app;
    ``clock`` (epoch seconds) and ``sleep`` let them fast-forward time, e.g. with the mock's
    ``Clock.now``/``Clock.advance``; ``seed`` makes the retry jitter repeatable.
    """

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
        transport: httpx.BaseTransport | None = None,
        clock: Callable[[], float] | None = None,
        sleep: Callable[[float], Any] | None = None,
        seed: int | None = None,
    ) -> None:
        options = make_options(timeout, retries, validate)
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
        self._setup(Core(session, options), _http(transport), sleep, owns_http=True)

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
        transport: httpx.BaseTransport | None = None,
        clock: Callable[[], float] | None = None,
        sleep: Callable[[float], Any] | None = None,
        seed: int | None = None,
    ) -> Client:
        """Sign in with an access key (nothing is sent until the first call).

        ``region`` is a region id or name (default: the first region with a job API).
        ``token_cache`` is a file that keeps the region tokens between runs (mode 0600).
        """
        options = make_options(timeout, retries, validate)
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
        client = cls.__new__(cls)
        client._setup(Core(session, options), _http(transport), sleep, owns_http=True)
        return client

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
        transport: httpx.BaseTransport | None = None,
        clock: Callable[[], float] | None = None,
        sleep: Callable[[float], Any] | None = None,
        seed: int | None = None,
    ) -> Client:
        """Work with the tokens an earlier sign-in left in ``token_cache``, without the secret key.

        This is what ``scnet-hpc login`` leaves behind (``token_cache`` defaults to its file,
        see ``scnet_hpc.default_token_cache``). Tokens are renewed through ``tokens/next``,
        which needs only the old token (the live service renews up to a day after expiry).
        Raises ``ConfigurationError`` at once when the cache holds no token for this user and
        access key (or for ``region``), and on a call when the token has expired and cannot be
        renewed: both say to run ``scnet-hpc login``. ``base_url``, ``cluster_user`` and
        ``home_path`` describe ``region`` as ``login`` saved it (else ``center`` is asked).
        """
        options = make_options(timeout, retries, validate)
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
        client = cls.__new__(cls)
        client._setup(Core(session, options), _http(transport), sleep, owns_http=True)
        return client

    @classmethod
    def from_env(cls, **kwargs: Any) -> Client:
        """A client from ``SCNET_*`` environment variables (see ``scnet_hpc.env_settings``)."""
        settings = env_settings()
        kind = settings.pop("kind")
        if kind == "token":
            return cls(settings.pop("base_url"), settings.pop("token"), **settings, **kwargs)
        return cls.from_access_key(
            settings.pop("user"), settings.pop("access_key"), settings.pop("secret_key"),
            **settings, **kwargs,
        )  # fmt: skip

    def _setup(
        self,
        core: Core,
        http: httpx.Client,
        sleep: Callable[[float], Any] | None,
        *,
        owns_http: bool,
    ) -> None:
        self._core = core
        self._http = http
        self._sleep = sleep or time.sleep
        self._owns_http = owns_http

    def _run(self, plan: Plan[T]) -> T:
        return drive_sync(plan, self._http, self._sleep)

    def with_options(
        self, *, timeout: Timeout = None, retries: Retries = None, validate: bool | None = None
    ) -> Client:
        """A client that shares this one's session and connections but uses other settings,
        e.g. ``client.with_options(timeout=120).history(days=30)``."""
        other = type(self).__new__(type(self))
        options = override(self._core.options, timeout, retries, validate)
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

    # ------------------------------------------------------------------ lifecycle

    def close(self) -> None:
        """Close the connection pool (clients made by ``with_options`` share and keep it)."""
        if self._owns_http:
            self._http.close()

    def __enter__(self) -> Client:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<Client {self._core.session!r}>"

    # ------------------------------------------------------------------ regions & clusters

    def sign_in(self) -> list[Region]:
        """Sign in now with the access key, replacing the tokens held (and cached); returns the
        user's regions. ``ConfigurationError`` on a client without a secret key."""
        return self._run(self._core.sign_in())

    def regions(self) -> list[Region]:
        """The user's regions (``available`` is false where the account has no token)."""
        return self._run(self._core.regions())

    def region_info(self) -> RegionInfo:
        """The client's region: its job API URL, cluster user and home directory."""
        return self._run(self._core.region_info())

    def clusters(self) -> list[Cluster]:
        """The region's schedulers; ``id`` is the scheduler id other calls take."""
        return self._run(self._core.clusters())

    def queues(
        self, *, scheduler_id: int | str | None = None, user: str | None = None
    ) -> list[Queue]:
        """Queues the (cluster) user may submit to."""
        return self._run(self._core.queues(scheduler_id, user))

    def queue_details(self, *, scheduler_id: int | str | None = None) -> list[QueueDetail]:
        """Resource details of every queue."""
        return self._run(self._core.queue_details(scheduler_id))

    def user_limits(self, *, scheduler_id: int | str | None = None) -> UserLimit | None:
        """The user's resource limits."""
        return self._run(self._core.user_limits(scheduler_id))

    # ------------------------------------------------------------------ jobs

    def submit(self, spec: JobSpec, *, scheduler_id: int | str | None = None) -> Job:
        """Submit ``spec``; never retried automatically (a submit is not idempotent)."""
        return Job(self, self._run(self._core.submit(spec, scheduler_id)))

    def job(self, job_id: str, *, scheduler_id: int | str | None = None) -> Job:
        """A handle on an existing job, with its current status (realtime, else history)."""
        return Job(self, self._run(self._core.job(job_id, scheduler_id)))

    def jobs(
        self,
        *,
        state: JobState | str | None = None,
        queue: str | None = None,
        name: str | None = None,
        job_id: str | None = None,
        owner: str | None = None,
        scheduler_id: int | str | None = None,
        limit: int | None = None,
        page_size: int = DEFAULT_PAGE_SIZE,
    ) -> list[RealtimeJob]:
        """Realtime (active and recently finished) jobs, every page unless ``limit``."""
        return self._run(
            self._core.jobs(
                state=state, queue=queue, name=name, job_id=job_id, owner=owner,
                scheduler_id=scheduler_id, limit=limit, page_size=page_size,
            )
        )  # fmt: skip

    def cancel(
        self,
        job_ids: str | Sequence[str],
        *,
        user: str | None = None,
        scheduler_id: int | str | None = None,
    ) -> dict[str, str]:
        """Cancel jobs; returns the service's message per scheduler id. Never retried; code 0
        does not prove the job is gone, so check its state."""
        return self._run(self._core.cancel(job_ids, user, scheduler_id))

    def history(
        self,
        *,
        start_time: TimeArg = None,
        end_time: TimeArg = None,
        days: float = 7,
        job_id: str | None = None,
        state: JobState | str | None = None,
        queue: str | None = None,
        name: str | None = None,
        user: str | None = None,
        scheduler_id: int | str | None = None,
        by_queue_time: bool = False,
        sort: Literal["DESC", "ASC"] = "DESC",
        order_by: str | None = None,
        limit: int | None = None,
        page_size: int = DEFAULT_PAGE_SIZE,
    ) -> list[HistoryJob]:
        """Finished jobs that ended in ``[start_time, end_time]`` (default: the last ``days``).

        ``state`` is a ``JobState`` as ``JobStatus.from_history_row`` reads a row, or a raw
        history code (``statC statD statT statRQ statN statDE``) passed on as it is. The
        service's ``statC`` also holds jobs that exited non-zero: ``COMPLETED`` asks for
        ``statC`` and drops those, ``FAILED`` asks for every state and keeps ``statDE`` and
        the non-zero ``statC`` rows (so it pages through the whole window).
        """
        return self._run(
            self._core.history(
                start_time=start_time, end_time=end_time, days=days, job_id=job_id, state=state,
                queue=queue, name=name, user=user, scheduler_id=scheduler_id,
                by_queue_time=by_queue_time, sort=sort, order_by=order_by, limit=limit,
                page_size=page_size,
            )
        )  # fmt: skip

    def history_job(
        self,
        job_id: str,
        *,
        acct_time: str | None = None,
        scheduler_id: int | str | None = None,
    ) -> HistoryJobDetail | None:
        """One finished job in detail; without ``acct_time`` it is looked up in the list first
        (the live service takes over 30 s for a detail without it)."""
        return self._run(self._core.history_job(job_id, acct_time, scheduler_id))

    # ------------------------------------------------------------------ files & statistics

    def read_file(
        self, path: str, *, page: int = 1, direction: Literal["DOWN", "UP"] = "DOWN"
    ) -> FileContent:
        """One 1000-line page of a file (``DOWN`` from the start, ``UP`` from the end)."""
        return self._run(self._core.read_file(path, page, direction))

    def read_text(self, path: str) -> str:
        """A whole file, every page."""
        return self._run(self._core.read_text(path))

    def job_state_stats(self, *, user: str | None = None) -> list[JobStateCount]:
        """Job counts per state."""
        return self._run(self._core.job_state_stats(user))

    def queue_stats(self, *, user: str | None = None) -> list[QueueJobCount]:
        """Job counts per queue (empty when no queue has jobs)."""
        return self._run(self._core.queue_stats(user))

    def used_walltime(self, *, user: str | None = None) -> float:
        """Machine time used, in core-seconds."""
        return self._run(self._core.used_walltime(user))

    def storage_quota(self, *, user: str | None = None) -> list[StorageQuota]:
        """Shared-storage quota and usage (GB), one entry per path."""
        return self._run(self._core.storage_quota(user))


class Job:
    """A submitted job: ``refresh()``, ``wait()``, ``cancel()``, ``output()``."""

    def __init__(self, client: Client, ref: JobRef) -> None:
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

    def refresh(self) -> JobStatus:
        """Ask the service now (realtime detail; history once the job has left realtime)."""
        return self._client._run(self._client._core.refresh(self._ref))

    def wait(
        self,
        timeout: float | None = None,
        *,
        poll: PollSchedule | None = None,
        on_status: Callable[[JobStatus | None], object] | None = None,
    ) -> JobStatus:
        """Poll until the job is finished; ``JobTimeoutError`` after ``timeout`` seconds.

        ``poll`` sets how often (see ``PollSchedule``); ``on_status`` is called after every look
        with what was seen (``None`` while a just-submitted job is not listed yet).
        """
        return self._client._run(self._client._core.wait(self._ref, timeout, poll, on_status))

    def cancel(self) -> dict[str, str]:
        """Cancel the job (never retried automatically)."""
        return self._client._run(
            self._client._core.cancel(self._ref.job_id, None, self._ref.scheduler_id)
        )

    def output(self, stream: Literal["stdout", "stderr"] = "stdout") -> str:
        """The job's standard output (or error) file, every page."""
        return self._client._run(self._client._core.output(self._ref, stream))

    def __repr__(self) -> str:
        state = self.state.name if self.state else "not yet seen"
        return f"<Job {self.id} on scheduler {self.scheduler_id}: {state}>"


def _http(transport: httpx.BaseTransport | None) -> httpx.Client:
    """The generated client's httpx client, set up for absolute URLs and our user agent."""
    args: dict[str, Any] = {"transport": transport} if transport is not None else {}
    generated = GeneratedClient(base_url="", headers={"User-Agent": USER_AGENT}, httpx_args=args)
    return generated.get_httpx_client()
