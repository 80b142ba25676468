"""The platform's job views across regions: the realtime and history page-lists, a member's jobs.

These live on the platform host and take the platform (or any region) token of the caller; they
gather the caller's jobs from every region where the caller has a usable account (and, with
``showGroupJobs``, those of the members of the group the caller manages). Rows are the
per-region rows (``app.render``) in the platform's naming, so both views always agree.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from typing import Any

from ...clock import china_time, parse_china_time
from ...deployment.model import RegionAccount, RegionSpec, SchedulerSpec, UserSpec
from ...engines.base import Engine, JobRecord
from .. import render
from ..context import Ctx
from ..errors import NO_ACCESS, ApiError, invalid
from .account import group_members, managed_group

__all__ = ["PLATFORM_JOB_HANDLERS", "charge_rate"]

_WEEK_DAYS = 7  # live: without a window the lists cover the last 7 days from 00:00:00


def _newest_first(rec: JobRecord) -> tuple[int, int, str]:
    number = int(rec.job_id) if rec.job_id.isdigit() else -1
    return (-rec.submit_time, -number, rec.job_id)


def charge_rate(engine: Engine, scheduler_id: int, queue: str) -> str:
    """The queue's charge rate (what the accounting record keeps as ``historyQueuerate``)."""
    return next((q.charge_rate for q in engine.queues(scheduler_id) if q.name == queue), "1.0")


Place = tuple[RegionSpec, SchedulerSpec, RegionAccount]


def _places(ctx: Ctx, users: list[UserSpec]) -> Iterator[Place]:
    for user in users:
        for account in user.regions:
            region = ctx.state.deployment.region(account.region_id)
            if region is not None and not account.stopped:
                for sched in region.schedulers:
                    yield region, sched, account


def _member_job(rec: JobRecord, row: dict[str, Any]) -> dict[str, Any]:
    """The platform's internal naming of a realtime job (also the member-jobs answer)."""
    return {
        "id": rec.job_id,
        "name": rec.name,
        "status": row["jobStatus"],
        "nodeNumReq": rec.num_nodes,
        "cpuCore": row["procNumUsed"],
        "procNumReq": rec.num_cores,
        "gpuNumReq": rec.gpus_per_node * rec.num_nodes,
        "dcuNumReq": rec.dcus_per_node * rec.num_nodes,
        "queue": rec.queue,
        "owner": rec.user,
        "startTime": row["jobStartTime"] or None,
    }


def _platform_job(ctx: Ctx, place: Place, rec: JobRecord, all_data: bool) -> dict[str, Any]:
    region, sched, _ = place
    row = render.realtime_row(rec, ctx.now, sched.name)
    started = rec.start_time is not None
    job = {
        "clusterId": region.id,
        "clusterName": region.name,
        "jobId": rec.job_id,
        "jobName": rec.name,
        "jobManagerId": str(sched.id),  # a string on this list (live)
        "jobManagerName": sched.name,
        "jobManagerType": sched.type,
        "clusterUserName": rec.user,
        "queue": rec.queue,
        "jobStartTime": row["jobStartTime"],
        "appType": rec.app_name,
        "jobState": row["jobStatus"],
        "priority": "0",
        "jobRunTime": row["jobRunTime"],
        "jobVncSessionInfo": None,
        "nodeUsed": row["nodeUsed"],
        "workDir": rec.work_dir,
        "outputPath": rec.stdout_path,
        "errorPath": rec.stderr_path,
        "reason": row["reason"],
        "requeue": "0",
        "wallTimeReq": row["walltimeReq"],
        "jobQueueTime": row["jobSubmitTime"],
        "taskType": "HPC",
        "tags": None,
        "nodeNumUsed": rec.num_nodes if started else 0,
        "procNumUsed": row["procNumUsed"],
        "dcuNumUsed": rec.dcus_per_node * rec.num_nodes if started else 0,
        "gpuNumUsed": rec.gpus_per_node * rec.num_nodes if started else 0,
        "jobQueueTimeUsed": int(max(0, (rec.start_time or ctx.now) - rec.submit_time)),
    }
    if all_data:
        attr = row["jobInitAttr"]
        job.update(_member_job(rec, row))
        job.update(
            managerId=str(sched.id),
            managerName=sched.name,
            managerType=sched.type,
            ctime=row["jobSubmitTime"],
            qtime=row["jobSubmitTime"],
            etime=china_time(rec.end_time) if rec.finished else None,
            wallTime=row["jobRunTime"],
            cpuTime="",
            memUsed=None,
            vmemUsed=None,
            vncSessionInfo=None,
            execGpus=None,
            software=None,
            gpuNum=rec.gpus_per_node * rec.num_nodes,
            exitCode="",
            modifyTime=None,
            execHost=row["nodeUsed"],
            outPath=rec.stdout_path,
            initContentAttr=json.dumps(
                {"JobState": attr["JobState"], "StartTime": attr["StartTime"], "Requeue": "0"},
                separators=(",", ":"),
            ),
            timeStamp=None,
        )
    return job


def _history_job(ctx: Ctx, place: Place, rec: JobRecord) -> dict[str, Any]:
    region, sched, _ = place
    rate = charge_rate(ctx.state.engine, sched.id, rec.queue)
    job = render.history_detail(rec, sched.name, rate)
    end = rec.end_time or rec.submit_time
    job.update(
        clusterId=region.id,
        clusterName=region.name,
        clusterUserName=rec.user,
        account=rec.account,
        # live: ISO in UTC on this list, not the per-region China-time text
        acctTime=datetime.fromtimestamp(end, UTC).strftime("%Y-%m-%dT%H:%M:%S.000+0000"),
    )
    return job


def _window(ctx: Ctx) -> tuple[float, float]:
    body = ctx.body
    now = ctx.now
    today = parse_china_time(china_time(now)[:10] + " 00:00:00")
    try:
        begin = parse_china_time(body["startTime"]) if body.get("startTime") else None
        end = parse_china_time(body["endTime"]) if body.get("endTime") else None
    except ValueError:
        raise invalid("startTime/endTime", "not a real date and time") from None
    begin = today - _WEEK_DAYS * 86400 if begin is None else begin
    end = now if end is None else end
    if begin > end:
        raise invalid("startTime/endTime", "startTime is after endTime")
    return begin, end


def _users(ctx: Ctx) -> list[UserSpec]:
    assert ctx.identity is not None
    me = ctx.identity.user
    group = managed_group(me)
    if ctx.body.get("showGroupJobs") and group is not None:
        return group_members(ctx, group)
    return [me]


def _page(ctx: Ctx, rows: list[dict[str, Any]]) -> dict[str, Any]:
    page = int(ctx.body.get("page", 1))  # a digit string is a number to Jackson
    size = int(ctx.body.get("size", 10))
    chosen = rows[(page - 1) * size : page * size]
    return {"total": len(rows), "pages": math.ceil(len(rows) / size), "records": chosen}


def _collect(
    ctx: Ctx,
    fetch: Callable[[SchedulerSpec, str], list[JobRecord]],
    state: Callable[[JobRecord], str],
    when: Callable[[JobRecord], float],
) -> list[tuple[Place, JobRecord]]:
    body = ctx.body
    region_id = str(body.get("clusterId", ""))
    begin, end = _window(ctx)
    found: list[tuple[Place, JobRecord]] = []
    for place in _places(ctx, _users(ctx)):
        region, sched, account = place
        if region_id and region_id != str(region.id):
            continue
        if body.get("clusterUserName") and body["clusterUserName"] != account.cluster_user:
            continue
        for rec in fetch(sched, account.cluster_user):
            if (
                begin <= when(rec) <= end
                and body.get("queue", "") in ("", rec.queue)
                and body.get("jobState", "") in ("", state(rec))
                and body.get("jobId", "") in ("", rec.job_id)
            ):
                found.append((place, rec))
    found.sort(key=lambda item: _newest_first(item[1]))
    return found


def list_platform_jobs(ctx: Ctx) -> Any:
    engine = ctx.state.engine
    found = _collect(
        ctx,
        lambda sched, user: list(engine.realtime_jobs(sched.id, user=user)),
        render.realtime_status,
        lambda rec: rec.submit_time,
    )
    all_data = bool(ctx.body.get("showAllData"))
    return _page(ctx, [_platform_job(ctx, place, rec, all_data) for place, rec in found])


def list_platform_history_jobs(ctx: Ctx) -> Any:
    engine = ctx.state.engine
    found = _collect(
        ctx,
        lambda sched, user: list(engine.history_jobs(sched.id, user=user)),
        render.history_state,
        lambda rec: rec.end_time or 0,
    )
    return _page(ctx, [_history_job(ctx, place, rec) for place, rec in found])


def list_member_jobs(ctx: Ctx) -> Any:
    assert ctx.identity is not None
    me, p = ctx.identity.user, ctx.params
    manages = managed_group(me) == p["groupId"]
    mine = me.group_id == p["groupId"] and any(
        a.region_id == p["clusterId"] and a.cluster_user == p["clusterUserName"] for a in me.regions
    )
    if not (manages or mine):
        raise ApiError(NO_ACCESS, "没有权限访问接口: the caller does not manage this group")
    region = ctx.state.deployment.region(p["clusterId"])
    if region is None:
        raise invalid("clusterId", f"{p['clusterId']} is not a region")
    found = ctx.state.deployment.account_of_cluster_user(region.id, p["clusterUserName"])
    if found is None or found[0].group_id != p["groupId"]:
        raise invalid("clusterUserName", "is not a member of this group in this region")
    jobs = [
        rec
        for sched in region.schedulers
        for rec in ctx.state.engine.realtime_jobs(sched.id, user=found[1].cluster_user)
    ]
    jobs.sort(key=_newest_first)
    return [_member_job(rec, render.realtime_row(rec, ctx.now, "")) for rec in jobs]


PLATFORM_JOB_HANDLERS = {
    "list_platform_jobs": list_platform_jobs,
    "list_platform_history_jobs": list_platform_history_jobs,
    "list_member_jobs": list_member_jobs,
}
