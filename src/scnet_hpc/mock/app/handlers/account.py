"""The platform user and groups: password sign-in, the user's profile, group members.

Groups are the deployment's: a user may belong to one (``group_id``) and manage it
(``group_admin``); a manager sees the members of the group and their jobs (``_platform_job_ops``).
"""

from __future__ import annotations

import hmac
from typing import Any

from ...deployment.model import RegionAccount, UserSpec
from ..context import Ctx
from ..errors import FROZEN, NO_ACCESS, ApiError

__all__ = ["ACCOUNT_HANDLERS", "group_members", "managed_group"]


def _same(secret: str, given: str) -> bool:
    """Constant-time comparison that also takes non-ASCII text (and never matches "")."""
    return bool(secret) and hmac.compare_digest(secret.encode(), given.encode())


def issue_tokens_password(ctx: Ctx) -> Any:
    p = ctx.params
    user = ctx.state.deployment.user(p["user"])
    if user is None or not (_same(user.password, p["password"]) and _same(user.org_id, p["orgId"])):
        raise ApiError(NO_ACCESS, "校验失败: wrong user, password or orgId")
    if user.frozen:
        raise ApiError(FROZEN, "用户已被冻结")
    return ctx.state.tokens.region_tokens(user)


def _home_account(user: UserSpec, region_id: int) -> RegionAccount | None:
    """The token's region account, or the user's first usable one (platform token)."""
    account = user.account_in(region_id)
    if account is not None:
        return account
    return next((a for a in user.regions if not a.stopped), None)


def get_user(ctx: Ctx) -> Any:
    assert ctx.identity is not None
    user = ctx.identity.user
    account = _home_account(user, ctx.identity.region_id)
    region = ctx.state.deployment.region(account.region_id) if account else None
    return {
        "country": "China",
        "timeZone": "(UTC+0800) China Standard Time",
        "language": "zh_CN",
        "userName": user.name,
        "fullName": user.full_name,
        "address": "",
        "accountStatus": user.account_status,
        "accountName": account.account if account else user.name,
        "accountBalance": "0.00",
        "computerCenter": region.name if region else "",
    }


def managed_group(user: UserSpec) -> int | None:
    return user.group_id if user.group_admin else None


def group_members(ctx: Ctx, group_id: int) -> list[UserSpec]:
    return [u for u in ctx.state.deployment.users if u.group_id == group_id]


def list_group_members(ctx: Ctx) -> Any:
    assert ctx.identity is not None
    group_id = managed_group(ctx.identity.user)
    if group_id is None:
        return []  # manages no group
    return [
        {
            "groupId": group_id,
            "userName": member.name,
            "clusterId": account.region_id,
            "clusterUserName": account.cluster_user,
        }
        for member in group_members(ctx, group_id)
        for account in member.regions
        if not account.stopped
    ]


ACCOUNT_HANDLERS = {
    "issue_tokens_password": issue_tokens_password,
    "get_user": get_user,
    "list_group_members": list_group_members,
}
