from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.file_content_form_roll_direction import FileContentFormRollDirection
from ..types import UNSET, Unset

T = TypeVar("T", bound="FileContentForm")


@_attrs_define
class FileContentForm:
    """Required flags were not visible in the docs; the samples always send all four members.

    Attributes:
        dir_path (str): Absolute path of the **file** (服务器文件绝对路径), despite the name. Example:
            /public/home/test/BASE/STDIN_1210_114429/std.out.22.
        trigger_num (int): Page number, 1 on first open; each further 1000 lines add 1 (翻页次数). Example: 1.
        roll_direction (FileContentFormRollDirection): `UP`: from the end of the file upwards; `DOWN`: from the start
            downwards. Example: UP.
        host_name (str | Unset): Server host name (服务器hostname); the samples send it empty.
    """

    dir_path: str
    trigger_num: int
    roll_direction: FileContentFormRollDirection
    host_name: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        dir_path = self.dir_path

        trigger_num = self.trigger_num

        roll_direction = self.roll_direction.value

        host_name = self.host_name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "dirPath": dir_path,
                "triggerNum": trigger_num,
                "rollDirection": roll_direction,
            }
        )
        if host_name is not UNSET:
            field_dict["hostName"] = host_name

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        dir_path = d.pop("dirPath")

        trigger_num = d.pop("triggerNum")

        roll_direction = FileContentFormRollDirection(d.pop("rollDirection"))

        host_name = d.pop("hostName", UNSET)

        file_content_form = cls(
            dir_path=dir_path,
            trigger_num=trigger_num,
            roll_direction=roll_direction,
            host_name=host_name,
        )

        file_content_form.additional_properties = d
        return file_content_form

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
