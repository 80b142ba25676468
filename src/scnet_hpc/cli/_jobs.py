"""Jobs: ``submit``, ``jobs``, ``job``, ``cancel``, ``history``, ``output``."""

from __future__ import annotations

import sys
from typing import Any

import click

from scnet_hpc import Client, JobSpec, JobState, JobStatus, errors

from ._errors import CliError, ExitCode, rejected_message
from ._output import Column, duration, plain, rows_table, status_data, status_table
from ._platform import all_region_history, all_region_jobs
from ._state import JOB_ID, common_options, get_state
from ._wait import finish, watch

__all__ = ["cancel", "history", "job", "jobs", "output", "submit"]


# --------------------------------------------------------------------------- submit


def _extra(pairs: tuple[str, ...]) -> dict[str, str]:
    extra: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise CliError(f"--set takes GAP_KEY=VALUE, got {pair!r}")
        extra[key.strip()] = value
    return extra


def _walltime(value: str | None) -> str | int | None:
    if value is not None and value.strip().isdigit():
        return int(value.strip())  # seconds
    return value


def _command(words: tuple[str, ...], script: str | None) -> str:
    if script is not None:
        if words:
            raise CliError("give COMMAND or --script, not both")
        if script == "-":
            return sys.stdin.read()
        with open(script, encoding="utf-8") as handle:
            return handle.read()
    if not words:
        raise CliError("submit needs COMMAND (or --script FILE)")
    return " ".join(words)


@click.command(context_settings={"allow_interspersed_args": False})
@click.argument("command", nargs=-1)
@click.option("-q", "--queue", required=True, help="Queue (see 'scnet-hpc queues').")
@click.option("-t", "--walltime", help="Run time limit, HH:MM:SS, D-HH:MM:SS or seconds.")
@click.option("-N", "--nodes", type=int, help="Number of nodes (default 1).")
@click.option("--node-list", help="Exact nodes, comma-separated (instead of --nodes).")
@click.option("--ppn", type=int, help="Cores per node (default 1).")
@click.option("-n", "--nprocs", type=int, help="Total cores (instead of --ppn).")
@click.option("-J", "--name", "job_name", help="Job name (default STDIN_MMDD_HHMMSS).")
@click.option("-D", "--work-dir", help="Absolute working directory (default: home).")
@click.option("--gpus", type=int, help="GPUs per node.")
@click.option("--dcus", type=int, help="DCUs per node.")
@click.option("--memory", help="Memory per node, e.g. 4G or 4000M.")
@click.option("--exclusive", is_flag=True, help="Whole nodes only.")
@click.option("--stdout", "stdout_path", help="Output file (default <work-dir>/std.out.%j).")
@click.option("--stderr", "stderr_path", help="Error file (default <work-dir>/std.err.%j).")
@click.option("--array-size", type=int, help="Job array size (GAP_MULTI_SUB).")
@click.option("--app-name", default="BASE", show_default=True, help="Application template.")
@click.option("--set", "extra", multiple=True, metavar="GAP_KEY=VALUE", help="Any GAP_* key.")
@click.option(
    "--script", type=click.Path(dir_okay=False, allow_dash=True), help="Read COMMAND from a file."
)
@click.option("--wait", "wait_", is_flag=True, help="Wait until the job has finished.")
@click.option("--timeout", type=click.FloatRange(min=0), help="With --wait: give up after S s.")
@click.option(
    "--interval", type=click.FloatRange(min=0, min_open=True), help="With --wait: poll every S s."
)
@common_options
def submit(
    command: tuple[str, ...],
    script: str | None,
    extra: tuple[str, ...],
    wait_: bool,
    timeout: float | None,
    interval: float | None,
    **fields: Any,
) -> None:
    """Submit COMMAND (options go first; the words after them are the command).

    \b
    scnet-hpc submit -q debug -t 00:10:00 -- hostname
    scnet-hpc submit -q debug -t 600 --wait 'sleep 5; echo done'
    """
    state = get_state()
    spec = JobSpec(
        command=_command(command, script),
        walltime=_walltime(fields.pop("walltime")),
        stdout=fields.pop("stdout_path"),
        stderr=fields.pop("stderr_path"),
        extra=_extra(extra),
        **fields,
    )
    client = state.client()
    try:
        submitted = client.submit(spec)
    except errors.JobRejectedError as exc:
        limit = _walltime_limit(client, spec) if "time limit" in (exc.msg or "").lower() else None
        raise CliError(rejected_message(exc, limit), ExitCode.API) from exc
    if not wait_:
        data = {"job_id": submitted.id, "scheduler_id": submitted.scheduler_id, "status": None}
        state.out.emit(data, lambda: f"{submitted.id}")
        return
    state.out.note(f"submitted job {submitted.id} (scheduler {submitted.scheduler_id})")
    status = watch(state, submitted, timeout, interval)
    done = status_data(submitted, status)
    assert done is not None
    data = {"job_id": submitted.id, "scheduler_id": submitted.scheduler_id, "status": done}
    state.out.emit(data, lambda: status_table(done))
    finish(submitted, status)


def _walltime_limit(client: Client, spec: JobSpec) -> str | None:
    """``queue debug allows at most 30 min (00:30:00)``, when the queue list says so."""
    try:
        queues = client.queues()
    except errors.ScnetError:
        return None  # the refusal itself is what matters; the hint is a bonus
    for queue in queues:
        names = {queue.queue_name, queue.text, queue.id}
        if spec.queue in names and isinstance(queue.que_max_walltime, str):
            minutes = queue.que_max_walltime.strip()
            if minutes.isdigit():
                hours, rest = divmod(int(minutes), 60)
                return (
                    f"queue {spec.queue} allows a walltime of at most {minutes} min "
                    f"({hours:02d}:{rest:02d}:00)"
                )
    return None


# --------------------------------------------------------------------------- listings


#: ``jobs`` and ``history`` tables: the first columns alike, then what each listing knows.
_JOB_COLUMNS: list[Column] = [
    ("JOB ID", "job_id"),
    ("NAME", "job_name"),
    ("STATE", "state"),
    ("QUEUE", "queue"),
]
_JOBS_COLUMNS: list[Column] = [
    *_JOB_COLUMNS,
    ("NODES", "node_num_req"),
    ("CORES", "proc_num_req"),
    ("SUBMITTED", "job_submit_time"),
    ("RUN TIME", "job_run_time"),
    ("WALLTIME", "walltime_req"),
    ("REASON", lambda r: None if r.get("reason") == "None" else r.get("reason")),
]
_HISTORY_COLUMNS: list[Column] = [
    *_JOB_COLUMNS,
    ("EXIT", "job_exit_status"),
    ("STARTED", "job_start_time"),
    ("ENDED", "job_end_time"),
    ("WALLTIME USED", lambda r: duration(r.get("job_walltime_used"))),
    ("CORES", "job_proc_num"),
]

_REALTIME_STATES = ["queued", "running", "held", "suspended", "exiting", "completed", "waiting"]
_HISTORY_STATES = ["completed", "failed", "cancelled", "timeout", "requeued", "node_fail"]


@click.command()
@click.option("--state", type=click.Choice(_REALTIME_STATES), help="Only jobs in this state.")
@click.option("--queue", help="Only jobs in this queue.")
@click.option("--name", help="Only jobs whose name contains this.")
@click.option("--job-id", help="Only this job.")
@click.option("--owner", help="Only jobs of this (cluster) user.")
@click.option("--limit", type=click.IntRange(min=1), help="At most this many jobs.")
@click.option(
    "--all-regions",
    is_flag=True,
    help="Every region's jobs in one list (the platform's view) instead of this region's.",
)
@common_options
def jobs(
    state: str | None,
    queue: str | None,
    name: str | None,
    job_id: str | None,
    owner: str | None,
    limit: int | None,
    all_regions: bool,
) -> None:
    """Active jobs (and jobs finished in the last 5 minutes)."""
    if all_regions:
        all_region_jobs(
            state=state, queue=queue, name=name, job_id=job_id, owner=owner, limit=limit
        )
        return
    app = get_state()
    found = app.client().jobs(
        state=JobState(state) if state else None,
        queue=queue,
        name=name,
        job_id=job_id,
        owner=owner,
        limit=limit,
    )
    rows = [{**plain(j), "state": JobStatus.from_realtime_row(j).state.value} for j in found]
    app.out.emit(rows, lambda: rows_table(rows, _JOBS_COLUMNS, empty="no jobs"))


@click.command()
@click.argument("job_id", type=JOB_ID)
@common_options
def job(job_id: str) -> None:
    """One job's status (realtime, or history once it has left the realtime list)."""
    state = get_state()
    handle = state.client().job(job_id)
    data = status_data(handle, handle.status)
    state.out.emit(data, lambda: status_table(data) if data else None)


@click.command()
@click.argument("job_ids", nargs=-1, required=True, type=JOB_ID)
@common_options
def cancel(job_ids: tuple[str, ...]) -> None:
    """Cancel jobs. Exit status 3 when a scheduler reports a failure."""
    state = get_state()
    answers = state.client().cancel(list(job_ids))
    rows = [
        {"scheduler_id": sid, "ok": "fail" not in message.lower(), "message": message}
        for sid, message in answers.items()
    ]
    data = {"job_ids": list(job_ids), "results": rows}
    state.out.emit(
        data,
        lambda: rows_table(
            rows, [("SCHEDULER", "scheduler_id"), ("OK", "ok"), ("MESSAGE", "message")]
        ),
    )
    failed = [r for r in rows if not r["ok"]]
    if failed:
        raise CliError(
            f"cancel_jobs: scheduler {failed[0]['scheduler_id']} reports a failure: "
            f"{failed[0]['message']}",
            ExitCode.API,
        )


@click.command()
@click.option("--days", type=click.FloatRange(min=0, min_open=True), default=7, show_default=True,
              help="Jobs that ended in the last N days.")  # fmt: skip
@click.option("--start", help="Window start, 'yyyy-MM-dd HH:mm:ss' China time.")
@click.option("--end", help="Window end, 'yyyy-MM-dd HH:mm:ss' China time (default now).")
@click.option("--job-id", help="Only this job.")
@click.option("--state", type=click.Choice(_HISTORY_STATES), help="Only jobs in this state.")
@click.option("--queue", help="Only jobs in this queue.")
@click.option("--name", help="Only jobs whose name contains this.")
@click.option("--limit", type=click.IntRange(min=1), help="At most this many jobs.")
@click.option("--asc", is_flag=True, help="Oldest first.")
@click.option("--by-queue-time", is_flag=True, help="Window applies to queue time, not end.")
@click.option(
    "--all-regions",
    is_flag=True,
    help="Every region's finished jobs in one list (the platform's view, with core hours).",
)
@common_options
def history(
    days: float,
    start: str | None,
    end: str | None,
    job_id: str | None,
    state: str | None,
    queue: str | None,
    name: str | None,
    limit: int | None,
    asc: bool,
    by_queue_time: bool,
    all_regions: bool,
) -> None:
    """Finished jobs."""
    if all_regions:
        all_region_history(
            days=days, start=start, end=end, job_id=job_id, state=state, queue=queue,
            name=name, limit=limit, asc=asc, by_queue_time=by_queue_time,
        )  # fmt: skip
        return
    app = get_state()
    found = app.client().history(
        start_time=start,
        end_time=end,
        days=days,
        job_id=job_id,
        state=JobState(state) if state else None,
        queue=queue,
        name=name,
        by_queue_time=by_queue_time,
        sort="ASC" if asc else "DESC",
        limit=limit,
    )
    rows = [{**plain(j), "state": JobStatus.from_history_row(j).state.value} for j in found]
    app.out.emit(rows, lambda: rows_table(rows, _HISTORY_COLUMNS, empty="no jobs"))


@click.command()
@click.argument("job_id", required=False, type=JOB_ID)
@click.option("--stderr", "stream", flag_value="stderr", help="The error file instead.")
@click.option("--stdout", "stream", flag_value="stdout", default=True, hidden=True)
@click.option("--path", help="Read this file instead of a job's output.")
@common_options
def output(job_id: str | None, stream: str, path: str | None) -> None:
    """A job's output file (or any file with --path), read through the file API."""
    state = get_state()
    client = state.client()
    if (job_id is None) == (path is None):
        raise CliError("output needs a JOB_ID or --path (not both)")
    if path is not None:
        text = client.read_text(path)
        data = {"job_id": None, "stream": None, "path": path, "text": text}
    else:
        assert job_id is not None
        handle = client.job(job_id)
        text = handle.output("stderr" if stream == "stderr" else "stdout")
        data = {"job_id": handle.id, "stream": stream, "path": None, "text": text}
    state.out.emit(data, lambda: text)
