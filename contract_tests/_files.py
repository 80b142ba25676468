"""The file operations (efile) in the suite: a fixture folder, known-good requests, shaping.

Generated file requests only reach success when their paths name things that exist in the
caller's home. ``prepare_fixture`` lays out, through the API itself, a folder the suite owns
(``<home>/scnet-contract-tests/files``) with a probe file, a sub-folder, a scratch folder and
one complete chunked upload waiting to be merged; the known-good requests and the input shaping
point paths at it. Nothing outside that folder is touched.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from schemathesis import Case

from ._target import Facts, Target

__all__ = [
    "FILE_OPS",
    "FILE_WRITE_OPS",
    "MERGE_ID",
    "PROBE_BYTES",
    "known_good_parts",
    "merge_parts",
    "prepare_fixture",
    "scratch_file",
    "setup_requests",
    "shape_file_body",
    "shape_file_query",
    "work",
]

FILE_OPS = frozenset({
    "list_files", "upload_file", "upload_chunk", "merge_chunks", "download_file",
    "check_download", "make_directory", "touch_file", "file_exists", "remove_files",
    "copy_files", "move_files", "rename_file", "preview_file", "check_file_permission",
    "open_share", "close_share", "async_copy_files", "async_move_files", "async_remove_files",
    "list_file_tasks", "cancel_file_tasks",
})  # fmt: skip
#: File operations that change the caller's files: like job writes, not sent to a live
#: deployment unless SCNET_CONTRACT_WRITES allows it.
FILE_WRITE_OPS = FILE_OPS - {
    "list_files", "download_file", "check_download", "file_exists", "preview_file",
    "check_file_permission", "list_file_tasks",
}  # fmt: skip
MULTIPART = "multipart/form-data"
FORM = "application/x-www-form-urlencoded"
PROBE_BYTES = b"scnet-hpc contract probe\n"
MERGE_ID = "scnet-contract-merge"
Parts = dict[str, Any]


def work(f: Facts, *rest: str) -> str:
    """A path inside the suite's fixture folder."""
    return "/".join([f"{f.home.rstrip('/')}/scnet-contract-tests/files", *rest])


def _probe(f: Facts) -> str:
    return work(f, "probe.txt")


def _unique(prefix: str) -> str:
    return f"{prefix}-{uuid.uuid4().hex[:8]}"


def prepare_fixture(target: Target) -> None:
    """Create the fixture folder and its contents (idempotent; errors are the tests' to find)."""
    f = target.get_facts()
    headers = {"token": f.token}

    def call(method: str, path: str, **kwargs: Any) -> None:
        target.request(method, path, headers=headers, **kwargs)

    for folder in (work(f), work(f, "sub"), work(f, "scratch")):
        call("POST", "/efile/openapi/v2/file/mkdir", params={"path": folder, "createParents": True})
    call(
        "POST",
        "/efile/openapi/v2/file/upload",
        data={"path": work(f), "cover": "cover"},
        files={"file": ("probe.txt", PROBE_BYTES)},
    )
    for number in range(8):  # what generated renames and moves consume (shape_file_body)
        call(
            "POST",
            "/efile/openapi/v2/file/touch",
            data={"fileAbsolutePath": work(f, "scratch", f"t{number}")},
        )
    for number in (1, 2):
        call(
            "POST",
            "/efile/openapi/v2/file/burst",
            data={
                "chunkNumber": str(number), "totalChunks": "2", "totalSize": "8",
                "filename": "merged.bin", "identifier": MERGE_ID, "path": work(f),
                "relativePath": "merged.bin", "chunkSize": "4",
            },
            files={"file": ("blob", b"abcd")},
        )  # fmt: skip


def _chunk(f: Facts, identifier: str) -> Parts:
    return {
        "body": {
            "chunkNumber": 1, "totalChunks": 1, "totalSize": len(PROBE_BYTES),
            "filename": "chunked.txt", "identifier": identifier, "path": work(f),
            "relativePath": "chunked.txt", "cover": "cover", "file": PROBE_BYTES,
        },
        "media_type": MULTIPART,
    }  # fmt: skip


_TABLE: dict[str, Callable[[Facts, str], Parts]] = {
    "list_files": lambda f, g: {"query": {"path": work(f), "start": 0, "limit": 100}},
    "upload_file": lambda f, g: {
        "body": {"path": work(f), "cover": "cover", "file": PROBE_BYTES},
        "media_type": MULTIPART,
    },
    "upload_chunk": lambda f, g: _chunk(f, _unique("scnet-contract")),
    "merge_chunks": lambda f, g: {
        "body": {
            "path": work(f),
            "relativePath": "chunked.txt",
            "cover": "cover",
            "identifier": "none",
            "indentifier": "none",
        },
        "media_type": MULTIPART,
    },
    "download_file": lambda f, g: {"query": {"path": _probe(f)}},
    "check_download": lambda f, g: {"query": {"paths": _probe(f)}},
    "make_directory": lambda f, g: {
        "query": {"path": work(f, "scratch", _unique("dir")), "createParents": "true"}
    },
    "touch_file": lambda f, g: {
        "body": {"fileAbsolutePath": work(f, "scratch", _unique("touched"))},
        "media_type": FORM,
    },
    "file_exists": lambda f, g: {"body": {"path": _probe(f)}, "media_type": FORM},
    "remove_files": lambda f, g: {"query": {"paths": g, "recursive": "true"}},
    "copy_files": lambda f, g: {
        "body": {"sourcePaths": _probe(f), "targetPath": work(f, "sub"), "cover": "cover"},
        "media_type": FORM,
    },
    "move_files": lambda f, g: {
        "body": {
            "sourcePaths": g,
            "targetPath": work(f, "sub"),
            "cover": "cover",
        },
        "media_type": FORM,
    },
    "rename_file": lambda f, g: {
        "body": {"fileAbsolutePath": g, "newName": _unique("renamed")},
        "media_type": FORM,
    },
    "preview_file": lambda f, g: {"body": {"path": _probe(f), "startIndex": 0}, "media_type": FORM},
    "check_file_permission": lambda f, g: {
        "body": {"path": _probe(f), "permissionAction": "READ"},
        "media_type": FORM,
    },
    "open_share": lambda f, g: {"query": {"filePath": _probe(f), "validDays": 1}},
    "close_share": lambda f, g: {"query": {"filePath": _probe(f)}},
    "async_copy_files": lambda f, g: {
        "body": [
            {"sourcePath": _probe(f), "targetPath": work(f, "sub"), "duplicateHandleType": "cover"}
        ],
    },
    "async_move_files": lambda f, g: {
        "body": [
            {
                "sourcePath": g,
                "targetPath": work(f, "sub"),
                "duplicateHandleType": "cover",
            }
        ],
    },
    "async_remove_files": lambda f, g: {"body": [{"sourcePath": g}]},
    "list_file_tasks": lambda f, g: {"body": {"taskIds": ["0" * 32]}},
    "cancel_file_tasks": lambda f, g: {"body": {"taskIds": ["0" * 32]}},
}
#: Operations whose known-good request consumes something: made first by ``setup_for``.
NEEDS_SCRATCH = frozenset({
    "remove_files", "move_files", "rename_file", "async_move_files", "async_remove_files",
})  # fmt: skip


def known_good_parts(f: Facts, operation_id: str, scratch: str | None = None) -> Parts:
    """The parts of ``operation_id``'s known-good request; ``scratch`` is the file it may
    consume (made by ``setup_requests`` with the same name)."""
    return _TABLE[operation_id](f, scratch or work(f, "scratch", "gone"))


def scratch_file(f: Facts) -> str:
    """A fresh name in the scratch folder for one known-good request to consume."""
    return work(f, "scratch", _unique("gone"))


def setup_requests(f: Facts, operation_id: str, scratch: str) -> list[tuple[str, Parts]]:
    """(operation, parts) to send before ``operation_id``'s known-good request."""
    if operation_id in NEEDS_SCRATCH:
        return [("touch_file", {"body": {"fileAbsolutePath": scratch}, "media_type": FORM})]
    if operation_id == "merge_chunks":
        return [("upload_chunk", _chunk(f, "known-good-merge"))]
    return []


def merge_parts(f: Facts) -> Parts:
    return {
        "body": {"path": work(f), "relativePath": "chunked.txt", "cover": "cover",
                 "identifier": "known-good-merge", "indentifier": "known-good-merge"},
        "media_type": MULTIPART,
    }  # fmt: skip


# ---------------------------------------------------------------------- shaping


def _in_fixture(value: Any, f: Facts) -> bool:
    """Already a fixture path (a stateful link carried it over from an earlier answer)."""
    return isinstance(value, str) and (value == work(f) or value.startswith(work(f) + "/"))


def shape_file_query(op: str, query: dict[str, Any], f: Facts, pick: int) -> None:
    """Point generated query paths at the fixture (in place)."""
    scratch = work(f, "scratch", f"t{pick % 8}")
    wanted = {
        "list_files": {"path": work(f)},
        "download_file": {"path": _probe(f) if pick % 4 else work(f, "sub")},
        "check_download": {"paths": _probe(f)},
        "make_directory": {"path": work(f, "scratch", f"d{pick % 16}")},
        "remove_files": {"paths": scratch},
        "open_share": {"filePath": _probe(f)},
        "close_share": {"filePath": _probe(f)},
    }.get(op, {})
    for name, value in wanted.items():
        if name in query and not _in_fixture(query[name], f):
            query[name] = value


def shape_file_body(op: str, body: Any, f: Facts, pick: int) -> Any:
    """A copy of a generated body with its paths pointed at the fixture."""
    scratch = work(f, "scratch", f"t{pick % 8}")
    if isinstance(body, list):
        items = []
        for item in body:
            if isinstance(item, dict):
                item = dict(item)
                source = _probe(f) if op == "async_copy_files" else scratch
                if "sourcePath" in item:
                    item["sourcePath"] = source
                if "targetPath" in item:
                    item["targetPath"] = work(f, "sub")
            items.append(item)
        return items
    if not isinstance(body, dict):
        return body
    body = dict(body)
    wanted: dict[str, Any] = {
        "upload_file": {"path": work(f)},
        "upload_chunk": {"path": work(f, "scratch")},
        "merge_chunks": {"path": work(f), "relativePath": "merged.bin", "identifier": MERGE_ID,
                         "cover": "cover"},
        "touch_file": {"fileAbsolutePath": work(f, "scratch", _unique("touched"))},
        "file_exists": {"path": _probe(f)},
        "copy_files": {"sourcePaths": _probe(f), "targetPath": work(f, "sub")},
        "move_files": {"sourcePaths": scratch, "targetPath": work(f, "sub")},
        "rename_file": {"fileAbsolutePath": scratch},
        "preview_file": {"path": _probe(f)},
        "check_file_permission": {"path": _probe(f)},
    }.get(op, {})  # fmt: skip
    for name, value in wanted.items():
        if (name in body or name in ("identifier", "cover")) and not _in_fixture(body.get(name), f):
            body[name] = value
    if op in ("copy_files", "move_files") and pick % 2 == 0:
        body["cover"] = "cover"  # a second copy into sub/ would otherwise always be 911021
    if op == "merge_chunks":
        body.pop("indentifier", None)
    return body


_CONSUMERS = frozenset(
    {"remove_files", "move_files", "rename_file", "async_move_files", "async_remove_files"}
)


def replenish(target: Target, case: Case[Any]) -> None:
    """Re-create the scratch files (``scratch/tN``) a generated move, rename or removal names, so
    that it can succeed whatever ran before it; what the request itself does is still judged."""
    if str(case.operation.definition.raw.get("operationId")) not in _CONSUMERS:
        return
    f = target.get_facts()
    prefix = work(f, "scratch", "t")
    values: list[Any] = list((case.query or {}).values())
    if isinstance(case.body, dict):
        values += case.body.values()
    elif isinstance(case.body, list):
        values += [v for item in case.body if isinstance(item, dict) for v in item.values()]
    for value in values:
        for path in str(value).split(","):
            if path.startswith(prefix) and path.removeprefix(prefix).isdigit():
                target.request(
                    "POST",
                    "/efile/openapi/v2/file/touch",
                    headers={"token": f.token},
                    data={"fileAbsolutePath": path},
                )
