"""The mock's own dependencies are an extra (``pip install 'scnet-hpc[mock]'``): the SDK and its
CLI do not need a web server. Without it, the mock says so in one line instead of a traceback
from deep inside an import."""

from __future__ import annotations

import importlib.util

__all__ = ["INSTALL", "MissingExtra", "require_extra"]

INSTALL = "pip install 'scnet-hpc[mock]'"
#: Top-level modules the mock imports that the SDK alone does not guarantee.
_NEEDED = ("starlette", "uvicorn", "jsonschema", "yaml", "jwt")


class MissingExtra(ImportError):
    """The mock was asked for but its extra is not installed."""


def _installed(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):  # a broken or blocked module counts as missing
        return False


def require_extra() -> None:
    """Raise MissingExtra (one line naming the install command) if a module the mock needs is
    not installed. Looks the modules up without importing them (cheap, and loads nothing)."""
    missing = [name for name in _NEEDED if not _installed(name)]
    if missing:
        raise MissingExtra(
            f"the scnet-hpc mock needs its extra (missing: {', '.join(missing)}): {INSTALL}",
            name=missing[0],
        )
