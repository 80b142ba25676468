"""Download answers: a file (whole, or one byte range) or a folder as a zip, both streamed."""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

from starlette.responses import FileResponse, Response, StreamingResponse

from ..app.errors import invalid
from .tree import BLOCK, UserTree

__all__ = ["file_answer", "folder_answer"]

_RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")


def _disposition(name: str) -> str:
    ascii_name = name.encode("ascii", "replace").decode().replace('"', "_")
    return f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(name)}"


def _range(header: str | None, size: int) -> tuple[int, int] | None:
    """(first, last) of a satisfiable single range, None for the whole file; else 10004."""
    if not header:
        return None
    m = _RANGE.match(header.strip())
    if m is None or m.groups() == ("", ""):
        raise invalid("Range", "must be one range bytes=<first>-[<last>] or bytes=-<length>")
    first_text, last_text = m.groups()
    if first_text == "":
        length = int(last_text)
        if length == 0:
            raise invalid("Range", "a suffix range of 0 bytes is not satisfiable")
        return max(0, size - length), size - 1
    first = int(first_text)
    last = min(int(last_text), size - 1) if last_text else size - 1
    if first >= size or last < first:
        raise invalid("Range", f"not satisfiable for a file of {size} bytes")
    return first, last


def _read(path: Path, first: int, last: int) -> Iterator[bytes]:
    with path.open("rb") as fh:
        fh.seek(first)
        left = last - first + 1
        while left > 0 and (block := fh.read(min(BLOCK, left))):
            left -= len(block)
            yield block


def file_answer(real: Path, range_header: str | None) -> Response:
    """200 with the file, or 206 with the requested range and ``Content-Range``."""
    size = real.stat().st_size
    wanted = _range(range_header, size)
    headers = {"Content-Disposition": _disposition(real.name), "Accept-Ranges": "bytes"}
    if wanted is None:
        return FileResponse(real, media_type="application/octet-stream", headers=headers)
    first, last = wanted
    headers["Content-Range"] = f"bytes {first}-{last}/{size}"
    headers["Content-Length"] = str(last - first + 1)
    return StreamingResponse(
        _read(real, first, last),
        status_code=206,
        media_type="application/octet-stream",
        headers=headers,
    )


class _Pipe:
    """A write-only, non-seekable sink that zipfile writes into and the response drains."""

    def __init__(self) -> None:
        self.parts: list[bytes] = []
        self.offset = 0

    def write(self, data: bytes) -> int:
        self.parts.append(bytes(data))
        self.offset += len(data)
        return len(data)

    def tell(self) -> int:
        return self.offset

    def flush(self) -> None:
        pass

    def drain(self) -> bytes:
        out = b"".join(self.parts)
        self.parts.clear()
        return out


def _zip(tree: UserTree, folder: Path) -> Iterator[bytes]:
    pipe = _Pipe()
    with zipfile.ZipFile(pipe, "w", compression=zipfile.ZIP_STORED) as archive:  # type: ignore[call-overload]
        for path in tree.walk_files(folder):
            name = path.relative_to(folder.parent).as_posix()
            with path.open("rb") as source, archive.open(name, "w", force_zip64=True) as sink:
                while block := source.read(BLOCK):
                    sink.write(block)
                    yield pipe.drain()
            yield pipe.drain()
    yield pipe.drain()


def folder_answer(tree: UserTree, folder: Path) -> Response:
    """The folder as a zip, built while it is sent (never whole in memory or on disk)."""
    return StreamingResponse(
        (part for part in _zip(tree, folder) if part),
        media_type="application/octet-stream",
        headers={"Content-Disposition": _disposition(folder.name + ".zip")},
    )
