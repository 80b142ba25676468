"""What the choke point needs to know about each operation of openapi.yaml.

``host`` says which base URL serves it (token issuance, the platform, or the region's HPC
gateway); ``retryable`` says whether repeating it can do harm. Submit and cancel change the
cluster and have no idempotency key, so they are never repeated automatically; renewal is not
repeated either (a failed renewal falls back to signing in). Reading a file is a POST but only
reads. Token issuance is repeated on transient failures: every attempt is signed afresh and a
second set of tokens harms nothing.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Any, Literal, Protocol

from scnet_hpc_api.models import (
    AsyncTaskSubmitEnvelope,
    CancelJobsEnvelope,
    CenterEnvelope,
    ClusterListEnvelope,
    CoreStateStatsEnvelope,
    FileContentEnvelope,
    FileExistEnvelope,
    FileListEnvelope,
    FileNullEnvelope,
    FileOkEnvelope,
    FilePermissionEnvelope,
    FilePreviewEnvelope,
    FileTaskListEnvelope,
    GroupMemberListEnvelope,
    HistoryJobDetailEnvelope,
    HistoryJobListEnvelope,
    JobStateStatsEnvelope,
    MemberJobListEnvelope,
    PlatformHistoryJobPageEnvelope,
    PlatformJobPageEnvelope,
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
    UserInfoEnvelope,
    UserLimitEnvelope,
)

__all__ = ["OPERATIONS", "Host", "Operation", "OperationSpec"]

Host = Literal["auth", "platform", "hpc", "efile"]


class Envelope(Protocol):
    """What every generated success envelope offers."""

    data: Any

    @classmethod
    def from_dict(cls, src_dict: Any) -> Any: ...


class Operation(str, enum.Enum):
    """An ``operationId`` of openapi.yaml: naming operations by member lets mypy catch typos.

    A ``str`` (equal to, and printed as, its id), so errors and logs read as before.
    """

    def __str__(self) -> str:
        return self.value

    def __format__(self, spec: str) -> str:
        return format(self.value, spec)

    ISSUE_TOKENS = "issue_tokens"
    GET_CENTER = "get_center"
    GET_TOKEN_STATE = "get_token_state"  # noqa: S105 (an operation name)
    RENEW_TOKEN = "renew_token"  # noqa: S105 (an operation name)
    LIST_CLUSTERS = "list_clusters"
    LIST_USER_QUEUES = "list_user_queues"
    LIST_QUEUE_DETAILS = "list_queue_details"
    GET_USER_LIMITS = "get_user_limits"
    SUBMIT_JOB = "submit_job"
    LIST_JOBS = "list_jobs"
    GET_JOB = "get_job"
    CANCEL_JOBS = "cancel_jobs"
    LIST_HISTORY_JOBS = "list_history_jobs"
    GET_HISTORY_JOB = "get_history_job"
    READ_FILE_CONTENT = "read_file_content"
    GET_JOB_STATE_STATS = "get_job_state_stats"
    GET_QUEUE_JOB_STATS = "get_queue_job_stats"
    GET_USED_WALLTIME = "get_used_walltime"
    GET_STORAGE_QUOTA = "get_storage_quota"
    LIST_FILES = "list_files"
    UPLOAD_FILE = "upload_file"
    UPLOAD_CHUNK = "upload_chunk"
    MERGE_CHUNKS = "merge_chunks"
    DOWNLOAD_FILE = "download_file"
    CHECK_DOWNLOAD = "check_download"
    MAKE_DIRECTORY = "make_directory"
    TOUCH_FILE = "touch_file"
    FILE_EXISTS = "file_exists"
    REMOVE_FILES = "remove_files"
    COPY_FILES = "copy_files"
    MOVE_FILES = "move_files"
    RENAME_FILE = "rename_file"
    PREVIEW_FILE = "preview_file"
    CHECK_FILE_PERMISSION = "check_file_permission"
    OPEN_SHARE = "open_share"
    CLOSE_SHARE = "close_share"
    ASYNC_COPY_FILES = "async_copy_files"
    ASYNC_MOVE_FILES = "async_move_files"
    ASYNC_REMOVE_FILES = "async_remove_files"
    LIST_FILE_TASKS = "list_file_tasks"
    CANCEL_FILE_TASKS = "cancel_file_tasks"
    GET_CORE_STATE_STATS = "get_core_state_stats"
    ISSUE_TOKENS_PASSWORD = "issue_tokens_password"  # noqa: S105 (an operation name)
    GET_USER = "get_user"
    LIST_GROUP_MEMBERS = "list_group_members"
    LIST_MEMBER_JOBS = "list_member_jobs"
    LIST_PLATFORM_JOBS = "list_platform_jobs"
    LIST_PLATFORM_HISTORY_JOBS = "list_platform_history_jobs"


@dataclass(frozen=True)
class OperationSpec:
    """What the choke point needs to know about one operation."""

    id: Operation
    envelope: type[Envelope]
    host: Host
    retryable: bool
    authenticated: bool = True


def _op(
    op_id: Operation,
    envelope: Any,
    host: Host,
    *,
    retryable: bool = True,
    authenticated: bool = True,
) -> tuple[Operation, OperationSpec]:
    return op_id, OperationSpec(op_id, envelope, host, retryable, authenticated)


OPERATIONS: dict[Operation, OperationSpec] = dict(
    [
        _op(Operation.ISSUE_TOKENS, TokenListEnvelope, "auth", authenticated=False),
        _op(Operation.GET_CENTER, CenterEnvelope, "platform"),
        _op(Operation.GET_TOKEN_STATE, TokenStateEnvelope, "platform"),
        _op(Operation.RENEW_TOKEN, TokenRenewEnvelope, "platform", retryable=False),
        _op(Operation.LIST_CLUSTERS, ClusterListEnvelope, "hpc"),
        _op(Operation.LIST_USER_QUEUES, QueueListEnvelope, "hpc"),
        _op(Operation.LIST_QUEUE_DETAILS, QueueDetailListEnvelope, "hpc"),
        _op(Operation.GET_USER_LIMITS, UserLimitEnvelope, "hpc"),
        _op(Operation.SUBMIT_JOB, SubmitJobEnvelope, "hpc", retryable=False),
        _op(Operation.LIST_JOBS, RealtimeJobListEnvelope, "hpc"),
        _op(Operation.GET_JOB, RealtimeJobDetailEnvelope, "hpc"),
        _op(Operation.CANCEL_JOBS, CancelJobsEnvelope, "hpc", retryable=False),
        _op(Operation.LIST_HISTORY_JOBS, HistoryJobListEnvelope, "hpc"),
        _op(Operation.GET_HISTORY_JOB, HistoryJobDetailEnvelope, "hpc"),
        _op(Operation.READ_FILE_CONTENT, FileContentEnvelope, "hpc"),
        _op(Operation.GET_JOB_STATE_STATS, JobStateStatsEnvelope, "hpc"),
        _op(Operation.GET_QUEUE_JOB_STATS, QueueJobStatsEnvelope, "hpc"),
        _op(Operation.GET_USED_WALLTIME, UsedWalltimeEnvelope, "hpc"),
        _op(Operation.GET_STORAGE_QUOTA, StorageQuotaEnvelope, "hpc"),
        # The file service (efile). A chunk is keyed by the upload's identifier and number, so
        # sending it twice stores it once; a download resumes with Range. Writes that are not
        # idempotent (a second mkdir, upload or merge fails with 911021) are never repeated.
        _op(Operation.LIST_FILES, FileListEnvelope, "efile"),
        _op(Operation.UPLOAD_FILE, FileNullEnvelope, "efile", retryable=False),
        _op(Operation.UPLOAD_CHUNK, FileOkEnvelope, "efile"),
        _op(Operation.MERGE_CHUNKS, FileOkEnvelope, "efile", retryable=False),
        _op(Operation.DOWNLOAD_FILE, FileOkEnvelope, "efile"),
        _op(Operation.CHECK_DOWNLOAD, FileOkEnvelope, "efile"),
        _op(Operation.MAKE_DIRECTORY, FileOkEnvelope, "efile", retryable=False),
        _op(Operation.TOUCH_FILE, FileOkEnvelope, "efile", retryable=False),
        _op(Operation.FILE_EXISTS, FileExistEnvelope, "efile"),
        _op(Operation.REMOVE_FILES, FileOkEnvelope, "efile", retryable=False),
        _op(Operation.COPY_FILES, FileOkEnvelope, "efile", retryable=False),
        _op(Operation.MOVE_FILES, FileOkEnvelope, "efile", retryable=False),
        _op(Operation.RENAME_FILE, FileOkEnvelope, "efile", retryable=False),
        _op(Operation.PREVIEW_FILE, FilePreviewEnvelope, "efile"),
        _op(Operation.CHECK_FILE_PERMISSION, FilePermissionEnvelope, "efile"),
        _op(Operation.OPEN_SHARE, FileOkEnvelope, "efile", retryable=False),
        _op(Operation.CLOSE_SHARE, FileOkEnvelope, "efile", retryable=False),
        _op(Operation.ASYNC_COPY_FILES, AsyncTaskSubmitEnvelope, "efile", retryable=False),
        _op(Operation.ASYNC_MOVE_FILES, AsyncTaskSubmitEnvelope, "efile", retryable=False),
        _op(Operation.ASYNC_REMOVE_FILES, AsyncTaskSubmitEnvelope, "efile", retryable=False),
        _op(Operation.LIST_FILE_TASKS, FileTaskListEnvelope, "efile"),
        _op(Operation.CANCEL_FILE_TASKS, FileOkEnvelope, "efile", retryable=False),
        _op(Operation.GET_CORE_STATE_STATS, CoreStateStatsEnvelope, "hpc"),
        # The older sign-in, on the platform host; repeated like issue_tokens (no harm done).
        _op(Operation.ISSUE_TOKENS_PASSWORD, TokenListEnvelope, "platform", authenticated=False),
        _op(Operation.GET_USER, UserInfoEnvelope, "platform"),
        _op(Operation.LIST_GROUP_MEMBERS, GroupMemberListEnvelope, "platform"),
        _op(Operation.LIST_MEMBER_JOBS, MemberJobListEnvelope, "platform"),
        # POSTs that only read (a query body).
        _op(Operation.LIST_PLATFORM_JOBS, PlatformJobPageEnvelope, "platform"),
        _op(Operation.LIST_PLATFORM_HISTORY_JOBS, PlatformHistoryJobPageEnvelope, "platform"),
    ]
)
