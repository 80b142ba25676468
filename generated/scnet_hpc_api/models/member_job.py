from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="MemberJob")


@_attrs_define
class MemberJob:
    """A member's realtime job, in the platform's internal naming (`id`, `name`, `status`). The
    docs' table was visible as far as `procNumReq`; other members may be present (the platform
    realtime list with `showAllData=true` carries the same ones, see `PlatformJob`).

        Attributes:
            id (str): Job id (作业ID). Example: 1466591.
            name (str): Job name (作业名称). Example: COMSOL_GUI_1031_103150.
            status (str): Realtime state code (作业状态). Example: statR.
            node_num_req (int | Unset): Nodes requested (请求的节点数). Example: 1.
            cpu_core (int | Unset): Cores in use (实际使用的CPU数). Example: 1.
            proc_num_req (int | Unset): Cores requested (请求的CPU数). Example: 1.
            gpu_num_req (int | Unset):
            dcu_num_req (int | Unset):
            queue (str | Unset):
            owner (str | Unset):
            start_time (None | str | Unset):
    """

    id: str
    name: str
    status: str
    node_num_req: int | Unset = UNSET
    cpu_core: int | Unset = UNSET
    proc_num_req: int | Unset = UNSET
    gpu_num_req: int | Unset = UNSET
    dcu_num_req: int | Unset = UNSET
    queue: str | Unset = UNSET
    owner: str | Unset = UNSET
    start_time: str | Unset | None = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        status = self.status

        node_num_req = self.node_num_req

        cpu_core = self.cpu_core

        proc_num_req = self.proc_num_req

        gpu_num_req = self.gpu_num_req

        dcu_num_req = self.dcu_num_req

        queue = self.queue

        owner = self.owner

        start_time: str | Unset | None
        if isinstance(self.start_time, Unset):
            start_time = UNSET
        else:
            start_time = self.start_time

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "status": status,
            }
        )
        if node_num_req is not UNSET:
            field_dict["nodeNumReq"] = node_num_req
        if cpu_core is not UNSET:
            field_dict["cpuCore"] = cpu_core
        if proc_num_req is not UNSET:
            field_dict["procNumReq"] = proc_num_req
        if gpu_num_req is not UNSET:
            field_dict["gpuNumReq"] = gpu_num_req
        if dcu_num_req is not UNSET:
            field_dict["dcuNumReq"] = dcu_num_req
        if queue is not UNSET:
            field_dict["queue"] = queue
        if owner is not UNSET:
            field_dict["owner"] = owner
        if start_time is not UNSET:
            field_dict["startTime"] = start_time

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name")

        status = d.pop("status")

        node_num_req = d.pop("nodeNumReq", UNSET)

        cpu_core = d.pop("cpuCore", UNSET)

        proc_num_req = d.pop("procNumReq", UNSET)

        gpu_num_req = d.pop("gpuNumReq", UNSET)

        dcu_num_req = d.pop("dcuNumReq", UNSET)

        queue = d.pop("queue", UNSET)

        owner = d.pop("owner", UNSET)

        def _parse_start_time(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        start_time = _parse_start_time(d.pop("startTime", UNSET))

        member_job = cls(
            id=id,
            name=name,
            status=status,
            node_num_req=node_num_req,
            cpu_core=cpu_core,
            proc_num_req=proc_num_req,
            gpu_num_req=gpu_num_req,
            dcu_num_req=dcu_num_req,
            queue=queue,
            owner=owner,
            start_time=start_time,
        )

        member_job.additional_properties = d
        return member_job

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
