"""Where the documentation's sources are, and how a page includes a sample (pymdownx.snippets)."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
SAMPLES = DOCS / "examples"
#: `--8<-- "file.py"` or `--8<-- "file.py:section"` in a page.
INCLUDE = re.compile(r'--8<--\s+"([^"]+)"')


def samples() -> list[Path]:
    return sorted(SAMPLES.glob("*.py"))


def pages() -> list[Path]:
    return sorted(p for p in DOCS.rglob("*.md"))


def included_files() -> set[str]:
    """The file names every page includes (sections stripped)."""
    found: set[str] = set()
    for page in pages():
        for target in INCLUDE.findall(page.read_text(encoding="utf-8")):
            found.add(target.split(":", 1)[0])
    return found


def cli_hook() -> ModuleType:
    """docs/hooks/cli_page.py (a file mkdocs loads by path, not a package module)."""
    spec = importlib.util.spec_from_file_location("docs_cli_page", DOCS / "hooks" / "cli_page.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
