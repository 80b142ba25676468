"""Fixtures for the CLI tests: the mock served on loopback, a clean environment, a runner."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from scnet_hpc.mock import Clock
from scnet_hpc.mock.testing import serve

from .cli_support import Cli, Mock, ak_env


@pytest.fixture
def clock() -> Clock:
    """Real time (overriding the suite's frozen clock): the CLI talks to a served mock over
    loopback and polls with real sleeps; tests jump ahead with ``mock.advance()``."""
    return Clock(speed=1)


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """No SCNET_* from the developer's shell; config and token cache under tmp_path."""
    for name in list(os.environ):
        if name.startswith("SCNET_"):
            monkeypatch.delenv(name)
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / ".cache"))
    return home


@pytest.fixture
def mock(app: Any) -> Iterator[Mock]:
    """The suite's mock app served on loopback (real-time clock; tests jump it with advance())."""
    with serve(app) as url:
        yield Mock(app, url)


@pytest.fixture
def run(mock: Mock) -> Cli:
    """The CLI with access-key credentials for the mock."""
    return Cli(ak_env(mock.url))


@pytest.fixture
def config_file(clean_environment: Path) -> Path:
    return clean_environment / ".config" / "scnet-hpc" / "config.toml"


@pytest.fixture
def token_cache(clean_environment: Path) -> Path:
    return clean_environment / ".cache" / "scnet-hpc" / "tokens.json"
