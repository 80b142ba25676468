"""Check what `make dist` built in dist/, as a packager would, and print one verdict line.

- `twine check`: both artifacts' metadata render (the README is the long description);
- the wheel holds the packages and the files the SDK reads at run time (`scnet_hpc/openapi.yaml`,
  both `py.typed` markers) and nothing that is not for users (tests, caches, bytecode);
- the sdist holds the sources the wheel is built from, and no caches either;
- the wheel installs into a fresh venv (with requirements/constraints.txt), and the installed
  `scnet-hpc --version` names the version in src/scnet_hpc/_version.py.

Usage: python scripts/check-dist.py [DIST_DIR]   (exit status 0 when every check passed)
"""

from __future__ import annotations

import re
import subprocess
import sys
import tarfile
import tempfile
import venv
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CONSTRAINTS = ROOT / "requirements" / "constraints.txt"

#: Members the wheel must hold: the SDK reads openapi.yaml at run time; py.typed makes both
#: packages typed for a user's mypy; the CLI's entry point module.
WHEEL_MUST_HOLD = (
    "scnet_hpc/__init__.py",
    "scnet_hpc/openapi.yaml",
    "scnet_hpc/py.typed",
    "scnet_hpc/cli/__init__.py",
    "scnet_hpc/mock/deployment/default-deployment.yaml",
    "scnet_hpc_api/__init__.py",
    "scnet_hpc_api/py.typed",
)
SDIST_MUST_HOLD = ("pyproject.toml", "README.md", "openapi.yaml", "src/scnet_hpc/_version.py")
#: A path part or suffix that says "not for users".
FORBIDDEN_PARTS = {"tests", "contract_tests", "__pycache__", ".pytest_cache", ".mypy_cache"}
FORBIDDEN_SUFFIXES = (".pyc", ".pyo")


def package_version() -> str:
    text = (ROOT / "src" / "scnet_hpc" / "_version.py").read_text(encoding="utf-8")
    found = re.search(r'^__version__ = "([^"]+)"', text, re.MULTILINE)
    if found is None:
        raise SystemExit("check-dist: no __version__ in src/scnet_hpc/_version.py")
    return found.group(1)


def unwanted(names: list[str]) -> list[str]:
    return [
        name
        for name in names
        if FORBIDDEN_PARTS.intersection(Path(name).parts) or name.endswith(FORBIDDEN_SUFFIXES)
    ]


def check_wheel_contents(wheel: Path) -> list[str]:
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
    problems = [f"wheel lacks {name}" for name in WHEEL_MUST_HOLD if name not in names]
    problems += [f"wheel holds {name}" for name in unwanted(names)]
    return problems


def check_sdist_contents(sdist: Path) -> list[str]:
    with tarfile.open(sdist) as archive:
        # Members are under "<name>-<version>/"; compare what follows.
        names = [name.partition("/")[2] for name in archive.getnames()]
    problems = [f"sdist lacks {name}" for name in SDIST_MUST_HOLD if name not in names]
    problems += [f"sdist holds {name}" for name in unwanted(names)]
    return problems


def run(command: list[str | Path]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(  # noqa: S603 (our own interpreter and tools, no shell)
        [str(part) for part in command],
        capture_output=True,
        text=True,
        check=False,
        cwd=tempfile.gettempdir(),
    )


def check_twine(artifacts: list[Path]) -> list[str]:
    done = run([sys.executable, "-m", "twine", "check", "--strict", *artifacts])
    if done.returncode != 0:
        return [f"twine check: {(done.stdout + done.stderr).strip()}"]
    return []


def check_install(wheel: Path, version: str) -> list[str]:
    with tempfile.TemporaryDirectory(prefix="scnet-dist-") as tmp:
        env_dir = Path(tmp) / "venv"
        venv.EnvBuilder(with_pip=True).create(env_dir)
        python = env_dir / "bin" / "python"
        done = run([python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                    "-c", CONSTRAINTS, wheel])  # fmt: skip
        if done.returncode != 0:
            return [f"pip install of the wheel failed: {done.stderr.strip()[-2000:]}"]
        done = run([env_dir / "bin" / "scnet-hpc", "--version"])
        said = (done.stdout + done.stderr).strip()
        if done.returncode != 0 or not said.endswith(f"version {version}"):
            return [f"installed scnet-hpc --version said {said!r}, expected version {version}"]
        # The installed SDK finds its spec (the wheel's scnet_hpc/openapi.yaml), outside the repo.
        probe = (
            "import scnet_hpc._spec as s; path = s.spec_path(); "
            "assert 'site-packages' in path.parts, path; s.success_schema('list_clusters')"
        )
        done = run([python, "-c", probe])
        if done.returncode != 0:
            return [f"the installed SDK cannot load its spec: {done.stderr.strip()[-2000:]}"]
    return []


def main(argv: list[str]) -> int:
    dist = (Path(argv[1]) if len(argv) > 1 else ROOT / "dist").resolve()
    version = package_version()
    wheels = sorted(dist.glob(f"scnet_hpc-{version}-*.whl"))
    sdists = sorted(dist.glob(f"scnet_hpc-{version}.tar.gz"))
    if len(wheels) != 1 or len(sdists) != 1:
        print(f"check-dist: FAILED (want one wheel and one sdist of {version} in {dist}, found "
              f"{[p.name for p in wheels + sdists]})")  # fmt: skip
        return 1
    wheel, sdist = wheels[0], sdists[0]
    problems = check_twine([wheel, sdist])
    problems += check_wheel_contents(wheel)
    problems += check_sdist_contents(sdist)
    if not problems:  # installing is the slow part: only for artifacts that are otherwise right
        problems += check_install(wheel, version)
    if problems:
        for problem in problems:
            print(f"  {problem}")
        print(f"check-dist: FAILED ({len(problems)} problem(s) in {wheel.name}, {sdist.name})")
        return 1
    print(f"check-dist: PASSED ({wheel.name}, {sdist.name}: twine check, contents, "
          f"installed scnet-hpc --version {version})")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
