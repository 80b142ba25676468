"""One table of SCNET_* variables, and one function that reads them, for every reader."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import scnet_hpc
from scnet_hpc import env_settings
from scnet_hpc.environment import VARIABLES, read_env, variable

ROOT = Path(__file__).resolve().parents[2]
READERS = [ROOT / "src" / "scnet_hpc", ROOT / "contract_tests", ROOT / "examples"]
NAME = re.compile(r"\bSCNET_[A-Z][A-Z_]*[A-Z]\b")
DIRECT_READ = re.compile(r"(environ\.get|environ\[|getenv)\(?\s*[\"']SCNET_")


def _sources() -> list[Path]:
    return [
        path
        for root in READERS
        for path in root.rglob("*.py")
        if "mock" not in path.relative_to(root).parts  # the mock imports nothing of the SDK
    ]


def names_used(text: str) -> set[str]:
    return set(NAME.findall(text))


def test_every_variable_the_readers_name_is_in_the_table() -> None:
    known = {name for var in VARIABLES for name in var.names}
    unknown = {
        f"{path.relative_to(ROOT)}: {name}"
        for path in _sources()
        for name in names_used(path.read_text(encoding="utf-8"))
        if name not in known
    }
    assert unknown == set()


def test_only_the_environment_module_reads_scnet_variables() -> None:
    direct = [
        str(path.relative_to(ROOT))
        for path in _sources()
        if path.name != "environment.py" and DIRECT_READ.search(path.read_text(encoding="utf-8"))
    ]
    assert direct == []


@pytest.mark.parametrize(
    ("text", "caught"),
    [
        ('os.environ.get("SCNET_TOKEN")', True),
        ('os.getenv("SCNET_TOKEN")', True),
        ('environ["SCNET_USER"]', True),
        ('read_env(settings=["token"])', False),
    ],
)
def test_the_direct_read_check_can_fail(text: str, caught: bool) -> None:
    assert bool(DIRECT_READ.search(text)) is caught


def test_names_are_unique_and_documented() -> None:
    names = [name for var in VARIABLES for name in var.names]
    assert len(names) == len(set(names))
    assert all(var.meaning and var.users for var in VARIABLES)
    assert variable("base_url").names == ("SCNET_BASE_URL", "SCNET_HPC_URL")


def test_read_env_strips_skips_blanks_and_takes_the_first_spelling() -> None:
    env = {"SCNET_TOKEN": " t ", "SCNET_USER": "  ", "SCNET_HPC_URL": "http://old"}
    assert read_env(env) == {"token": "t", "base_url": "http://old"}
    env["SCNET_BASE_URL"] = "http://new"
    assert read_env(env, settings=["base_url"]) == {"base_url": "http://new"}


def test_sdk_and_cli_agree_on_the_old_base_url_spelling() -> None:
    from scnet_hpc.cli._config import resolve

    env = {"SCNET_TOKEN": "t", "SCNET_HPC_URL": "http://h"}
    assert env_settings(env)["base_url"] == "http://h"
    assert resolve({}, environ=env).base_url == "http://h"
    assert scnet_hpc.environment.VARIABLES is VARIABLES
