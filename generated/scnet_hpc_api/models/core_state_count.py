from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="CoreStateCount")


@_attrs_define
class CoreStateCount:
    """
    Attributes:
        name (str): The core state as a label: Chinese in the docs (`已使用` used, `未使用` free, `不可用`
            unavailable), i18n keys on live regions (`jobview_used_label`, `jobview_unused_label`,
            `jobview_unavailable_label`; PyPI `scnet-cli` `scnet/output.py`).
             Example: 已使用.
        y (int): Number of CPU cores (CPU核心个数). Example: 21.
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

        core_state_count = cls(
            name=name,
            y=y,
        )

        core_state_count.additional_properties = d
        return core_state_count

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
