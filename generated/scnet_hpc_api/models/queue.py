from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Queue")


@_attrs_define
class Queue:
    """A queue the user may use. All `que*` numbers are **strings** and `-1` means "no limit"
    (live capture); `queuePriority` is a number and `queueEnabled` a boolean. The docs' table
    was visible only as far as `queNodes`; the other members come from a live capture.

        Attributes:
            id (str): Queue name (队列名称). Example: debug.
            text (str): Queue name (队列名称). Example: debug.
            acl_hosts (str): Usable nodes Example: node1,node2.
            que_nodes (str): Nodes in the queue. Example: 3.
            queue_name (str | Unset): Queue name (live; same value as `id`). Example: debug.
            que_free_nodes (str | Unset):  Example: 2.
            que_ncpus (str | Unset):  Example: 192.
            que_free_ncpus (str | Unset):  Example: 64.
            que_max_ncpus (str | Unset):  Example: -1.
            que_max_ppn (str | Unset): Maximum cores per node for a job. Example: 64.
            que_max_nodect (str | Unset):  Example: -1.
            que_max_walltime (str | Unset): Maximum walltime; `-1` = no limit. Example: -1.
            que_max_gpu_pn (str | Unset):  Example: 0.
            que_max_dcu_pn (str | Unset):  Example: 0.
            que_max_ngpus (str | Unset):  Example: 0.
            que_max_ndcus (str | Unset):  Example: 0.
            que_max_nmlus (str | Unset):  Example: 0.
            que_charge_rate (str | Unset):  Example: 1.0.
            queue_priority (int | Unset):  Example: 6000.
            queue_enabled (bool | Unset):  Example: True.
    """

    id: str
    text: str
    acl_hosts: str
    que_nodes: str
    queue_name: str | Unset = UNSET
    que_free_nodes: str | Unset = UNSET
    que_ncpus: str | Unset = UNSET
    que_free_ncpus: str | Unset = UNSET
    que_max_ncpus: str | Unset = UNSET
    que_max_ppn: str | Unset = UNSET
    que_max_nodect: str | Unset = UNSET
    que_max_walltime: str | Unset = UNSET
    que_max_gpu_pn: str | Unset = UNSET
    que_max_dcu_pn: str | Unset = UNSET
    que_max_ngpus: str | Unset = UNSET
    que_max_ndcus: str | Unset = UNSET
    que_max_nmlus: str | Unset = UNSET
    que_charge_rate: str | Unset = UNSET
    queue_priority: int | Unset = UNSET
    queue_enabled: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        text = self.text

        acl_hosts = self.acl_hosts

        que_nodes = self.que_nodes

        queue_name = self.queue_name

        que_free_nodes = self.que_free_nodes

        que_ncpus = self.que_ncpus

        que_free_ncpus = self.que_free_ncpus

        que_max_ncpus = self.que_max_ncpus

        que_max_ppn = self.que_max_ppn

        que_max_nodect = self.que_max_nodect

        que_max_walltime = self.que_max_walltime

        que_max_gpu_pn = self.que_max_gpu_pn

        que_max_dcu_pn = self.que_max_dcu_pn

        que_max_ngpus = self.que_max_ngpus

        que_max_ndcus = self.que_max_ndcus

        que_max_nmlus = self.que_max_nmlus

        que_charge_rate = self.que_charge_rate

        queue_priority = self.queue_priority

        queue_enabled = self.queue_enabled

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "text": text,
                "aclHosts": acl_hosts,
                "queNodes": que_nodes,
            }
        )
        if queue_name is not UNSET:
            field_dict["queueName"] = queue_name
        if que_free_nodes is not UNSET:
            field_dict["queFreeNodes"] = que_free_nodes
        if que_ncpus is not UNSET:
            field_dict["queNcpus"] = que_ncpus
        if que_free_ncpus is not UNSET:
            field_dict["queFreeNcpus"] = que_free_ncpus
        if que_max_ncpus is not UNSET:
            field_dict["queMaxNcpus"] = que_max_ncpus
        if que_max_ppn is not UNSET:
            field_dict["queMaxPPN"] = que_max_ppn
        if que_max_nodect is not UNSET:
            field_dict["queMaxNodect"] = que_max_nodect
        if que_max_walltime is not UNSET:
            field_dict["queMaxWalltime"] = que_max_walltime
        if que_max_gpu_pn is not UNSET:
            field_dict["queMaxGpuPN"] = que_max_gpu_pn
        if que_max_dcu_pn is not UNSET:
            field_dict["queMaxDcuPN"] = que_max_dcu_pn
        if que_max_ngpus is not UNSET:
            field_dict["queMaxNgpus"] = que_max_ngpus
        if que_max_ndcus is not UNSET:
            field_dict["queMaxNdcus"] = que_max_ndcus
        if que_max_nmlus is not UNSET:
            field_dict["queMaxNmlus"] = que_max_nmlus
        if que_charge_rate is not UNSET:
            field_dict["queChargeRate"] = que_charge_rate
        if queue_priority is not UNSET:
            field_dict["queuePriority"] = queue_priority
        if queue_enabled is not UNSET:
            field_dict["queueEnabled"] = queue_enabled

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        text = d.pop("text")

        acl_hosts = d.pop("aclHosts")

        que_nodes = d.pop("queNodes")

        queue_name = d.pop("queueName", UNSET)

        que_free_nodes = d.pop("queFreeNodes", UNSET)

        que_ncpus = d.pop("queNcpus", UNSET)

        que_free_ncpus = d.pop("queFreeNcpus", UNSET)

        que_max_ncpus = d.pop("queMaxNcpus", UNSET)

        que_max_ppn = d.pop("queMaxPPN", UNSET)

        que_max_nodect = d.pop("queMaxNodect", UNSET)

        que_max_walltime = d.pop("queMaxWalltime", UNSET)

        que_max_gpu_pn = d.pop("queMaxGpuPN", UNSET)

        que_max_dcu_pn = d.pop("queMaxDcuPN", UNSET)

        que_max_ngpus = d.pop("queMaxNgpus", UNSET)

        que_max_ndcus = d.pop("queMaxNdcus", UNSET)

        que_max_nmlus = d.pop("queMaxNmlus", UNSET)

        que_charge_rate = d.pop("queChargeRate", UNSET)

        queue_priority = d.pop("queuePriority", UNSET)

        queue_enabled = d.pop("queueEnabled", UNSET)

        queue = cls(
            id=id,
            text=text,
            acl_hosts=acl_hosts,
            que_nodes=que_nodes,
            queue_name=queue_name,
            que_free_nodes=que_free_nodes,
            que_ncpus=que_ncpus,
            que_free_ncpus=que_free_ncpus,
            que_max_ncpus=que_max_ncpus,
            que_max_ppn=que_max_ppn,
            que_max_nodect=que_max_nodect,
            que_max_walltime=que_max_walltime,
            que_max_gpu_pn=que_max_gpu_pn,
            que_max_dcu_pn=que_max_dcu_pn,
            que_max_ngpus=que_max_ngpus,
            que_max_ndcus=que_max_ndcus,
            que_max_nmlus=que_max_nmlus,
            que_charge_rate=que_charge_rate,
            queue_priority=queue_priority,
            queue_enabled=queue_enabled,
        )

        queue.additional_properties = d
        return queue

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
