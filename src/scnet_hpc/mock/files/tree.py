"""One user's file tree: the home of one region account, kept in a real directory on disk.

Bytes live on disk, never whole in memory: uploads are copied in blocks, downloads are served
from the file. The quota is the account's storage quota from the deployment, minus the usage the
deployment declares, minus what the tree holds now (walked on each write, so files a job wrote
behind the service's back count too).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import stat
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from ..app.errors import ApiError
from ..clock import china_time
from ..deployment.model import RegionAccount
from .codes import EXISTS, NO_SPACE, NOT_A_FOLDER, NOT_EMPTY, NOT_FOUND
from .paths import confine, virtual

__all__ = ["BLOCK", "UserTree"]

BLOCK = 1024 * 1024  # bytes copied at a time
_GIB = 1024**3


def not_found(path: str) -> ApiError:
    return ApiError(NOT_FOUND, f"File does not exist: {path[:200]}")


def exists(path: str) -> ApiError:
    return ApiError(EXISTS, f"文件已存在: {path[:200]}")


@dataclass
class UserTree:
    """The files of ``account`` (its ``home``), stored under ``root``."""

    account: RegionAccount
    root: Path

    def __post_init__(self) -> None:
        self.root.mkdir(parents=True, exist_ok=True)

    @property
    def home(self) -> str:
        return self.account.home

    # ------------------------------------------------------------------ paths

    def real(self, path: str, name: str = "path") -> Path:
        """The real path of the user's ``path`` (checked to stay in the home)."""
        return confine(self.home, self.root, path, name=name)

    def virtual(self, real: Path) -> str:
        return virtual(self.home, self.root, real)

    def existing(self, path: str, name: str = "path") -> Path:
        real = self.real(path, name)
        if not real.exists():
            raise not_found(path)
        return real

    def folder(self, path: str, name: str = "path") -> Path:
        real = self.existing(path, name)
        if not real.is_dir():
            raise ApiError(NOT_A_FOLDER, f"目标地址不是一个文件夹: {path[:200]}")
        return real

    # ------------------------------------------------------------------ space

    def used_bytes(self) -> int:
        total = 0
        stack = [self.root]
        while stack:
            with os.scandir(stack.pop()) as entries:
                for entry in entries:
                    if entry.is_dir(follow_symlinks=False):
                        stack.append(Path(entry.path))
                    elif entry.is_file(follow_symlinks=False):
                        total += entry.stat(follow_symlinks=False).st_size
        return total

    def free_bytes(self) -> int:
        storage = self.account.storage
        return int((storage.quota_gb - storage.used_gb) * _GIB) - self.used_bytes()

    def reserve(self, size: int, replacing: Path | None = None) -> None:
        """911501 unless ``size`` more bytes fit (less what a replaced file frees)."""
        freed = replacing.stat().st_size if replacing is not None and replacing.is_file() else 0
        if size - freed > self.free_bytes():
            raise ApiError(NO_SPACE, "存储空间不足: the storage quota of your home is used up")

    # ------------------------------------------------------------------ reading

    def entry(self, real: Path) -> dict[str, Any]:
        info = real.lstat()
        is_link = stat.S_ISLNK(info.st_mode)
        if is_link:
            with contextlib.suppress(OSError):
                info = real.stat()
        is_dir = stat.S_ISDIR(info.st_mode)
        can = {
            "read": os.access(real, os.R_OK),
            "write": os.access(real, os.W_OK),
            "execute": os.access(real, os.X_OK),
        }
        return {
            "name": real.name,
            "path": self.virtual(real),
            "size": 0 if is_dir else info.st_size,
            "isDirectory": is_dir,
            "isRegularFile": stat.S_ISREG(info.st_mode),
            "isSymbolicLink": is_link,
            "isShare": False,
            "isOther": not (is_dir or stat.S_ISREG(info.st_mode)),
            "owner": self.account.cluster_user,
            "group": self.account.cluster_user,
            "permission": stat.filemode(info.st_mode)[1:],
            "creationTime": china_time(info.st_ctime),
            "lastModifiedTime": china_time(info.st_mtime),
            "lastAccessTime": china_time(info.st_atime),
            "type": "directory" if is_dir else "file",
            "permissionAction": {**can, "allowed": can["read"]},
        }

    def children(self, folder: Path) -> list[Path]:
        return sorted(folder.iterdir(), key=lambda p: p.name)

    # ------------------------------------------------------------------ writing

    def mkdir(self, path: str, parents: bool) -> None:
        real = self.real(path)
        if real.exists():
            if real.is_dir():
                raise exists(path)
            raise ApiError(NOT_A_FOLDER, f"目标地址不是一个文件夹: {path[:200]}")
        parent = real.parent
        if not parent.exists() and not parents:
            raise not_found(self.virtual(parent))
        for above in [parent, *parent.parents]:
            if above.exists() and not above.is_dir():
                raise ApiError(NOT_A_FOLDER, f"目标地址不是一个文件夹: {self.virtual(above)}")
            if above == self.root.resolve():
                break
        real.mkdir(parents=parents)

    def touch(self, path: str) -> None:
        real = self.real(path, "fileAbsolutePath")
        if real.exists():
            raise exists(path)
        if not real.parent.is_dir():
            raise not_found(self.virtual(real.parent))
        real.touch()

    def write(self, target: Path, source: IO[bytes], size: int, cover: bool) -> None:
        """Copy ``source`` (``size`` bytes) into ``target`` block by block, then rename it in."""
        if target.exists() and (target.is_dir() or not cover):
            raise exists(self.virtual(target))
        if not target.parent.is_dir():
            raise not_found(self.virtual(target.parent))
        self.reserve(size, replacing=target if target.exists() else None)
        fd, temp = tempfile.mkstemp(prefix=".upload-", dir=target.parent)
        try:
            with os.fdopen(fd, "wb") as out:
                shutil.copyfileobj(source, out, BLOCK)
            os.replace(temp, target)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise

    def remove(self, real: Path, recursive: bool) -> None:
        if real == self.root.resolve():
            raise ApiError(NOT_EMPTY, "目录非空，操作失败: the home itself cannot be removed")
        if real.is_dir() and not real.is_symlink():
            if any(real.iterdir()) and not recursive:
                raise ApiError(NOT_EMPTY, f"目录非空，操作失败: {self.virtual(real)}")
            shutil.rmtree(real)
        else:
            real.unlink()

    def size_of(self, real: Path) -> int:
        if real.is_file():
            return real.stat().st_size
        return sum(p.stat().st_size for p in real.rglob("*") if p.is_file() and not p.is_symlink())

    def transfer(self, source: Path, folder: Path, *, cover: bool, move: bool) -> Path:
        """Copy or move ``source`` into ``folder``; an existing target is kept unless ``cover``."""
        target = folder / source.name
        if target == source or source in target.parents:
            raise ApiError(EXISTS, f"文件已存在: cannot put {self.virtual(source)} into itself")
        if target.exists():
            if not cover:
                raise exists(self.virtual(target))
            self.remove(target, recursive=True)
        if move:
            os.replace(source, target)
        else:
            self.reserve(self.size_of(source))
            if source.is_dir():
                shutil.copytree(source, target, symlinks=True)
            else:
                shutil.copyfile(source, target)
        return target

    def walk_files(self, folder: Path) -> Iterator[Path]:
        """Regular files below ``folder`` (links not followed), in a stable order."""
        for base, dirs, files in os.walk(folder):
            dirs.sort()
            for name in sorted(files):
                path = Path(base) / name
                if path.is_file() and not path.is_symlink():
                    yield path
