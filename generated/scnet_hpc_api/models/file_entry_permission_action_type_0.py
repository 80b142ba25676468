from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="FileEntryPermissionActionType0")


@_attrs_define
class FileEntryPermissionActionType0:
    """
    Attributes:
        read (bool | Unset):
        write (bool | Unset):
        execute (bool | Unset):
        allowed (bool | Unset):
    """

    read: bool | Unset = UNSET
    write: bool | Unset = UNSET
    execute: bool | Unset = UNSET
    allowed: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        read = self.read

        write = self.write

        execute = self.execute

        allowed = self.allowed

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if read is not UNSET:
            field_dict["read"] = read
        if write is not UNSET:
            field_dict["write"] = write
        if execute is not UNSET:
            field_dict["execute"] = execute
        if allowed is not UNSET:
            field_dict["allowed"] = allowed

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        read = d.pop("read", UNSET)

        write = d.pop("write", UNSET)

        execute = d.pop("execute", UNSET)

        allowed = d.pop("allowed", UNSET)

        file_entry_permission_action_type_0 = cls(
            read=read,
            write=write,
            execute=execute,
            allowed=allowed,
        )

        file_entry_permission_action_type_0.additional_properties = d
        return file_entry_permission_action_type_0

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
