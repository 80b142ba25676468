"""The profile file and the token cache under concurrent writers, and their directories.

Two ``scnet-hpc login`` runs at once used to drop each other's profile (and, more rarely, a
token-cache identity): each read the file, changed its part and wrote it back. These tests run
the writers in several processes at once (released together by a barrier) and check that
nothing is lost; on the code without the lock they lose entries on every run.
"""

from __future__ import annotations

import json
import logging
import multiprocessing
import os
import stat
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest

from scnet_hpc._token_cache import TokenCache
from scnet_hpc._tokens import Token
from scnet_hpc.cli._config import save_profile
from scnet_hpc.private_files import LOCK_TIMEOUT, locked, private_dir

from .cli_support import DEMO_ACCESS_KEY, DEMO_SECRET_KEY, DEMO_USER, Cli, Mock

WRITERS = 6
ROUNDS = 15
posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX permissions and fork")


def _profile_writer(path: str, writer: int, barrier: Any) -> None:
    barrier.wait()
    for round_ in range(ROUNDS):
        save_profile(Path(path), f"w{writer}-{round_}", {"user": f"user{writer}"})


def _cache_writer(path: str, writer: int, barrier: Any) -> None:
    barrier.wait()
    for round_ in range(ROUNDS):
        cache = TokenCache(path, user=f"u{writer}-{round_}", access_key=f"ak{writer}")
        cache.save({"11250": Token.parse(f"token-{writer}-{round_}")}, [{"id": "11250"}])


def _run_writers(target: Any, path: Path) -> None:
    context = multiprocessing.get_context("fork")
    barrier = context.Barrier(WRITERS)
    processes = [
        context.Process(target=target, args=(str(path), writer, barrier))
        for writer in range(WRITERS)
    ]
    for process in processes:
        process.start()
    for process in processes:
        process.join(timeout=120)
        assert process.exitcode == 0


@posix_only
def test_concurrent_profile_writers_lose_nothing(tmp_path: Path) -> None:
    path = tmp_path / "scnet-hpc" / "config.toml"
    _run_writers(_profile_writer, path)
    profiles = tomllib.loads(path.read_text())["profiles"]
    expected = {f"w{w}-{r}" for w in range(WRITERS) for r in range(ROUNDS)}
    assert set(profiles) == expected, f"lost {len(expected - set(profiles))} profiles"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


@posix_only
def test_concurrent_token_cache_writers_lose_nothing(tmp_path: Path) -> None:
    path = tmp_path / "scnet-hpc" / "tokens.json"
    _run_writers(_cache_writer, path)
    identities = json.loads(path.read_text())["identities"]
    assert len(identities) == WRITERS * ROUNDS, f"lost {WRITERS * ROUNDS - len(identities)}"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert not [p.name for p in path.parent.iterdir() if p.name.startswith(".")]  # no temp left


@posix_only
def test_concurrent_logins_keep_every_profile(mock: Mock, tmp_path: Path) -> None:
    """The reported case: ``scnet-hpc --profile pN login`` in several processes at once."""
    config = tmp_path / "config.toml"
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("SCNET_")},
        "SCNET_CONFIG": str(config),
        "SCNET_TOKEN_CACHE": str(tmp_path / "tokens.json"),
        "SCNET_USER": DEMO_USER,
        "SCNET_ACCESS_KEY": DEMO_ACCESS_KEY,
        "SCNET_SECRET_KEY": DEMO_SECRET_KEY,
        "SCNET_AUTH_URL": mock.url,
        "SCNET_PLATFORM_URL": mock.url,
    }
    names = [f"p{i}" for i in range(4)]
    command = [sys.executable, "-m", "scnet_hpc.cli", "--output", "json"]
    runs = [
        subprocess.Popen(
            [*command, "--profile", name, "login"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        for name in names
    ]
    for run in runs:
        _, stderr = run.communicate(timeout=120)
        assert run.returncode == 0, stderr.decode()
    profiles = tomllib.loads(config.read_text())["profiles"]
    assert sorted(profiles) == names
    assert all(profiles[name]["user"] == DEMO_USER for name in names)


@posix_only
def test_a_held_lock_times_out_with_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "scnet-hpc" / "config.toml"
    with locked(path):
        context = multiprocessing.get_context("fork")
        queue = context.Queue()

        def try_lock() -> None:
            try:
                with locked(path, timeout=0.2):
                    queue.put("locked")
            except TimeoutError as exc:
                queue.put(f"{exc.strerror}: {exc.filename}")

        process = context.Process(target=try_lock)
        process.start()
        process.join(timeout=30)
        said = queue.get(timeout=5)
    assert said == f"another process held the lock for over 0.2 s: {path}.lock"
    assert LOCK_TIMEOUT >= 5


@posix_only
def test_own_directory_with_loose_permissions_is_tightened(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    own = tmp_path / "scnet-hpc"
    own.mkdir(mode=0o755)
    os.chmod(own, 0o777)
    with caplog.at_level(logging.WARNING, logger="scnet_hpc"):
        save_profile(own / "config.toml", "default", {"user": "demo"})
    assert stat.S_IMODE(own.stat().st_mode) == 0o700
    assert "tightened to 0700" in caplog.text


@posix_only
def test_token_cache_directory_is_tightened_too(tmp_path: Path) -> None:
    own = tmp_path / "scnet-hpc"
    own.mkdir()
    os.chmod(own, 0o755)
    TokenCache(own / "tokens.json", user="u", access_key="ak").save({}, [])
    assert stat.S_IMODE(own.stat().st_mode) == 0o700


@posix_only
def test_a_users_shared_directory_is_kept_but_warned_about(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    shared = tmp_path / "project"
    shared.mkdir()
    os.chmod(shared, 0o777)
    with caplog.at_level(logging.WARNING, logger="scnet_hpc"):
        private_dir(shared)
    assert stat.S_IMODE(shared.stat().st_mode) == 0o777  # not ours to change
    assert "is writable by other users" in caplog.text


@posix_only
def test_sticky_or_merely_readable_directories_are_left_quietly(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    sticky, readable = tmp_path / "sticky", tmp_path / "readable"
    sticky.mkdir()
    readable.mkdir()
    os.chmod(sticky, 0o1777)  # like /tmp: others cannot replace our files
    os.chmod(readable, 0o755)
    with caplog.at_level(logging.WARNING, logger="scnet_hpc"):
        private_dir(sticky)
        private_dir(readable)
    assert caplog.text == ""
    assert stat.S_IMODE(sticky.stat().st_mode) == 0o1777


def test_login_creates_a_new_named_profile_next_to_others(mock: Mock, config_file: Path) -> None:
    # Before: 'profile p2 is not in config.toml' once any other profile had been saved.
    login = Cli({"SCNET_SECRET_KEY": DEMO_SECRET_KEY})
    args = ["login", "--user", DEMO_USER, "--access-key", DEMO_ACCESS_KEY]
    urls = ["--auth-url", mock.url, "--platform-url", mock.url]
    login.ok("--profile", "p1", *args, *urls)
    login.ok("--profile", "p2", *args, *urls)
    assert sorted(tomllib.loads(config_file.read_text())["profiles"]) == ["p1", "p2"]
    assert Cli({})("--profile", "p3", "clusters").exit_code == 2  # only login creates one
