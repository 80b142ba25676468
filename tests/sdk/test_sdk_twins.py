"""Client and AsyncClient: the same surface, and the very same requests on the wire."""

from __future__ import annotations

import asyncio
import inspect
import tempfile
from pathlib import Path
from typing import Any

import httpx
import pytest

from scnet_hpc import (
    AsyncClient,
    AsyncFiles,
    AsyncJob,
    Client,
    Files,
    Job,
    JobSpec,
    PollSchedule,
    _files,
)
from scnet_hpc.mock import Clock, create_app

from .sdk_helpers import (
    MOCK_URL,
    ASGISyncTransport,
    AsyncRecordingTransport,
    Recorder,
    RecordingTransport,
)

START = 1_790_000_000.0
LONG = JobSpec(command="sleep 3600", queue="normal", walltime=7200, job_name="long")
SHORT = JobSpec(command="sleep 100; seq 3", queue="debug", walltime=600)
#: huge gaps, so that wait_all/as_completed also take the history path
COARSE = PollSchedule(initial=1000, floor=1000, fraction=1, ceiling=1000)


def _app() -> Any:
    return create_app(clock=Clock(speed=0, start=START))


def _kwargs(app: Any) -> dict[str, Any]:
    demo, clock = app.state.mock.demo, app.state.mock.clock
    return {
        "user": demo.user,
        "access_key": demo.access_key,
        "secret_key": demo.secret_key,
        "auth_url": MOCK_URL,
        "platform_url": MOCK_URL,
        "clock": clock.now,
        "sleep": clock.advance,
        "seed": 3,
    }


def run_sync(app: Any, recorder: Recorder) -> list[Any]:
    transport = RecordingTransport(ASGISyncTransport(app), recorder)
    kw = _kwargs(app)
    with Client.from_access_key(
        kw.pop("user"), kw.pop("access_key"), kw.pop("secret_key"), transport=transport, **kw
    ) as c:
        out: list[Any] = [c.regions(), c.region_info(), c.clusters(), c.queues()]
        out += [c.queue_details(), c.user_limits()]
        long = c.submit(LONG)
        short = c.submit(SHORT)
        out += [short.refresh().state, len(c.jobs()), short.wait().state, short.output()]
        out += [long.cancel(), long.refresh().state]
        out += [len(c.history(days=1)), c.history_job(short.id) is not None]
        out += [c.read_file(f"/public/home/demo/std.out.{short.id}", direction="UP").data]
        out += [c.job_state_stats(), c.queue_stats(), c.used_walltime(), c.storage_quota()]
        out += [c.with_options(timeout=7, retries=0).clusters(), c.job(short.id).state]
        many = c.submit_many([SHORT, LONG, SHORT], concurrency=1)
        out += [[j.id for j in c.as_completed([many[0], many[2].id], poll=COARSE)]]
        out += [many[1].cancel(), [s.state for s in c.wait_all(many, timeout=2000)]]
        members = c.group_members()
        out += [c.whoami(), c.core_state(), members, c.member_jobs(members[-1])]
        out += [c.platform_jobs(state="statR"), c.platform_history(limit=5, page_size=2)]
        f, local = c.files, _local_file()
        out += [f.mkdir("tw/in"), f.upload(local, "tw/in"), [e.name for e in f.ls("tw/in")]]
        out += [f.exists("tw/in/data.txt"), f.read_text("tw/in/data.txt")]
        out += [f.cp("tw/in/data.txt", "tw"), f.rename("tw/data.txt", "d2.txt")]
        out += [f.mv("tw/d2.txt", "tw/in"), f.upload(local, "tw", overwrite=True)]
        out += [f.download("tw/in/d2.txt", local.parent / "back").read_bytes()]
        out += [f.rm("tw", recursive=True), f.exists("tw")]
        r = c.run(SHORT, inputs=[local], download_to=local.parent / "run")
        out += [r.status.state, r.work_dir, [p.name for p in r.files]]
        out += [[p.name for p in r.job.download_outputs(local.parent / "again")]]
    return out


async def run_async(app: Any, recorder: Recorder) -> list[Any]:
    transport = AsyncRecordingTransport(httpx.ASGITransport(app=app), recorder)
    kw = _kwargs(app)
    async with AsyncClient.from_access_key(
        kw.pop("user"), kw.pop("access_key"), kw.pop("secret_key"), transport=transport, **kw
    ) as c:
        out: list[Any] = [await c.regions(), await c.region_info(), await c.clusters()]
        out += [await c.queues(), await c.queue_details(), await c.user_limits()]
        long = await c.submit(LONG)
        short = await c.submit(SHORT)
        out += [(await short.refresh()).state, len(await c.jobs())]
        out += [(await short.wait()).state, await short.output()]
        out += [await long.cancel(), (await long.refresh()).state]
        out += [len(await c.history(days=1)), await c.history_job(short.id) is not None]
        page = await c.read_file(f"/public/home/demo/std.out.{short.id}", direction="UP")
        out += [page.data]
        out += [await c.job_state_stats(), await c.queue_stats(), await c.used_walltime()]
        out += [await c.storage_quota()]
        out += [
            await c.with_options(timeout=7, retries=0).clusters(),
            (await c.job(short.id)).state,
        ]
        many = await c.submit_many([SHORT, LONG, SHORT], concurrency=1)
        out += [[j.id async for j in c.as_completed([many[0], many[2].id], poll=COARSE)]]
        out += [await many[1].cancel(), [s.state for s in await c.wait_all(many, timeout=2000)]]
        members = await c.group_members()
        out += [await c.whoami(), await c.core_state(), members]
        out += [await c.member_jobs(members[-1])]
        out += [await c.platform_jobs(state="statR")]
        out += [await c.platform_history(limit=5, page_size=2)]
        f, local = c.files, _local_file()
        out += [await f.mkdir("tw/in"), await f.upload(local, "tw/in")]
        out += [[e.name for e in await f.ls("tw/in")]]
        out += [await f.exists("tw/in/data.txt"), await f.read_text("tw/in/data.txt")]
        out += [await f.cp("tw/in/data.txt", "tw"), await f.rename("tw/data.txt", "d2.txt")]
        out += [await f.mv("tw/d2.txt", "tw/in"), await f.upload(local, "tw", overwrite=True)]
        out += [(await f.download("tw/in/d2.txt", local.parent / "back")).read_bytes()]
        out += [await f.rm("tw", recursive=True), await f.exists("tw")]
        r = await c.run(SHORT, inputs=[local], download_to=local.parent / "run")
        out += [r.status.state, r.work_dir, [p.name for p in r.files]]
        out += [[p.name for p in await r.job.download_outputs(local.parent / "again")]]
    return out


def _local_file() -> Path:
    folder = Path(tempfile.mkdtemp(prefix="twins-"))
    local = folder / "data.txt"
    local.write_bytes(b"hello twins, in chunks\n")
    return local


def test_sync_and_async_send_identical_requests(monkeypatch: pytest.MonkeyPatch) -> None:
    # uploads over 10 bytes go in 8-byte chunks: both upload paths run
    monkeypatch.setattr(_files, "CHUNK_THRESHOLD", 10)
    monkeypatch.setattr(_files, "CHUNK_SIZE", 8)
    sync_recorder, async_recorder = Recorder(), Recorder()
    sync_results = run_sync(_app(), sync_recorder)
    async_results = asyncio.run(run_async(_app(), async_recorder))
    assert sync_results == async_results
    # tokens are random per mock, so their values differ; everything else must not
    volatile = frozenset({"token"})
    sync_requests = sync_recorder.comparable(volatile)
    async_requests = async_recorder.comparable(volatile)
    assert len(sync_requests) == len(async_requests) > 25
    for index, (a, b) in enumerate(zip(sync_requests, async_requests, strict=True)):
        assert a == b, f"request {index} differs"
    assert all(
        ("token" in r.headers) == ("/api/user/v3/tokens" not in r.url.path)
        for r in sync_recorder.requests + async_recorder.requests
    )
    timeouts = {r.extensions["timeout"]["read"] for r in sync_recorder.requests}
    assert timeouts == {30.0, 7.0}
    assert timeouts == {r.extensions["timeout"]["read"] for r in async_recorder.requests}


def _public(cls: type) -> dict[str, Any]:
    """Public members, inherited ones too (``BaseClient`` holds the factories and options)."""
    members: dict[str, Any] = {}
    for klass in reversed(cls.__mro__[:-1]):  # base first, so a subclass overrides
        members.update(
            (name, member)
            for name, member in vars(klass).items()
            if not name.startswith("_") or name == "__init__"
        )
    return members


def test_the_surface_check_sees_inherited_members() -> None:
    names = set(_public(Client))
    assert {"__init__", "from_access_key", "from_env", "with_options", "options"} <= names
    assert {"history", "close", "submit"} <= names


def _normalised(signature: inspect.Signature) -> str:
    text = str(signature)
    for a, b in (
        ("AsyncClient", "Client"),
        ("AsyncJob", "Job"),
        ("AsyncFiles", "Files"),
        ("AsyncBaseTransport", "BaseTransport"),
        ("AsyncIterator", "Iterator"),
    ):
        text = text.replace(a, b)
    return text.replace("Awaitable[Any] | Any", "Any")


def test_both_clients_have_the_same_surface() -> None:
    for sync_cls, async_cls in ((Client, AsyncClient), (Job, AsyncJob), (Files, AsyncFiles)):
        sync_members, async_members = _public(sync_cls), _public(async_cls)
        assert set(sync_members) == set(async_members)
        for name, member in sync_members.items():
            twin = async_members[name]
            if isinstance(member, property):
                assert isinstance(twin, property), name
                continue
            function = member.__func__ if isinstance(member, classmethod) else member
            async_function = twin.__func__ if isinstance(twin, classmethod) else twin
            assert _normalised(inspect.signature(function)) == _normalised(
                inspect.signature(async_function)
            ), name
            io_bound = name not in (
                "__init__", "from_access_key", "from_token_cache", "from_env", "with_options",
                "from_password",
            )  # fmt: skip
            if name == "as_completed":  # an iterator: sync generator, async generator
                assert inspect.isgeneratorfunction(function), name
                assert inspect.isasyncgenfunction(async_function), name
                continue
            assert inspect.iscoroutinefunction(async_function) == io_bound, name
    assert [n for n in ("__enter__", "__exit__") if hasattr(AsyncClient, n)] == []
    assert hasattr(AsyncClient, "__aenter__")
