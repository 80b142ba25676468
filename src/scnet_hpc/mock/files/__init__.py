"""The mock's file service (efile): per-user trees on disk, confined paths, uploads, tasks.

Modules, one job each: ``paths`` (confinement to the caller's home), ``tree`` (one user's
tree and quota), ``chunks`` (chunked upload state), ``tasks`` (background copy/move/remove on
the mock clock), ``download`` (ranges and zip streams), ``multipart`` (upload bodies),
``service`` (the trees of a deployment, on ``MockState.files``), ``handlers`` (the operations).
"""

from __future__ import annotations

from .service import FileService
from .tree import UserTree

__all__ = ["FileService", "UserTree"]
