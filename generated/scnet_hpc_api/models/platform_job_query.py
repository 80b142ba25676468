from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="PlatformJobQuery")


@_attrs_define
class PlatformJobQuery:
    """The platform job lists' filters, every member optional (as the client notes give them);
    `""` means "no filter". Times are `yyyy-MM-dd HH:mm:ss`, China time. Spring/Jackson binds
    this body, so `clusterId` may also come as a JSON number and `page`/`size` as digit strings
    (`x-also-accepts`).

        Attributes:
            page (int | Unset): Page number Example: 1.
            size (int | Unset): Rows per page (每页记录数). Example: 10.
            cluster_id (str | Unset): Region id; `""` for all regions (区域ID). Example: 11250.
            queue (str | Unset): Queue name; `""` for all.
            job_state (str | Unset): State code (`statR`, `statQ`, ... on the realtime list; `statC`, `statT`, ... on the
                history list); `""` for all. Example: statR.
            job_id (str | Unset): Job id; `""` for all.
            start_time (str | Unset): Start of the window; `""` for 7 days ago at 00:00:00.
            end_time (str | Unset): End of the window; `""` for now.
            show_group_jobs (bool | Unset): Also the jobs of the members of the groups the caller manages (展示组内所有成员作业).
                Example: False.
            cluster_user_name (str | Unset): Only this cluster user's jobs; `""` for all.
            show_all_data (bool | Unset): Every member instead of the core ones (返回所有字段). Example: False.
    """

    page: int | Unset = UNSET
    size: int | Unset = UNSET
    cluster_id: str | Unset = UNSET
    queue: str | Unset = UNSET
    job_state: str | Unset = UNSET
    job_id: str | Unset = UNSET
    start_time: str | Unset = UNSET
    end_time: str | Unset = UNSET
    show_group_jobs: bool | Unset = UNSET
    cluster_user_name: str | Unset = UNSET
    show_all_data: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        page = self.page

        size = self.size

        cluster_id = self.cluster_id

        queue = self.queue

        job_state = self.job_state

        job_id = self.job_id

        start_time = self.start_time

        end_time = self.end_time

        show_group_jobs = self.show_group_jobs

        cluster_user_name = self.cluster_user_name

        show_all_data = self.show_all_data

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if page is not UNSET:
            field_dict["page"] = page
        if size is not UNSET:
            field_dict["size"] = size
        if cluster_id is not UNSET:
            field_dict["clusterId"] = cluster_id
        if queue is not UNSET:
            field_dict["queue"] = queue
        if job_state is not UNSET:
            field_dict["jobState"] = job_state
        if job_id is not UNSET:
            field_dict["jobId"] = job_id
        if start_time is not UNSET:
            field_dict["startTime"] = start_time
        if end_time is not UNSET:
            field_dict["endTime"] = end_time
        if show_group_jobs is not UNSET:
            field_dict["showGroupJobs"] = show_group_jobs
        if cluster_user_name is not UNSET:
            field_dict["clusterUserName"] = cluster_user_name
        if show_all_data is not UNSET:
            field_dict["showAllData"] = show_all_data

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        page = d.pop("page", UNSET)

        size = d.pop("size", UNSET)

        cluster_id = d.pop("clusterId", UNSET)

        queue = d.pop("queue", UNSET)

        job_state = d.pop("jobState", UNSET)

        job_id = d.pop("jobId", UNSET)

        start_time = d.pop("startTime", UNSET)

        end_time = d.pop("endTime", UNSET)

        show_group_jobs = d.pop("showGroupJobs", UNSET)

        cluster_user_name = d.pop("clusterUserName", UNSET)

        show_all_data = d.pop("showAllData", UNSET)

        platform_job_query = cls(
            page=page,
            size=size,
            cluster_id=cluster_id,
            queue=queue,
            job_state=job_state,
            job_id=job_id,
            start_time=start_time,
            end_time=end_time,
            show_group_jobs=show_group_jobs,
            cluster_user_name=cluster_user_name,
            show_all_data=show_all_data,
        )

        platform_job_query.additional_properties = d
        return platform_job_query

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
