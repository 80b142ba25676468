"""client.files against the mock's file service: listing, transfers, typed errors, resumes."""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from scnet_hpc import (
    Client,
    FilePermissionError,
    InvalidArgumentError,
    JobSpec,
    JobState,
    RemoteFileExistsError,
    RemoteFileNotFoundError,
    StorageFullError,
    TransportError,
    _files,
)
from scnet_hpc.mock import Clock, create_app
from scnet_hpc.mock.deployment.model import load_deployment

from ..mock.mock_contract import one_region_deployment
from .sdk_helpers import MOCK_URL, ASGISyncTransport, Recorder

MakeClient = Callable[..., Client]
HOME = "/public/home/demo"


def test_mkdir_upload_ls_download_rm(make_client: MakeClient, tmp_path: Path) -> None:
    files = make_client().files
    local = tmp_path / "data.txt"
    local.write_bytes(b"hello\nworld\n")
    assert files.mkdir("run1/in") == f"{HOME}/run1/in"
    assert files.mkdir("run1/in") == f"{HOME}/run1/in"  # like mkdir -p
    seen: list[tuple[int, int]] = []
    remote = files.upload(local, "run1/in", progress=lambda d, t: seen.append((d, t)))
    assert remote == f"{HOME}/run1/in/data.txt"
    assert seen[-1] == (12, 12)
    assert [e.name for e in files.ls("run1/in")] == ["data.txt"]
    assert files.exists(remote)
    assert not files.exists("run1/nothing")
    assert files.read_text(remote) == "hello\nworld\n"
    back = files.download(remote, tmp_path / "back.txt")
    assert back.read_bytes() == local.read_bytes()
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []
    files.rm("run1", recursive=True)
    assert not files.exists("run1")


def test_cp_mv_rename(make_client: MakeClient, tmp_path: Path) -> None:
    files = make_client().files
    local = tmp_path / "a.txt"
    local.write_text("A")
    files.mkdir("x")
    files.mkdir("y")
    files.upload(local, "x")
    assert files.cp("x/a.txt", "y") == f"{HOME}/y/a.txt"
    with pytest.raises(RemoteFileExistsError):
        files.cp("x/a.txt", "y")
    assert files.rename("y/a.txt", "b.txt") == f"{HOME}/y/b.txt"
    assert files.mv("x/a.txt", "y") == f"{HOME}/y/a.txt"
    assert sorted(e.name for e in files.ls("y")) == ["a.txt", "b.txt"]
    assert files.ls("x") == []


# ---------------------------------------------------------------------- typed errors


def test_paths_outside_the_home_are_a_permission_error(
    make_client: MakeClient, tmp_path: Path
) -> None:
    files = make_client().files
    for path in ("/etc", "/public/home/other", "../other", f"{HOME}/../../../etc"):
        with pytest.raises(FilePermissionError) as caught:
            files.ls(path)
        assert caught.value.code == "911030"
        assert isinstance(caught.value, PermissionError)
    with pytest.raises(FilePermissionError):
        files.download("/etc/passwd", tmp_path / "passwd")
    assert list(tmp_path.iterdir()) == []  # no partial file left behind


def test_missing_file_is_remote_file_not_found(make_client: MakeClient, tmp_path: Path) -> None:
    files = make_client().files
    with pytest.raises(RemoteFileNotFoundError) as caught:
        files.download("nothing.txt", tmp_path)
    assert isinstance(caught.value, FileNotFoundError)
    assert list(tmp_path.iterdir()) == []
    with pytest.raises(RemoteFileNotFoundError):
        files.rm("nothing.txt")


def test_overwrite_false_keeps_the_remote_file(
    make_client: MakeClient, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = make_client().files
    local = tmp_path / "o.txt"
    local.write_text("first")
    files.upload(local, ".")
    local.write_text("second")
    with pytest.raises(RemoteFileExistsError) as caught:
        files.upload(local, ".")
    assert isinstance(caught.value, FileExistsError)
    assert files.read_text("o.txt") == "first"
    files.upload(local, ".", overwrite=True)
    assert files.read_text("o.txt") == "second"
    # the chunked path refuses before sending a chunk
    monkeypatch.setattr(_files, "CHUNK_THRESHOLD", 3)
    with pytest.raises(RemoteFileExistsError):
        files.upload(local, ".")


def test_quota_full_is_storage_full_error(make_client: MakeClient, tmp_path: Path) -> None:
    storage = {"quota_gb": 10_000 / 1024**3, "used_gb": 0}
    account = {"region": 1, "cluster_user": "q", "home": "/public/home/q", "storage": storage}
    users = [{"name": "q", "access_key": "q-ak", "secret_key": "q-sk", "regions": [account]}]
    app = create_app(load_deployment(one_region_deployment(users)), clock=Clock(speed=0))
    files = make_client(target=app, user="q", access_key="q-ak", secret_key="q-sk").files
    (tmp_path / "a.bin").write_bytes(b"a" * 6000)
    (tmp_path / "b.bin").write_bytes(b"b" * 6000)
    files.upload(tmp_path / "a.bin", "/public/home/q")
    with pytest.raises(StorageFullError) as caught:
        files.upload(tmp_path / "b.bin", "/public/home/q")
    assert caught.value.code == "911501"
    assert [e.name for e in files.ls()] == ["a.bin"]


# ---------------------------------------------------------------------- interrupted transfers


class _Cut(httpx.SyncByteStream):
    def __init__(self, data: bytes, request: httpx.Request) -> None:
        self.data, self.request = data, request

    def __iter__(self) -> Iterator[bytes]:
        yield self.data
        raise httpx.ReadError("connection dropped mid-body", request=self.request)


class Flaky(httpx.BaseTransport):
    """Cuts the first ``cuts`` download bodies after ``keep`` bytes; ``ignore_range`` makes the
    server answer every download whole (200), as a server without Range support would."""

    def __init__(
        self, inner: httpx.BaseTransport, *, keep: int, cuts: int = 1, ignore_range: bool = False
    ) -> None:
        self.inner, self.keep, self.cuts, self.ignore_range = inner, keep, cuts, ignore_range
        self.downloads: list[tuple[str | None, int]] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if not request.url.path.endswith("/file/download"):
            return self.inner.handle_request(request)
        asked = request.headers.get("range")
        if self.ignore_range and asked:
            del request.headers["range"]
        response = self.inner.handle_request(request)
        self.downloads.append((asked, response.status_code))
        if self.cuts <= 0:
            return response
        self.cuts -= 1
        data = response.read()[: self.keep]
        return httpx.Response(
            response.status_code, headers=response.headers, stream=_Cut(data, request)
        )


def _remote_file(app: Any, name: str, data: bytes) -> None:
    """Put a file straight into the demo user's tree (as a job would write it)."""
    mock = app.state.mock
    account = mock.files.account_of(mock.demo.region_id, mock.demo.cluster_user)
    mock.files.tree(account).real(f"{HOME}/{name}").write_bytes(data)


def _flaky_client(app: Any, flaky_of: Callable[[httpx.BaseTransport], Flaky]) -> Any:
    demo, clock = app.state.mock.demo, app.state.mock.clock
    flaky = flaky_of(ASGISyncTransport(app))
    client = Client.from_access_key(
        demo.user, demo.access_key, demo.secret_key, auth_url=MOCK_URL, platform_url=MOCK_URL,
        transport=flaky, clock=clock.now, sleep=clock.advance, seed=1,
    )  # fmt: skip
    return client, flaky


@pytest.mark.parametrize("ignore_range", [False, True], ids=["206-continues", "200-restarts"])
def test_interrupted_download_resumes_byte_identical(
    app: Any, tmp_path: Path, ignore_range: bool
) -> None:
    payload = os.urandom(300_000)
    _remote_file(app, "big.bin", payload)
    client, flaky = _flaky_client(
        app, lambda inner: Flaky(inner, keep=100_000, ignore_range=ignore_range)
    )
    with client:
        seen: list[int] = []
        out = client.files.download(
            "big.bin", tmp_path / "big.bin", progress=lambda d, t: seen.append(d)
        )
    assert out.read_bytes() == payload
    if ignore_range:
        assert flaky.downloads == [(None, 200), ("bytes=100000-", 200)]
    else:
        assert flaky.downloads == [(None, 200), ("bytes=100000-", 206)]
    assert seen[-1] == len(payload)
    assert [p.name for p in tmp_path.iterdir()] == ["big.bin"]


def test_download_gives_up_after_the_retries_and_leaves_nothing(app: Any, tmp_path: Path) -> None:
    _remote_file(app, "big.bin", b"x" * 50_000)
    client, flaky = _flaky_client(app, lambda inner: Flaky(inner, keep=10, cuts=99))
    with client, pytest.raises(TransportError):
        client.files.download("big.bin", tmp_path / "big.bin")
    assert len(flaky.downloads) == 4  # the first try and 3 retries, each resuming
    assert list(tmp_path.iterdir()) == []


def _chunk_number(request: httpx.Request) -> int:
    found = re.search(rb'name="chunkNumber"\r\n(?:[^\r]+\r\n)*\r\n(\d+)\r\n', request.content)
    assert found is not None
    return int(found.group(1))


def test_a_failed_chunk_is_sent_again_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, recorder: Recorder, make_client: MakeClient
) -> None:
    monkeypatch.setattr(_files, "CHUNK_THRESHOLD", 1000)
    monkeypatch.setattr(_files, "CHUNK_SIZE", 400)
    app = create_app(clock=Clock(speed=0), faults="http503 ops=upload_chunk times=1")
    files = make_client(target=app).files
    payload = os.urandom(2500)  # 7 chunks
    (tmp_path / "c.bin").write_bytes(payload)
    seen: list[tuple[int, int]] = []
    files.upload(tmp_path / "c.bin", ".", progress=lambda d, t: seen.append((d, t)))
    paths = [p.rsplit("/", 1)[-1] for _, p in recorder.calls() if "/efile/" in p]
    assert paths.count("burst") == 8  # 7 chunks, the first one twice
    assert paths.count("merge") == 1
    assert "upload" not in paths
    numbers = [_chunk_number(r) for r in recorder.requests if r.url.path.endswith("/burst")]
    assert numbers == [1, 1, 2, 3, 4, 5, 6, 7]  # only the failed chunk again
    back = files.download("c.bin", tmp_path / "back.bin")
    assert back.read_bytes() == payload
    assert seen[0] == (0, 2500)
    assert seen[-1] == (2500, 2500)
    assert len(seen) >= 8


# ---------------------------------------------------------------------- run: up, job, down


def test_run_uploads_inputs_into_a_fresh_work_dir_and_submits_there(
    make_client: MakeClient, tmp_path: Path, mock: Any
) -> None:
    client = make_client()
    data = tmp_path / "data.txt"
    data.write_text("1 2 3\n")
    spec = JobSpec(command="sleep 30; echo hi", queue="debug", walltime=600, job_name="t")
    result = client.run(spec, inputs=[data], download_to=tmp_path / "out")
    assert result.status.state is JobState.COMPLETED
    assert result.work_dir.startswith(f"{HOME}/scnet-runs/t-")
    assert client.files.read_text(f"{result.work_dir}/data.txt") == "1 2 3\n"
    assert result.job.refresh().work_dir == result.work_dir
    again = client.run(spec, inputs=[data], download_to=tmp_path / "out")
    assert again.work_dir != result.work_dir  # every run has its own folder
    with pytest.raises(InvalidArgumentError):
        client.run(spec, outputs=["../escape"], download_to=tmp_path)
    with pytest.raises(InvalidArgumentError):
        client.run(spec, inputs=[tmp_path / "missing.txt"], download_to=tmp_path)


def test_run_returns_what_the_job_wrote_byte_identical(
    make_client: MakeClient, tmp_path: Path
) -> None:
    client = make_client()
    data = tmp_path / "data.txt"
    data.write_text("x\n")
    program = (
        "sleep 60; echo started; echo 3 lines > out/result.txt; seq 2 >> out/result.txt; "
        "echo ignored > out/skip.log; echo oops >&2"
    )
    spec = JobSpec(command=program, queue="debug", walltime=600, job_name="e2e")
    back = tmp_path / "back"
    result = client.run(spec, inputs=[data], outputs=["out/*.txt"], download_to=back)
    assert result.status.state is JobState.COMPLETED
    job_id = result.job.id
    assert sorted(p.relative_to(back).as_posix() for p in result.files) == [
        "out/result.txt", f"std.err.{job_id}", f"std.out.{job_id}",
    ]  # fmt: skip
    assert (back / "out" / "result.txt").read_bytes() == b"3 lines\n1\n2\n"
    assert (back / f"std.out.{job_id}").read_bytes() == b"started\n"
    assert (back / f"std.err.{job_id}").read_text() == result.job.output("stderr") == "oops\n"
    # the same bytes as the job API's view of the file, and as the tree holds them
    assert client.files.read_text(f"{result.work_dir}/out/result.txt") == "3 lines\n1\n2\n"
    again = result.job.download_outputs(tmp_path / "again", ["out/*"])
    assert sorted(p.name for p in again) == sorted(
        ["result.txt", "skip.log", f"std.out.{job_id}", f"std.err.{job_id}"]
    )
    with pytest.raises(RemoteFileNotFoundError):
        result.job.download_outputs(tmp_path / "none", ["out/*.dat"])


def test_upload_progress_follows_the_bytes_sent(make_client: MakeClient, tmp_path: Path) -> None:
    local = tmp_path / "p.bin"
    local.write_bytes(os.urandom(300_000))
    seen: list[tuple[int, int]] = []
    make_client().files.upload(local, ".", progress=lambda d, t: seen.append((d, t)))
    done = [d for d, _ in seen]
    assert {t for _, t in seen} == {300_000}
    assert done[0] == 0
    assert done[-1] == 300_000
    assert len([d for d in done if 0 < d < 300_000]) >= 3  # as httpx reads the file
    assert done == sorted(done)
