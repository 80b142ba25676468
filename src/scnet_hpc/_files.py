"""The file service (efile) as plans: list, upload, download, and the small operations.

Transfers never hold a file in memory. An upload of at most ``CHUNK_THRESHOLD`` bytes is one
multipart request whose file part httpx streams from disk; a larger one goes in
``CHUNK_SIZE`` chunks (``upload_chunk``, then ``merge_chunks``), each streamed from its window
of the file, so a failed chunk is re-sent alone by the choke point's retry (a chunk is keyed by
the upload's identifier and its number: sending it twice stores it once). A download streams into a
temporary file next to the target (``.NAME.XXXX.part``), renamed over the target only when
complete; after a transient failure the retry asks for the missing bytes with ``Range``: a 206
continues the file, a 200 (a server that ignores ``Range``) starts it again.

Relative remote paths are taken relative to the user's home (the service wants absolute ones).
"""

from __future__ import annotations

import contextlib
import io
import math
import os
import posixpath
import re
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any, BinaryIO, cast

import httpx
from scnet_hpc_api.api.files import (
    copy_files,
    download_file,
    file_exists,
    list_files,
    make_directory,
    merge_chunks,
    move_files,
    preview_file,
    remove_files,
    rename_file,
    upload_chunk,
    upload_file,
)
from scnet_hpc_api.models import (
    CopyMoveForm,
    CoverMode,
    FileEntry,
    FileListPage,
    MergeChunksForm,
    PathForm,
    PreviewForm,
    RenameForm,
    UploadChunkForm,
    UploadFileForm,
)
from scnet_hpc_api.types import UNSET, File

from ._operations import Operation
from ._plans import Plan
from ._request import request
from .errors import ContractViolation, InvalidArgumentError, RemoteFileExistsError

__all__ = ["CHUNK_SIZE", "CHUNK_THRESHOLD", "FilePlans", "Progress"]

#: Files larger than this are uploaded in chunks.
CHUNK_THRESHOLD = 64 * 2**20
#: The size of one chunk: what is re-sent when a chunk fails. Chunks are streamed from the file
#: (never read whole), so the size only trades requests against what a failure costs again.
CHUNK_SIZE = 32 * 2**20
#: Entries asked for per ``list_files`` page.
LIST_PAGE = 1000

Progress = Callable[[int, int], object]
"""``progress(bytes_done, total)``, called as a transfer advances."""

_CONTENT_RANGE = re.compile(r"bytes\s+(\d+)-(\d+)/(\d+|\*)")


class FilePlans:
    """Every file operation as a plan, for ``client.files`` of both clients."""

    def __init__(self, core: Any) -> None:
        self.core = core  # a ``Core`` (not imported: ``_core`` imports this module)

    def _call(self, operation: Operation, build: Any, **kwargs: Any) -> Plan[Any]:
        session = self.core.session
        return request(session.token_source(), self.core.options, operation, build, **kwargs)

    def remote(self, path: str) -> Plan[str]:
        """``path`` as the absolute path the service wants (relative: under the home)."""
        if not isinstance(path, str) or not path.strip():
            raise InvalidArgumentError(f"a remote path must be a non-empty string, got {path!r}")
        path = path.strip()
        if path.startswith("/"):
            return path.rstrip("/") or "/"
        home: str = yield from self.core.session.home_path()
        return posixpath.join(home.rstrip("/"), path).rstrip("/")

    # ------------------------------------------------------------------ reading

    def ls(self, path: str | None) -> Plan[list[FileEntry]]:
        folder = yield from self.remote(path if path is not None else ".")
        entries: list[FileEntry] = []
        while True:
            start = len(entries)

            def build(start: int = start) -> dict[str, Any]:
                return list_files._get_kwargs(limit=LIST_PAGE, start=start, path=folder)

            page: FileListPage = yield from self._call(Operation.LIST_FILES, build)
            entries.extend(page.file_list)
            total = page.total if isinstance(page.total, int) else len(entries)
            if not page.file_list or len(entries) >= total:
                return entries

    def exists(self, path: str) -> Plan[bool]:
        target = yield from self.remote(path)
        data = yield from self._call(
            Operation.FILE_EXISTS, lambda: file_exists._get_kwargs(body=PathForm(path=target))
        )
        return bool(data.exist)

    def read_text(self, path: str) -> Plan[str]:
        target = yield from self.remote(path)
        parts: list[str] = []
        start = 0
        while True:

            def build(start: int = start) -> dict[str, Any]:
                return preview_file._get_kwargs(body=PreviewForm(path=target, start_index=start))

            page = yield from self._call(Operation.PREVIEW_FILE, build)
            parts.append(page.content)
            end = page.end_index if isinstance(page.end_index, int) else start
            if page.has_next is not True or end <= start:
                return "".join(parts)
            start = end

    # ------------------------------------------------------------------ writing

    def mkdir(self, path: str, parents: bool) -> Plan[str]:
        target = yield from self.remote(path)
        try:
            yield from self._call(
                Operation.MAKE_DIRECTORY,
                lambda: make_directory._get_kwargs(path=target, create_parents=parents),
            )
        except RemoteFileExistsError:
            if not parents:  # like mkdir -p: an existing folder is what was asked for
                raise
        return target

    def rm(self, path: str, recursive: bool) -> Plan[None]:
        target = yield from self.remote(path)
        yield from self._call(
            Operation.REMOVE_FILES,
            lambda: remove_files._get_kwargs(paths=target, recursive=recursive),
        )

    def transfer(self, src: str, dst_dir: str, *, move: bool, overwrite: bool) -> Plan[str]:
        source = yield from self.remote(src)
        folder = yield from self.remote(dst_dir)
        form = CopyMoveForm(source_paths=source, target_path=folder, cover=_cover(overwrite))
        module = move_files if move else copy_files
        operation = Operation.MOVE_FILES if move else Operation.COPY_FILES
        yield from self._call(operation, lambda: module._get_kwargs(body=form))
        return posixpath.join(folder, posixpath.basename(source))

    def rename(self, path: str, new_name: str) -> Plan[str]:
        target = yield from self.remote(path)
        if not new_name or "/" in new_name or new_name in (".", ".."):
            raise InvalidArgumentError(f"new_name must be a file name, not a path: {new_name!r}")
        form = RenameForm(file_absolute_path=target, new_name=new_name)
        yield from self._call(Operation.RENAME_FILE, lambda: rename_file._get_kwargs(body=form))
        return posixpath.join(posixpath.dirname(target), new_name)

    # ------------------------------------------------------------------ upload

    def upload(
        self,
        local: str | os.PathLike[str],
        remote_dir: str,
        overwrite: bool,
        progress: Progress | None,
    ) -> Plan[str]:
        source = Path(local)
        if not source.is_file():
            raise InvalidArgumentError(f"{source} is not a file that can be uploaded")
        folder = yield from self.remote(remote_dir)
        target = posixpath.join(folder, source.name)
        size = source.stat().st_size
        report = progress or _ignore
        report(0, size)
        with source.open("rb") as fh:
            if size <= CHUNK_THRESHOLD:
                yield from self._upload_whole(fh, source.name, size, folder, overwrite, report)
            else:
                if not overwrite and (yield from self.exists(target)):
                    # Checked before sending gigabytes; the merge checks again.
                    raise RemoteFileExistsError(
                        "911021",
                        f"{target} exists (upload with overwrite=True to replace it)",
                        operation=Operation.MERGE_CHUNKS.value,
                    )
                yield from self._upload_chunks(fh, source.name, size, folder, overwrite, report)
        report(size, size)
        return target

    def _upload_whole(
        self,
        fh: BinaryIO,
        name: str,
        size: int,
        folder: str,
        overwrite: bool,
        report: Progress,
    ) -> Plan[None]:
        def build() -> dict[str, Any]:
            window = cast(BinaryIO, _Window(fh, 0, size, report, size))
            part = File(payload=window, file_name=name, mime_type="application/octet-stream")
            form = UploadFileForm(path=folder, file=part, cover=_cover(overwrite))
            return upload_file._get_kwargs(body=form)

        yield from self._call(Operation.UPLOAD_FILE, build)

    def _upload_chunks(
        self,
        fh: BinaryIO,
        name: str,
        size: int,
        folder: str,
        overwrite: bool,
        report: Progress,
    ) -> Plan[None]:
        total = math.ceil(size / CHUNK_SIZE)
        # From the session's random source: a seeded client sends the same identifier (twins).
        identifier = f"{size}-{self.core.session.rng.getrandbits(64):016x}-{name}"
        for number in range(1, total + 1):
            offset = (number - 1) * CHUNK_SIZE
            length = min(CHUNK_SIZE, size - offset)

            def build(number: int = number, offset: int = offset, length: int = length) -> Any:
                # A window on the file, streamed by httpx (and read again on a retry).
                window = _Window(fh, offset, length, report, size)
                form = UploadChunkForm(
                    chunk_number=number,
                    file=File(payload=cast(BinaryIO, window), file_name=name),
                    filename=name,
                    path=folder,
                    relative_path=name,
                    total_chunks=total,
                    total_size=size,
                    cover=_cover(overwrite),
                    identifier=identifier,
                    chunk_size=CHUNK_SIZE,
                    current_chunk_size=length,
                )
                return upload_chunk._get_kwargs(body=form)

            yield from self._call(Operation.UPLOAD_CHUNK, build)
            report(offset + length, size)
        merge = MergeChunksForm(
            path=folder,
            relative_path=name,
            filename=name,
            identifier=identifier,
            cover=_cover(overwrite),
        )
        yield from self._call(Operation.MERGE_CHUNKS, lambda: merge_chunks._get_kwargs(body=merge))

    # ------------------------------------------------------------------ download

    def download(
        self, remote: str, local: str | os.PathLike[str], progress: Progress | None
    ) -> Plan[Path]:
        source = yield from self.remote(remote)
        target = Path(local)
        if target.is_dir():
            target = target / posixpath.basename(source)
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
        done = False
        try:
            with os.fdopen(fd, "wb") as out:
                sink = DownloadSink(out, progress)

                def build() -> dict[str, Any]:
                    ask = f"bytes={sink.written}-" if sink.written else UNSET
                    return download_file._get_kwargs(path=source, range_=ask)

                yield from self._call(Operation.DOWNLOAD_FILE, build, sink=sink)
                if sink.total is not None and sink.written != sink.total:
                    raise ContractViolation(
                        f"the download ended after {sink.written} of {sink.total} bytes",
                        operation=Operation.DOWNLOAD_FILE.value,
                    )
            os.replace(temp, target)
            done = True
        finally:
            if not done:
                with contextlib.suppress(OSError):
                    os.unlink(temp)
        return target


class DownloadSink:
    """Writes a download's bytes to ``out``; knows how many it has, for ``Range`` on a retry."""

    def __init__(self, out: IO[bytes], progress: Progress | None) -> None:
        self.out = out
        self.progress = progress
        self.written = 0
        self.total: int | None = None
        self.taken = False

    def start(self, response: httpx.Response) -> bool:
        self.taken = False
        kind = response.headers.get("content-type", "").split(";")[0].strip().lower()
        if response.status_code not in (200, 206) or kind.endswith("json"):
            return False  # an envelope (an error): read it as one
        if response.status_code == 206:
            match = _CONTENT_RANGE.match(response.headers.get("content-range", ""))
            if match is None or int(match.group(1)) != self.written:
                raise ContractViolation(
                    f"asked for bytes from {self.written}, got Content-Range "
                    f"{response.headers.get('content-range')!r}",
                    operation=Operation.DOWNLOAD_FILE.value,
                )
            self.total = int(match.group(3)) if match.group(3) != "*" else None
        else:  # the whole file (again): start over
            self.out.seek(0)
            self.out.truncate()
            self.written = 0
            length = response.headers.get("content-length", "")
            encoded = response.headers.get("content-encoding", "identity") != "identity"
            self.total = int(length) if length.isdigit() and not encoded else None
        self.taken = True
        return True

    def write(self, chunk: bytes) -> None:
        self.out.write(chunk)
        self.written += len(chunk)
        if self.progress is not None:
            self.progress(self.written, self.total if self.total is not None else self.written)


class _Window(io.RawIOBase):
    """``length`` bytes of ``fh`` from ``offset``, as a file httpx can stream and measure;
    ``report(offset + bytes read, total)`` follows the reading (what has gone to the socket)."""

    def __init__(
        self, fh: BinaryIO, offset: int, length: int, report: Progress, total: int
    ) -> None:
        self.fh, self.offset, self.length, self.pos = fh, offset, length, 0
        self.report, self.total = report, total

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def tell(self) -> int:
        return self.pos

    def seek(self, pos: int, whence: int = io.SEEK_SET) -> int:
        base = {io.SEEK_SET: 0, io.SEEK_CUR: self.pos, io.SEEK_END: self.length}[whence]
        self.pos = max(0, min(self.length, base + pos))
        return self.pos

    def read(self, size: int = -1) -> bytes:
        left = self.length - self.pos
        size = left if size is None or size < 0 else min(size, left)
        if size <= 0:
            return b""
        self.fh.seek(self.offset + self.pos)
        data = self.fh.read(size)
        self.pos += len(data)
        self.report(self.offset + self.pos, self.total)
        return data

    def readinto(self, buffer: Any) -> int:
        data = self.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


def _cover(overwrite: bool) -> CoverMode:
    return CoverMode.COVER if overwrite else CoverMode.UNCOVER


def _ignore(done: int, total: int) -> None:
    return None
