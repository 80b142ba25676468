"""What a handler gets: the validated call, who makes it, in which region, and shared checks."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from starlette.requests import Request
from starlette.types import Scope

from ..deployment.model import RegionAccount, RegionSpec, SchedulerSpec
from .errors import NO_ACCESS, ApiError, invalid
from .spec import Operation
from .state import MockState
from .tokens import Identity

__all__ = ["Ctx", "page"]


@dataclass(frozen=True)
class Ctx:
    state: MockState
    op: Operation
    params: dict[str, Any]
    body: Any
    scope: Scope = field(repr=False)  # the ASGI scope of the request
    region: RegionSpec | None  # the region whose job API was called (None: platform calls)
    identity: Identity | None  # None only for issue_tokens

    @property
    def base_url(self) -> str:
        """scheme://host[:port][root_path] of this request, no trailing slash (worked out only
        by the operations that hand out URLs)."""
        return str(Request(self.scope).base_url).rstrip("/")

    @property
    def now(self) -> float:
        return self.state.clock.now()

    @property
    def account(self) -> RegionAccount:
        """The caller's account in the called region (job calls only)."""
        assert self.identity is not None
        assert self.identity.account is not None
        return self.identity.account

    @property
    def me(self) -> str:
        return self.account.cluster_user

    def scheduler(self, scheduler_id: Any, name: str) -> SchedulerSpec:
        """The region's scheduler with this id, or 10004 naming the parameter."""
        assert self.region is not None
        for sched in self.region.schedulers:
            if str(sched.id) == str(scheduler_id):
                return sched
        raise invalid(name, f"{scheduler_id} is not a scheduler of this region")

    def require_self(self, user: str, name: str) -> None:
        """Per-user data is only served to that user (the caller's cluster user)."""
        if user != self.me:
            raise ApiError(NO_ACCESS, f"没有权限访问接口: {name} {user!r} is not the caller")

    def queue_allowed(self, queue: str) -> bool:
        allowed = self.account.queues
        return allowed is None or queue in allowed


def page(rows: list[Any], start: int | None, limit: int | None) -> dict[str, Any]:
    """``{total, list}`` for rows ``[start, start+limit)``; no ``limit`` means all of them."""
    begin = start or 0
    chosen = rows[begin:] if limit is None else rows[begin : begin + limit]
    return {"total": len(rows), "list": chosen}
