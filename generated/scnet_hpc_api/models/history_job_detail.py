from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.history_job_detail_job_ext_attr_type_0 import HistoryJobDetailJobExtAttrType0


T = TypeVar("T", bound="HistoryJobDetail")


@_attrs_define
class HistoryJobDetail:
    """The docs' response table was not visible; members and types come from two clients of the live
    service. Other members may be present.

    The billing and usage members (`cpuNuclearHour` ... `startCount`, `share*`/`exclusive*`,
    `*NumUsed`) are typed from a live body of the same accounting record (the platform's history
    list with `showAllData=true`) and its author's field table: github.com/wiltonMotta/scnet-chat
    `references/history-jobs-api.md` (copied in github.com/onescience-ai/OneSkills
    `skills/scnet-chat/references/history-jobs-api.md`). Hours and seconds of use are decimal
    **strings**, unit prices numbers, `share*`/`exclusive*` whole numbers.

        Attributes:
            acct_time (str):
            job_id (str):
            jobmanager_id (int | str):
            job_name (str):
            queue (str):
            job_state (str): History state code (see `JobStateCode`).
            jobmanager_name (str | Unset):
            user_name (str | Unset):
            group_name (str | Unset):
            owner (str | Unset):
            history_account (str | Unset):
            app_type (str | Unset):
            job_queue_time (str | Unset):
            job_start_time (str | Unset):
            job_end_time (str | Unset):
            job_wait_time (float | Unset): Seconds from queue to start.
            job_response_time (float | Unset): Seconds from queue to end.
            walltime (float | Unset): Requested walltime
            job_walltime_used (float | str | Unset): Seconds used (a number here
            job_cpu_time (float | Unset):
            job_mem_used (float | Unset):
            job_vmem_used (float | Unset):
            job_proc_num (float | Unset):
            job_gpu_num (float | Unset):
            job_dcu_num (float | Unset):
            nodect (float | Unset):
            need_nodes (str | Unset):
            job_exec_host (str | Unset):
            job_exec_cpus (list[Any] | None | str | Unset): Cores used; `null` in every live body seen. An array here in one
                client, `string | null` in another's field table: both are accepted.
            job_exec_gpus (list[Any] | None | str | Unset): GPUs used; as `jobExecCpus`.
            job_exec_dcus (list[Any] | None | str | Unset): DCUs used; as `jobExecCpus`.
            job_exec_mlus (list[Any] | None | str | Unset): MLUs used; as `jobExecCpus`.
            job_exit_status (float | str | Unset):
            job_req_cpu (float | Unset):
            job_req_gpu (float | Unset):
            job_req_dcu (float | Unset):
            job_req_nodes (float | Unset):
            job_req_mem (str | Unset):
            workdir (str | Unset):
            command (str | Unset):
            command_exist (str | Unset):
            is_singlejob (bool | Unset): Exclusive-node job.
            stdout (None | str | Unset):
            stderr (None | str | Unset):
            job_ext_attr (HistoryJobDetailJobExtAttrType0 | None | Unset):
            task_type (str | Unset): Task type (任务类型). Example: HPC.
            scale (str | Unset): Job scale (作业规模): `""` in its author's table, a letter such as `A` in the live body.
                Example: A.
            start_count (str | Unset): How often the job was started (作业的启动次数); `""` in live bodies.
            job_queue_time_used (int | Unset): Seconds spent queued (排队等待时间). Example: 0.
            node_num_used (int | Unset): Nodes used (实际使用节点数). Example: 1.
            proc_num_used (int | Unset): Cores used (使用处理器数). Example: 1.
            gpu_num_used (int | Unset): GPU cards used. Example: 0.
            dcu_num_used (int | Unset): DCU cards used. Example: 0.
            job_mlu_num (int | Unset): MLUs used by the job. Example: 0.
            req_mlu (int | Unset): MLU cards requested (申请MLU卡数). Example: 0.
            cpu_nuclear_hour (str | Unset): CPU core-hours (CPU核时) Example: 0.1392.
            cpu_nuclear_sec (str | Unset): CPU core-seconds (CPU核秒) Example: 501.
            cpu_unit_price (float | Unset): CPU unit price when the job was submitted (作业提交时CPU单价). Example: 1.
            gpu_card_hour (str | Unset): GPU card-hours (GPU卡时). Example: 0.
            gpu_card_sec (str | Unset): GPU card-seconds (GPU卡秒). Example: 0.
            gpu_unit_price (float | Unset): GPU unit price when the job was submitted. Example: 1.
            dcu_card_hour (str | Unset): DCU card-hours (DCU卡时). Example: 0.
            dcu_card_sec (str | Unset): DCU card-seconds (DCU卡秒). Example: 0.
            dcu_unit_price (float | Unset): DCU unit price when the job was submitted. Example: 1.
            efficiency_cpu (str | Unset): CPU efficiency (CPU效率) as a percentage string. Example: 100.00%.
            goldenable (str | Unset): Billing state when the job was submitted (计费状态): `"true"`, `"false"` or `"unknown"`.
                Example: true.
            history_queuerate (str | Unset): Queue charge rate when the job was submitted (队列费率): `"1.0"` in the live body,
                `"1"` in its author's table. Example: 1.0.
            share_cputime (int | Unset): CPU seconds of a shared-node job; 0 for an exclusive job. Example: 501.
            share_mem (int | Unset): Memory (KB) of a shared-node job; 0 for an exclusive job. Example: 3972.
            share_walltime (int | Unset): Walltime seconds of a shared-node job; 0 for an exclusive job. Example: 501.
            exclusive_cputime (int | Unset): CPU seconds of an exclusive-node job; 0 otherwise. Example: 0.
            exclusive_mem (int | Unset): Memory (KB) of an exclusive-node job; 0 otherwise. Example: 0.
            exclusive_walltime (int | Unset): Walltime seconds of an exclusive-node job; 0 otherwise. Example: 0.
    """

    acct_time: str
    job_id: str
    jobmanager_id: int | str
    job_name: str
    queue: str
    job_state: str
    jobmanager_name: str | Unset = UNSET
    user_name: str | Unset = UNSET
    group_name: str | Unset = UNSET
    owner: str | Unset = UNSET
    history_account: str | Unset = UNSET
    app_type: str | Unset = UNSET
    job_queue_time: str | Unset = UNSET
    job_start_time: str | Unset = UNSET
    job_end_time: str | Unset = UNSET
    job_wait_time: float | Unset = UNSET
    job_response_time: float | Unset = UNSET
    walltime: float | Unset = UNSET
    job_walltime_used: float | str | Unset = UNSET
    job_cpu_time: float | Unset = UNSET
    job_mem_used: float | Unset = UNSET
    job_vmem_used: float | Unset = UNSET
    job_proc_num: float | Unset = UNSET
    job_gpu_num: float | Unset = UNSET
    job_dcu_num: float | Unset = UNSET
    nodect: float | Unset = UNSET
    need_nodes: str | Unset = UNSET
    job_exec_host: str | Unset = UNSET
    job_exec_cpus: list[Any] | str | Unset | None = UNSET
    job_exec_gpus: list[Any] | str | Unset | None = UNSET
    job_exec_dcus: list[Any] | str | Unset | None = UNSET
    job_exec_mlus: list[Any] | str | Unset | None = UNSET
    job_exit_status: float | str | Unset = UNSET
    job_req_cpu: float | Unset = UNSET
    job_req_gpu: float | Unset = UNSET
    job_req_dcu: float | Unset = UNSET
    job_req_nodes: float | Unset = UNSET
    job_req_mem: str | Unset = UNSET
    workdir: str | Unset = UNSET
    command: str | Unset = UNSET
    command_exist: str | Unset = UNSET
    is_singlejob: bool | Unset = UNSET
    stdout: str | Unset | None = UNSET
    stderr: str | Unset | None = UNSET
    job_ext_attr: HistoryJobDetailJobExtAttrType0 | Unset | None = UNSET
    task_type: str | Unset = UNSET
    scale: str | Unset = UNSET
    start_count: str | Unset = UNSET
    job_queue_time_used: int | Unset = UNSET
    node_num_used: int | Unset = UNSET
    proc_num_used: int | Unset = UNSET
    gpu_num_used: int | Unset = UNSET
    dcu_num_used: int | Unset = UNSET
    job_mlu_num: int | Unset = UNSET
    req_mlu: int | Unset = UNSET
    cpu_nuclear_hour: str | Unset = UNSET
    cpu_nuclear_sec: str | Unset = UNSET
    cpu_unit_price: float | Unset = UNSET
    gpu_card_hour: str | Unset = UNSET
    gpu_card_sec: str | Unset = UNSET
    gpu_unit_price: float | Unset = UNSET
    dcu_card_hour: str | Unset = UNSET
    dcu_card_sec: str | Unset = UNSET
    dcu_unit_price: float | Unset = UNSET
    efficiency_cpu: str | Unset = UNSET
    goldenable: str | Unset = UNSET
    history_queuerate: str | Unset = UNSET
    share_cputime: int | Unset = UNSET
    share_mem: int | Unset = UNSET
    share_walltime: int | Unset = UNSET
    exclusive_cputime: int | Unset = UNSET
    exclusive_mem: int | Unset = UNSET
    exclusive_walltime: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.history_job_detail_job_ext_attr_type_0 import HistoryJobDetailJobExtAttrType0

        acct_time = self.acct_time

        job_id = self.job_id

        jobmanager_id: int | str
        jobmanager_id = self.jobmanager_id

        job_name = self.job_name

        queue = self.queue

        job_state = self.job_state

        jobmanager_name = self.jobmanager_name

        user_name = self.user_name

        group_name = self.group_name

        owner = self.owner

        history_account = self.history_account

        app_type = self.app_type

        job_queue_time = self.job_queue_time

        job_start_time = self.job_start_time

        job_end_time = self.job_end_time

        job_wait_time = self.job_wait_time

        job_response_time = self.job_response_time

        walltime = self.walltime

        job_walltime_used: float | str | Unset
        if isinstance(self.job_walltime_used, Unset):
            job_walltime_used = UNSET
        else:
            job_walltime_used = self.job_walltime_used

        job_cpu_time = self.job_cpu_time

        job_mem_used = self.job_mem_used

        job_vmem_used = self.job_vmem_used

        job_proc_num = self.job_proc_num

        job_gpu_num = self.job_gpu_num

        job_dcu_num = self.job_dcu_num

        nodect = self.nodect

        need_nodes = self.need_nodes

        job_exec_host = self.job_exec_host

        job_exec_cpus: list[Any] | str | Unset | None
        if isinstance(self.job_exec_cpus, Unset):
            job_exec_cpus = UNSET
        elif isinstance(self.job_exec_cpus, list):
            job_exec_cpus = self.job_exec_cpus

        else:
            job_exec_cpus = self.job_exec_cpus

        job_exec_gpus: list[Any] | str | Unset | None
        if isinstance(self.job_exec_gpus, Unset):
            job_exec_gpus = UNSET
        elif isinstance(self.job_exec_gpus, list):
            job_exec_gpus = self.job_exec_gpus

        else:
            job_exec_gpus = self.job_exec_gpus

        job_exec_dcus: list[Any] | str | Unset | None
        if isinstance(self.job_exec_dcus, Unset):
            job_exec_dcus = UNSET
        elif isinstance(self.job_exec_dcus, list):
            job_exec_dcus = self.job_exec_dcus

        else:
            job_exec_dcus = self.job_exec_dcus

        job_exec_mlus: list[Any] | str | Unset | None
        if isinstance(self.job_exec_mlus, Unset):
            job_exec_mlus = UNSET
        elif isinstance(self.job_exec_mlus, list):
            job_exec_mlus = self.job_exec_mlus

        else:
            job_exec_mlus = self.job_exec_mlus

        job_exit_status: float | str | Unset
        if isinstance(self.job_exit_status, Unset):
            job_exit_status = UNSET
        else:
            job_exit_status = self.job_exit_status

        job_req_cpu = self.job_req_cpu

        job_req_gpu = self.job_req_gpu

        job_req_dcu = self.job_req_dcu

        job_req_nodes = self.job_req_nodes

        job_req_mem = self.job_req_mem

        workdir = self.workdir

        command = self.command

        command_exist = self.command_exist

        is_singlejob = self.is_singlejob

        stdout: str | Unset | None
        if isinstance(self.stdout, Unset):
            stdout = UNSET
        else:
            stdout = self.stdout

        stderr: str | Unset | None
        if isinstance(self.stderr, Unset):
            stderr = UNSET
        else:
            stderr = self.stderr

        job_ext_attr: dict[str, Any] | Unset | None
        if isinstance(self.job_ext_attr, Unset):
            job_ext_attr = UNSET
        elif isinstance(self.job_ext_attr, HistoryJobDetailJobExtAttrType0):
            job_ext_attr = self.job_ext_attr.to_dict()
        else:
            job_ext_attr = self.job_ext_attr

        task_type = self.task_type

        scale = self.scale

        start_count = self.start_count

        job_queue_time_used = self.job_queue_time_used

        node_num_used = self.node_num_used

        proc_num_used = self.proc_num_used

        gpu_num_used = self.gpu_num_used

        dcu_num_used = self.dcu_num_used

        job_mlu_num = self.job_mlu_num

        req_mlu = self.req_mlu

        cpu_nuclear_hour = self.cpu_nuclear_hour

        cpu_nuclear_sec = self.cpu_nuclear_sec

        cpu_unit_price = self.cpu_unit_price

        gpu_card_hour = self.gpu_card_hour

        gpu_card_sec = self.gpu_card_sec

        gpu_unit_price = self.gpu_unit_price

        dcu_card_hour = self.dcu_card_hour

        dcu_card_sec = self.dcu_card_sec

        dcu_unit_price = self.dcu_unit_price

        efficiency_cpu = self.efficiency_cpu

        goldenable = self.goldenable

        history_queuerate = self.history_queuerate

        share_cputime = self.share_cputime

        share_mem = self.share_mem

        share_walltime = self.share_walltime

        exclusive_cputime = self.exclusive_cputime

        exclusive_mem = self.exclusive_mem

        exclusive_walltime = self.exclusive_walltime

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "acctTime": acct_time,
                "jobId": job_id,
                "jobmanagerId": jobmanager_id,
                "jobName": job_name,
                "queue": queue,
                "jobState": job_state,
            }
        )
        if jobmanager_name is not UNSET:
            field_dict["jobmanagerName"] = jobmanager_name
        if user_name is not UNSET:
            field_dict["userName"] = user_name
        if group_name is not UNSET:
            field_dict["groupName"] = group_name
        if owner is not UNSET:
            field_dict["owner"] = owner
        if history_account is not UNSET:
            field_dict["historyAccount"] = history_account
        if app_type is not UNSET:
            field_dict["appType"] = app_type
        if job_queue_time is not UNSET:
            field_dict["jobQueueTime"] = job_queue_time
        if job_start_time is not UNSET:
            field_dict["jobStartTime"] = job_start_time
        if job_end_time is not UNSET:
            field_dict["jobEndTime"] = job_end_time
        if job_wait_time is not UNSET:
            field_dict["jobWaitTime"] = job_wait_time
        if job_response_time is not UNSET:
            field_dict["jobResponseTime"] = job_response_time
        if walltime is not UNSET:
            field_dict["walltime"] = walltime
        if job_walltime_used is not UNSET:
            field_dict["jobWalltimeUsed"] = job_walltime_used
        if job_cpu_time is not UNSET:
            field_dict["jobCpuTime"] = job_cpu_time
        if job_mem_used is not UNSET:
            field_dict["jobMemUsed"] = job_mem_used
        if job_vmem_used is not UNSET:
            field_dict["jobVmemUsed"] = job_vmem_used
        if job_proc_num is not UNSET:
            field_dict["jobProcNum"] = job_proc_num
        if job_gpu_num is not UNSET:
            field_dict["jobGpuNum"] = job_gpu_num
        if job_dcu_num is not UNSET:
            field_dict["jobDcuNum"] = job_dcu_num
        if nodect is not UNSET:
            field_dict["nodect"] = nodect
        if need_nodes is not UNSET:
            field_dict["needNodes"] = need_nodes
        if job_exec_host is not UNSET:
            field_dict["jobExecHost"] = job_exec_host
        if job_exec_cpus is not UNSET:
            field_dict["jobExecCpus"] = job_exec_cpus
        if job_exec_gpus is not UNSET:
            field_dict["jobExecGpus"] = job_exec_gpus
        if job_exec_dcus is not UNSET:
            field_dict["jobExecDcus"] = job_exec_dcus
        if job_exec_mlus is not UNSET:
            field_dict["jobExecMlus"] = job_exec_mlus
        if job_exit_status is not UNSET:
            field_dict["jobExitStatus"] = job_exit_status
        if job_req_cpu is not UNSET:
            field_dict["jobReqCpu"] = job_req_cpu
        if job_req_gpu is not UNSET:
            field_dict["jobReqGpu"] = job_req_gpu
        if job_req_dcu is not UNSET:
            field_dict["jobReqDcu"] = job_req_dcu
        if job_req_nodes is not UNSET:
            field_dict["jobReqNodes"] = job_req_nodes
        if job_req_mem is not UNSET:
            field_dict["jobReqMem"] = job_req_mem
        if workdir is not UNSET:
            field_dict["workdir"] = workdir
        if command is not UNSET:
            field_dict["command"] = command
        if command_exist is not UNSET:
            field_dict["commandExist"] = command_exist
        if is_singlejob is not UNSET:
            field_dict["isSinglejob"] = is_singlejob
        if stdout is not UNSET:
            field_dict["stdout"] = stdout
        if stderr is not UNSET:
            field_dict["stderr"] = stderr
        if job_ext_attr is not UNSET:
            field_dict["jobExtAttr"] = job_ext_attr
        if task_type is not UNSET:
            field_dict["taskType"] = task_type
        if scale is not UNSET:
            field_dict["scale"] = scale
        if start_count is not UNSET:
            field_dict["startCount"] = start_count
        if job_queue_time_used is not UNSET:
            field_dict["jobQueueTimeUsed"] = job_queue_time_used
        if node_num_used is not UNSET:
            field_dict["nodeNumUsed"] = node_num_used
        if proc_num_used is not UNSET:
            field_dict["procNumUsed"] = proc_num_used
        if gpu_num_used is not UNSET:
            field_dict["gpuNumUsed"] = gpu_num_used
        if dcu_num_used is not UNSET:
            field_dict["dcuNumUsed"] = dcu_num_used
        if job_mlu_num is not UNSET:
            field_dict["jobMluNum"] = job_mlu_num
        if req_mlu is not UNSET:
            field_dict["reqMlu"] = req_mlu
        if cpu_nuclear_hour is not UNSET:
            field_dict["cpuNuclearHour"] = cpu_nuclear_hour
        if cpu_nuclear_sec is not UNSET:
            field_dict["cpuNuclearSec"] = cpu_nuclear_sec
        if cpu_unit_price is not UNSET:
            field_dict["cpuUnitPrice"] = cpu_unit_price
        if gpu_card_hour is not UNSET:
            field_dict["gpuCardHour"] = gpu_card_hour
        if gpu_card_sec is not UNSET:
            field_dict["gpuCardSec"] = gpu_card_sec
        if gpu_unit_price is not UNSET:
            field_dict["gpuUnitPrice"] = gpu_unit_price
        if dcu_card_hour is not UNSET:
            field_dict["dcuCardHour"] = dcu_card_hour
        if dcu_card_sec is not UNSET:
            field_dict["dcuCardSec"] = dcu_card_sec
        if dcu_unit_price is not UNSET:
            field_dict["dcuUnitPrice"] = dcu_unit_price
        if efficiency_cpu is not UNSET:
            field_dict["efficiencyCpu"] = efficiency_cpu
        if goldenable is not UNSET:
            field_dict["goldenable"] = goldenable
        if history_queuerate is not UNSET:
            field_dict["historyQueuerate"] = history_queuerate
        if share_cputime is not UNSET:
            field_dict["shareCputime"] = share_cputime
        if share_mem is not UNSET:
            field_dict["shareMem"] = share_mem
        if share_walltime is not UNSET:
            field_dict["shareWalltime"] = share_walltime
        if exclusive_cputime is not UNSET:
            field_dict["exclusiveCputime"] = exclusive_cputime
        if exclusive_mem is not UNSET:
            field_dict["exclusiveMem"] = exclusive_mem
        if exclusive_walltime is not UNSET:
            field_dict["exclusiveWalltime"] = exclusive_walltime

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.history_job_detail_job_ext_attr_type_0 import HistoryJobDetailJobExtAttrType0

        d = dict(src_dict)
        acct_time = d.pop("acctTime")

        job_id = d.pop("jobId")

        def _parse_jobmanager_id(data: object) -> int | str:
            return cast(int | str, data)

        jobmanager_id = _parse_jobmanager_id(d.pop("jobmanagerId"))

        job_name = d.pop("jobName")

        queue = d.pop("queue")

        job_state = d.pop("jobState")

        jobmanager_name = d.pop("jobmanagerName", UNSET)

        user_name = d.pop("userName", UNSET)

        group_name = d.pop("groupName", UNSET)

        owner = d.pop("owner", UNSET)

        history_account = d.pop("historyAccount", UNSET)

        app_type = d.pop("appType", UNSET)

        job_queue_time = d.pop("jobQueueTime", UNSET)

        job_start_time = d.pop("jobStartTime", UNSET)

        job_end_time = d.pop("jobEndTime", UNSET)

        job_wait_time = d.pop("jobWaitTime", UNSET)

        job_response_time = d.pop("jobResponseTime", UNSET)

        walltime = d.pop("walltime", UNSET)

        def _parse_job_walltime_used(data: object) -> float | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(float | str | Unset, data)

        job_walltime_used = _parse_job_walltime_used(d.pop("jobWalltimeUsed", UNSET))

        job_cpu_time = d.pop("jobCpuTime", UNSET)

        job_mem_used = d.pop("jobMemUsed", UNSET)

        job_vmem_used = d.pop("jobVmemUsed", UNSET)

        job_proc_num = d.pop("jobProcNum", UNSET)

        job_gpu_num = d.pop("jobGpuNum", UNSET)

        job_dcu_num = d.pop("jobDcuNum", UNSET)

        nodect = d.pop("nodect", UNSET)

        need_nodes = d.pop("needNodes", UNSET)

        job_exec_host = d.pop("jobExecHost", UNSET)

        def _parse_job_exec_cpus(data: object) -> list[Any] | str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                job_exec_cpus_type_0 = cast(list[Any], data)

                return job_exec_cpus_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[Any] | None | str | Unset, data)

        job_exec_cpus = _parse_job_exec_cpus(d.pop("jobExecCpus", UNSET))

        def _parse_job_exec_gpus(data: object) -> list[Any] | str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                job_exec_gpus_type_0 = cast(list[Any], data)

                return job_exec_gpus_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[Any] | None | str | Unset, data)

        job_exec_gpus = _parse_job_exec_gpus(d.pop("jobExecGpus", UNSET))

        def _parse_job_exec_dcus(data: object) -> list[Any] | str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                job_exec_dcus_type_0 = cast(list[Any], data)

                return job_exec_dcus_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[Any] | None | str | Unset, data)

        job_exec_dcus = _parse_job_exec_dcus(d.pop("jobExecDcus", UNSET))

        def _parse_job_exec_mlus(data: object) -> list[Any] | str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                job_exec_mlus_type_0 = cast(list[Any], data)

                return job_exec_mlus_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[Any] | None | str | Unset, data)

        job_exec_mlus = _parse_job_exec_mlus(d.pop("jobExecMlus", UNSET))

        def _parse_job_exit_status(data: object) -> float | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(float | str | Unset, data)

        job_exit_status = _parse_job_exit_status(d.pop("jobExitStatus", UNSET))

        job_req_cpu = d.pop("jobReqCpu", UNSET)

        job_req_gpu = d.pop("jobReqGpu", UNSET)

        job_req_dcu = d.pop("jobReqDcu", UNSET)

        job_req_nodes = d.pop("jobReqNodes", UNSET)

        job_req_mem = d.pop("jobReqMem", UNSET)

        workdir = d.pop("workdir", UNSET)

        command = d.pop("command", UNSET)

        command_exist = d.pop("commandExist", UNSET)

        is_singlejob = d.pop("isSinglejob", UNSET)

        def _parse_stdout(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        stdout = _parse_stdout(d.pop("stdout", UNSET))

        def _parse_stderr(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        stderr = _parse_stderr(d.pop("stderr", UNSET))

        def _parse_job_ext_attr(data: object) -> HistoryJobDetailJobExtAttrType0 | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                job_ext_attr_type_0 = HistoryJobDetailJobExtAttrType0.from_dict(data)

                return job_ext_attr_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(HistoryJobDetailJobExtAttrType0 | None | Unset, data)

        job_ext_attr = _parse_job_ext_attr(d.pop("jobExtAttr", UNSET))

        task_type = d.pop("taskType", UNSET)

        scale = d.pop("scale", UNSET)

        start_count = d.pop("startCount", UNSET)

        job_queue_time_used = d.pop("jobQueueTimeUsed", UNSET)

        node_num_used = d.pop("nodeNumUsed", UNSET)

        proc_num_used = d.pop("procNumUsed", UNSET)

        gpu_num_used = d.pop("gpuNumUsed", UNSET)

        dcu_num_used = d.pop("dcuNumUsed", UNSET)

        job_mlu_num = d.pop("jobMluNum", UNSET)

        req_mlu = d.pop("reqMlu", UNSET)

        cpu_nuclear_hour = d.pop("cpuNuclearHour", UNSET)

        cpu_nuclear_sec = d.pop("cpuNuclearSec", UNSET)

        cpu_unit_price = d.pop("cpuUnitPrice", UNSET)

        gpu_card_hour = d.pop("gpuCardHour", UNSET)

        gpu_card_sec = d.pop("gpuCardSec", UNSET)

        gpu_unit_price = d.pop("gpuUnitPrice", UNSET)

        dcu_card_hour = d.pop("dcuCardHour", UNSET)

        dcu_card_sec = d.pop("dcuCardSec", UNSET)

        dcu_unit_price = d.pop("dcuUnitPrice", UNSET)

        efficiency_cpu = d.pop("efficiencyCpu", UNSET)

        goldenable = d.pop("goldenable", UNSET)

        history_queuerate = d.pop("historyQueuerate", UNSET)

        share_cputime = d.pop("shareCputime", UNSET)

        share_mem = d.pop("shareMem", UNSET)

        share_walltime = d.pop("shareWalltime", UNSET)

        exclusive_cputime = d.pop("exclusiveCputime", UNSET)

        exclusive_mem = d.pop("exclusiveMem", UNSET)

        exclusive_walltime = d.pop("exclusiveWalltime", UNSET)

        history_job_detail = cls(
            acct_time=acct_time,
            job_id=job_id,
            jobmanager_id=jobmanager_id,
            job_name=job_name,
            queue=queue,
            job_state=job_state,
            jobmanager_name=jobmanager_name,
            user_name=user_name,
            group_name=group_name,
            owner=owner,
            history_account=history_account,
            app_type=app_type,
            job_queue_time=job_queue_time,
            job_start_time=job_start_time,
            job_end_time=job_end_time,
            job_wait_time=job_wait_time,
            job_response_time=job_response_time,
            walltime=walltime,
            job_walltime_used=job_walltime_used,
            job_cpu_time=job_cpu_time,
            job_mem_used=job_mem_used,
            job_vmem_used=job_vmem_used,
            job_proc_num=job_proc_num,
            job_gpu_num=job_gpu_num,
            job_dcu_num=job_dcu_num,
            nodect=nodect,
            need_nodes=need_nodes,
            job_exec_host=job_exec_host,
            job_exec_cpus=job_exec_cpus,
            job_exec_gpus=job_exec_gpus,
            job_exec_dcus=job_exec_dcus,
            job_exec_mlus=job_exec_mlus,
            job_exit_status=job_exit_status,
            job_req_cpu=job_req_cpu,
            job_req_gpu=job_req_gpu,
            job_req_dcu=job_req_dcu,
            job_req_nodes=job_req_nodes,
            job_req_mem=job_req_mem,
            workdir=workdir,
            command=command,
            command_exist=command_exist,
            is_singlejob=is_singlejob,
            stdout=stdout,
            stderr=stderr,
            job_ext_attr=job_ext_attr,
            task_type=task_type,
            scale=scale,
            start_count=start_count,
            job_queue_time_used=job_queue_time_used,
            node_num_used=node_num_used,
            proc_num_used=proc_num_used,
            gpu_num_used=gpu_num_used,
            dcu_num_used=dcu_num_used,
            job_mlu_num=job_mlu_num,
            req_mlu=req_mlu,
            cpu_nuclear_hour=cpu_nuclear_hour,
            cpu_nuclear_sec=cpu_nuclear_sec,
            cpu_unit_price=cpu_unit_price,
            gpu_card_hour=gpu_card_hour,
            gpu_card_sec=gpu_card_sec,
            gpu_unit_price=gpu_unit_price,
            dcu_card_hour=dcu_card_hour,
            dcu_card_sec=dcu_card_sec,
            dcu_unit_price=dcu_unit_price,
            efficiency_cpu=efficiency_cpu,
            goldenable=goldenable,
            history_queuerate=history_queuerate,
            share_cputime=share_cputime,
            share_mem=share_mem,
            share_walltime=share_walltime,
            exclusive_cputime=exclusive_cputime,
            exclusive_mem=exclusive_mem,
            exclusive_walltime=exclusive_walltime,
        )

        history_job_detail.additional_properties = d
        return history_job_detail

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
