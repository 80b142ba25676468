"""A deployment account in the engines' terms: its limits and its storage, the same for every
engine (each engine only says how much machine time and disk the user has used)."""

from __future__ import annotations

from collections.abc import Callable

from ..engines.base import StorageInfo, UserLimits
from .model import RegionAccount

__all__ = ["account_limits", "account_storage"]


def account_limits(
    account: RegionAccount | None, user: str, used_core_seconds: Callable[[], float]
) -> UserLimits:
    """``user``'s limits; the machine-time budget less ``used_core_seconds()`` (asked only when
    the account has a budget). An unknown user has no limits."""
    if account is None:
        return UserLimits(user=user, account=user)
    lim = account.limits
    remaining = -1
    if lim.machine_time >= 0:
        remaining = max(0, lim.machine_time - int(used_core_seconds()))
    return UserLimits(
        user=user,
        account=account.account,
        max_cpu=lim.max_cpu,
        max_gpu=lim.max_gpu,
        max_dcu=lim.max_dcu,
        max_mlu=lim.max_mlu,
        max_mem_mb=lim.max_mem_mb,
        max_nodes=lim.max_nodes,
        max_submit_jobs=lim.max_submit_jobs,
        max_running_jobs=lim.max_running_jobs,
        account_max_cpu=lim.account_max_cpu,
        account_max_gpu=lim.account_max_gpu,
        account_max_dcu=lim.account_max_dcu,
        account_max_nodes=lim.account_max_nodes,
        remaining_core_seconds=remaining,
    )


def account_storage(account: RegionAccount | None, written_bytes: float) -> list[StorageInfo]:
    """The home's quota, its usage from the deployment plus what the user's jobs wrote."""
    if account is None:
        return []
    return [
        StorageInfo(
            path=account.home,
            quota_gb=account.storage.quota_gb,
            used_gb=round(account.storage.used_gb + written_bytes / 1024**3, 4),
            quota_id=100000 + account.region_id % 100000,
        )
    ]
