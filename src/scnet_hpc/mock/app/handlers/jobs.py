"""Job operations: submit, realtime and history lists and details, cancel, file content.

A caller sees and touches only their own jobs (the token's cluster user), as on a real
cluster account. Lists are newest first unless a history ``sort``/``orderBy`` says otherwise.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from ...clock import china_time, parse_china_time
from ...engines.base import InvalidJobRequest, JobRecord, SubmitRejected
from .. import render
from ..context import Ctx, page
from ..errors import INTERNAL, ApiError, invalid, missing
from ..leniency import jackson_text
from .platform_jobs import charge_rate
from .submit import job_request

__all__ = ["JOB_HANDLERS"]

_DENIED = "Access/permission denied"


def _job_order(rec: JobRecord) -> tuple[int, str]:
    return (int(rec.job_id), "") if rec.job_id.isdigit() else (-1, rec.job_id)


def submit_job(ctx: Ctx) -> Any:
    body = ctx.body
    sched = ctx.scheduler(body["strJobManagerID"], "strJobManagerID")
    request = job_request(
        ctx.params["apptype"],
        ctx.params["appname"],
        {
            k: jackson_text(v) for k, v in body["mapAppJobInfo"].items()
        },  # Jackson's Map<String,String>
        user=ctx.me,
        account=ctx.account.account,
        arrays=getattr(ctx.state.engine, "supports_arrays", False),
    )
    try:
        if not ctx.queue_allowed(request.queue):
            raise SubmitRejected(
                "sbatch: error: Batch job submission failed: "
                "Invalid account or account/partition combination specified"
            )
        return ctx.state.engine.submit(sched.id, request)
    except InvalidJobRequest as bad:
        raise invalid(f"mapAppJobInfo.{bad.field}", bad.why) from None
    except SubmitRejected as rejected:
        # Live: the scheduler's stderr, verbatim, behind this prefix; code 10001.
        raise ApiError(INTERNAL, f"exitcode:1, errorinfo: {rejected.message}") from None


def list_jobs(ctx: Ctx) -> Any:
    p = ctx.params
    sched = ctx.scheduler(p["strClusterIDList"], "strClusterIDList")
    filters: list[Callable[[JobRecord], bool]] = []
    if "strJobOwner" in p:
        filters.append(lambda r: r.user == p["strJobOwner"])
    if "strJobName" in p:
        filters.append(lambda r: p["strJobName"] in r.name)
    if "strJobId" in p:
        filters.append(lambda r: r.job_id == p["strJobId"])
    if "strQueueName" in p:
        filters.append(lambda r: r.queue == p["strQueueName"])
    if "strJobStat" in p:
        filters.append(lambda r: render.realtime_status(r) == p["strJobStat"])
    if "strJobId" in p:  # one job (what polling asks): look it up, not through every job
        found = ctx.state.engine.realtime_job(sched.id, p["strJobId"])
        mine: Sequence[JobRecord] = [found] if found is not None and found.user == ctx.me else []
    else:
        mine = ctx.state.engine.realtime_jobs(sched.id, user=ctx.me)
    jobs = [r for r in mine if all(f(r) for f in filters)] if filters else list(mine)
    jobs.sort(key=_job_order, reverse=True)
    chosen = page(jobs, p.get("start"), p.get("limit"))
    now = ctx.now
    chosen["list"] = [render.realtime_row(r, now, sched.name) for r in chosen["list"]]
    return chosen


def get_job(ctx: Ctx) -> Any:
    assert ctx.region is not None
    job_id = ctx.params["jobId"]
    for sched in ctx.region.schedulers:
        rec = ctx.state.engine.realtime_job(sched.id, job_id)
        if rec is not None and rec.user == ctx.me:
            return render.realtime_detail(rec, ctx.now, sched.name, sched.type)
    return None  # live: an unknown (or departed) job is code "0" with data null


def cancel_jobs(ctx: Ctx) -> Any:
    form = ctx.body or {}
    for name in ("jobMethod", "strJobInfoMap"):  # from the form or the query string
        if name not in form:
            raise missing(name)
    groups: dict[str, list[tuple[str, str]]] = {}
    for entry in form["strJobInfoMap"].split(";"):
        if entry:
            sched_id, rest = entry.split(",", 1)
            user, job_id = rest.split(":")[:2]
            groups.setdefault(sched_id, []).append((user, job_id))
    answer: dict[str, str] = {}
    for sched_id, jobs in groups.items():
        sched = ctx.scheduler(sched_id, "strJobInfoMap")
        mine = [job_id for user, job_id in jobs if user == ctx.me]
        outcomes = {o.job_id: o for o in ctx.state.engine.cancel(sched.id, ctx.me, mine)}
        done, failed, errors = [], [], []
        for user, job_id in jobs:
            outcome = outcomes.get(job_id) if user == ctx.me else None
            if outcome is not None and outcome.ok:
                done.append(f"{user}:{job_id}:")
            else:
                failed.append(f"{user}:{job_id}:")
                errors.append(
                    outcome.message
                    if outcome is not None
                    else f"scancel: error: Kill job error on job id {job_id}: {_DENIED}"
                )
        parts = [f"jobManagerId : {sched.id}"]
        if done:
            parts.append(f"delete the jobs [{''.join(done)}] successfully!")
        if failed:
            parts.append(
                f"delete the jobs [{''.join(failed)}] failed! errorinfo: {'; '.join(errors)}"
            )
        answer[str(sched.id)] = ", ".join(parts)
    return answer


def _history_filters(ctx: Ctx) -> list[Callable[[JobRecord], bool]]:
    p = ctx.params
    try:
        begin = parse_china_time(p["startTime"])
        end = parse_china_time(p["endTime"])
    except ValueError:
        raise invalid("startTime/endTime", "not a real date and time") from None
    if begin > end:
        raise invalid("startTime/endTime", "startTime is after endTime")

    def when(r: JobRecord) -> float:
        return float(r.submit_time if p["isQueryByQueueTime"] else (r.end_time or 0))

    filters: list[Callable[[JobRecord], bool]] = [lambda r: begin <= when(r) <= end]
    if "queue" in p:
        filters.append(lambda r: r.queue == p["queue"])
    if "appType" in p:
        filters.append(lambda r: r.app_name == p["appType"])
    if "jobId" in p:
        filters.append(lambda r: r.job_id == p["jobId"])
    if "jobState" in p:
        filters.append(lambda r: render.history_state(r) == p["jobState"])
    if "hostName" in p:
        filters.append(lambda r: p["hostName"] in r.nodes)
    if "strUser" in p:
        filters.append(lambda r: r.user == p["strUser"])
    if "jobName" in p:
        filters.append(lambda r: p["jobName"] in r.name)
    return filters


def list_history_jobs(ctx: Ctx) -> Any:
    p = ctx.params
    sched = ctx.scheduler(p["strClusterNameList"], "strClusterNameList")
    order_by = p.get("orderBy", "jobEndTime")
    if order_by not in render.HISTORY_FIELDS:
        names = ", ".join(sorted(render.HISTORY_FIELDS))
        raise invalid("orderBy", f"must be a history field: {names}")
    filters = _history_filters(ctx)
    if "jobId" in p:  # one job (what polling asks): look it up, not through every job
        found = ctx.state.engine.history_job(sched.id, p["jobId"])
        mine: Sequence[JobRecord] = [found] if found is not None and found.user == ctx.me else []
    else:
        mine = ctx.state.engine.history_jobs(sched.id, user=ctx.me)
    records = sorted((r for r in mine if all(f(r) for f in filters)), key=_job_order)
    records.sort(key=render.history_order(order_by), reverse=p.get("sort", "DESC") == "DESC")
    chosen = page(records, p["start"], p["limit"])  # only the page is written out
    chosen["list"] = [render.history_row(r) for r in chosen["list"]]
    return chosen


def get_history_job(ctx: Ctx) -> Any:
    p = ctx.params
    sched = ctx.scheduler(p["jobmanagerId"], "jobmanagerId")
    day = None
    if "acctTime" in p:
        text = p["acctTime"].strip().replace("T", " ")[:19]
        try:
            day = china_time(parse_china_time(text))[:10]
        except ValueError:
            raise invalid(
                "acctTime", "must be yyyy-MM-dd HH:mm:ss as the history list gives it"
            ) from None
    rec = ctx.state.engine.history_job(sched.id, p["jobId"])
    if rec is None or rec.user != ctx.me:
        return None
    if day is not None and china_time(rec.end_time)[:10] != day:
        return None  # the accounting partition of that day does not hold the job
    rate = charge_rate(ctx.state.engine, sched.id, rec.queue)
    return render.history_detail(rec, sched.name, rate)


def read_file_content(ctx: Ctx) -> Any:
    assert ctx.region is not None
    form = ctx.body
    from_end = form["rollDirection"] == "UP"
    result = None
    for sched in ctx.region.schedulers:
        result = ctx.state.engine.read_file(
            sched.id, ctx.me, form["dirPath"], page=form["triggerNum"], from_end=from_end
        )
        if result.exists:
            break
    assert result is not None
    return {
        "data": result.text,
        "allLineTotal": result.total_lines,
        "totalTriggerTimes": result.total_pages,
        "success": "true",
        "errmsg": "",
    }


JOB_HANDLERS = {
    "submit_job": submit_job,
    "list_jobs": list_jobs,
    "get_job": get_job,
    "cancel_jobs": cancel_jobs,
    "list_history_jobs": list_history_jobs,
    "get_history_job": get_history_job,
    "read_file_content": read_file_content,
}
