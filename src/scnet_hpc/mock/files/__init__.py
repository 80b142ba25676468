"""The mock's file service (efile): per-user trees on disk, confined paths, uploads, tasks.

Modules, one job each: ``_paths`` (confinement to the caller's home), ``_tree`` (one user's
tree and quota), ``_chunks`` (chunked upload state), ``_tasks`` (background copy/move/remove on
the mock clock), ``_download`` (ranges and zip streams), ``_multipart`` (upload bodies),
``_service`` (the trees of a deployment, on ``MockState.files``), ``_handlers`` (the operations).
"""

from __future__ import annotations

from ._service import FileService
from ._tree import UserTree

__all__ = ["FileService", "UserTree"]
