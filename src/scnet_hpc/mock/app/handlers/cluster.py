"""Cluster information and statistics: schedulers, queues, limits, counts, machine time, storage.

Every number here is derived from the engine's current state, so the statistics agree with the
job lists: the job-state counts add up to the caller's realtime list, the queue counts to its
running and queued jobs, the used machine time to the history rows' core-seconds.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from ...engines.base import JobRecord
from .. import render
from ..context import Ctx

__all__ = ["CLUSTER_HANDLERS"]

_STATE_NAMES = (
    ("jobview_status_run", {"statR"}),
    ("jobview_status_queue", {"statQ"}),
    ("jobview_status_reserve", {"statH"}),
    ("jobview_status_hung", {"statS"}),
)


def list_clusters(ctx: Ctx) -> Any:
    assert ctx.region is not None
    owned = {s.id for s in ctx.region.schedulers}
    return [
        {
            "JobManagerType": s.type,
            "JobManagerAddr": s.address,
            "id": s.id,
            "text": s.name,
            "JobManagerPort": s.port,
        }
        for s in ctx.state.engine.schedulers()
        if s.id in owned
    ]


def list_user_queues(ctx: Ctx) -> Any:
    ctx.require_self(ctx.params["username"], "username")
    sched = ctx.scheduler(ctx.params["strJobManagerID"], "strJobManagerID")
    return [
        render.queue_row(q) for q in ctx.state.engine.queues(sched.id) if ctx.queue_allowed(q.name)
    ]


def list_queue_details(ctx: Ctx) -> Any:
    sched = ctx.scheduler(ctx.params["strJobManagerID"], "strJobManagerID")
    return [
        render.queue_detail(q)
        for q in ctx.state.engine.queues(sched.id)
        if ctx.queue_allowed(q.name)
    ]


def get_user_limits(ctx: Ctx) -> Any:
    sched = ctx.scheduler(ctx.params["strJobManagerID"], "strJobManagerID")
    return render.user_limit(ctx.state.engine.user_limits(sched.id, ctx.me))


def _my_realtime_jobs(ctx: Ctx) -> list[JobRecord]:
    assert ctx.region is not None
    return [
        r
        for sched in ctx.region.schedulers
        for r in ctx.state.engine.realtime_jobs(sched.id, user=ctx.me)
    ]


def get_job_state_stats(ctx: Ctx) -> Any:
    ctx.require_self(ctx.params["userName"], "userName")
    codes = Counter(render.realtime_status(r) for r in _my_realtime_jobs(ctx))
    counts = [(name, sum(codes[c] for c in members)) for name, members in _STATE_NAMES]
    counts.append(("jobview_status_other", codes.total() - sum(n for _, n in counts)))
    rows = [{"name": name, "y": n} for name, n in counts]
    return rows


def get_queue_job_stats(ctx: Ctx) -> Any:
    ctx.require_self(ctx.params["userName"], "userName")
    per_queue: dict[str, Counter[str]] = {}
    for r in _my_realtime_jobs(ctx):
        letter = {"statR": "R", "statQ": "Q"}.get(render.realtime_status(r))
        if letter:
            per_queue.setdefault(r.queue, Counter())[letter] += 1
    if not per_queue:
        return None  # documented: null when none of the queues has jobs
    return [
        {"name": queue, "values": [{"metricName": m, "metricValue": counts[m]} for m in ("R", "Q")]}
        for queue, counts in sorted(per_queue.items())
    ]


def get_used_walltime(ctx: Ctx) -> Any:
    assert ctx.region is not None
    ctx.require_self(ctx.params["username"], "username")
    used = sum(ctx.state.engine.used_core_seconds(s.id, ctx.me) for s in ctx.region.schedulers)
    return int(used) if float(used).is_integer() else used


def get_storage_quota(ctx: Ctx) -> Any:
    assert ctx.region is not None
    ctx.require_self(ctx.params["username"], "username")
    sched = ctx.region.schedulers[0]
    return [
        {
            "quotaId": s.quota_id,
            "username": "",
            "path": s.path,
            "threshold": s.quota_gb,
            "usage": s.used_gb,
        }
        for s in ctx.state.engine.storage(sched.id, ctx.me)
    ]


CLUSTER_HANDLERS = {
    "list_clusters": list_clusters,
    "list_user_queues": list_user_queues,
    "list_queue_details": list_queue_details,
    "get_user_limits": get_user_limits,
    "get_job_state_stats": get_job_state_stats,
    "get_queue_job_stats": get_queue_job_stats,
    "get_used_walltime": get_used_walltime,
    "get_storage_quota": get_storage_quota,
}
