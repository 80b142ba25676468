"""Paging a file on disk with bounded memory (engines/text_pages.py; issue 12, item 4).

A job can write a 50 MiB line of NUL bytes or ``truncate -s 20G`` a file; the whole-file
reader answered the first with 300 MiB and +650 MiB of memory. The page reader must give the
same pages as ``page_of_lines`` for ordinary files, and bounded answers and memory for hostile
ones (measured with tracemalloc and the answer's size; no timing).
"""

from __future__ import annotations

import io
import json
import os
import tracemalloc
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from scnet_hpc.mock.engines.base import PAGE_LINES, page_of_lines
from scnet_hpc.mock.engines.text_pages import LINE_BYTES, PAGE_BYTES, WINDOW_BYTES, read_page


def whole_file_pages(data: bytes, page: int, from_end: bool):  # type: ignore[no-untyped-def]
    """What the engines did before: read it all, split at newlines."""
    lines = data.decode("utf-8", errors="replace").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return page_of_lines(lines, page, from_end=from_end)


@settings(max_examples=150, deadline=None)
@given(
    lines=st.lists(st.text(alphabet="ab\u00e9 ", max_size=5), max_size=2600),
    trailing=st.booleans(),
    page=st.integers(min_value=0, max_value=4),
    from_end=st.booleans(),
)
def test_ordinary_files_page_as_before(lines, trailing, page, from_end):
    data = "\n".join(lines).encode() + (b"\n" if trailing and lines else b"")
    got = read_page(io.BytesIO(data), len(data), page, from_end=from_end)
    assert got == whole_file_pages(data, page, from_end)


def test_a_50_mib_line_of_nul_bytes_is_a_small_answer_in_bounded_memory(tmp_path: Path) -> None:
    path = tmp_path / "sparse"
    with path.open("wb") as f:
        f.truncate(50 << 20)  # sparse: 50 MiB of NUL, one line
    tracemalloc.start()
    try:
        with path.open("rb") as f:
            page = read_page(f, path.stat().st_size, 1, from_end=False)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert page.total_lines == 1
    assert "line cut: 52428800 bytes" in page.text
    answer = json.dumps({"data": page.text})
    assert len(answer) < 8 * LINE_BYTES  # was 300 MiB: every NUL escaped as \u0000
    assert peak < 8 << 20  # was +650 MiB


def test_a_20_gib_sparse_file_is_served_as_a_window_that_says_so(tmp_path: Path) -> None:
    path = tmp_path / "huge"
    with path.open("wb") as f:
        f.truncate(20 << 30)
        f.seek(-11, os.SEEK_END)
        f.write(b"\nlast line\n")
    size = path.stat().st_size
    tracemalloc.start()
    try:
        with path.open("rb") as f:
            tail = read_page(f, size, 1, from_end=True)
            head = read_page(f, size, 1, from_end=False)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert tail.text.splitlines()[-1] == "last line"
    assert f"the first {size - WINDOW_BYTES} bytes" in tail.text
    assert f"only the first {WINDOW_BYTES} bytes of this {size}-byte file" in head.text
    assert len(head.text) + len(tail.text) < 4 * LINE_BYTES
    assert peak < 8 << 20


def test_a_page_of_long_lines_stays_within_the_page_budget() -> None:
    line = b"y" * (LINE_BYTES - 10) + b"\n"
    data = line * PAGE_LINES
    page = read_page(io.BytesIO(data), len(data), 1, from_end=False)
    assert page.total_lines == PAGE_LINES
    assert len(page.text.encode()) <= PAGE_BYTES + 200
    shown = sum(1 for text in page.text.splitlines() if text.startswith("y"))
    assert f"{PAGE_LINES - shown} more lines of this page not shown" in page.text
