"""Path confinement: a user's path names a place on disk only if it stays inside their home.

The user speaks in absolute paths of the cluster (``/public/home/demo/run/in.txt``); the tree
lives in a real directory (``root``). A path is normalised first (``..`` collapsed), must lie
under the caller's home, and the real path it names, with every symlink resolved, must still lie
under ``root``: a link that points out of the home is refused like the path it points to.
"""

from __future__ import annotations

import posixpath
from pathlib import Path

from ..app.errors import ApiError, invalid
from ..deployment.model import within_home
from .codes import FORBIDDEN

__all__ = ["confine", "forbidden"]


def forbidden(path: str) -> ApiError:
    return ApiError(FORBIDDEN, f"权限不足，禁止操作: {path[:200]} is outside your home")


def confine(home: str, root: Path, raw: str, *, name: str = "path") -> Path:
    """The path on disk that ``raw`` names inside ``root`` (the home's directory), or an error;
    every symlink on the way resolves inside ``root`` too.

    10004 for text that is not an absolute path; 911030 for anything outside the home.
    """
    if not raw.startswith("/"):
        raise invalid(name, "must be an absolute path")
    if "\x00" in raw or len(raw) > 4096:
        raise invalid(name, "is not a valid path")
    normal = posixpath.normpath(raw)
    if normal.startswith("//"):
        normal = "/" + normal.lstrip("/")
    home = posixpath.normpath(home)
    if not within_home(normal, home):
        raise forbidden(raw)
    relative = normal[len(home) :].lstrip("/")
    top = root.resolve()
    named = top / relative
    real = named.resolve()
    if real != top and top not in real.parents:
        raise forbidden(raw)
    return named  # the name itself: removing a link removes the link, not what it points to


def virtual(home: str, root: Path, real: Path) -> str:
    """The user's absolute path for a real path inside ``root``."""
    relative = real.relative_to(root.resolve()).as_posix()
    home = posixpath.normpath(home)
    return home if relative in ("", ".") else f"{home.rstrip('/')}/{relative}"
