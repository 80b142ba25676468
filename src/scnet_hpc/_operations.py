"""What the choke point needs to know about each operation of openapi.yaml.

``host`` says which base URL serves it (token issuance, the platform, or the region's HPC
gateway); ``retryable`` says whether repeating it can do harm. Submit and cancel change the
cluster and have no idempotency key, so they are never repeated automatically; renewal is not
repeated either (a failed renewal falls back to signing in). Reading a file is a POST but only
reads. Token issuance is repeated on transient failures: every attempt is signed afresh and a
second set of tokens harms nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal, Protocol

from scnet_hpc_api.models import (
    CancelJobsEnvelope,
    CenterEnvelope,
    ClusterListEnvelope,
    FileContentEnvelope,
    HistoryJobDetailEnvelope,
    HistoryJobListEnvelope,
    JobStateStatsEnvelope,
    QueueDetailListEnvelope,
    QueueJobStatsEnvelope,
    QueueListEnvelope,
    RealtimeJobDetailEnvelope,
    RealtimeJobListEnvelope,
    StorageQuotaEnvelope,
    SubmitJobEnvelope,
    TokenListEnvelope,
    TokenRenewEnvelope,
    TokenStateEnvelope,
    UsedWalltimeEnvelope,
    UserLimitEnvelope,
)

__all__ = ["OPERATIONS", "Host", "Operation"]

Host = Literal["auth", "platform", "hpc"]


class Envelope(Protocol):
    """What every generated success envelope offers."""

    data: Any

    @classmethod
    def from_dict(cls, src_dict: Any) -> Any: ...


@dataclass(frozen=True)
class Operation:
    id: str
    envelope: type[Envelope]
    host: Host
    retryable: bool
    authenticated: bool = True


def _op(
    op_id: str, envelope: Any, host: Host, *, retryable: bool = True, authenticated: bool = True
) -> tuple[str, Operation]:
    return op_id, Operation(op_id, envelope, host, retryable, authenticated)


OPERATIONS: dict[str, Operation] = dict(
    [
        _op("issue_tokens", TokenListEnvelope, "auth", authenticated=False),
        _op("get_center", CenterEnvelope, "platform"),
        _op("get_token_state", TokenStateEnvelope, "platform"),
        _op("renew_token", TokenRenewEnvelope, "platform", retryable=False),
        _op("list_clusters", ClusterListEnvelope, "hpc"),
        _op("list_user_queues", QueueListEnvelope, "hpc"),
        _op("list_queue_details", QueueDetailListEnvelope, "hpc"),
        _op("get_user_limits", UserLimitEnvelope, "hpc"),
        _op("submit_job", SubmitJobEnvelope, "hpc", retryable=False),
        _op("list_jobs", RealtimeJobListEnvelope, "hpc"),
        _op("get_job", RealtimeJobDetailEnvelope, "hpc"),
        _op("cancel_jobs", CancelJobsEnvelope, "hpc", retryable=False),
        _op("list_history_jobs", HistoryJobListEnvelope, "hpc"),
        _op("get_history_job", HistoryJobDetailEnvelope, "hpc"),
        _op("read_file_content", FileContentEnvelope, "hpc"),
        _op("get_job_state_stats", JobStateStatsEnvelope, "hpc"),
        _op("get_queue_job_stats", QueueJobStatsEnvelope, "hpc"),
        _op("get_used_walltime", UsedWalltimeEnvelope, "hpc"),
        _op("get_storage_quota", StorageQuotaEnvelope, "hpc"),
    ]
)
