"""The efile operations: one handler per operationId, all confined to the caller's home."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.responses import Response

from ..app.context import Ctx
from ..app.errors import ApiError, invalid, missing
from .chunks import ChunkStore
from .codes import PREVIEW_TOO_LARGE, PREVIEW_TYPE
from .download import file_answer, folder_answer
from .multipart import Part
from .service import PREVIEW_PAGE, FileService
from .tree import UserTree, exists, not_found

__all__ = ["FILE_HANDLERS"]


def _service(ctx: Ctx) -> FileService:
    files: FileService = ctx.state.files
    files.tasks.settle(ctx.now)
    return files


def _tree(ctx: Ctx) -> UserTree:
    return _service(ctx).tree(ctx.account)


def _path(ctx: Ctx, tree: UserTree, raw: str, name: str = "path") -> Path:
    ctx.state.files.check_not_foreign(ctx.account, raw)
    return tree.real(raw, name)


def _existing(ctx: Ctx, tree: UserTree, raw: str, name: str = "path") -> Path:
    real = _path(ctx, tree, raw, name)
    if not real.exists() and not real.is_symlink():
        raise not_found(raw)
    return real


def _paths(ctx: Ctx, tree: UserTree, text: str, name: str) -> list[Path]:
    items = [p.strip() for p in text.split(",") if p.strip()]
    if not items:
        raise missing(name)
    return [_existing(ctx, tree, p, name) for p in items]


def _folder(ctx: Ctx, tree: UserTree, raw: str, name: str) -> Path:
    _path(ctx, tree, raw, name)
    return tree.folder(raw, name)


# ---------------------------------------------------------------------- reading


def list_files(ctx: Ctx) -> Any:
    tree = _tree(ctx)
    p = ctx.params
    raw = p.get("path") or tree.home
    folder = _folder(ctx, tree, raw, "path")
    entries = tree.children(folder)
    word = p.get("keyWord")
    if word:
        entries = [e for e in entries if word in e.name]
    rows = [tree.entry(e) for e in entries]
    shared = ctx.state.files.shares.get((ctx.account.region_id, ctx.me), {})
    for row in rows:
        row["isShare"] = row["path"] in shared
    key = {"size": "size", "lastModifiedTime": "lastModifiedTime"}.get(p.get("orderBy", ""), "name")
    rows.sort(key=lambda r: (r[key], r["name"]), reverse=p.get("order") == "desc")
    start, limit = p["start"], p["limit"]
    page = rows[start : start + limit]
    return {
        "path": tree.virtual(folder),
        "total": len(rows),
        "fileList": page,
        "children": [r for r in page if r["isDirectory"]],
    }


def file_exists(ctx: Ctx) -> Any:
    tree = _tree(ctx)
    real = _path(ctx, tree, ctx.body["path"])
    return {"exist": real.exists(), "dir": real.is_dir()}


def check_download(ctx: Ctx) -> Any:
    tree = _tree(ctx)
    _paths(ctx, tree, ctx.params["paths"], "paths")
    return ""


def check_file_permission(ctx: Ctx) -> Any:
    tree = _tree(ctx)
    real = _existing(ctx, tree, ctx.body["path"])
    mode = {"READ": os.R_OK, "WRITE": os.W_OK, "EXECUTE": os.X_OK}[ctx.body["permissionAction"]]
    return {"allowed": os.access(real, mode)}


def preview_file(ctx: Ctx) -> Any:
    tree = _tree(ctx)
    raw = ctx.body["path"]
    real = _existing(ctx, tree, raw)
    if real.is_dir():
        raise ApiError(PREVIEW_TYPE, f"文件类型不在预设范围内，不允许打开: {raw[:200]} is a folder")
    files: FileService = ctx.state.files
    size = real.stat().st_size
    if size > files.preview_limit:
        raise ApiError(
            PREVIEW_TOO_LARGE,
            f"文件大小超出预设大小，无法预览: {size} bytes, at most {files.preview_limit}",
        )
    start = ctx.body.get("startIndex", 0)
    with real.open("rb") as fh:
        head = fh.read(8192)
        fh.seek(start)
        data = fh.read(PREVIEW_PAGE)
    force = ctx.body.get("force") == "force"
    if not force and (b"\x00" in head or not _is_text(head)):
        raise ApiError(PREVIEW_TYPE, "文件类型不在预设范围内，不允许打开: not a text file")
    end = start + len(data)
    return {
        "content": data.decode("utf-8", "replace"),
        "path": tree.virtual(real),
        "startIndex": start,
        "endIndex": end,
        "hasNext": end < size,
    }


def _is_text(head: bytes) -> bool:
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as error:
        return error.start >= len(head) - 3  # a character cut at the end of the sample
    return True


def download_file(ctx: Ctx) -> Response:
    tree = _tree(ctx)
    real = _existing(ctx, tree, ctx.params["path"])
    if real.is_dir():
        return folder_answer(tree, real)
    return file_answer(real, ctx.params.get("Range"))


# ---------------------------------------------------------------------- writing


def make_directory(ctx: Ctx) -> Any:
    tree = _tree(ctx)
    raw = ctx.params["path"]
    _path(ctx, tree, raw)
    tree.mkdir(raw, bool(ctx.params.get("createParents", False)))
    return ""


def touch_file(ctx: Ctx) -> Any:
    tree = _tree(ctx)
    raw = ctx.body["fileAbsolutePath"]
    _path(ctx, tree, raw, "fileAbsolutePath")
    tree.touch(raw)
    return ""


def remove_files(ctx: Ctx) -> Any:
    tree = _tree(ctx)
    targets = _paths(ctx, tree, ctx.params["paths"], "paths")
    for real in targets:
        tree.remove(real, bool(ctx.params.get("recursive", False)))
    return ""


def _transfer(ctx: Ctx, *, move: bool) -> Any:
    tree = _tree(ctx)
    sources = _paths(ctx, tree, ctx.body["sourcePaths"], "sourcePaths")
    folder = _folder(ctx, tree, ctx.body["targetPath"], "targetPath")
    cover = ctx.body.get("cover") == "cover"
    for source in sources:
        tree.transfer(source, folder, cover=cover, move=move)
    return ""


def copy_files(ctx: Ctx) -> Any:
    return _transfer(ctx, move=False)


def move_files(ctx: Ctx) -> Any:
    return _transfer(ctx, move=True)


def rename_file(ctx: Ctx) -> Any:
    tree = _tree(ctx)
    real = _existing(ctx, tree, ctx.body["fileAbsolutePath"], "fileAbsolutePath")
    name = ctx.body["newName"]
    if "/" in name or name in (".", "..") or "\x00" in name:
        raise invalid("newName", "must be a name, not a path")
    if real == tree.root.resolve():
        raise invalid("fileAbsolutePath", "the home itself cannot be renamed")
    target = real.with_name(name)
    if target.exists():
        raise exists(tree.virtual(target))
    os.replace(real, target)
    return ""


def open_share(ctx: Ctx) -> Any:
    tree = _tree(ctx)
    real = _existing(ctx, tree, ctx.params["filePath"], "filePath")
    days = ctx.params.get("validDays", 7)
    key = os.urandom(8).hex()
    shares = ctx.state.files.shares.setdefault((ctx.account.region_id, ctx.me), {})
    shares[tree.virtual(real)] = key
    return {"shareUrl": f"{ctx.base_url}/efile/share/{key}", "validDays": days}


def close_share(ctx: Ctx) -> Any:
    tree = _tree(ctx)
    real = _existing(ctx, tree, ctx.params["filePath"], "filePath")
    ctx.state.files.shares.get((ctx.account.region_id, ctx.me), {}).pop(tree.virtual(real), None)
    return ""


# ---------------------------------------------------------------------- uploads


def _target_folder(ctx: Ctx, tree: UserTree, raw: str, relative: str | None) -> Path:
    """The folder a file lands in (``path`` plus the folders of ``relativePath``), created."""
    folder = _folder(ctx, tree, raw, "path")
    if relative and "/" in relative.strip("/"):
        inner = relative.strip("/").rsplit("/", 1)[0]
        sub = f"{raw.rstrip('/')}/{inner}"
        real = _path(ctx, tree, sub, "relativePath")
        if real.exists() and not real.is_dir():
            raise tree_not_folder(sub)
        real.mkdir(parents=True, exist_ok=True)
        folder = real
    return folder


def tree_not_folder(path: str) -> ApiError:
    from .codes import NOT_A_FOLDER

    return ApiError(NOT_A_FOLDER, f"目标地址不是一个文件夹: {path[:200]}")


def _name(raw: str | None, field: str) -> str:
    name = (raw or "").replace("\\", "/").rsplit("/", 1)[-1]
    if not name or name in (".", "..") or "\x00" in name:
        raise invalid(field, "must carry a file name")
    return name


async def upload_file(ctx: Ctx) -> Any:
    tree = _tree(ctx)
    part: Part = ctx.body["file"]
    folder = _target_folder(ctx, tree, ctx.body["path"], None)
    target = folder / _name(part.filename, "file")
    _path(ctx, tree, tree.virtual(folder) + "/" + target.name, "file")
    cover = ctx.body.get("cover") == "cover"
    await run_in_threadpool(tree.write, target, part.file, part.size, cover)
    return None


async def upload_chunk(ctx: Ctx) -> Any:
    tree = _tree(ctx)
    b = ctx.body
    _target_folder(ctx, tree, b["path"], None)
    _path(ctx, tree, f"{b['path'].rstrip('/')}/{b['relativePath'].lstrip('/')}", "relativePath")
    part: Part = b["file"]
    tree.reserve(part.size)
    files: FileService = ctx.state.files
    key = ChunkStore.key(b.get("identifier"), b["path"], b["relativePath"])
    await run_in_threadpool(
        lambda: files.chunks.add(
            ctx.me,
            key,
            number=b["chunkNumber"],
            data=part.file,
            path=b["path"],
            relative_path=b["relativePath"],
            filename=b["filename"],
            total_chunks=b["totalChunks"],
            total_size=b["totalSize"],
            chunk_size=b.get("chunkSize"),
            current_size=b.get("currentChunkSize"),
        )
    )
    return ""


async def merge_chunks(ctx: Ctx) -> Any:
    tree = _tree(ctx)
    b = ctx.body
    relative = b["relativePath"]
    folder = _target_folder(ctx, tree, b["path"], relative)
    target = folder / _name(relative, "relativePath")
    _path(ctx, tree, tree.virtual(folder) + "/" + target.name, "relativePath")
    cover = b.get("cover") == "cover"
    if target.exists() and (target.is_dir() or not cover):
        raise exists(tree.virtual(target))
    files: FileService = ctx.state.files
    identifier = b.get("identifier") or b.get("indentifier")
    key = ChunkStore.key(identifier, b["path"], relative)
    pending = files.chunks.take(ctx.me, key, b["path"], relative)

    def join() -> None:
        # Straight from the chunks into the target (tree.write renames it in when complete).
        try:
            with files.chunks.joined(pending) as joined:
                tree.write(target, joined, pending.total_size, cover)
        finally:
            files.chunks.discard(pending)

    await run_in_threadpool(join)
    return ""


# ---------------------------------------------------------------------- tasks


def _submit(ctx: Ctx, operation: str) -> Any:
    tree = _tree(ctx)
    files: FileService = ctx.state.files
    owner = (ctx.account.region_id, ctx.me)
    answers = []
    for item in ctx.body:
        source_raw = item["sourcePath"]
        source = _existing(ctx, tree, source_raw, "sourcePath")
        target_raw = item.get("targetPath")
        folder = _folder(ctx, tree, target_raw, "targetPath") if operation != "REMOVE" else None
        mode = item.get("duplicateHandleType") or ""

        def work(source: Path = source, folder: Path | None = folder, mode: str = mode) -> None:
            if not source.exists():
                raise not_found(tree.virtual(source))
            if folder is None:
                tree.remove(source, recursive=True)
                return
            if mode != "cover" and (folder / source.name).exists():
                if mode == "":
                    return  # the page's sample sends "": an existing target is skipped
                raise exists(tree.virtual(folder / source.name))
            tree.transfer(source, folder, cover=mode == "cover", move=operation == "MOVE")

        task = files.tasks.submit(
            owner, operation, source_raw, target_raw, tree.size_of(source), ctx.now, work
        )
        answers.append(task.render(ctx.now))
    return answers


def async_copy_files(ctx: Ctx) -> Any:
    return _submit(ctx, "COPY")


def async_move_files(ctx: Ctx) -> Any:
    return _submit(ctx, "MOVE")


def async_remove_files(ctx: Ctx) -> Any:
    return _submit(ctx, "REMOVE")


def list_file_tasks(ctx: Ctx) -> Any:
    files = _service(ctx)
    owner = (ctx.account.region_id, ctx.me)
    return [t.render(ctx.now) for t in files.tasks.mine(owner, ctx.body["taskIds"])]


def cancel_file_tasks(ctx: Ctx) -> Any:
    files = _service(ctx)
    files.tasks.cancel((ctx.account.region_id, ctx.me), ctx.body["taskIds"])
    return ""


FILE_HANDLERS = {
    "list_files": list_files,
    "upload_file": upload_file,
    "upload_chunk": upload_chunk,
    "merge_chunks": merge_chunks,
    "download_file": download_file,
    "check_download": check_download,
    "make_directory": make_directory,
    "touch_file": touch_file,
    "file_exists": file_exists,
    "remove_files": remove_files,
    "copy_files": copy_files,
    "move_files": move_files,
    "rename_file": rename_file,
    "preview_file": preview_file,
    "check_file_permission": check_file_permission,
    "open_share": open_share,
    "close_share": close_share,
    "async_copy_files": async_copy_files,
    "async_move_files": async_move_files,
    "async_remove_files": async_remove_files,
    "list_file_tasks": list_file_tasks,
    "cancel_file_tasks": cancel_file_tasks,
}
