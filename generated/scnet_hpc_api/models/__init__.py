"""Contains all the data models used in inputs/outputs"""

from .async_removal import AsyncRemoval
from .async_task_submit_envelope import AsyncTaskSubmitEnvelope
from .async_transfer import AsyncTransfer
from .cancel_jobs_envelope import CancelJobsEnvelope
from .cancel_jobs_envelope_data import CancelJobsEnvelopeData
from .cancel_jobs_form import CancelJobsForm
from .cancel_jobs_form_job_method import CancelJobsFormJobMethod
from .cancel_jobs_job_method import CancelJobsJobMethod
from .center_envelope import CenterEnvelope
from .center_info import CenterInfo
from .cluster import Cluster
from .cluster_list_envelope import ClusterListEnvelope
from .cluster_user_info import ClusterUserInfo
from .copy_move_form import CopyMoveForm
from .core_state_count import CoreStateCount
from .core_state_stats_envelope import CoreStateStatsEnvelope
from .cover_mode import CoverMode
from .error_code import ErrorCode
from .error_envelope import ErrorEnvelope
from .file_content import FileContent
from .file_content_envelope import FileContentEnvelope
from .file_content_form import FileContentForm
from .file_content_form_roll_direction import FileContentFormRollDirection
from .file_entry import FileEntry
from .file_entry_permission_action_type_0 import FileEntryPermissionActionType0
from .file_exist_envelope import FileExistEnvelope
from .file_exist_envelope_data import FileExistEnvelopeData
from .file_list_envelope import FileListEnvelope
from .file_list_page import FileListPage
from .file_null_envelope import FileNullEnvelope
from .file_ok_envelope import FileOkEnvelope
from .file_permission_envelope import FilePermissionEnvelope
from .file_permission_envelope_data import FilePermissionEnvelopeData
from .file_preview_envelope import FilePreviewEnvelope
from .file_preview_envelope_data import FilePreviewEnvelopeData
from .file_task import FileTask
from .file_task_ids import FileTaskIds
from .file_task_list_envelope import FileTaskListEnvelope
from .group_member import GroupMember
from .group_member_list_envelope import GroupMemberListEnvelope
from .history_job import HistoryJob
from .history_job_detail import HistoryJobDetail
from .history_job_detail_envelope import HistoryJobDetailEnvelope
from .history_job_detail_job_ext_attr_type_0 import HistoryJobDetailJobExtAttrType0
from .history_job_list_envelope import HistoryJobListEnvelope
from .history_job_page import HistoryJobPage
from .job_info import JobInfo
from .job_init_attr import JobInitAttr
from .job_state_code import JobStateCode
from .job_state_count import JobStateCount
from .job_state_stats_envelope import JobStateStatsEnvelope
from .list_files_order import ListFilesOrder
from .list_files_order_by import ListFilesOrderBy
from .list_history_jobs_sort import ListHistoryJobsSort
from .list_history_jobs_time_type import ListHistoryJobsTimeType
from .member_job import MemberJob
from .member_job_list_envelope import MemberJobListEnvelope
from .merge_chunks_form import MergeChunksForm
from .path_form import PathForm
from .permission_form import PermissionForm
from .permission_form_permission_action import PermissionFormPermissionAction
from .platform_history_job import PlatformHistoryJob
from .platform_history_job_page import PlatformHistoryJobPage
from .platform_history_job_page_envelope import PlatformHistoryJobPageEnvelope
from .platform_job import PlatformJob
from .platform_job_job_vnc_session_info_type_0 import PlatformJobJobVncSessionInfoType0
from .platform_job_page import PlatformJobPage
from .platform_job_page_envelope import PlatformJobPageEnvelope
from .platform_job_query import PlatformJobQuery
from .platform_job_vnc_session_info_type_0 import PlatformJobVncSessionInfoType0
from .preview_form import PreviewForm
from .preview_form_force import PreviewFormForce
from .queue import Queue
from .queue_detail import QueueDetail
from .queue_detail_list_envelope import QueueDetailListEnvelope
from .queue_job_count import QueueJobCount
from .queue_job_stats_envelope import QueueJobStatsEnvelope
from .queue_list_envelope import QueueListEnvelope
from .queue_metric import QueueMetric
from .realtime_job import RealtimeJob
from .realtime_job_detail import RealtimeJobDetail
from .realtime_job_detail_envelope import RealtimeJobDetailEnvelope
from .realtime_job_list_envelope import RealtimeJobListEnvelope
from .realtime_job_page import RealtimeJobPage
from .realtime_state_code import RealtimeStateCode
from .region_token import RegionToken
from .rename_form import RenameForm
from .service_url import ServiceUrl
from .storage_quota import StorageQuota
from .storage_quota_envelope import StorageQuotaEnvelope
from .submit_job_envelope import SubmitJobEnvelope
from .submit_job_request import SubmitJobRequest
from .token_list_envelope import TokenListEnvelope
from .token_renew_envelope import TokenRenewEnvelope
from .token_renew_envelope_data_type_1 import TokenRenewEnvelopeDataType1
from .token_state_envelope import TokenStateEnvelope
from .token_state_envelope_data_type_1 import TokenStateEnvelopeDataType1
from .touch_file_form import TouchFileForm
from .upload_chunk_form import UploadChunkForm
from .upload_file_form import UploadFileForm
from .used_walltime_envelope import UsedWalltimeEnvelope
from .user_info import UserInfo
from .user_info_envelope import UserInfoEnvelope
from .user_limit import UserLimit
from .user_limit_envelope import UserLimitEnvelope

__all__ = (
    "AsyncRemoval",
    "AsyncTaskSubmitEnvelope",
    "AsyncTransfer",
    "CancelJobsEnvelope",
    "CancelJobsEnvelopeData",
    "CancelJobsForm",
    "CancelJobsFormJobMethod",
    "CancelJobsJobMethod",
    "CenterEnvelope",
    "CenterInfo",
    "Cluster",
    "ClusterListEnvelope",
    "ClusterUserInfo",
    "CopyMoveForm",
    "CoreStateCount",
    "CoreStateStatsEnvelope",
    "CoverMode",
    "ErrorCode",
    "ErrorEnvelope",
    "FileContent",
    "FileContentEnvelope",
    "FileContentForm",
    "FileContentFormRollDirection",
    "FileEntry",
    "FileEntryPermissionActionType0",
    "FileExistEnvelope",
    "FileExistEnvelopeData",
    "FileListEnvelope",
    "FileListPage",
    "FileNullEnvelope",
    "FileOkEnvelope",
    "FilePermissionEnvelope",
    "FilePermissionEnvelopeData",
    "FilePreviewEnvelope",
    "FilePreviewEnvelopeData",
    "FileTask",
    "FileTaskIds",
    "FileTaskListEnvelope",
    "GroupMember",
    "GroupMemberListEnvelope",
    "HistoryJob",
    "HistoryJobDetail",
    "HistoryJobDetailEnvelope",
    "HistoryJobDetailJobExtAttrType0",
    "HistoryJobListEnvelope",
    "HistoryJobPage",
    "JobInfo",
    "JobInitAttr",
    "JobStateCode",
    "JobStateCount",
    "JobStateStatsEnvelope",
    "ListFilesOrder",
    "ListFilesOrderBy",
    "ListHistoryJobsSort",
    "ListHistoryJobsTimeType",
    "MemberJob",
    "MemberJobListEnvelope",
    "MergeChunksForm",
    "PathForm",
    "PermissionForm",
    "PermissionFormPermissionAction",
    "PlatformHistoryJob",
    "PlatformHistoryJobPage",
    "PlatformHistoryJobPageEnvelope",
    "PlatformJob",
    "PlatformJobJobVncSessionInfoType0",
    "PlatformJobPage",
    "PlatformJobPageEnvelope",
    "PlatformJobQuery",
    "PlatformJobVncSessionInfoType0",
    "PreviewForm",
    "PreviewFormForce",
    "Queue",
    "QueueDetail",
    "QueueDetailListEnvelope",
    "QueueJobCount",
    "QueueJobStatsEnvelope",
    "QueueListEnvelope",
    "QueueMetric",
    "RealtimeJob",
    "RealtimeJobDetail",
    "RealtimeJobDetailEnvelope",
    "RealtimeJobListEnvelope",
    "RealtimeJobPage",
    "RealtimeStateCode",
    "RegionToken",
    "RenameForm",
    "ServiceUrl",
    "StorageQuota",
    "StorageQuotaEnvelope",
    "SubmitJobEnvelope",
    "SubmitJobRequest",
    "TokenListEnvelope",
    "TokenRenewEnvelope",
    "TokenRenewEnvelopeDataType1",
    "TokenStateEnvelope",
    "TokenStateEnvelopeDataType1",
    "TouchFileForm",
    "UploadChunkForm",
    "UploadFileForm",
    "UsedWalltimeEnvelope",
    "UserInfo",
    "UserInfoEnvelope",
    "UserLimit",
    "UserLimitEnvelope",
)
