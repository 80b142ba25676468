from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.job_init_attr import JobInitAttr


T = TypeVar("T", bound="RealtimeJobDetail")


@_attrs_define
class RealtimeJobDetail:
    """The docs' response table was not visible. Required members are those of a live-derived
    fixture; the rest are read by clients of the live service. The trustworthy terminal state is
    `jobInitAttr.JobState` (the outer `exitCode` may be `""` even for a finished job).

        Attributes:
            job_name (str):  Example: scnet-selfcheck-cmd.
            queue (str):  Example: xahcnormal.
            work_dir (str):  Example: /work/home/u/runs/selfcheck.
            job_id (str | Unset):  Example: 35919.
            job_status (str | Unset): Realtime state code (see `RealtimeStateCode`). Example: statR.
            user (str | Unset):
            exit_code (str | Unset): Often `""` at this level
            job_run_time (str | Unset):  Example: 00:00:03.
            job_start_time (str | Unset):
            walltime_req (str | Unset):
            node_used (str | Unset):
            proc_num_used (int | str | Unset):
            reason (str | Unset):
            output_path (str | Unset): Absolute path of the stdout file.
            error_path (str | Unset): Absolute path of the stderr file.
            jobmanager_name (str | Unset):
            jobmanager_type (str | Unset):
            job_init_attr (JobInitAttr | Unset): The scheduler's own record of the job (Slurm words and casing). An object
                here; other members may be present.
    """

    job_name: str
    queue: str
    work_dir: str
    job_id: str | Unset = UNSET
    job_status: str | Unset = UNSET
    user: str | Unset = UNSET
    exit_code: str | Unset = UNSET
    job_run_time: str | Unset = UNSET
    job_start_time: str | Unset = UNSET
    walltime_req: str | Unset = UNSET
    node_used: str | Unset = UNSET
    proc_num_used: int | str | Unset = UNSET
    reason: str | Unset = UNSET
    output_path: str | Unset = UNSET
    error_path: str | Unset = UNSET
    jobmanager_name: str | Unset = UNSET
    jobmanager_type: str | Unset = UNSET
    job_init_attr: JobInitAttr | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        job_name = self.job_name

        queue = self.queue

        work_dir = self.work_dir

        job_id = self.job_id

        job_status = self.job_status

        user = self.user

        exit_code = self.exit_code

        job_run_time = self.job_run_time

        job_start_time = self.job_start_time

        walltime_req = self.walltime_req

        node_used = self.node_used

        proc_num_used: int | str | Unset
        if isinstance(self.proc_num_used, Unset):
            proc_num_used = UNSET
        else:
            proc_num_used = self.proc_num_used

        reason = self.reason

        output_path = self.output_path

        error_path = self.error_path

        jobmanager_name = self.jobmanager_name

        jobmanager_type = self.jobmanager_type

        job_init_attr: dict[str, Any] | Unset = UNSET
        if not isinstance(self.job_init_attr, Unset):
            job_init_attr = self.job_init_attr.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "jobName": job_name,
                "queue": queue,
                "workDir": work_dir,
            }
        )
        if job_id is not UNSET:
            field_dict["jobId"] = job_id
        if job_status is not UNSET:
            field_dict["jobStatus"] = job_status
        if user is not UNSET:
            field_dict["user"] = user
        if exit_code is not UNSET:
            field_dict["exitCode"] = exit_code
        if job_run_time is not UNSET:
            field_dict["jobRunTime"] = job_run_time
        if job_start_time is not UNSET:
            field_dict["jobStartTime"] = job_start_time
        if walltime_req is not UNSET:
            field_dict["walltimeReq"] = walltime_req
        if node_used is not UNSET:
            field_dict["nodeUsed"] = node_used
        if proc_num_used is not UNSET:
            field_dict["procNumUsed"] = proc_num_used
        if reason is not UNSET:
            field_dict["reason"] = reason
        if output_path is not UNSET:
            field_dict["outputPath"] = output_path
        if error_path is not UNSET:
            field_dict["errorPath"] = error_path
        if jobmanager_name is not UNSET:
            field_dict["jobmanagerName"] = jobmanager_name
        if jobmanager_type is not UNSET:
            field_dict["jobmanagerType"] = jobmanager_type
        if job_init_attr is not UNSET:
            field_dict["jobInitAttr"] = job_init_attr

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.job_init_attr import JobInitAttr

        d = dict(src_dict)
        job_name = d.pop("jobName")

        queue = d.pop("queue")

        work_dir = d.pop("workDir")

        job_id = d.pop("jobId", UNSET)

        job_status = d.pop("jobStatus", UNSET)

        user = d.pop("user", UNSET)

        exit_code = d.pop("exitCode", UNSET)

        job_run_time = d.pop("jobRunTime", UNSET)

        job_start_time = d.pop("jobStartTime", UNSET)

        walltime_req = d.pop("walltimeReq", UNSET)

        node_used = d.pop("nodeUsed", UNSET)

        def _parse_proc_num_used(data: object) -> int | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(int | str | Unset, data)

        proc_num_used = _parse_proc_num_used(d.pop("procNumUsed", UNSET))

        reason = d.pop("reason", UNSET)

        output_path = d.pop("outputPath", UNSET)

        error_path = d.pop("errorPath", UNSET)

        jobmanager_name = d.pop("jobmanagerName", UNSET)

        jobmanager_type = d.pop("jobmanagerType", UNSET)

        _job_init_attr = d.pop("jobInitAttr", UNSET)
        job_init_attr: JobInitAttr | Unset
        if isinstance(_job_init_attr, Unset):
            job_init_attr = UNSET
        else:
            job_init_attr = JobInitAttr.from_dict(_job_init_attr)

        realtime_job_detail = cls(
            job_name=job_name,
            queue=queue,
            work_dir=work_dir,
            job_id=job_id,
            job_status=job_status,
            user=user,
            exit_code=exit_code,
            job_run_time=job_run_time,
            job_start_time=job_start_time,
            walltime_req=walltime_req,
            node_used=node_used,
            proc_num_used=proc_num_used,
            reason=reason,
            output_path=output_path,
            error_path=error_path,
            jobmanager_name=jobmanager_name,
            jobmanager_type=jobmanager_type,
            job_init_attr=job_init_attr,
        )

        realtime_job_detail.additional_properties = d
        return realtime_job_detail

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
