"""The mock's file service: confinement, quota, overwrite, chunk merge, ranges, zips, tasks.

Each test states a rule the live efile service keeps and fails if the mock stops keeping it.
"""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path
from typing import Any

import pytest

from scnet_hpc.mock import Clock, create_app
from scnet_hpc.mock.deployment.model import load_deployment
from scnet_hpc.mock.testing import sync_client

from .mock_contract import Api, one_region_deployment

HOME = "/public/home/demo"


def upload(api: Api, folder: str, name: str, data: bytes, **fields: str) -> dict[str, Any]:
    return api.call("upload_file", data={"path": folder, **fields}, files={"file": (name, data)})


def download(http: Any, api: Api, path: str, **headers: str) -> Any:
    return http.get(
        "/efile/openapi/v2/file/download",
        params={"path": path},
        headers={"token": api.token, **headers},
    )


def listing(api: Api, path: str) -> list[str]:
    data = api.ok("list_files", params={"path": path, "start": 0, "limit": 100})
    return [row["name"] for row in data["fileList"]]


def home_dir(mock: Any) -> Path:
    """Where the demo user's home lives on disk."""
    account = mock.deployment.users[0].account_in(mock.region_id)
    return Path(mock.files.tree(account).root)


# ---------------------------------------------------------------------- the chain


def test_mkdir_upload_list_download_remove(api: Api, http: Any) -> None:
    work = f"{HOME}/run1"
    assert api.ok("make_directory", params={"path": work}) == ""
    assert upload(api, work, "in.txt", b"hello\n")["data"] is None
    assert listing(api, work) == ["in.txt"]
    answer = download(http, api, f"{work}/in.txt")
    assert answer.status_code == 200
    assert answer.headers["content-type"] == "application/octet-stream"
    assert answer.content == b"hello\n"
    assert "in.txt" in answer.headers["content-disposition"]
    assert api.ok("remove_files", params={"paths": work, "recursive": "true"}) == ""
    assert api.ok("file_exists", data={"path": work}) == {"exist": False, "dir": False}


def test_bytes_live_on_disk_in_the_users_home(api: Api, mock: Any) -> None:
    upload(api, HOME, "disk.bin", b"x" * 1000)
    assert (home_dir(mock) / "disk.bin").read_bytes() == b"x" * 1000


def test_missing_file_download_is_an_envelope(api: Api, http: Any) -> None:
    answer = download(http, api, f"{HOME}/std.out.1")
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith("application/json")
    assert answer.json()["code"] == "911020"


# ---------------------------------------------------------------------- confinement


@pytest.mark.parametrize(
    "path",
    [
        "/public/home/demo/../other/x",
        "/public/home/demo/../../../etc",
        "/etc",
        "/public/home",
        "/public/home/demox",
    ],
)
def test_paths_outside_the_home_are_refused(api: Api, path: str) -> None:
    body = api.call("list_files", params={"path": path, "start": 0, "limit": 10})
    assert body["code"] == "911030", body
    body = api.call("make_directory", params={"path": path + "/new", "createParents": "true"})
    assert body["code"] == "911030", body


def test_dot_dot_inside_the_home_stays_inside(api: Api) -> None:
    api.ok("make_directory", params={"path": f"{HOME}/a"})
    assert api.ok("make_directory", params={"path": f"{HOME}/a/../b"}) == ""
    assert "b" in listing(api, HOME)


def test_relative_paths_are_invalid(api: Api) -> None:
    body = api.call("make_directory", params={"path": "public/home/demo/x"})
    assert body["code"] == "10004", body


def test_a_symlink_out_of_the_home_is_refused(
    api: Api, http: Any, mock: Any, tmp_path: Path
) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("not yours")
    os.symlink(secret, home_dir(mock) / "link.txt")
    os.symlink(tmp_path, home_dir(mock) / "linkdir")
    assert download(http, api, f"{HOME}/link.txt").json()["code"] == "911030"
    body = api.call("list_files", params={"path": f"{HOME}/linkdir", "start": 0, "limit": 10})
    assert body["code"] == "911030", body
    body = api.call("upload_file", data={"path": f"{HOME}/linkdir"}, files={"file": ("x", b"1")})
    assert body["code"] == "911030", body
    assert not (tmp_path / "x").exists()


def _two_users() -> dict[str, Any]:
    users = [
        {"name": n, "access_key": f"{n}-ak", "secret_key": f"{n}-sk",
         "regions": [{"region": 1, "cluster_user": n, "home": f"/public/home/{n}"}]}
        for n in ("alice", "bob")
    ]  # fmt: skip
    return one_region_deployment(users)


def test_another_users_home_is_refused() -> None:
    app = create_app(load_deployment(_two_users()), clock=Clock(speed=0))
    mock = app.state.mock
    with sync_client(app) as http:
        alice = Api(http, mock.mint_token("alice"), mock.scheduler_id)
        bob = Api(http, mock.mint_token("bob"), mock.scheduler_id)
        upload(bob, "/public/home/bob", "b.txt", b"bob's")
        for path in ("/public/home/bob", "/public/home/bob/b.txt"):
            body = alice.call("file_exists", data={"path": path})
            assert body["code"] == "911030", body
        answer = http.get(
            "/efile/openapi/v2/file/download",
            params={"path": "/public/home/bob/b.txt"},
            headers={"token": alice.token},
        )
        assert answer.json()["code"] == "911030"
        assert bob.ok("file_exists", data={"path": "/public/home/bob/b.txt"})["exist"] is True


# ---------------------------------------------------------------------- quota, overwrite


def _small_quota(quota_bytes: int) -> Any:
    storage = {"quota_gb": quota_bytes / 1024**3, "used_gb": 0}
    account = {"region": 1, "cluster_user": "q", "home": "/public/home/q", "storage": storage}
    users = [{"name": "q", "access_key": "q-ak", "secret_key": "q-sk", "regions": [account]}]
    return create_app(load_deployment(one_region_deployment(users)), clock=Clock(speed=0))


def test_quota_full_answers_911501() -> None:
    app = _small_quota(10_000)
    mock = app.state.mock
    with sync_client(app) as http:
        api = Api(http, mock.mint_token("q"), mock.scheduler_id)
        assert upload(api, "/public/home/q", "a.bin", b"a" * 6000)["code"] == "0"
        body = upload(api, "/public/home/q", "b.bin", b"b" * 6000)
        assert body["code"] == "911501", body
        assert listing(api, "/public/home/q") == ["a.bin"]
        # replacing a file only needs the difference
        assert upload(api, "/public/home/q", "a.bin", b"c" * 9000, cover="cover")["code"] == "0"


def test_overwrite_needs_cover(api: Api, http: Any) -> None:
    upload(api, HOME, "o.txt", b"first")
    body = upload(api, HOME, "o.txt", b"second")
    assert body["code"] == "911021", body
    body = upload(api, HOME, "o.txt", b"second", cover="uncover")
    assert body["code"] == "911021", body
    assert download(http, api, f"{HOME}/o.txt").content == b"first"
    assert upload(api, HOME, "o.txt", b"second", cover="cover")["code"] == "0"
    assert download(http, api, f"{HOME}/o.txt").content == b"second"


def test_mkdir_codes(api: Api) -> None:
    assert api.call("make_directory", params={"path": f"{HOME}/x/y"})["code"] == "911020"
    assert api.ok("make_directory", params={"path": f"{HOME}/x/y", "createParents": "true"}) == ""
    assert api.call("make_directory", params={"path": f"{HOME}/x/y"})["code"] == "911021"
    upload(api, HOME, "f", b"1")
    assert api.call("make_directory", params={"path": f"{HOME}/f/z"})["code"] == "911022"


def test_remove_non_empty_needs_recursive(api: Api) -> None:
    api.ok("make_directory", params={"path": f"{HOME}/full"})
    upload(api, f"{HOME}/full", "a", b"1")
    assert api.call("remove_files", params={"paths": f"{HOME}/full"})["code"] == "911502"
    assert api.ok("remove_files", params={"paths": f"{HOME}/full", "recursive": "true"}) == ""


# ---------------------------------------------------------------------- chunks


def chunk(api: Api, number: int, data: bytes, total: int, size: int, **extra: Any) -> Any:
    fields = {"chunkNumber": str(number), "filename": "big.bin", "identifier": "id-1",
              "path": HOME, "relativePath": "big.bin", "totalChunks": str(total),
              "totalSize": str(size), **extra}  # fmt: skip
    return api.call("upload_chunk", data=fields, files={"file": ("blob", data)})


def test_chunks_merge_into_the_file(api: Api, http: Any) -> None:
    parts = [b"a" * 4, b"b" * 4, b"c" * 2]
    for n, part in enumerate(parts, 1):
        assert chunk(api, n, part, 3, 10, chunkSize="4")["code"] == "0"
    merged = api.call(
        "merge_chunks",
        files={"path": (None, HOME), "relativePath": (None, "big.bin"),
               "indentifier": (None, "id-1"), "filename": (None, "big.bin")},
    )  # fmt: skip
    assert merged["code"] == "0", merged
    assert download(http, api, f"{HOME}/big.bin").content == b"aaaabbbbcc"


def test_merge_with_a_missing_chunk_fails(api: Api) -> None:
    chunk(api, 1, b"a" * 4, 3, 10)
    chunk(api, 3, b"c" * 2, 3, 10)
    merged = api.call(
        "merge_chunks",
        data={"path": HOME, "relativePath": "big.bin", "identifier": "id-1"},
    )
    assert merged["code"] == "911020", merged
    assert "2" in merged["msg"]
    assert "big.bin" not in listing(api, HOME)


def test_merge_with_wrong_sizes_fails(api: Api) -> None:
    chunk(api, 1, b"a" * 4, 2, 10)
    chunk(api, 2, b"b" * 4, 2, 10)
    merged = api.call(
        "merge_chunks", data={"path": HOME, "relativePath": "big.bin", "identifier": "id-1"}
    )
    assert merged["code"] == "10010", merged


# ---------------------------------------------------------------------- download


def test_range_download_answers_206(api: Api, http: Any) -> None:
    data = bytes(range(256)) * 40
    upload(api, HOME, "r.bin", data)
    answer = download(http, api, f"{HOME}/r.bin", Range="bytes=100-199")
    assert answer.status_code == 206
    assert answer.content == data[100:200]
    assert answer.headers["content-range"] == f"bytes 100-199/{len(data)}"
    tail = download(http, api, f"{HOME}/r.bin", Range="bytes=10000-")
    assert tail.status_code == 206
    assert tail.content == data[10000:]
    suffix = download(http, api, f"{HOME}/r.bin", Range="bytes=-5")
    assert suffix.content == data[-5:]
    beyond = download(http, api, f"{HOME}/r.bin", Range=f"bytes={len(data)}-")
    assert beyond.status_code == 200
    assert beyond.json()["code"] == "10004"


def test_folder_downloads_as_zip(api: Api, http: Any) -> None:
    api.ok("make_directory", params={"path": f"{HOME}/out/sub", "createParents": "true"})
    upload(api, f"{HOME}/out", "a.txt", b"A" * 3000)
    upload(api, f"{HOME}/out/sub", "b.txt", b"B")
    answer = download(http, api, f"{HOME}/out")
    assert answer.status_code == 200
    assert "out.zip" in answer.headers["content-disposition"]
    archive = zipfile.ZipFile(io.BytesIO(answer.content))
    assert sorted(archive.namelist()) == ["out/a.txt", "out/sub/b.txt"]
    assert archive.read("out/a.txt") == b"A" * 3000
    assert archive.read("out/sub/b.txt") == b"B"


# ---------------------------------------------------------------------- preview


def test_preview_limits(api: Api, mock: Any) -> None:
    upload(api, HOME, "t.txt", b"line\n" * 10)
    data = api.ok("preview_file", data={"path": f"{HOME}/t.txt", "startIndex": "5"})
    assert data["content"] == "line\n" * 9
    assert data["hasNext"] is False
    upload(api, HOME, "b.bin", b"\x00\x01\x02")
    assert api.call("preview_file", data={"path": f"{HOME}/b.bin"})["code"] == "911506"
    assert api.ok("preview_file", data={"path": f"{HOME}/b.bin", "force": "force"})
    mock.files.preview_limit = 20
    assert api.call("preview_file", data={"path": f"{HOME}/t.txt"})["code"] == "911505"


# ---------------------------------------------------------------------- tasks


def test_async_copy_progresses_on_the_clock(api: Api, clock: Clock) -> None:
    upload(api, HOME, "src.bin", b"s" * 100)
    api.ok("make_directory", params={"path": f"{HOME}/dst"})
    tasks = api.ok(
        "async_copy_files",
        json=[
            {
                "sourcePath": f"{HOME}/src.bin",
                "targetPath": f"{HOME}/dst",
                "duplicateHandleType": "cover",
            }
        ],
    )
    task_id = tasks[0]["taskId"]
    first = api.ok("list_file_tasks", json={"taskIds": [task_id]})[0]
    assert (first["status"], first["progress"]) == ("RUNNING", 0)
    assert listing(api, f"{HOME}/dst") == []
    clock.advance(1)
    half = api.ok("list_file_tasks", json={"taskIds": [task_id]})[0]
    assert half["status"] == "RUNNING"
    assert half["progress"] == 50
    clock.advance(1)
    done = api.ok("list_file_tasks", json={"taskIds": [task_id]})[0]
    assert (done["status"], done["progress"]) == ("SUCCESS", 100)
    assert listing(api, f"{HOME}/dst") == ["src.bin"]


def test_cancelled_task_does_nothing(api: Api, clock: Clock) -> None:
    upload(api, HOME, "keep.bin", b"k")
    tasks = api.ok("async_remove_files", json=[{"sourcePath": f"{HOME}/keep.bin"}])
    api.ok("cancel_file_tasks", json={"taskIds": [tasks[0]["taskId"]]})
    clock.advance(60)
    state = api.ok("list_file_tasks", json={"taskIds": [tasks[0]["taskId"]]})[0]
    assert state["status"] == "CANCELED"
    assert "keep.bin" in listing(api, HOME)


def test_a_home_nested_in_the_callers_home_is_still_refused() -> None:
    """Homes may nest (``/data`` holding ``/data/bob``): the other user's part stays theirs."""
    users = [
        {"name": n, "access_key": f"{n}-ak", "secret_key": f"{n}-sk",
         "regions": [{"region": 1, "cluster_user": n, "home": home}]}
        for n, home in (("admin", "/data"), ("bob", "/data/bob"))
    ]  # fmt: skip
    app = create_app(load_deployment(one_region_deployment(users)), clock=Clock(speed=0))
    mock = app.state.mock
    with sync_client(app) as http:
        admin = Api(http, mock.mint_token("admin"), mock.scheduler_id)
        assert admin.ok("make_directory", params={"path": "/data/mine"}) == ""
        body = admin.call("make_directory", params={"path": "/data/bob/x", "createParents": "true"})
        assert body["code"] == "911030", body


def test_an_engine_with_real_homes_supplies_the_tree_root(tmp_path: Path) -> None:
    """The seam the Slurm engine uses: ``engine.file_root(account)`` is where a home's bytes are."""
    from scnet_hpc.mock.engines.simulated.engine import SimulatedEngine

    clock = Clock(speed=0)
    deployment = load_deployment(None)

    class RealHomes(SimulatedEngine):
        def file_root(self, account: Any) -> Path:
            return tmp_path / account.cluster_user

    app = create_app(deployment, clock=clock, engine=RealHomes(deployment, clock))
    mock = app.state.mock
    with sync_client(app) as http:
        api = Api(http, mock.mint_token(), mock.scheduler_id)
        upload(api, HOME, "real.txt", b"on the real home")
    assert (tmp_path / "demo" / "real.txt").read_bytes() == b"on the real home"


def test_removing_a_link_inside_the_home_keeps_its_target(api: Api, mock: Any) -> None:
    upload(api, HOME, "data.txt", b"keep me")
    os.symlink(home_dir(mock) / "data.txt", home_dir(mock) / "alias.txt")
    assert api.ok("remove_files", params={"paths": f"{HOME}/alias.txt"}) == ""
    assert sorted(listing(api, HOME)) == ["data.txt"]
