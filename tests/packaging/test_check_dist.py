"""scripts/check-dist.py can fail: artifacts missing openapi.yaml or py.typed, or carrying
tests, caches or bytecode, are refused (the real artifacts are built and checked by make dist)."""

from __future__ import annotations

import importlib.util
import io
import tarfile
import zipfile
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def check_dist() -> ModuleType:
    path = ROOT / "scripts" / "check-dist.py"
    spec = importlib.util.spec_from_file_location("check_dist", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def make_wheel(path: Path, names: list[str]) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        for name in names:
            archive.writestr(name, "")
    return path


def make_sdist(path: Path, names: list[str]) -> Path:
    with tarfile.open(path, "w:gz") as archive:
        for name in names:
            info = tarfile.TarInfo(f"scnet_hpc-0.1.0/{name}")
            archive.addfile(info, io.BytesIO(b""))
    return path


def test_a_whole_wheel_passes(check_dist: ModuleType, tmp_path: Path) -> None:
    wheel = make_wheel(tmp_path / "w.whl", list(check_dist.WHEEL_MUST_HOLD))
    assert check_dist.check_wheel_contents(wheel) == []


@pytest.mark.parametrize("missing", ["scnet_hpc/openapi.yaml", "scnet_hpc_api/py.typed"])
def test_a_wheel_without_a_runtime_file_fails(
    check_dist: ModuleType, tmp_path: Path, missing: str
) -> None:
    names = [n for n in check_dist.WHEEL_MUST_HOLD if n != missing]
    problems = check_dist.check_wheel_contents(make_wheel(tmp_path / "w.whl", names))
    assert problems == [f"wheel lacks {missing}"]


@pytest.mark.parametrize(
    "stray",
    [
        "tests/test_x.py",
        "scnet_hpc/__pycache__/x.cpython-311.pyc",
        "scnet_hpc/x.pyc",
        "contract_tests/conftest.py",
    ],
)
def test_a_wheel_with_tests_or_caches_fails(
    check_dist: ModuleType, tmp_path: Path, stray: str
) -> None:
    names = [*check_dist.WHEEL_MUST_HOLD, stray]
    problems = check_dist.check_wheel_contents(make_wheel(tmp_path / "w.whl", names))
    assert problems == [f"wheel holds {stray}"]


def test_an_sdist_with_tests_fails(check_dist: ModuleType, tmp_path: Path) -> None:
    names = [*check_dist.SDIST_MUST_HOLD, "tests/slurm/fixtures/README.md"]
    problems = check_dist.check_sdist_contents(make_sdist(tmp_path / "s.tar.gz", names))
    assert problems == ["sdist holds tests/slurm/fixtures/README.md"]
    whole = make_sdist(tmp_path / "ok.tar.gz", list(check_dist.SDIST_MUST_HOLD))
    assert check_dist.check_sdist_contents(whole) == []


def test_no_artifacts_is_a_failure(check_dist: ModuleType, tmp_path: Path) -> None:
    assert check_dist.main(["check-dist", str(tmp_path)]) == 1
