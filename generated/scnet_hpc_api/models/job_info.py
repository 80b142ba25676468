from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="JobInfo")


@_attrs_define
class JobInfo:
    """The job object (作业对象). **Every value is a string**, counts included (`"1"`, not `1`):
    clients send strings. The live service binds this object to a `Map<String, String>`, and
    Jackson turns a JSON number or boolean into its text (`1` → `"1"`, `false` → `"false"`,
    `1.0` → `"1.0"`), so a server must accept those too (`x-also-accepts`) and treat them as
    that text; objects and arrays are refused. Payloads copied from the web console send such
    scalars.
    Rules the scheduler enforces: give exactly one of `GAP_NNODE` / `GAP_NODE_STRING` (the other
    must be `""`), and exactly one of `GAP_NPROC` / `GAP_PPN`. Extra `GAP_*` keys are allowed and
    must be strings too.

        Attributes:
            gap_cmd_file (str): Command line; use \\n for line breaks (命令行内容). Example: sleep 500.
            gap_nnode (str): Number of nodes (节点个数); `""` when `GAP_NODE_STRING` is given. Example: 1.
            gap_submit_type (str): Submit mode: `cmd` = command-line mode (命令行模式). Example: cmd.
            gap_job_name (str): Job name (作业名称). Example: STDIN_0910_094758.
            gap_work_dir (str): Working directory (工作路径). Example: /public/home/test/BASE/STDIN_1210_114429.
            gap_queue (str): Queue name (队列名称). Example: debug.
            gap_wall_time (str): Maximum run time, `HH:MM:SS` (the docs write `HH:MM:ss`); hours may exceed 24, a `D-` day
                prefix is accepted. Example: 24:00:00.
            gap_appname (str): `BASE` (basic application) or the application's English name. Example: BASE.
            gap_node_string (str | Unset): Explicit node list (指定节点); `""` when `GAP_NNODE` is given.
            gap_nproc (str | Unset): Total cores (总核心数); exactly one of `GAP_NPROC` / `GAP_PPN`.
            gap_ppn (str | Unset): CPU cores per node (CPU核心/节点); exactly one of `GAP_NPROC` / `GAP_PPN`. Example: 1.
            gap_ngpu (str | Unset): GPU cards per node (GPU卡数/节点).
            gap_ndcu (str | Unset): DCU cards per node (DCU卡数/节点).
            gap_job_mem (str | Unset): Memory per node
            gap_exclusive (str | Unset): `1` = exclusive nodes, empty = shared (是否独占节点).
            gap_multi_sub (str | Unset): Job-array length; a positive integer ≤ 50 is recommended (作业组长度).
            gap_std_out_file (str | Unset): stdout file: working directory + `/std.out.%j` (required flag not visible in the
                docs). Example: /public/home/test/BASE/STDIN_1210_114429/std.out.%j.
            gap_std_err_file (str | Unset): stderr file: working directory + `/std.err.%j` (required flag not visible in the
                docs). Example: /public/home/test/BASE/STDIN_1210_114429/std.err.%j.
    """

    gap_cmd_file: str
    gap_nnode: str
    gap_submit_type: str
    gap_job_name: str
    gap_work_dir: str
    gap_queue: str
    gap_wall_time: str
    gap_appname: str
    gap_node_string: str | Unset = UNSET
    gap_nproc: str | Unset = UNSET
    gap_ppn: str | Unset = UNSET
    gap_ngpu: str | Unset = UNSET
    gap_ndcu: str | Unset = UNSET
    gap_job_mem: str | Unset = UNSET
    gap_exclusive: str | Unset = UNSET
    gap_multi_sub: str | Unset = UNSET
    gap_std_out_file: str | Unset = UNSET
    gap_std_err_file: str | Unset = UNSET
    additional_properties: dict[str, str] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        gap_cmd_file = self.gap_cmd_file

        gap_nnode = self.gap_nnode

        gap_submit_type = self.gap_submit_type

        gap_job_name = self.gap_job_name

        gap_work_dir = self.gap_work_dir

        gap_queue = self.gap_queue

        gap_wall_time = self.gap_wall_time

        gap_appname = self.gap_appname

        gap_node_string = self.gap_node_string

        gap_nproc = self.gap_nproc

        gap_ppn = self.gap_ppn

        gap_ngpu = self.gap_ngpu

        gap_ndcu = self.gap_ndcu

        gap_job_mem = self.gap_job_mem

        gap_exclusive = self.gap_exclusive

        gap_multi_sub = self.gap_multi_sub

        gap_std_out_file = self.gap_std_out_file

        gap_std_err_file = self.gap_std_err_file

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "GAP_CMD_FILE": gap_cmd_file,
                "GAP_NNODE": gap_nnode,
                "GAP_SUBMIT_TYPE": gap_submit_type,
                "GAP_JOB_NAME": gap_job_name,
                "GAP_WORK_DIR": gap_work_dir,
                "GAP_QUEUE": gap_queue,
                "GAP_WALL_TIME": gap_wall_time,
                "GAP_APPNAME": gap_appname,
            }
        )
        if gap_node_string is not UNSET:
            field_dict["GAP_NODE_STRING"] = gap_node_string
        if gap_nproc is not UNSET:
            field_dict["GAP_NPROC"] = gap_nproc
        if gap_ppn is not UNSET:
            field_dict["GAP_PPN"] = gap_ppn
        if gap_ngpu is not UNSET:
            field_dict["GAP_NGPU"] = gap_ngpu
        if gap_ndcu is not UNSET:
            field_dict["GAP_NDCU"] = gap_ndcu
        if gap_job_mem is not UNSET:
            field_dict["GAP_JOB_MEM"] = gap_job_mem
        if gap_exclusive is not UNSET:
            field_dict["GAP_EXCLUSIVE"] = gap_exclusive
        if gap_multi_sub is not UNSET:
            field_dict["GAP_MULTI_SUB"] = gap_multi_sub
        if gap_std_out_file is not UNSET:
            field_dict["GAP_STD_OUT_FILE"] = gap_std_out_file
        if gap_std_err_file is not UNSET:
            field_dict["GAP_STD_ERR_FILE"] = gap_std_err_file

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        gap_cmd_file = d.pop("GAP_CMD_FILE")

        gap_nnode = d.pop("GAP_NNODE")

        gap_submit_type = d.pop("GAP_SUBMIT_TYPE")

        gap_job_name = d.pop("GAP_JOB_NAME")

        gap_work_dir = d.pop("GAP_WORK_DIR")

        gap_queue = d.pop("GAP_QUEUE")

        gap_wall_time = d.pop("GAP_WALL_TIME")

        gap_appname = d.pop("GAP_APPNAME")

        gap_node_string = d.pop("GAP_NODE_STRING", UNSET)

        gap_nproc = d.pop("GAP_NPROC", UNSET)

        gap_ppn = d.pop("GAP_PPN", UNSET)

        gap_ngpu = d.pop("GAP_NGPU", UNSET)

        gap_ndcu = d.pop("GAP_NDCU", UNSET)

        gap_job_mem = d.pop("GAP_JOB_MEM", UNSET)

        gap_exclusive = d.pop("GAP_EXCLUSIVE", UNSET)

        gap_multi_sub = d.pop("GAP_MULTI_SUB", UNSET)

        gap_std_out_file = d.pop("GAP_STD_OUT_FILE", UNSET)

        gap_std_err_file = d.pop("GAP_STD_ERR_FILE", UNSET)

        job_info = cls(
            gap_cmd_file=gap_cmd_file,
            gap_nnode=gap_nnode,
            gap_submit_type=gap_submit_type,
            gap_job_name=gap_job_name,
            gap_work_dir=gap_work_dir,
            gap_queue=gap_queue,
            gap_wall_time=gap_wall_time,
            gap_appname=gap_appname,
            gap_node_string=gap_node_string,
            gap_nproc=gap_nproc,
            gap_ppn=gap_ppn,
            gap_ngpu=gap_ngpu,
            gap_ndcu=gap_ndcu,
            gap_job_mem=gap_job_mem,
            gap_exclusive=gap_exclusive,
            gap_multi_sub=gap_multi_sub,
            gap_std_out_file=gap_std_out_file,
            gap_std_err_file=gap_std_err_file,
        )

        job_info.additional_properties = d
        return job_info

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> str:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: str) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
