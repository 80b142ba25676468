"""The platform's views across regions, and the region's core counts, as plans for ``Core``.

The platform (``www.scnet.cn``) answers for the user as a whole: who they are (``get_user``),
the members of the groups they manage and those members' jobs, and one job list across all
regions (``jobs/monitor/page-list``, ``jobs/history/page-list``; public clients of the live
service call these with the platform token, ``clusterId`` ``"0"`` of the sign-in, so that is
the token they get here when the client holds one). Their pages come in ``records`` (live) or
``list`` (the platform's own docs); both are read.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from scnet_hpc_api.models import (
    CoreStateCount,
    PlatformHistoryJobPage,
    PlatformJobPage,
    PlatformJobQuery,
)
from scnet_hpc_api.types import Unset

from ._operations import Operation
from ._options import Options
from ._plans import Plan
from ._request import TokenSource, request

__all__ = ["CoreState", "core_state", "platform_pages"]

#: Core-state labels: Chinese in the vendor's docs, i18n keys on live regions.
_CORE_LABELS = {
    "已使用": "used",
    "jobview_used_label": "used",
    "未使用": "free",
    "jobview_unused_label": "free",
    "不可用": "unavailable",
    "jobview_unavailable_label": "unavailable",
}


@dataclass(frozen=True)
class CoreState:
    """The region's CPU cores by state (``get_core_state_stats``).

    ``other`` keeps counts under labels this SDK does not know, so nothing the service sends
    is dropped; ``counts`` is the answer as sent.
    """

    used: int = 0
    free: int = 0
    unavailable: int = 0
    other: dict[str, int] = field(default_factory=dict)
    counts: tuple[CoreStateCount, ...] = ()

    @property
    def total(self) -> int:
        return self.used + self.free + self.unavailable + sum(self.other.values())


def core_state(counts: list[CoreStateCount]) -> CoreState:
    known = {"used": 0, "free": 0, "unavailable": 0}
    other: dict[str, int] = {}
    for count in counts:
        slot = _CORE_LABELS.get(count.name.strip())
        if slot is None:
            other[count.name] = other.get(count.name, 0) + count.y
        else:
            known[slot] += count.y
    return CoreState(**known, other=other, counts=tuple(counts))


def platform_pages(
    source: TokenSource,
    options: Options,
    operation: Operation,
    build: Callable[[PlatformJobQuery], dict[str, Any]],
    query: Callable[[int, int], PlatformJobQuery],
    limit: int | None,
    page_size: int,
) -> Plan[list[Any]]:
    """Every row of a platform list, page by page (``query(page, size)`` makes each body)."""
    rows: list[Any] = []
    page_number = 1
    while limit is None or len(rows) < limit:
        body = query(page_number, page_size)
        page: PlatformJobPage | PlatformHistoryJobPage = yield from request(
            source, options, operation, functools.partial(build, body)
        )
        batch = _rows(page)
        rows += batch
        if len(batch) < page_size or len(rows) >= page.total or not batch:
            break
        page_number += 1
    return rows if limit is None else rows[:limit]


def _rows(page: PlatformJobPage | PlatformHistoryJobPage) -> list[Any]:
    for rows in (page.records, page.list_):
        if rows is not None and not isinstance(rows, Unset):
            return list(rows)
    return []
