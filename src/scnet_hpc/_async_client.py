"""``AsyncClient``: the asyncio twin of ``Client``, running the same plans with ``drive_async``.

Keep this file in step with ``_client.py``: same methods, same arguments, same defaults (a test
compares their signatures and the requests both send).
"""

from __future__ import annotations

import asyncio
import inspect
import os
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable, Sequence
from pathlib import Path
from types import TracebackType
from typing import Any, Concatenate, Literal, ParamSpec, TypeVar

import httpx
from scnet_hpc_api import Client as GeneratedClient
from scnet_hpc_api.models import (
    Cluster,
    FileContent,
    FileEntry,
    GroupMember,
    HistoryJob,
    HistoryJobDetail,
    JobStateCount,
    MemberJob,
    PlatformHistoryJob,
    PlatformJob,
    Queue,
    QueueDetail,
    QueueJobCount,
    RealtimeJob,
    StorageQuota,
    UserInfo,
    UserLimit,
)

from ._base_client import (
    BaseClient,
    BaseJob,
    JobsArg,
    handles_by_ref,
    job_refs,
    submitted_jobs,
)
from ._client import Client, Files
from ._config import USER_AGENT
from ._core import DEFAULT_PAGE_SIZE
from ._drivers import drive_async
from ._files import FilePlans, Progress
from ._jobspec import JobSpec
from ._plans import Plan
from ._platform import CoreState
from ._poll import PollSchedule
from ._regions import Region, RegionInfo
from ._states import JobState, JobStatus
from ._workflow import RunResult, download_outputs, run

__all__ = ["AsyncClient", "AsyncFiles", "AsyncJob"]

T = TypeVar("T")


P = ParamSpec("P")
R = TypeVar("R")


AsyncTwin = Callable[Concatenate[Any, P], Awaitable[R]]


def _twin_of(
    sync: Callable[Concatenate[Any, P], R],
) -> Callable[[Callable[..., Awaitable[R]]], AsyncTwin[P, R]]:
    """Give an async method the signature and docstring of its ``Client`` twin, for mypy and
    ``help()`` alike, so a long parameter list is written once."""

    def decorate(
        method: Callable[..., Awaitable[R]],
    ) -> Callable[Concatenate[Any, P], Awaitable[R]]:
        method.__signature__ = inspect.signature(sync)  # type: ignore[attr-defined]
        method.__doc__ = sync.__doc__
        return method

    return decorate


def _arguments(sync: Callable[..., Any], given: dict[str, Any]) -> dict[str, Any]:
    """``given`` keyword arguments checked against ``sync``'s signature, defaults filled in."""
    bound = inspect.signature(sync).bind(None, **given)
    bound.apply_defaults()
    return {name: value for name, value in bound.arguments.items() if name != "self"}


#: ``sleep`` of an ``AsyncClient``: an async function, or a plain one (it is awaited if need be).
AsyncSleep = Callable[[float], Awaitable[Any] | Any]


class AsyncClient(BaseClient[httpx.AsyncClient, httpx.AsyncBaseTransport, AsyncSleep]):
    """An asyncio client for one region of an AC HPC deployment (see ``Client``).

    ``AsyncClient(base_url, token)`` uses a token you already have for the region whose HPC base
    URL you know (the ``hpcUrls`` entry of ``center``, with or without its ``/hpc`` suffix).
    ``AsyncClient.from_access_key(user, access_key, secret_key)`` signs in, picks the region,
    discovers its URL, cluster user and scheduler, and keeps the token fresh.

    Every call has a timeout (5 s to connect, 30 s to read by default), retries reads on
    transient failures, and raises an ``scnet_hpc.errors.ScnetError`` subclass on failure.
    ``transport`` (an ``httpx.AsyncBaseTransport``) lets tests run against an in-process app;
    ``clock`` (epoch seconds) and ``sleep`` let them fast-forward time, e.g. with the mock's
    ``Clock.now``/``Clock.advance``; ``seed`` makes the retry jitter repeatable.
    """

    @classmethod
    def _new_http(cls, transport: httpx.AsyncBaseTransport | None) -> httpx.AsyncClient:
        args: dict[str, Any] = {"transport": transport} if transport is not None else {}
        headers = {"User-Agent": USER_AGENT}
        return GeneratedClient(
            base_url="", headers=headers, httpx_args=args
        ).get_async_httpx_client()

    @classmethod
    def _default_sleep(cls) -> AsyncSleep:
        return asyncio.sleep

    async def _run(self, plan: Plan[T]) -> T:
        return await drive_async(plan, self._http, self._sleep)

    @property
    def files(self) -> AsyncFiles:
        """The region's file service (see ``Client.files``), awaited."""
        return AsyncFiles(self)

    # ------------------------------------------------------------------ lifecycle

    async def close(self) -> None:
        """Close the connection pool (clients made by ``with_options`` share and keep it)."""
        if self._owns_http:
            await self._http.aclose()

    async def __aenter__(self) -> AsyncClient:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.close()

    # ------------------------------------------------------------------ regions & clusters

    async def sign_in(self) -> list[Region]:
        """Sign in now with the access key, replacing the tokens held (and cached); returns the
        user's regions. ``ConfigurationError`` on a client without a secret key."""
        return await self._run(self._core.sign_in())

    async def regions(self) -> list[Region]:
        """The user's regions (``available`` is false where the account has no token)."""
        return await self._run(self._core.regions())

    async def region_info(self) -> RegionInfo:
        """The client's region: its job API URL, cluster user and home directory."""
        return await self._run(self._core.region_info())

    async def clusters(self) -> list[Cluster]:
        """The region's schedulers; ``id`` is the scheduler id other calls take."""
        return await self._run(self._core.clusters())

    async def queues(
        self, *, scheduler_id: int | str | None = None, user: str | None = None
    ) -> list[Queue]:
        """Queues the (cluster) user may submit to."""
        return await self._run(self._core.queues(scheduler_id, user))

    async def queue_details(self, *, scheduler_id: int | str | None = None) -> list[QueueDetail]:
        """Resource details of every queue."""
        return await self._run(self._core.queue_details(scheduler_id))

    async def user_limits(self, *, scheduler_id: int | str | None = None) -> UserLimit | None:
        """The user's resource limits."""
        return await self._run(self._core.user_limits(scheduler_id))

    # ------------------------------------------------------------------ jobs

    async def submit(self, spec: JobSpec, *, scheduler_id: int | str | None = None) -> AsyncJob:
        """Submit ``spec``; never retried automatically (a submit is not idempotent)."""
        return AsyncJob(self, await self._run(self._core.submit(spec, scheduler_id)))

    async def submit_many(
        self,
        specs: Iterable[JobSpec],
        *,
        concurrency: int = 8,
        scheduler_id: int | str | None = None,
    ) -> list[AsyncJob]:
        """Submit every spec once, up to ``concurrency`` at a time; the jobs in spec order.

        A submit is never retried. When any spec fails, the others still go in and
        ``SubmitManyError`` says which became jobs (``submitted``) and which did not
        (``failed``, with the error; ``maybe_submitted`` for transport failures, which may
        have created a job). ``Client`` runs the submits in threads, ``AsyncClient`` as tasks.
        """
        specs = list(specs)
        outcome = await self._run(self._core.submit_many(specs, scheduler_id, concurrency))
        return submitted_jobs(outcome, lambda ref: AsyncJob(self, ref))

    async def wait_all(
        self,
        jobs: JobsArg,
        timeout: float | None = None,
        *,
        poll: PollSchedule | None = None,
        scheduler_id: int | str | None = None,
        on_status: Callable[[str, JobStatus | None], object] | None = None,
    ) -> list[JobStatus]:
        _, refs = job_refs(jobs)
        waiter = await self._run(self._core.wait_many(refs, scheduler_id, timeout, poll, on_status))
        return await self._run(waiter.wait_all())

    wait_all.__doc__ = Client.wait_all.__doc__

    async def as_completed(
        self,
        jobs: JobsArg,
        timeout: float | None = None,
        *,
        poll: PollSchedule | None = None,
        scheduler_id: int | str | None = None,
        on_status: Callable[[str, JobStatus | None], object] | None = None,
    ) -> AsyncIterator[AsyncJob]:
        """Yield each job as it finishes (``async for``); see ``Client.as_completed``."""
        items, refs = job_refs(jobs)
        waiter = await self._run(self._core.wait_many(refs, scheduler_id, timeout, poll, on_status))
        handles = handles_by_ref(items, waiter.refs, lambda ref: AsyncJob(self, ref))
        while not waiter.done:
            for ref in await self._run(waiter.next_batch()):
                yield handles[id(ref)]

    async def run(
        self,
        spec: JobSpec,
        *,
        inputs: Sequence[str | os.PathLike[str]] = (),
        outputs: Sequence[str] = (),
        download_to: str | os.PathLike[str] = ".",
        scheduler_id: int | str | None = None,
        timeout: float | None = None,
        poll: PollSchedule | None = None,
        on_status: Callable[[JobStatus | None], object] | None = None,
    ) -> RunResult[AsyncJob]:
        """The whole run (see ``Client.run``), awaited."""
        ref, status, files, work_dir = await self._run(
            run(
                self._core, spec, inputs, outputs, download_to,
                scheduler_id=scheduler_id, timeout=timeout, poll=poll, on_status=on_status,
            )
        )  # fmt: skip
        return RunResult(AsyncJob(self, ref), status, files, work_dir)

    async def job(self, job_id: str, *, scheduler_id: int | str | None = None) -> AsyncJob:
        """A handle on an existing job, with its current status (realtime, else history)."""
        return AsyncJob(self, await self._run(self._core.job(job_id, scheduler_id)))

    async def jobs(
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
        return await self._run(
            self._core.jobs(
                state=state, queue=queue, name=name, job_id=job_id, owner=owner,
                scheduler_id=scheduler_id, limit=limit, page_size=page_size,
            )
        )  # fmt: skip

    async def cancel(
        self,
        job_ids: str | Sequence[str],
        *,
        user: str | None = None,
        scheduler_id: int | str | None = None,
    ) -> dict[str, str]:
        """Cancel jobs; returns the service's message per scheduler id. Never retried; code 0
        does not prove the job is gone, so check its state."""
        return await self._run(self._core.cancel(job_ids, user, scheduler_id))

    @_twin_of(Client.history)
    async def history(self, **query: Any) -> list[HistoryJob]:
        # Signature and docstring are Client.history's: its 14 parameters are written once.
        return await self._run(self._core.history(**_arguments(Client.history, query)))

    async def history_job(
        self,
        job_id: str,
        *,
        acct_time: str | None = None,
        scheduler_id: int | str | None = None,
    ) -> HistoryJobDetail | None:
        """One finished job in detail; without ``acct_time`` it is looked up in the list first
        (the live service takes over 30 s for a detail without it)."""
        return await self._run(self._core.history_job(job_id, acct_time, scheduler_id))

    # ------------------------------------------------------------------ files & statistics

    async def read_file(
        self, path: str, *, page: int = 1, direction: Literal["DOWN", "UP"] = "DOWN"
    ) -> FileContent:
        """One 1000-line page of a file (``DOWN`` from the start, ``UP`` from the end)."""
        return await self._run(self._core.read_file(path, page, direction))

    async def read_text(self, path: str) -> str:
        """A whole file, every page."""
        return await self._run(self._core.read_text(path))

    async def job_state_stats(self, *, user: str | None = None) -> list[JobStateCount]:
        """Job counts per state."""
        return await self._run(self._core.job_state_stats(user))

    async def queue_stats(self, *, user: str | None = None) -> list[QueueJobCount]:
        """Job counts per queue (empty when no queue has jobs)."""
        return await self._run(self._core.queue_stats(user))

    async def used_walltime(self, *, user: str | None = None) -> float:
        """Machine time used, in core-seconds."""
        return await self._run(self._core.used_walltime(user))

    async def storage_quota(self, *, user: str | None = None) -> list[StorageQuota]:
        """Shared-storage quota and usage (GB), one entry per path."""
        return await self._run(self._core.storage_quota(user))

    # ------------------------------------------------------------------ the user and the platform

    async def whoami(self) -> UserInfo:
        """The platform user: name, full name, account status and balance, and the region of
        the client's token (``computerCenter``)."""
        return await self._run(self._core.whoami())

    async def core_state(self) -> CoreState:
        """The region's CPU cores: ``used``, ``free`` and ``unavailable``."""
        return await self._run(self._core.core_state())

    async def group_members(self) -> list[GroupMember]:
        """Members of the groups the user manages, one row per member and region (empty when
        the user manages no group)."""
        return await self._run(self._core.group_members())

    async def member_jobs(
        self,
        member: GroupMember | str,
        *,
        group_id: int | str | None = None,
        region: int | str | None = None,
    ) -> list[MemberJob]:
        """Realtime jobs of one group member: a row of ``group_members()``, or a cluster user
        name with ``group_id`` (``region`` defaults to the client's region)."""
        return await self._run(self._core.member_jobs(member, group_id, region))

    @_twin_of(Client.platform_jobs)
    async def platform_jobs(self, **query: Any) -> list[PlatformJob]:
        return await self._run(self._core.platform_jobs(**_arguments(Client.platform_jobs, query)))

    @_twin_of(Client.platform_history)
    async def platform_history(self, **query: Any) -> list[PlatformHistoryJob]:
        return await self._run(
            self._core.platform_history(**_arguments(Client.platform_history, query))
        )


class AsyncJob(BaseJob["AsyncClient"]):
    """A submitted job (asyncio): ``refresh()``, ``wait()``, ``cancel()``, ``output()``."""

    async def refresh(self) -> JobStatus:
        """Ask the service now (realtime detail; history once the job has left realtime)."""
        return await self._client._run(self._client._core.refresh(self._ref))

    async def wait(
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
        return await self._client._run(self._client._core.wait(self._ref, timeout, poll, on_status))

    async def cancel(self) -> dict[str, str]:
        """Cancel the job (never retried automatically)."""
        return await self._client._run(
            self._client._core.cancel(self._ref.job_id, None, self._ref.scheduler_id)
        )

    async def output(self, stream: Literal["stdout", "stderr"] = "stdout") -> str:
        """The job's standard output (or error) file, every page."""
        return await self._client._run(self._client._core.output(self._ref, stream))

    async def download_outputs(
        self, dest: str | os.PathLike[str], patterns: Sequence[str] = ()
    ) -> list[Path]:
        """See ``Job.download_outputs``."""
        core = self._client._core
        return await self._client._run(download_outputs(core, self._ref, patterns, dest))


class AsyncFiles:
    """``client.files`` of an ``AsyncClient``: the methods of ``Files``, awaited."""

    def __init__(self, client: AsyncClient) -> None:
        self._client = client

    async def _run(self, plan: Plan[T]) -> T:
        return await self._client._run(plan)

    @property
    def _plans(self) -> FilePlans:
        return self._client._core.files

    @_twin_of(Files.ls)
    async def ls(self, path: str | None = None) -> list[FileEntry]:
        return await self._run(self._plans.ls(path))

    @_twin_of(Files.exists)
    async def exists(self, path: str) -> bool:
        return await self._run(self._plans.exists(path))

    @_twin_of(Files.mkdir)
    async def mkdir(self, path: str, *, parents: bool = True) -> str:
        return await self._run(self._plans.mkdir(path, parents))

    @_twin_of(Files.upload)
    async def upload(
        self,
        local: str | os.PathLike[str],
        remote_dir: str,
        *,
        overwrite: bool = False,
        progress: Progress | None = None,
    ) -> str:
        return await self._run(self._plans.upload(local, remote_dir, overwrite, progress))

    @_twin_of(Files.download)
    async def download(
        self, remote: str, local: str | os.PathLike[str], *, progress: Progress | None = None
    ) -> Path:
        return await self._run(self._plans.download(remote, local, progress))

    @_twin_of(Files.rm)
    async def rm(self, path: str, *, recursive: bool = False) -> None:
        await self._run(self._plans.rm(path, recursive))

    @_twin_of(Files.mv)
    async def mv(self, src: str, dst_dir: str, *, overwrite: bool = False) -> str:
        return await self._run(self._plans.transfer(src, dst_dir, move=True, overwrite=overwrite))

    @_twin_of(Files.cp)
    async def cp(self, src: str, dst_dir: str, *, overwrite: bool = False) -> str:
        return await self._run(self._plans.transfer(src, dst_dir, move=False, overwrite=overwrite))

    @_twin_of(Files.rename)
    async def rename(self, path: str, new_name: str) -> str:
        return await self._run(self._plans.rename(path, new_name))

    @_twin_of(Files.read_text)
    async def read_text(self, path: str) -> str:
        return await self._run(self._plans.read_text(path))
