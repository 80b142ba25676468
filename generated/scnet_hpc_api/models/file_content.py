from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="FileContent")


@_attrs_define
class FileContent:
    """The docs' response table was not visible; this shape is typed by clients of the live service.

    Attributes:
        data (str): The page's text (up to 1000 lines).
        all_line_total (int): Lines in the file.
        total_trigger_times (int): Pages in the file.
        success (str | Unset): `"true"` on success (a string). Example: true.
        errmsg (str | Unset):
    """

    data: str
    all_line_total: int
    total_trigger_times: int
    success: str | Unset = UNSET
    errmsg: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        data = self.data

        all_line_total = self.all_line_total

        total_trigger_times = self.total_trigger_times

        success = self.success

        errmsg = self.errmsg

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "data": data,
                "allLineTotal": all_line_total,
                "totalTriggerTimes": total_trigger_times,
            }
        )
        if success is not UNSET:
            field_dict["success"] = success
        if errmsg is not UNSET:
            field_dict["errmsg"] = errmsg

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        data = d.pop("data")

        all_line_total = d.pop("allLineTotal")

        total_trigger_times = d.pop("totalTriggerTimes")

        success = d.pop("success", UNSET)

        errmsg = d.pop("errmsg", UNSET)

        file_content = cls(
            data=data,
            all_line_total=all_line_total,
            total_trigger_times=total_trigger_times,
            success=success,
            errmsg=errmsg,
        )

        file_content.additional_properties = d
        return file_content

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
