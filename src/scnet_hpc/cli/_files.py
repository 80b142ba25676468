"""Files: ``files ls|put|get|rm|mkdir|mv|cp|cat``, and ``run`` (inputs up, job, outputs down).

Transfers show a rich progress bar on a terminal and a plain line per file otherwise.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from pathlib import Path

import click
from rich.progress import (
    BarColumn,
    DownloadColumn,
    Progress,
    TextColumn,
    TimeRemainingColumn,
    TransferSpeedColumn,
)

from scnet_hpc import JobSpec

from ._jobs import _walltime
from ._output import Column, rows_table, status_data, status_table
from ._state import CliState, common_options, get_state
from ._wait import finish, schedule, waiting_line

__all__ = ["files", "run"]


@contextlib.contextmanager
def transfer_progress(state: CliState, label: str) -> Iterator[Callable[[int, int], None] | None]:
    """A ``progress(done, total)`` callback drawing a bar on a terminal; ``None`` otherwise."""
    console = state.out.console(stderr=True)
    if not console.is_terminal or state.out.json:
        yield None
        return
    columns = (
        TextColumn("{task.description}"),
        BarColumn(),
        DownloadColumn(),
        TransferSpeedColumn(),
        TimeRemainingColumn(),
    )
    with Progress(*columns, console=console, transient=False) as bar:
        task = bar.add_task(label, total=None)

        def update(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total or None)

        yield update


@click.group()
def files() -> None:
    """The region's file service: list, upload, download, remove, move, copy, show.

    Remote paths are absolute, or relative to your home on the cluster.
    """


_ENTRY_COLUMNS: list[Column] = [
    ("NAME", lambda r: r.get("name", "") + ("/" if r.get("isDirectory") else "")),
    ("SIZE", "size"),
    ("MODIFIED", "lastModifiedTime"),
    ("PERMISSION", "permission"),
]


@files.command("ls")
@click.argument("path", required=False)
@common_options
def ls(path: str | None) -> None:
    """List a folder (default: the home)."""
    state = get_state()
    entries = [entry.to_dict() for entry in state.client().files.ls(path)]
    state.out.emit(entries, lambda: rows_table(entries, _ENTRY_COLUMNS, empty="empty folder"))


@files.command("put")
@click.argument("local", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@click.argument("remote_dir")
@click.option("-f", "--force", is_flag=True, help="Replace files that exist.")
@common_options
def put(local: tuple[str, ...], remote_dir: str, force: bool) -> None:
    """Upload LOCAL files into the folder REMOTE_DIR."""
    state = get_state()
    client = state.client()
    done: list[str] = []
    for name in local:
        with transfer_progress(state, f"up {Path(name).name}") as progress:
            remote = client.files.upload(name, remote_dir, overwrite=force, progress=progress)
        if progress is None:
            state.out.note(f"uploaded {name} -> {remote}")
        done.append(remote)
    state.out.emit({"uploaded": done}, lambda: None)


@files.command("get")
@click.argument("remote", nargs=-1, required=True)
@click.argument("local", type=click.Path())
@common_options
def get(remote: tuple[str, ...], local: str) -> None:
    """Download REMOTE files into LOCAL (a folder, or a file name for a single REMOTE)."""
    state = get_state()
    client = state.client()
    target = Path(local)
    if len(remote) > 1:
        target.mkdir(parents=True, exist_ok=True)
    done: list[str] = []
    for name in remote:
        with transfer_progress(state, f"down {name.rsplit('/', 1)[-1]}") as progress:
            path = client.files.download(name, target, progress=progress)
        if progress is None:
            state.out.note(f"downloaded {name} -> {path}")
        done.append(str(path))
    state.out.emit({"downloaded": done}, lambda: None)


@files.command("rm")
@click.argument("path", nargs=-1, required=True)
@click.option("-r", "--recursive", is_flag=True, help="Remove folders and what they hold.")
@common_options
def rm(path: tuple[str, ...], recursive: bool) -> None:
    """Remove files (and folders with -r)."""
    state = get_state()
    client = state.client()
    for name in path:
        client.files.rm(name, recursive=recursive)
    state.out.emit({"removed": list(path)}, lambda: None)


@files.command("mkdir")
@click.argument("path", nargs=-1, required=True)
@common_options
def mkdir(path: tuple[str, ...]) -> None:
    """Create folders (and their parents; an existing folder is fine)."""
    state = get_state()
    client = state.client()
    made = [client.files.mkdir(name) for name in path]
    state.out.emit({"created": made}, lambda: None)


def _transfer(move: bool) -> Callable[..., None]:
    def command(source: tuple[str, ...], target_dir: str, force: bool) -> None:
        state = get_state()
        client = state.client()
        act = client.files.mv if move else client.files.cp
        done = [act(name, target_dir, overwrite=force) for name in source]
        state.out.emit({"moved" if move else "copied": done}, lambda: None)

    return command


for _name, _move, _help in (
    ("mv", True, "Move SOURCE files into the folder TARGET_DIR."),
    ("cp", False, "Copy SOURCE files into the folder TARGET_DIR."),
):
    files.command(_name, help=_help)(
        click.argument("source", nargs=-1, required=True)(
            click.argument("target_dir")(
                click.option("-f", "--force", is_flag=True, help="Replace what exists.")(
                    common_options(_transfer(_move))
                )
            )
        )
    )


@files.command("cat")
@click.argument("path")
@common_options
def cat(path: str) -> None:
    """Print a text file (through the service's preview: at most 10 MiB)."""
    state = get_state()
    text = state.client().files.read_text(path)
    state.out.emit({"path": path, "content": text}, lambda: text)


# --------------------------------------------------------------------------- run


@click.command(context_settings={"allow_interspersed_args": False})
@click.argument("command", nargs=-1, required=True)
@click.option("-q", "--queue", required=True, help="Queue (see 'scnet-hpc queues').")
@click.option("-t", "--walltime", default="00:10:00", show_default=True, help="Run time limit.")
@click.option("-J", "--name", "job_name", help="Job name (also names the work folder).")
@click.option(
    "-i", "--input", "inputs", multiple=True, type=click.Path(exists=True, dir_okay=False),
    help="A local file to upload into the work folder (repeatable).",
)  # fmt: skip
@click.option(
    "-g", "--get", "outputs", multiple=True,
    help="A glob, relative to the work folder, of files to bring back (repeatable).",
)  # fmt: skip
@click.option(
    "-d", "--dest", default=".", show_default=True, type=click.Path(file_okay=False),
    help="Local folder for the job's stdout, stderr and --get files.",
)  # fmt: skip
@click.option("--timeout", type=click.FloatRange(min=0), help="Give up waiting after S seconds.")
@click.option(
    "--interval", type=click.FloatRange(min=0, min_open=True), help="Poll every S seconds."
)
@common_options
def run(
    command: tuple[str, ...],
    queue: str,
    walltime: str | None,
    job_name: str | None,
    inputs: tuple[str, ...],
    outputs: tuple[str, ...],
    dest: str,
    timeout: float | None,
    interval: float | None,
) -> None:
    """Upload inputs, run COMMAND in a fresh work folder, wait, download its outputs.

    \b
    scnet-hpc run --input data.txt --get 'out/*' -q debug -- ./prog data.txt
    """
    state = get_state()
    spec = JobSpec(
        command=" ".join(command), queue=queue, walltime=_walltime(walltime), job_name=job_name
    )
    state.out.note(f"uploading {len(inputs)} input(s), then submitting to {queue}")
    with waiting_line(state) as seen:
        result = state.client().run(
            spec,
            inputs=list(inputs),
            outputs=list(outputs),
            download_to=dest,
            timeout=timeout,
            poll=schedule(interval),
            on_status=seen,
        )
    job, status = result.job, result.status
    for path in result.files:
        state.out.note(f"downloaded {path}")
    done = status_data(job, status)
    data = {
        "job_id": job.id,
        "work_dir": result.work_dir,
        "status": done,
        "files": [str(p) for p in result.files],
    }
    state.out.emit(data, lambda: status_table(done or {}))
    finish(job, status)
