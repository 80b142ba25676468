from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.job_init_attr import JobInitAttr


T = TypeVar("T", bound="RealtimeJob")


@_attrs_define
class RealtimeJob:
    """A realtime job row. The docs' response table was not visible; the members are those that
    clients of the live service read. Other members may be present.

        Attributes:
            job_id (str): Job id; a string (array tasks look like `5_1`). Example: 35919.
            job_name (str):  Example: STDIN_0910_094758.
            job_status (str): Realtime state code (see `RealtimeStateCode`); realtime rows call it `jobStatus`, history rows
                `jobState`. Example: statR.
            queue (str):  Example: debug.
            user (str | Unset):  Example: test.
            node_used (str | Unset): Allocated node list. Example: node1.
            proc_num_used (int | str | Unset): Cores in use; a number (some clients also accept a numeric string). Example:
                1.
            node_num_req (int | str | Unset):
            proc_num_req (int | str | Unset):
            job_submit_time (str | Unset):  Example: 2026-09-14 14:47:10.
            job_start_time (str | Unset): `yyyy-MM-dd HH:mm:ss`, China time; empty while queued. Example: 2026-09-14
                14:47:13.
            job_run_time (str | Unset): `HH:MM:SS` or `D-HH:MM:SS`. Example: 00:01:31.
            walltime_req (str | Unset):  Example: 24:00:00.
            work_dir (str | Unset):  Example: /public/home/test/BASE/STDIN_1210_114429.
            reason (str | Unset): Pending/finish reason; may be the string `None`. Example: None.
            app_type (str | Unset):  Example: BASE.
            jobmanager_name (str | Unset):  Example: Cluster.
            output_path (str | Unset):
            error_path (str | Unset):
            job_init_attr (JobInitAttr | Unset): The scheduler's own record of the job (Slurm words and casing). An object
                here; other members may be present.
    """

    job_id: str
    job_name: str
    job_status: str
    queue: str
    user: str | Unset = UNSET
    node_used: str | Unset = UNSET
    proc_num_used: int | str | Unset = UNSET
    node_num_req: int | str | Unset = UNSET
    proc_num_req: int | str | Unset = UNSET
    job_submit_time: str | Unset = UNSET
    job_start_time: str | Unset = UNSET
    job_run_time: str | Unset = UNSET
    walltime_req: str | Unset = UNSET
    work_dir: str | Unset = UNSET
    reason: str | Unset = UNSET
    app_type: str | Unset = UNSET
    jobmanager_name: str | Unset = UNSET
    output_path: str | Unset = UNSET
    error_path: str | Unset = UNSET
    job_init_attr: JobInitAttr | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        job_id = self.job_id

        job_name = self.job_name

        job_status = self.job_status

        queue = self.queue

        user = self.user

        node_used = self.node_used

        proc_num_used: int | str | Unset
        if isinstance(self.proc_num_used, Unset):
            proc_num_used = UNSET
        else:
            proc_num_used = self.proc_num_used

        node_num_req: int | str | Unset
        if isinstance(self.node_num_req, Unset):
            node_num_req = UNSET
        else:
            node_num_req = self.node_num_req

        proc_num_req: int | str | Unset
        if isinstance(self.proc_num_req, Unset):
            proc_num_req = UNSET
        else:
            proc_num_req = self.proc_num_req

        job_submit_time = self.job_submit_time

        job_start_time = self.job_start_time

        job_run_time = self.job_run_time

        walltime_req = self.walltime_req

        work_dir = self.work_dir

        reason = self.reason

        app_type = self.app_type

        jobmanager_name = self.jobmanager_name

        output_path = self.output_path

        error_path = self.error_path

        job_init_attr: dict[str, Any] | Unset = UNSET
        if not isinstance(self.job_init_attr, Unset):
            job_init_attr = self.job_init_attr.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "jobId": job_id,
                "jobName": job_name,
                "jobStatus": job_status,
                "queue": queue,
            }
        )
        if user is not UNSET:
            field_dict["user"] = user
        if node_used is not UNSET:
            field_dict["nodeUsed"] = node_used
        if proc_num_used is not UNSET:
            field_dict["procNumUsed"] = proc_num_used
        if node_num_req is not UNSET:
            field_dict["nodeNumReq"] = node_num_req
        if proc_num_req is not UNSET:
            field_dict["procNumReq"] = proc_num_req
        if job_submit_time is not UNSET:
            field_dict["jobSubmitTime"] = job_submit_time
        if job_start_time is not UNSET:
            field_dict["jobStartTime"] = job_start_time
        if job_run_time is not UNSET:
            field_dict["jobRunTime"] = job_run_time
        if walltime_req is not UNSET:
            field_dict["walltimeReq"] = walltime_req
        if work_dir is not UNSET:
            field_dict["workDir"] = work_dir
        if reason is not UNSET:
            field_dict["reason"] = reason
        if app_type is not UNSET:
            field_dict["appType"] = app_type
        if jobmanager_name is not UNSET:
            field_dict["jobmanagerName"] = jobmanager_name
        if output_path is not UNSET:
            field_dict["outputPath"] = output_path
        if error_path is not UNSET:
            field_dict["errorPath"] = error_path
        if job_init_attr is not UNSET:
            field_dict["jobInitAttr"] = job_init_attr

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.job_init_attr import JobInitAttr

        d = dict(src_dict)
        job_id = d.pop("jobId")

        job_name = d.pop("jobName")

        job_status = d.pop("jobStatus")

        queue = d.pop("queue")

        user = d.pop("user", UNSET)

        node_used = d.pop("nodeUsed", UNSET)

        def _parse_proc_num_used(data: object) -> int | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(int | str | Unset, data)

        proc_num_used = _parse_proc_num_used(d.pop("procNumUsed", UNSET))

        def _parse_node_num_req(data: object) -> int | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(int | str | Unset, data)

        node_num_req = _parse_node_num_req(d.pop("nodeNumReq", UNSET))

        def _parse_proc_num_req(data: object) -> int | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(int | str | Unset, data)

        proc_num_req = _parse_proc_num_req(d.pop("procNumReq", UNSET))

        job_submit_time = d.pop("jobSubmitTime", UNSET)

        job_start_time = d.pop("jobStartTime", UNSET)

        job_run_time = d.pop("jobRunTime", UNSET)

        walltime_req = d.pop("walltimeReq", UNSET)

        work_dir = d.pop("workDir", UNSET)

        reason = d.pop("reason", UNSET)

        app_type = d.pop("appType", UNSET)

        jobmanager_name = d.pop("jobmanagerName", UNSET)

        output_path = d.pop("outputPath", UNSET)

        error_path = d.pop("errorPath", UNSET)

        _job_init_attr = d.pop("jobInitAttr", UNSET)
        job_init_attr: JobInitAttr | Unset
        if isinstance(_job_init_attr, Unset):
            job_init_attr = UNSET
        else:
            job_init_attr = JobInitAttr.from_dict(_job_init_attr)

        realtime_job = cls(
            job_id=job_id,
            job_name=job_name,
            job_status=job_status,
            queue=queue,
            user=user,
            node_used=node_used,
            proc_num_used=proc_num_used,
            node_num_req=node_num_req,
            proc_num_req=proc_num_req,
            job_submit_time=job_submit_time,
            job_start_time=job_start_time,
            job_run_time=job_run_time,
            walltime_req=walltime_req,
            work_dir=work_dir,
            reason=reason,
            app_type=app_type,
            jobmanager_name=jobmanager_name,
            output_path=output_path,
            error_path=error_path,
            job_init_attr=job_init_attr,
        )

        realtime_job.additional_properties = d
        return realtime_job

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
