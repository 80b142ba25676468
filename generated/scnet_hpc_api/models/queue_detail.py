from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="QueueDetail")


@_attrs_define
class QueueDetail:
    """Resource details of one queue. The docs' table was visible only as far as `queMaxPPN`, and no
    public client of the live service calls this path; further members are allowed.
    `queueName` is not documented: the mock sends it so that rows can be told apart.

        Attributes:
            que_nodes (str): Total nodes of the queue (队列节点总数). Example: 3.
            que_min_nodect (str): Minimum node count (队列最小节点数). Example: 1.
            que_max_ngpus (str): Maximum GPU cards (队列最大GPU卡数). Example: 0.
            que_max_ppn (str): Per-node core limit for jobs in this queue (text cut off in the docs). Example: 64.
            queue_name (str | Unset): Not documented (see above). Example: debug.
    """

    que_nodes: str
    que_min_nodect: str
    que_max_ngpus: str
    que_max_ppn: str
    queue_name: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        que_nodes = self.que_nodes

        que_min_nodect = self.que_min_nodect

        que_max_ngpus = self.que_max_ngpus

        que_max_ppn = self.que_max_ppn

        queue_name = self.queue_name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "queNodes": que_nodes,
                "queMinNodect": que_min_nodect,
                "queMaxNgpus": que_max_ngpus,
                "queMaxPPN": que_max_ppn,
            }
        )
        if queue_name is not UNSET:
            field_dict["queueName"] = queue_name

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        que_nodes = d.pop("queNodes")

        que_min_nodect = d.pop("queMinNodect")

        que_max_ngpus = d.pop("queMaxNgpus")

        que_max_ppn = d.pop("queMaxPPN")

        queue_name = d.pop("queueName", UNSET)

        queue_detail = cls(
            que_nodes=que_nodes,
            que_min_nodect=que_min_nodect,
            que_max_ngpus=que_max_ngpus,
            que_max_ppn=que_max_ppn,
            queue_name=queue_name,
        )

        queue_detail.additional_properties = d
        return queue_detail

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
