"""The generated data models that ``Client`` methods return, under one public name.

They are the attrs classes of ``scnet_hpc_api.models`` (generated from openapi.yaml), re-exported
here so that code using the SDK does not need to know where the generated package lives.
"""

from scnet_hpc_api.models import (
    CenterInfo,
    Cluster,
    CoreStateCount,
    FileContent,
    GroupMember,
    HistoryJob,
    HistoryJobDetail,
    JobInitAttr,
    JobStateCount,
    MemberJob,
    PlatformHistoryJob,
    PlatformJob,
    Queue,
    QueueDetail,
    QueueJobCount,
    QueueMetric,
    RealtimeJob,
    RealtimeJobDetail,
    StorageQuota,
    UserInfo,
    UserLimit,
)

__all__ = [
    "CenterInfo",
    "Cluster",
    "CoreStateCount",
    "FileContent",
    "GroupMember",
    "HistoryJob",
    "HistoryJobDetail",
    "JobInitAttr",
    "JobStateCount",
    "MemberJob",
    "PlatformHistoryJob",
    "PlatformJob",
    "Queue",
    "QueueDetail",
    "QueueJobCount",
    "QueueMetric",
    "RealtimeJob",
    "RealtimeJobDetail",
    "StorageQuota",
    "UserInfo",
    "UserLimit",
]
