"""Core statistics of a region: cores used, free and unavailable, from the engine's own state."""

from __future__ import annotations

from typing import Any

from ..context import Ctx

__all__ = ["CORE_HANDLERS"]

#: The labels live regions send (i18n keys; the docs show 已使用 / 未使用 / 不可用).
USED, FREE, UNAVAILABLE = "jobview_used_label", "jobview_unused_label", "jobview_unavailable_label"


def get_core_state_stats(ctx: Ctx) -> Any:
    """Every node counted once, in the first queue that lists it (queues may share nodes)."""
    assert ctx.region is not None
    counts = {USED: 0, FREE: 0, UNAVAILABLE: 0}
    seen: set[tuple[int, str]] = set()
    for sched in ctx.region.schedulers:
        for queue in ctx.state.engine.queues(sched.id):
            new = [n for n in queue.nodes if (sched.id, n) not in seen]
            if not new:
                continue
            seen.update((sched.id, n) for n in new)
            cores = len(new) * queue.cores_per_node
            if not queue.enabled:
                counts[UNAVAILABLE] += cores
                continue
            free = min(queue.free_cores, cores)
            counts[FREE] += free
            counts[USED] += cores - free
    return [{"name": name, "y": n} for name, n in counts.items()]


CORE_HANDLERS = {"get_core_state_stats": get_core_state_stats}
