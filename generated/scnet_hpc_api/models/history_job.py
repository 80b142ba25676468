from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="HistoryJob")


@_attrs_define
class HistoryJob:
    """A history row. The docs' response table was not visible; the members are those that clients
    of the live service read. Other members may be present.

        Attributes:
            job_id (str):  Example: 35919.
            jobmanager_id (int | str): Scheduler id; its JSON type is not pinned by any capture. Example: 1638523853.
            job_name (str):
            job_state (str): History state code (see `JobStateCode`). Example: statC.
            queue (str):
            job_end_time (str): `yyyy-MM-dd HH:mm:ss`, China time.
            app_type (str | Unset): `BASE` for most jobs on the live service. Example: BASE.
            user_name (str | Unset):
            job_queue_time (str | Unset):
            job_start_time (str | Unset):
            job_walltime_used (float | str | Unset): Seconds used; the per-region list sends a string with four decimals
                (`"500.0000"`). Example: 500.0000.
            nodect (int | str | Unset):
            job_proc_num (int | str | Unset):
            job_exec_host (str | Unset):
            job_exit_status (int | str | Unset): Accounting exit status
            workdir (str | Unset): Working directory (lower-case `d` on history rows).
            acct_time (str | Unset): Pass back verbatim as `acctTime` of the history detail.
    """

    job_id: str
    jobmanager_id: int | str
    job_name: str
    job_state: str
    queue: str
    job_end_time: str
    app_type: str | Unset = UNSET
    user_name: str | Unset = UNSET
    job_queue_time: str | Unset = UNSET
    job_start_time: str | Unset = UNSET
    job_walltime_used: float | str | Unset = UNSET
    nodect: int | str | Unset = UNSET
    job_proc_num: int | str | Unset = UNSET
    job_exec_host: str | Unset = UNSET
    job_exit_status: int | str | Unset = UNSET
    workdir: str | Unset = UNSET
    acct_time: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        job_id = self.job_id

        jobmanager_id: int | str
        jobmanager_id = self.jobmanager_id

        job_name = self.job_name

        job_state = self.job_state

        queue = self.queue

        job_end_time = self.job_end_time

        app_type = self.app_type

        user_name = self.user_name

        job_queue_time = self.job_queue_time

        job_start_time = self.job_start_time

        job_walltime_used: float | str | Unset
        if isinstance(self.job_walltime_used, Unset):
            job_walltime_used = UNSET
        else:
            job_walltime_used = self.job_walltime_used

        nodect: int | str | Unset
        if isinstance(self.nodect, Unset):
            nodect = UNSET
        else:
            nodect = self.nodect

        job_proc_num: int | str | Unset
        if isinstance(self.job_proc_num, Unset):
            job_proc_num = UNSET
        else:
            job_proc_num = self.job_proc_num

        job_exec_host = self.job_exec_host

        job_exit_status: int | str | Unset
        if isinstance(self.job_exit_status, Unset):
            job_exit_status = UNSET
        else:
            job_exit_status = self.job_exit_status

        workdir = self.workdir

        acct_time = self.acct_time

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "jobId": job_id,
                "jobmanagerId": jobmanager_id,
                "jobName": job_name,
                "jobState": job_state,
                "queue": queue,
                "jobEndTime": job_end_time,
            }
        )
        if app_type is not UNSET:
            field_dict["appType"] = app_type
        if user_name is not UNSET:
            field_dict["userName"] = user_name
        if job_queue_time is not UNSET:
            field_dict["jobQueueTime"] = job_queue_time
        if job_start_time is not UNSET:
            field_dict["jobStartTime"] = job_start_time
        if job_walltime_used is not UNSET:
            field_dict["jobWalltimeUsed"] = job_walltime_used
        if nodect is not UNSET:
            field_dict["nodect"] = nodect
        if job_proc_num is not UNSET:
            field_dict["jobProcNum"] = job_proc_num
        if job_exec_host is not UNSET:
            field_dict["jobExecHost"] = job_exec_host
        if job_exit_status is not UNSET:
            field_dict["jobExitStatus"] = job_exit_status
        if workdir is not UNSET:
            field_dict["workdir"] = workdir
        if acct_time is not UNSET:
            field_dict["acctTime"] = acct_time

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        job_id = d.pop("jobId")

        def _parse_jobmanager_id(data: object) -> int | str:
            return cast(int | str, data)

        jobmanager_id = _parse_jobmanager_id(d.pop("jobmanagerId"))

        job_name = d.pop("jobName")

        job_state = d.pop("jobState")

        queue = d.pop("queue")

        job_end_time = d.pop("jobEndTime")

        app_type = d.pop("appType", UNSET)

        user_name = d.pop("userName", UNSET)

        job_queue_time = d.pop("jobQueueTime", UNSET)

        job_start_time = d.pop("jobStartTime", UNSET)

        def _parse_job_walltime_used(data: object) -> float | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(float | str | Unset, data)

        job_walltime_used = _parse_job_walltime_used(d.pop("jobWalltimeUsed", UNSET))

        def _parse_nodect(data: object) -> int | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(int | str | Unset, data)

        nodect = _parse_nodect(d.pop("nodect", UNSET))

        def _parse_job_proc_num(data: object) -> int | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(int | str | Unset, data)

        job_proc_num = _parse_job_proc_num(d.pop("jobProcNum", UNSET))

        job_exec_host = d.pop("jobExecHost", UNSET)

        def _parse_job_exit_status(data: object) -> int | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(int | str | Unset, data)

        job_exit_status = _parse_job_exit_status(d.pop("jobExitStatus", UNSET))

        workdir = d.pop("workdir", UNSET)

        acct_time = d.pop("acctTime", UNSET)

        history_job = cls(
            job_id=job_id,
            jobmanager_id=jobmanager_id,
            job_name=job_name,
            job_state=job_state,
            queue=queue,
            job_end_time=job_end_time,
            app_type=app_type,
            user_name=user_name,
            job_queue_time=job_queue_time,
            job_start_time=job_start_time,
            job_walltime_used=job_walltime_used,
            nodect=nodect,
            job_proc_num=job_proc_num,
            job_exec_host=job_exec_host,
            job_exit_status=job_exit_status,
            workdir=workdir,
            acct_time=acct_time,
        )

        history_job.additional_properties = d
        return history_job

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
