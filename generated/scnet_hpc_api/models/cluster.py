from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="Cluster")


@_attrs_define
class Cluster:
    """A scheduler of the region. Field casing is the docs' own (`JobManager*` upper camel case).

    Attributes:
        job_manager_type (str): Scheduler type of the region (区域调度器类型). Example: SLURM.
        job_manager_addr (str): Scheduler address (区域地址). Example: 10.8.150.45.
        id (int): Scheduler id (调度器ID), typed `long` in the docs. Example: 1638523853.
        text (str): Region / cluster name (区域名称). Example: Cluster.
        job_manager_port (str): Scheduler port (区域端口), a string. Example: 9091.
    """

    job_manager_type: str
    job_manager_addr: str
    id: int
    text: str
    job_manager_port: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        job_manager_type = self.job_manager_type

        job_manager_addr = self.job_manager_addr

        id = self.id

        text = self.text

        job_manager_port = self.job_manager_port

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "JobManagerType": job_manager_type,
                "JobManagerAddr": job_manager_addr,
                "id": id,
                "text": text,
                "JobManagerPort": job_manager_port,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        job_manager_type = d.pop("JobManagerType")

        job_manager_addr = d.pop("JobManagerAddr")

        id = d.pop("id")

        text = d.pop("text")

        job_manager_port = d.pop("JobManagerPort")

        cluster = cls(
            job_manager_type=job_manager_type,
            job_manager_addr=job_manager_addr,
            id=id,
            text=text,
            job_manager_port=job_manager_port,
        )

        cluster.additional_properties = d
        return cluster

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
