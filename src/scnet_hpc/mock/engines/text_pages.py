"""One page of a text file on disk, read with bounded memory, however large the file is.

The file/content operation pages a file by ``PAGE_LINES`` lines, and a job can write anything:
a 20 GB sparse file (``truncate -s 20G``), one line of 50 MiB, NUL bytes that JSON escapes six
times over. Loading the file and splitting it, as a first version did, turned a 50 MiB file into a
300 MiB answer and +650 MiB of memory. Here:

* the file is read in ``CHUNK`` blocks: counting lines keeps no text, and only the lines of the
  asked page are decoded;
* at most ``WINDOW_BYTES`` of a file are served: its first ones, or its last ones when reading
  from the end (what someone following a log wants). A file cut so says so in a line of its
  own at the cut, counted like any other line, so nothing is dropped silently;
* a line longer than ``LINE_BYTES`` is cut, with a note of how long it was;
* a page holds at most ``PAGE_BYTES`` of text (after the lines are cut); its remaining lines
  are replaced by one note saying how many were left out.

So an answer is at most about ``PAGE_BYTES`` plus the notes, and memory about ``CHUNK`` plus
that, whatever the file holds.
"""

from __future__ import annotations

from typing import BinaryIO

from .base import PAGE_LINES, FilePage

__all__ = ["CHUNK", "LINE_BYTES", "PAGE_BYTES", "WINDOW_BYTES", "read_page"]

CHUNK = 1 << 20
WINDOW_BYTES = 64 << 20
LINE_BYTES = 16 << 10
PAGE_BYTES = 1 << 20
_NOTE = "[scnet-hpc mock: "


def read_page(f: BinaryIO, size: int, page: int, *, from_end: bool) -> FilePage:
    """Page ``page`` (1-based) of the open binary file ``f`` of ``size`` bytes; page 1 is the
    first lines, or the last ones when ``from_end``. Lines are split at ``\\n`` only and decoded
    as UTF-8 (bad bytes replaced), as the whole-file reader did."""
    start, stop = (max(0, size - WINDOW_BYTES), size) if from_end else (0, min(size, WINDOW_BYTES))
    counted = _count_lines(f, start, stop)
    # a cut at the front or the back is one more line, placed where the cut is
    head_note = f"{_NOTE}the first {start} bytes of this {size}-byte file are not shown]"
    tail_note = f"{_NOTE}only the first {stop} bytes of this {size}-byte file are shown]"
    notes_before = 1 if start > 0 else 0
    notes_after = 1 if stop < size else 0
    total = counted + notes_before + notes_after
    pages = -(-total // PAGE_LINES)
    if page < 1 or page > pages:
        return FilePage(text="", total_lines=total, total_pages=pages)
    if from_end:
        last = total - (page - 1) * PAGE_LINES
        first = max(0, last - PAGE_LINES)
    else:
        first = (page - 1) * PAGE_LINES
        last = min(total, first + PAGE_LINES)
    lines: list[str] = []
    if notes_before and first == 0:
        lines.append(head_note)
    want_first = max(0, first - notes_before)
    want_last = min(counted, last - notes_before)
    if want_last > want_first:
        lines += _lines(f, start, stop, want_first, want_last)
    if notes_after and last == total:
        lines.append(tail_note)
    return FilePage(text=_within_budget(lines), total_lines=total, total_pages=pages)


def _count_lines(f: BinaryIO, start: int, stop: int) -> int:
    """Lines in ``[start, stop)``: its newlines, plus one for a last line without one."""
    f.seek(start)
    count, left, last = 0, stop - start, b""
    while left > 0:
        chunk = f.read(min(CHUNK, left))
        if not chunk:
            break
        count += chunk.count(b"\n")
        left -= len(chunk)
        last = chunk[-1:]
    return count + (1 if last not in (b"", b"\n") else 0)


def _seek_line(f: BinaryIO, start: int, stop: int, index: int) -> int:
    """The offset where line ``index`` (0-based) of ``[start, stop)`` begins."""
    f.seek(start)
    pos, seen = start, 0
    while seen < index and pos < stop:
        chunk = f.read(min(CHUNK, stop - pos))
        if not chunk:
            break
        n = chunk.count(b"\n")
        if seen + n < index:
            seen += n
            pos += len(chunk)
            continue
        at = -1
        for _ in range(index - seen):
            at = chunk.index(b"\n", at + 1)
        return pos + at + 1
    return pos


def _lines(f: BinaryIO, start: int, stop: int, first: int, last: int) -> list[str]:
    """Lines ``first`` to ``last - 1`` of ``[start, stop)``, each cut at ``LINE_BYTES``."""
    pos = _seek_line(f, start, stop, first)
    f.seek(pos)
    out: list[str] = []
    while len(out) < last - first and pos < stop:
        raw = f.readline(min(LINE_BYTES + 1, stop - pos))
        if not raw:
            break
        pos += len(raw)
        if raw.endswith(b"\n"):
            out.append(raw[:-1].decode("utf-8", errors="replace"))
            continue
        if len(raw) <= LINE_BYTES:  # the window ends inside this line
            out.append(raw.decode("utf-8", errors="replace"))
            break
        length = len(raw) + _skip_rest_of_line(f, stop - pos)
        pos += length - len(raw)
        text = raw[:LINE_BYTES].decode("utf-8", errors="ignore")
        out.append(f"{text}{_NOTE}line cut: {length} bytes, {LINE_BYTES} shown]")
    return out


def _skip_rest_of_line(f: BinaryIO, limit: int) -> int:
    """Read past the rest of an over-long line (its newline included); bytes skipped."""
    skipped = 0
    while skipped < limit:
        chunk = f.read(min(CHUNK, limit - skipped))
        if not chunk:
            break
        at = chunk.find(b"\n")
        if at >= 0:
            f.seek(at + 1 - len(chunk), 1)
            return skipped + at + 1
        skipped += len(chunk)
    return skipped


def _within_budget(lines: list[str]) -> str:
    """The page's text, at most ``PAGE_BYTES`` (in UTF-8) of lines and then a note."""
    parts: list[str] = []
    used = 0
    for i, line in enumerate(lines):
        cost = len(line.encode("utf-8")) + 1
        if used + cost > PAGE_BYTES:
            parts.append(f"{_NOTE}{len(lines) - i} more lines of this page not shown]\n")
            break
        parts.append(line + "\n")
        used += cost
    return "".join(parts)
