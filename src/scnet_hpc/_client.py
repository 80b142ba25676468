"""``Client``: the blocking SDK. Every method runs a plan from ``_core`` with ``drive_sync``."""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from types import TracebackType
from typing import Any, Literal, TypeVar

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
from ._config import USER_AGENT
from ._core import DEFAULT_PAGE_SIZE, PLATFORM_PAGE_SIZE, TimeArg
from ._drivers import drive_sync
from ._files import FilePlans, Progress
from ._jobspec import JobSpec
from ._plans import Plan
from ._platform import CoreState
from ._poll import PollSchedule
from ._regions import Region, RegionInfo
from ._states import JobState, JobStatus
from ._workflow import RunResult, download_outputs, run

__all__ = ["Client", "Files", "Job"]

T = TypeVar("T")


class Client(BaseClient[httpx.Client, httpx.BaseTransport, Callable[[float], Any]]):
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
    ``record_dir`` (default ``SCNET_RECORD_DIR``) saves every answer received there, secrets and
    user names masked, for ``python -m scnet_hpc.drift`` (see the README's "Drift").
    """

    @classmethod
    def _new_http(cls, transport: httpx.BaseTransport | None) -> httpx.Client:
        args: dict[str, Any] = {"transport": transport} if transport is not None else {}
        headers = {"User-Agent": USER_AGENT}
        return GeneratedClient(base_url="", headers=headers, httpx_args=args).get_httpx_client()

    @classmethod
    def _default_sleep(cls) -> Callable[[float], Any]:
        return time.sleep

    def _run(self, plan: Plan[T]) -> T:
        return drive_sync(plan, self._http, self._sleep)

    @property
    def files(self) -> Files:
        """The region's file service: ``ls``, ``upload``, ``download``, ``mkdir``, ``rm``, ..."""
        return Files(self)

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

    def submit_many(
        self,
        specs: Iterable[JobSpec],
        *,
        concurrency: int = 8,
        scheduler_id: int | str | None = None,
    ) -> list[Job]:
        """Submit every spec once, up to ``concurrency`` at a time; the jobs in spec order.

        A submit is never retried. When any spec fails, the others still go in and
        ``SubmitManyError`` says which became jobs (``submitted``) and which did not
        (``failed``, with the error; ``maybe_submitted`` for transport failures, which may
        have created a job). ``Client`` runs the submits in threads, ``AsyncClient`` as tasks.
        """
        specs = list(specs)
        outcome = self._run(self._core.submit_many(specs, scheduler_id, concurrency))
        return submitted_jobs(outcome, lambda ref: Job(self, ref))

    def wait_all(
        self,
        jobs: JobsArg,
        timeout: float | None = None,
        *,
        poll: PollSchedule | None = None,
        scheduler_id: int | str | None = None,
        on_status: Callable[[str, JobStatus | None], object] | None = None,
    ) -> list[JobStatus]:
        """Wait until every job (a handle or an id) has finished; final statuses, in order.

        One realtime list request per poll covers every job (``Job.wait()`` would send one per
        job), jobs that left it are looked up in the history list once per window for all of
        them; polls follow ``poll`` (see ``PollSchedule``), so each job is seen finished as
        promptly as its own ``wait()`` would. ``JobTimeoutError`` after ``timeout`` seconds
        (``unfinished`` lists every job still running), ``JobNotFoundError`` for a job that
        neither realtime nor 30 days of history know. Ids are on ``scheduler_id`` (default:
        the region's). ``on_status(job_id, status)`` is called after every poll for each job
        still awaited (``status`` is ``None`` while a just-submitted job is not listed yet).
        """
        _, refs = job_refs(jobs)
        waiter = self._run(self._core.wait_many(refs, scheduler_id, timeout, poll, on_status))
        return self._run(waiter.wait_all())

    def as_completed(
        self,
        jobs: JobsArg,
        timeout: float | None = None,
        *,
        poll: PollSchedule | None = None,
        scheduler_id: int | str | None = None,
        on_status: Callable[[str, JobStatus | None], object] | None = None,
    ) -> Iterator[Job]:
        """Yield each job as it finishes (its ``status`` is the final one), in order of end.

        The same polling as ``wait_all``; a handle given is yielded as itself, an id as a new
        ``Job``. Nothing is sent until the iteration starts.
        """
        items, refs = job_refs(jobs)
        waiter = self._run(self._core.wait_many(refs, scheduler_id, timeout, poll, on_status))
        handles = handles_by_ref(items, waiter.refs, lambda ref: Job(self, ref))
        while not waiter.done:
            for ref in self._run(waiter.next_batch()):
                yield handles[id(ref)]

    def run(
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
    ) -> RunResult[Job]:
        """The whole run: a work folder under the home (unless ``spec.work_dir``), the
        ``inputs`` uploaded into it, ``spec`` submitted there, waited for, and its stdout,
        stderr and the files matching ``outputs`` (globs relative to the work folder, e.g.
        ``"out/*.dat"``) downloaded into ``download_to``."""
        ref, status, files, work_dir = self._run(
            run(
                self._core, spec, inputs, outputs, download_to,
                scheduler_id=scheduler_id, timeout=timeout, poll=poll, on_status=on_status,
            )
        )  # fmt: skip
        return RunResult(Job(self, ref), status, files, work_dir)

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

    # ------------------------------------------------------------------ the user and the platform

    def whoami(self) -> UserInfo:
        """The platform user: name, full name, account status and balance, and the region of
        the client's token (``computerCenter``)."""
        return self._run(self._core.whoami())

    def core_state(self) -> CoreState:
        """The region's CPU cores: ``used``, ``free`` and ``unavailable``."""
        return self._run(self._core.core_state())

    def group_members(self) -> list[GroupMember]:
        """Members of the groups the user manages, one row per member and region (empty when
        the user manages no group)."""
        return self._run(self._core.group_members())

    def member_jobs(
        self,
        member: GroupMember | str,
        *,
        group_id: int | str | None = None,
        region: int | str | None = None,
    ) -> list[MemberJob]:
        """Realtime jobs of one group member: a row of ``group_members()``, or a cluster user
        name with ``group_id`` (``region`` defaults to the client's region)."""
        return self._run(self._core.member_jobs(member, group_id, region))

    def platform_jobs(
        self,
        *,
        state: JobState | str | None = None,
        queue: str | None = None,
        job_id: str | None = None,
        region: int | str | None = None,
        cluster_user: str | None = None,
        group: bool = False,
        limit: int | None = None,
        page_size: int = PLATFORM_PAGE_SIZE,
    ) -> list[PlatformJob]:
        """Realtime jobs of every region in one list (the platform's view; ``jobs()`` asks one
        region's scheduler). ``region`` narrows it to one region id; ``group`` adds the jobs
        of the members of the groups the user manages."""
        return self._run(
            self._core.platform_jobs(
                state=state, queue=queue, job_id=job_id, region=region,
                cluster_user=cluster_user, group=group, limit=limit, page_size=page_size,
            )
        )  # fmt: skip

    def platform_history(
        self,
        *,
        start_time: TimeArg = None,
        end_time: TimeArg = None,
        state: JobState | str | None = None,
        queue: str | None = None,
        job_id: str | None = None,
        region: int | str | None = None,
        cluster_user: str | None = None,
        group: bool = False,
        limit: int | None = None,
        page_size: int = PLATFORM_PAGE_SIZE,
    ) -> list[PlatformHistoryJob]:
        """Finished jobs of every region in one list (the platform's view of ``history()``),
        as accounting records with billing fields. Without ``start_time``/``end_time`` the
        platform covers the last 7 days."""
        return self._run(
            self._core.platform_history(
                start_time=start_time, end_time=end_time, state=state, queue=queue,
                job_id=job_id, region=region, cluster_user=cluster_user, group=group,
                limit=limit, page_size=page_size,
            )
        )  # fmt: skip


class Job(BaseJob["Client"]):
    """A submitted job: ``refresh()``, ``wait()``, ``cancel()``, ``output()``."""

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

    def download_outputs(
        self, dest: str | os.PathLike[str], patterns: Sequence[str] = ()
    ) -> list[Path]:
        """Download the job's stdout, stderr and the files matching ``patterns`` (globs
        relative to its work folder) into the folder ``dest``; returns the local paths."""
        core = self._client._core
        return self._client._run(download_outputs(core, self._ref, patterns, dest))


class Files:
    """``client.files``: the region's file service (efile). Relative remote paths are under
    the home. Errors: ``RemoteFileNotFoundError``, ``RemoteFileExistsError``,
    ``FilePermissionError`` (outside the home), ``StorageFullError`` (quota)."""

    def __init__(self, client: Client) -> None:
        self._client = client

    def _run(self, plan: Plan[T]) -> T:
        return self._client._run(plan)

    @property
    def _plans(self) -> FilePlans:
        return self._client._core.files

    def ls(self, path: str | None = None) -> list[FileEntry]:
        """The entries of a folder (default: the home), every page."""
        return self._run(self._plans.ls(path))

    def exists(self, path: str) -> bool:
        return self._run(self._plans.exists(path))

    def mkdir(self, path: str, *, parents: bool = True) -> str:
        """Create a folder (with ``parents``, like ``mkdir -p``); returns its absolute path."""
        return self._run(self._plans.mkdir(path, parents))

    def upload(
        self,
        local: str | os.PathLike[str],
        remote_dir: str,
        *,
        overwrite: bool = False,
        progress: Progress | None = None,
    ) -> str:
        """Upload a local file into ``remote_dir`` (chunked above 64 MiB, a failed chunk re-sent
        alone); returns the remote path. ``progress(bytes_done, total)`` follows it."""
        return self._run(self._plans.upload(local, remote_dir, overwrite, progress))

    def download(
        self,
        remote: str,
        local: str | os.PathLike[str],
        *,
        progress: Progress | None = None,
    ) -> Path:
        """Download a file (a folder comes as a zip) to ``local`` (a file, or a folder to put it
        in), through a temporary file renamed when complete; resumes with ``Range``."""
        return self._run(self._plans.download(remote, local, progress))

    def rm(self, path: str, *, recursive: bool = False) -> None:
        self._run(self._plans.rm(path, recursive))

    def mv(self, src: str, dst_dir: str, *, overwrite: bool = False) -> str:
        """Move ``src`` into the folder ``dst_dir``; returns the new path."""
        return self._run(self._plans.transfer(src, dst_dir, move=True, overwrite=overwrite))

    def cp(self, src: str, dst_dir: str, *, overwrite: bool = False) -> str:
        """Copy ``src`` into the folder ``dst_dir``; returns the copy's path."""
        return self._run(self._plans.transfer(src, dst_dir, move=False, overwrite=overwrite))

    def rename(self, path: str, new_name: str) -> str:
        return self._run(self._plans.rename(path, new_name))

    def read_text(self, path: str) -> str:
        """A text file's content through the preview operation (at most 10 MiB on the service)."""
        return self._run(self._plans.read_text(path))
