"""The file service of a running mock: one tree per region account, chunk uploads, tasks.

Engine-independent (it lives on ``MockState.files``): the simulated engine keeps each home in a
real directory under a per-process temporary root, so bytes live on disk; an engine that has
real homes (Slurm) passes ``roots`` to map an account to its real home directory instead.
"""

from __future__ import annotations

import shutil
import tempfile
import threading
import weakref
from collections.abc import Callable
from pathlib import Path

from ..app.errors import ApiError
from ..deployment.model import Deployment, RegionAccount, within_home
from .chunks import ChunkStore
from .paths import forbidden
from .tasks import TaskBoard
from .tree import UserTree

__all__ = ["PREVIEW_LIMIT", "UPLOAD_LIMIT", "FileService"]

#: Preview refuses files larger than this (911505), like the live service's preset size.
PREVIEW_LIMIT = 10 * 1024 * 1024
#: Bytes a preview answer carries at most from ``startIndex``.
PREVIEW_PAGE = 64 * 1024
#: One upload request (a whole file or a chunk) may carry at most this many bytes (10011).
UPLOAD_LIMIT = 4 * 1024**3


class FileService:
    """Every user's files. ``tree(account)`` is the tree of one region account."""

    def __init__(
        self,
        deployment: Deployment,
        *,
        root: Path | None = None,
        roots: Callable[[RegionAccount], Path] | None = None,
    ) -> None:
        self.deployment = deployment
        self._own_root = root is None
        self.root = Path(tempfile.mkdtemp(prefix="scnet-mock-files-")) if root is None else root
        self._roots = roots or self._temp_root
        # The temporary root goes with the service (or at exit), even if close() is never called.
        self._cleanup = (
            weakref.finalize(self, shutil.rmtree, self.root, ignore_errors=True)
            if self._own_root
            else None
        )
        self.chunks = ChunkStore(self.root / "chunks")
        self.tasks = TaskBoard()
        self.shares: dict[tuple[int, str], dict[str, str]] = {}
        self.preview_limit = PREVIEW_LIMIT
        self.upload_limit = UPLOAD_LIMIT
        self._lock = threading.Lock()
        self._trees: dict[tuple[int, str], UserTree] = {}

    def _temp_root(self, account: RegionAccount) -> Path:
        return self.root / "homes" / str(account.region_id) / account.cluster_user

    def tree(self, account: RegionAccount) -> UserTree:
        """The tree of ``account``: where its home's bytes are (created on first use)."""
        key = (account.region_id, account.cluster_user)
        with self._lock:
            tree = self._trees.get(key)
            if tree is None:
                tree = self._trees[key] = UserTree(account, self._roots(account))
            return tree

    def account_of(self, region_id: int, cluster_user: str) -> RegionAccount | None:
        for user in self.deployment.users:
            account = user.account_in(region_id)
            if account is not None and account.cluster_user == cluster_user:
                return account
        return None

    def check_not_foreign(self, account: RegionAccount, path: str) -> None:
        """911030 for a path in another user's home (even one nested under the caller's)."""
        for user in self.deployment.users:
            other = user.account_in(account.region_id)
            if other is None or other.cluster_user == account.cluster_user:
                continue
            if within_home(path, other.home) and not within_home(account.home, other.home):
                raise forbidden(path)

    def job_wrote(
        self, account: RegionAccount, path: str, lines: list[str], truncate: bool
    ) -> None:
        """A simulated job of ``account`` wrote ``lines`` to ``path`` (replacing it when
        ``truncate``): the bytes land in the user's tree, so what a job wrote is what ``list``
        and ``download`` show. Missing folders are made (the simulated shell has no ``mkdir``
        that could fail); a path outside the home, or in another user's, is not written (the
        engine refuses such output paths at submit)."""
        tree = self.tree(account)
        try:
            self.check_not_foreign(account, path)
            real = tree.real(path)
        except ApiError:
            return
        if real.is_dir():
            return
        real.parent.mkdir(parents=True, exist_ok=True)
        with real.open("w" if truncate else "a", encoding="utf-8", newline="\n") as out:
            out.writelines(f"{line}\n" for line in lines)

    def close(self) -> None:
        if self._cleanup is not None:
            self._cleanup()
