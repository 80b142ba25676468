from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="JobStateCount")


@_attrs_define
class JobStateCount:
    """
    Attributes:
        name (str): The state as a label: Chinese in the docs (`运行`, `排队`, `保留`, `挂起`, `其他`), i18n keys
            on live regions (`jobview_status_run`, `jobview_status_queue`, `jobview_status_reserve`,
            `jobview_status_hung`, `jobview_status_other`).
             Example: 运行.
        y (int): Number of jobs (作业个数). Example: 1.
    """

    name: str
    y: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        y = self.y

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "y": y,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        y = d.pop("y")

        job_state_count = cls(
            name=name,
            y=y,
        )

        job_state_count.additional_properties = d
        return job_state_count

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
