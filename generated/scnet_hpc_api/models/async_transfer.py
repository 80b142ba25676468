from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="AsyncTransfer")


@_attrs_define
class AsyncTransfer:
    """
    Attributes:
        source_path (str):  Example: /home/demo/efile-test/file_source/text.txt.
        target_path (str): The target folder (absolute). Example: /home/demo/efile-test/file_target.
        duplicate_handle_type (str | Unset): What to do when the target exists: `cover` replaces it; `bothcover` [sic,
            the
            page's wording for "keep both"] keeps both; empty (the page's sample) skips it.
    """

    source_path: str
    target_path: str
    duplicate_handle_type: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        source_path = self.source_path

        target_path = self.target_path

        duplicate_handle_type = self.duplicate_handle_type

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "sourcePath": source_path,
                "targetPath": target_path,
            }
        )
        if duplicate_handle_type is not UNSET:
            field_dict["duplicateHandleType"] = duplicate_handle_type

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        source_path = d.pop("sourcePath")

        target_path = d.pop("targetPath")

        duplicate_handle_type = d.pop("duplicateHandleType", UNSET)

        async_transfer = cls(
            source_path=source_path,
            target_path=target_path,
            duplicate_handle_type=duplicate_handle_type,
        )

        async_transfer.additional_properties = d
        return async_transfer

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
