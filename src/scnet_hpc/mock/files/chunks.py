"""Chunked uploads: chunks wait on disk, keyed by the upload's identifier, until merged.

A chunk store lives outside every user's tree (chunks are not files of the user until the merge),
one folder per upload. The merge checks that every chunk ``1..totalChunks`` is there and that the
sizes add up to ``totalSize`` before it joins them into the target, block by block.
"""

from __future__ import annotations

import hashlib
import io
import shutil
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, cast

from ..app.errors import ApiError
from .codes import FILE_CHECK_FAILED, NOT_FOUND
from .tree import BLOCK

__all__ = ["ChunkStore", "PendingUpload"]


@dataclass
class PendingUpload:
    """What the first chunk announced; later chunks and the merge must agree with it."""

    folder: Path
    path: str
    relative_path: str
    filename: str
    total_chunks: int
    total_size: int
    chunk_size: int | None
    received: dict[int, int] = field(default_factory=dict)  # chunk number -> bytes

    def missing(self) -> list[int]:
        return [n for n in range(1, self.total_chunks + 1) if n not in self.received]


class ChunkStore:
    """Pending uploads of every user under ``root``, keyed by (user, identifier)."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._lock = threading.Lock()
        self._uploads: dict[tuple[str, str], PendingUpload] = {}

    @staticmethod
    def key(identifier: str | None, path: str, relative_path: str) -> str:
        """The identifier when the client sent one, else the target it names."""
        return identifier if identifier else f"{path}\x00{relative_path}"

    def add(
        self,
        user: str,
        key: str,
        *,
        number: int,
        data: IO[bytes],
        path: str,
        relative_path: str,
        filename: str,
        total_chunks: int,
        total_size: int,
        chunk_size: int | None,
        current_size: int | None,
    ) -> None:
        if number > total_chunks:
            raise ApiError(
                FILE_CHECK_FAILED, f"文件校验失败: chunk {number} of {total_chunks} chunks"
            )
        with self._lock:
            pending = self._uploads.get((user, key))
            if pending is None or (pending.path, pending.relative_path) != (path, relative_path):
                if pending is not None:
                    shutil.rmtree(pending.folder, ignore_errors=True)
                digest = hashlib.sha256(f"{user}\x00{key}".encode()).hexdigest()[:32]
                folder = self.root / digest
                shutil.rmtree(folder, ignore_errors=True)
                folder.mkdir(parents=True)
                pending = PendingUpload(
                    folder, path, relative_path, filename, total_chunks, total_size, chunk_size
                )
                self._uploads[(user, key)] = pending
            if (pending.total_chunks, pending.total_size) != (total_chunks, total_size):
                raise ApiError(
                    FILE_CHECK_FAILED,
                    "文件校验失败: totalChunks/totalSize differ from the upload's first chunk",
                )
        target = pending.folder / str(number)
        written = 0
        with target.open("wb") as out:
            while block := data.read(BLOCK):
                out.write(block)
                written += len(block)
        if current_size is not None and current_size != written:
            target.unlink(missing_ok=True)
            raise ApiError(
                FILE_CHECK_FAILED,
                f"文件校验失败: chunk {number} has {written} bytes"
                f", not currentChunkSize {current_size}",
            )
        with self._lock:
            pending.received[number] = written

    def take(self, user: str, key: str, path: str, relative_path: str) -> PendingUpload:
        """The complete upload ``key`` (checked), removed from the pending ones."""
        with self._lock:
            pending = self._uploads.get((user, key))
            if pending is None or (pending.path, pending.relative_path) != (path, relative_path):
                raise ApiError(
                    NOT_FOUND,
                    f"File does not exist: no chunks of {relative_path[:200]} in {path[:200]}",
                )
            missing = pending.missing()
            if missing:
                shown = ", ".join(map(str, missing[:10]))
                raise ApiError(
                    NOT_FOUND,
                    f"File does not exist: chunk(s) {shown} of {pending.total_chunks} not uploaded",
                )
            size = sum(pending.received.values())
            if size != pending.total_size:
                raise ApiError(
                    FILE_CHECK_FAILED,
                    f"文件校验失败: chunks hold {size} bytes, totalSize says {pending.total_size}",
                )
            if pending.chunk_size:
                for number in range(1, pending.total_chunks):
                    if pending.received[number] != pending.chunk_size:
                        raise ApiError(
                            FILE_CHECK_FAILED,
                            f"文件校验失败: chunk {number} is not chunkSize bytes",
                        )
            del self._uploads[(user, key)]
            return pending

    @staticmethod
    def joined(pending: PendingUpload) -> IO[bytes]:
        """The chunks read one after the other, as one file (no joined copy on disk)."""
        parts = [pending.folder / str(n) for n in range(1, pending.total_chunks + 1)]
        return cast(IO[bytes], _Joined(parts))

    @staticmethod
    def discard(pending: PendingUpload) -> None:
        shutil.rmtree(pending.folder, ignore_errors=True)


class _Joined(io.RawIOBase):
    """Reads ``parts`` one after the other."""

    def __init__(self, parts: list[Path]) -> None:
        self.parts = parts
        self.current: IO[bytes] | None = None

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        while True:
            if self.current is None:
                if not self.parts:
                    return 0
                self.current = self.parts.pop(0).open("rb")
            count = self.current.readinto(buffer)  # type: ignore[attr-defined]
            if count:
                return int(count)
            self.current.close()
            self.current = None

    def close(self) -> None:
        if self.current is not None:
            self.current.close()
        super().close()
