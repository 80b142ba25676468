from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.platform_job_job_vnc_session_info_type_0 import PlatformJobJobVncSessionInfoType0
    from ..models.platform_job_vnc_session_info_type_0 import PlatformJobVncSessionInfoType0


T = TypeVar("T", bound="PlatformJob")


@_attrs_define
class PlatformJob:
    """A realtime job on the platform list (live capture, github.com/wiltonMotta/scnet-chat
    `references/realtime-jobs-api.md`). Note the names differ from the per-region list:
    `jobManagerId` (a **string** here), `jobState`, `wallTimeReq`. Members from `id` on come
    with `showAllData=true` only. Other members may be present.

        Attributes:
            cluster_id (int | str): Region id (a number here). Example: 20078.
            job_id (str):  Example: 63436.
            job_name (str):  Example: sleep_0526_170904.
            job_state (str): Realtime state code. Example: statR.
            cluster_name (str | Unset):  Example: 华中三区【武汉】.
            job_manager_id (int | str | Unset): Scheduler id Example: 1615443225.
            job_manager_name (str | Unset):  Example: whcs.
            job_manager_type (str | Unset):  Example: SLURM.
            cluster_user_name (str | Unset):  Example: ac1npa3sf2.
            queue (str | Unset):  Example: whhcnormal.
            app_type (str | Unset):  Example: BASE.
            task_type (str | Unset):  Example: HPC.
            priority (str | Unset): Scheduler priority Example: 1256.
            reason (str | Unset):  Example: None.
            requeue (str | Unset):  Example: 0.
            tags (None | str | Unset):
            job_queue_time (str | Unset):  Example: 2026-05-26 17:09:07.
            job_start_time (str | Unset):  Example: 2026-05-26 17:09:14.
            job_run_time (str | Unset):  Example: 00:01:31.
            wall_time_req (str | Unset):  Example: 1-00:00:00.
            job_queue_time_used (int | Unset): Seconds queued. Example: 7.
            node_used (str | Unset):  Example: b08r1n14.
            node_num_used (int | Unset):  Example: 1.
            proc_num_used (int | Unset):  Example: 1.
            dcu_num_used (int | Unset):  Example: 0.
            gpu_num_used (int | Unset):  Example: 0.
            work_dir (str | Unset):
            output_path (str | Unset):
            error_path (str | Unset):
            job_vnc_session_info (None | PlatformJobJobVncSessionInfoType0 | Unset):
            id (str | Unset):
            name (str | Unset):
            status (str | Unset):
            manager_id (int | str | Unset):
            manager_name (str | Unset):
            manager_type (str | Unset):
            owner (str | Unset):
            ctime (None | str | Unset):
            qtime (None | str | Unset):
            etime (None | str | Unset):
            start_time (None | str | Unset):
            wall_time (str | Unset):
            cpu_time (None | str | Unset):
            mem_used (None | str | Unset):  Example: 7600M.
            vmem_used (None | str | Unset):
            vnc_session_info (None | PlatformJobVncSessionInfoType0 | Unset):
            exec_gpus (None | str | Unset):
            software (None | str | Unset):
            cpu_core (int | Unset):
            gpu_num (int | Unset):
            exit_code (str | Unset):
            node_num_req (int | Unset):
            proc_num_req (int | Unset):
            gpu_num_req (int | Unset):
            dcu_num_req (int | Unset):
            modify_time (None | str | Unset):
            exec_host (str | Unset):
            out_path (str | Unset):
            init_content_attr (None | str | Unset): The scheduler's own record as a JSON **string**
                (`{"JobState":"RUNNING",...}`).
            time_stamp (None | str | Unset):
    """

    cluster_id: int | str
    job_id: str
    job_name: str
    job_state: str
    cluster_name: str | Unset = UNSET
    job_manager_id: int | str | Unset = UNSET
    job_manager_name: str | Unset = UNSET
    job_manager_type: str | Unset = UNSET
    cluster_user_name: str | Unset = UNSET
    queue: str | Unset = UNSET
    app_type: str | Unset = UNSET
    task_type: str | Unset = UNSET
    priority: str | Unset = UNSET
    reason: str | Unset = UNSET
    requeue: str | Unset = UNSET
    tags: str | Unset | None = UNSET
    job_queue_time: str | Unset = UNSET
    job_start_time: str | Unset = UNSET
    job_run_time: str | Unset = UNSET
    wall_time_req: str | Unset = UNSET
    job_queue_time_used: int | Unset = UNSET
    node_used: str | Unset = UNSET
    node_num_used: int | Unset = UNSET
    proc_num_used: int | Unset = UNSET
    dcu_num_used: int | Unset = UNSET
    gpu_num_used: int | Unset = UNSET
    work_dir: str | Unset = UNSET
    output_path: str | Unset = UNSET
    error_path: str | Unset = UNSET
    job_vnc_session_info: PlatformJobJobVncSessionInfoType0 | Unset | None = UNSET
    id: str | Unset = UNSET
    name: str | Unset = UNSET
    status: str | Unset = UNSET
    manager_id: int | str | Unset = UNSET
    manager_name: str | Unset = UNSET
    manager_type: str | Unset = UNSET
    owner: str | Unset = UNSET
    ctime: str | Unset | None = UNSET
    qtime: str | Unset | None = UNSET
    etime: str | Unset | None = UNSET
    start_time: str | Unset | None = UNSET
    wall_time: str | Unset = UNSET
    cpu_time: str | Unset | None = UNSET
    mem_used: str | Unset | None = UNSET
    vmem_used: str | Unset | None = UNSET
    vnc_session_info: PlatformJobVncSessionInfoType0 | Unset | None = UNSET
    exec_gpus: str | Unset | None = UNSET
    software: str | Unset | None = UNSET
    cpu_core: int | Unset = UNSET
    gpu_num: int | Unset = UNSET
    exit_code: str | Unset = UNSET
    node_num_req: int | Unset = UNSET
    proc_num_req: int | Unset = UNSET
    gpu_num_req: int | Unset = UNSET
    dcu_num_req: int | Unset = UNSET
    modify_time: str | Unset | None = UNSET
    exec_host: str | Unset = UNSET
    out_path: str | Unset = UNSET
    init_content_attr: str | Unset | None = UNSET
    time_stamp: str | Unset | None = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.platform_job_job_vnc_session_info_type_0 import (
            PlatformJobJobVncSessionInfoType0,
        )
        from ..models.platform_job_vnc_session_info_type_0 import PlatformJobVncSessionInfoType0

        cluster_id: int | str
        cluster_id = self.cluster_id

        job_id = self.job_id

        job_name = self.job_name

        job_state = self.job_state

        cluster_name = self.cluster_name

        job_manager_id: int | str | Unset
        if isinstance(self.job_manager_id, Unset):
            job_manager_id = UNSET
        else:
            job_manager_id = self.job_manager_id

        job_manager_name = self.job_manager_name

        job_manager_type = self.job_manager_type

        cluster_user_name = self.cluster_user_name

        queue = self.queue

        app_type = self.app_type

        task_type = self.task_type

        priority = self.priority

        reason = self.reason

        requeue = self.requeue

        tags: str | Unset | None
        if isinstance(self.tags, Unset):
            tags = UNSET
        else:
            tags = self.tags

        job_queue_time = self.job_queue_time

        job_start_time = self.job_start_time

        job_run_time = self.job_run_time

        wall_time_req = self.wall_time_req

        job_queue_time_used = self.job_queue_time_used

        node_used = self.node_used

        node_num_used = self.node_num_used

        proc_num_used = self.proc_num_used

        dcu_num_used = self.dcu_num_used

        gpu_num_used = self.gpu_num_used

        work_dir = self.work_dir

        output_path = self.output_path

        error_path = self.error_path

        job_vnc_session_info: dict[str, Any] | Unset | None
        if isinstance(self.job_vnc_session_info, Unset):
            job_vnc_session_info = UNSET
        elif isinstance(self.job_vnc_session_info, PlatformJobJobVncSessionInfoType0):
            job_vnc_session_info = self.job_vnc_session_info.to_dict()
        else:
            job_vnc_session_info = self.job_vnc_session_info

        id = self.id

        name = self.name

        status = self.status

        manager_id: int | str | Unset
        if isinstance(self.manager_id, Unset):
            manager_id = UNSET
        else:
            manager_id = self.manager_id

        manager_name = self.manager_name

        manager_type = self.manager_type

        owner = self.owner

        ctime: str | Unset | None
        if isinstance(self.ctime, Unset):
            ctime = UNSET
        else:
            ctime = self.ctime

        qtime: str | Unset | None
        if isinstance(self.qtime, Unset):
            qtime = UNSET
        else:
            qtime = self.qtime

        etime: str | Unset | None
        if isinstance(self.etime, Unset):
            etime = UNSET
        else:
            etime = self.etime

        start_time: str | Unset | None
        if isinstance(self.start_time, Unset):
            start_time = UNSET
        else:
            start_time = self.start_time

        wall_time = self.wall_time

        cpu_time: str | Unset | None
        if isinstance(self.cpu_time, Unset):
            cpu_time = UNSET
        else:
            cpu_time = self.cpu_time

        mem_used: str | Unset | None
        if isinstance(self.mem_used, Unset):
            mem_used = UNSET
        else:
            mem_used = self.mem_used

        vmem_used: str | Unset | None
        if isinstance(self.vmem_used, Unset):
            vmem_used = UNSET
        else:
            vmem_used = self.vmem_used

        vnc_session_info: dict[str, Any] | Unset | None
        if isinstance(self.vnc_session_info, Unset):
            vnc_session_info = UNSET
        elif isinstance(self.vnc_session_info, PlatformJobVncSessionInfoType0):
            vnc_session_info = self.vnc_session_info.to_dict()
        else:
            vnc_session_info = self.vnc_session_info

        exec_gpus: str | Unset | None
        if isinstance(self.exec_gpus, Unset):
            exec_gpus = UNSET
        else:
            exec_gpus = self.exec_gpus

        software: str | Unset | None
        if isinstance(self.software, Unset):
            software = UNSET
        else:
            software = self.software

        cpu_core = self.cpu_core

        gpu_num = self.gpu_num

        exit_code = self.exit_code

        node_num_req = self.node_num_req

        proc_num_req = self.proc_num_req

        gpu_num_req = self.gpu_num_req

        dcu_num_req = self.dcu_num_req

        modify_time: str | Unset | None
        if isinstance(self.modify_time, Unset):
            modify_time = UNSET
        else:
            modify_time = self.modify_time

        exec_host = self.exec_host

        out_path = self.out_path

        init_content_attr: str | Unset | None
        if isinstance(self.init_content_attr, Unset):
            init_content_attr = UNSET
        else:
            init_content_attr = self.init_content_attr

        time_stamp: str | Unset | None
        if isinstance(self.time_stamp, Unset):
            time_stamp = UNSET
        else:
            time_stamp = self.time_stamp

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "clusterId": cluster_id,
                "jobId": job_id,
                "jobName": job_name,
                "jobState": job_state,
            }
        )
        if cluster_name is not UNSET:
            field_dict["clusterName"] = cluster_name
        if job_manager_id is not UNSET:
            field_dict["jobManagerId"] = job_manager_id
        if job_manager_name is not UNSET:
            field_dict["jobManagerName"] = job_manager_name
        if job_manager_type is not UNSET:
            field_dict["jobManagerType"] = job_manager_type
        if cluster_user_name is not UNSET:
            field_dict["clusterUserName"] = cluster_user_name
        if queue is not UNSET:
            field_dict["queue"] = queue
        if app_type is not UNSET:
            field_dict["appType"] = app_type
        if task_type is not UNSET:
            field_dict["taskType"] = task_type
        if priority is not UNSET:
            field_dict["priority"] = priority
        if reason is not UNSET:
            field_dict["reason"] = reason
        if requeue is not UNSET:
            field_dict["requeue"] = requeue
        if tags is not UNSET:
            field_dict["tags"] = tags
        if job_queue_time is not UNSET:
            field_dict["jobQueueTime"] = job_queue_time
        if job_start_time is not UNSET:
            field_dict["jobStartTime"] = job_start_time
        if job_run_time is not UNSET:
            field_dict["jobRunTime"] = job_run_time
        if wall_time_req is not UNSET:
            field_dict["wallTimeReq"] = wall_time_req
        if job_queue_time_used is not UNSET:
            field_dict["jobQueueTimeUsed"] = job_queue_time_used
        if node_used is not UNSET:
            field_dict["nodeUsed"] = node_used
        if node_num_used is not UNSET:
            field_dict["nodeNumUsed"] = node_num_used
        if proc_num_used is not UNSET:
            field_dict["procNumUsed"] = proc_num_used
        if dcu_num_used is not UNSET:
            field_dict["dcuNumUsed"] = dcu_num_used
        if gpu_num_used is not UNSET:
            field_dict["gpuNumUsed"] = gpu_num_used
        if work_dir is not UNSET:
            field_dict["workDir"] = work_dir
        if output_path is not UNSET:
            field_dict["outputPath"] = output_path
        if error_path is not UNSET:
            field_dict["errorPath"] = error_path
        if job_vnc_session_info is not UNSET:
            field_dict["jobVncSessionInfo"] = job_vnc_session_info
        if id is not UNSET:
            field_dict["id"] = id
        if name is not UNSET:
            field_dict["name"] = name
        if status is not UNSET:
            field_dict["status"] = status
        if manager_id is not UNSET:
            field_dict["managerId"] = manager_id
        if manager_name is not UNSET:
            field_dict["managerName"] = manager_name
        if manager_type is not UNSET:
            field_dict["managerType"] = manager_type
        if owner is not UNSET:
            field_dict["owner"] = owner
        if ctime is not UNSET:
            field_dict["ctime"] = ctime
        if qtime is not UNSET:
            field_dict["qtime"] = qtime
        if etime is not UNSET:
            field_dict["etime"] = etime
        if start_time is not UNSET:
            field_dict["startTime"] = start_time
        if wall_time is not UNSET:
            field_dict["wallTime"] = wall_time
        if cpu_time is not UNSET:
            field_dict["cpuTime"] = cpu_time
        if mem_used is not UNSET:
            field_dict["memUsed"] = mem_used
        if vmem_used is not UNSET:
            field_dict["vmemUsed"] = vmem_used
        if vnc_session_info is not UNSET:
            field_dict["vncSessionInfo"] = vnc_session_info
        if exec_gpus is not UNSET:
            field_dict["execGpus"] = exec_gpus
        if software is not UNSET:
            field_dict["software"] = software
        if cpu_core is not UNSET:
            field_dict["cpuCore"] = cpu_core
        if gpu_num is not UNSET:
            field_dict["gpuNum"] = gpu_num
        if exit_code is not UNSET:
            field_dict["exitCode"] = exit_code
        if node_num_req is not UNSET:
            field_dict["nodeNumReq"] = node_num_req
        if proc_num_req is not UNSET:
            field_dict["procNumReq"] = proc_num_req
        if gpu_num_req is not UNSET:
            field_dict["gpuNumReq"] = gpu_num_req
        if dcu_num_req is not UNSET:
            field_dict["dcuNumReq"] = dcu_num_req
        if modify_time is not UNSET:
            field_dict["modifyTime"] = modify_time
        if exec_host is not UNSET:
            field_dict["execHost"] = exec_host
        if out_path is not UNSET:
            field_dict["outPath"] = out_path
        if init_content_attr is not UNSET:
            field_dict["initContentAttr"] = init_content_attr
        if time_stamp is not UNSET:
            field_dict["timeStamp"] = time_stamp

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.platform_job_job_vnc_session_info_type_0 import (
            PlatformJobJobVncSessionInfoType0,
        )
        from ..models.platform_job_vnc_session_info_type_0 import PlatformJobVncSessionInfoType0

        d = dict(src_dict)

        def _parse_cluster_id(data: object) -> int | str:
            return cast(int | str, data)

        cluster_id = _parse_cluster_id(d.pop("clusterId"))

        job_id = d.pop("jobId")

        job_name = d.pop("jobName")

        job_state = d.pop("jobState")

        cluster_name = d.pop("clusterName", UNSET)

        def _parse_job_manager_id(data: object) -> int | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(int | str | Unset, data)

        job_manager_id = _parse_job_manager_id(d.pop("jobManagerId", UNSET))

        job_manager_name = d.pop("jobManagerName", UNSET)

        job_manager_type = d.pop("jobManagerType", UNSET)

        cluster_user_name = d.pop("clusterUserName", UNSET)

        queue = d.pop("queue", UNSET)

        app_type = d.pop("appType", UNSET)

        task_type = d.pop("taskType", UNSET)

        priority = d.pop("priority", UNSET)

        reason = d.pop("reason", UNSET)

        requeue = d.pop("requeue", UNSET)

        def _parse_tags(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        tags = _parse_tags(d.pop("tags", UNSET))

        job_queue_time = d.pop("jobQueueTime", UNSET)

        job_start_time = d.pop("jobStartTime", UNSET)

        job_run_time = d.pop("jobRunTime", UNSET)

        wall_time_req = d.pop("wallTimeReq", UNSET)

        job_queue_time_used = d.pop("jobQueueTimeUsed", UNSET)

        node_used = d.pop("nodeUsed", UNSET)

        node_num_used = d.pop("nodeNumUsed", UNSET)

        proc_num_used = d.pop("procNumUsed", UNSET)

        dcu_num_used = d.pop("dcuNumUsed", UNSET)

        gpu_num_used = d.pop("gpuNumUsed", UNSET)

        work_dir = d.pop("workDir", UNSET)

        output_path = d.pop("outputPath", UNSET)

        error_path = d.pop("errorPath", UNSET)

        def _parse_job_vnc_session_info(
            data: object,
        ) -> PlatformJobJobVncSessionInfoType0 | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                job_vnc_session_info_type_0 = PlatformJobJobVncSessionInfoType0.from_dict(data)

                return job_vnc_session_info_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PlatformJobJobVncSessionInfoType0 | Unset, data)

        job_vnc_session_info = _parse_job_vnc_session_info(d.pop("jobVncSessionInfo", UNSET))

        id = d.pop("id", UNSET)

        name = d.pop("name", UNSET)

        status = d.pop("status", UNSET)

        def _parse_manager_id(data: object) -> int | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(int | str | Unset, data)

        manager_id = _parse_manager_id(d.pop("managerId", UNSET))

        manager_name = d.pop("managerName", UNSET)

        manager_type = d.pop("managerType", UNSET)

        owner = d.pop("owner", UNSET)

        def _parse_ctime(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        ctime = _parse_ctime(d.pop("ctime", UNSET))

        def _parse_qtime(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        qtime = _parse_qtime(d.pop("qtime", UNSET))

        def _parse_etime(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        etime = _parse_etime(d.pop("etime", UNSET))

        def _parse_start_time(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        start_time = _parse_start_time(d.pop("startTime", UNSET))

        wall_time = d.pop("wallTime", UNSET)

        def _parse_cpu_time(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        cpu_time = _parse_cpu_time(d.pop("cpuTime", UNSET))

        def _parse_mem_used(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        mem_used = _parse_mem_used(d.pop("memUsed", UNSET))

        def _parse_vmem_used(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        vmem_used = _parse_vmem_used(d.pop("vmemUsed", UNSET))

        def _parse_vnc_session_info(data: object) -> PlatformJobVncSessionInfoType0 | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                vnc_session_info_type_0 = PlatformJobVncSessionInfoType0.from_dict(data)

                return vnc_session_info_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PlatformJobVncSessionInfoType0 | Unset, data)

        vnc_session_info = _parse_vnc_session_info(d.pop("vncSessionInfo", UNSET))

        def _parse_exec_gpus(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        exec_gpus = _parse_exec_gpus(d.pop("execGpus", UNSET))

        def _parse_software(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        software = _parse_software(d.pop("software", UNSET))

        cpu_core = d.pop("cpuCore", UNSET)

        gpu_num = d.pop("gpuNum", UNSET)

        exit_code = d.pop("exitCode", UNSET)

        node_num_req = d.pop("nodeNumReq", UNSET)

        proc_num_req = d.pop("procNumReq", UNSET)

        gpu_num_req = d.pop("gpuNumReq", UNSET)

        dcu_num_req = d.pop("dcuNumReq", UNSET)

        def _parse_modify_time(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        modify_time = _parse_modify_time(d.pop("modifyTime", UNSET))

        exec_host = d.pop("execHost", UNSET)

        out_path = d.pop("outPath", UNSET)

        def _parse_init_content_attr(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        init_content_attr = _parse_init_content_attr(d.pop("initContentAttr", UNSET))

        def _parse_time_stamp(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        time_stamp = _parse_time_stamp(d.pop("timeStamp", UNSET))

        platform_job = cls(
            cluster_id=cluster_id,
            job_id=job_id,
            job_name=job_name,
            job_state=job_state,
            cluster_name=cluster_name,
            job_manager_id=job_manager_id,
            job_manager_name=job_manager_name,
            job_manager_type=job_manager_type,
            cluster_user_name=cluster_user_name,
            queue=queue,
            app_type=app_type,
            task_type=task_type,
            priority=priority,
            reason=reason,
            requeue=requeue,
            tags=tags,
            job_queue_time=job_queue_time,
            job_start_time=job_start_time,
            job_run_time=job_run_time,
            wall_time_req=wall_time_req,
            job_queue_time_used=job_queue_time_used,
            node_used=node_used,
            node_num_used=node_num_used,
            proc_num_used=proc_num_used,
            dcu_num_used=dcu_num_used,
            gpu_num_used=gpu_num_used,
            work_dir=work_dir,
            output_path=output_path,
            error_path=error_path,
            job_vnc_session_info=job_vnc_session_info,
            id=id,
            name=name,
            status=status,
            manager_id=manager_id,
            manager_name=manager_name,
            manager_type=manager_type,
            owner=owner,
            ctime=ctime,
            qtime=qtime,
            etime=etime,
            start_time=start_time,
            wall_time=wall_time,
            cpu_time=cpu_time,
            mem_used=mem_used,
            vmem_used=vmem_used,
            vnc_session_info=vnc_session_info,
            exec_gpus=exec_gpus,
            software=software,
            cpu_core=cpu_core,
            gpu_num=gpu_num,
            exit_code=exit_code,
            node_num_req=node_num_req,
            proc_num_req=proc_num_req,
            gpu_num_req=gpu_num_req,
            dcu_num_req=dcu_num_req,
            modify_time=modify_time,
            exec_host=exec_host,
            out_path=out_path,
            init_content_attr=init_content_attr,
            time_stamp=time_stamp,
        )

        platform_job.additional_properties = d
        return platform_job

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
