from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="FilePreviewEnvelopeData")


@_attrs_define
class FilePreviewEnvelopeData:
    """
    Attributes:
        content (str):
        path (str | Unset):
        start_index (int | Unset):
        end_index (int | Unset):
        has_next (bool | Unset):
    """

    content: str
    path: str | Unset = UNSET
    start_index: int | Unset = UNSET
    end_index: int | Unset = UNSET
    has_next: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        content = self.content

        path = self.path

        start_index = self.start_index

        end_index = self.end_index

        has_next = self.has_next

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "content": content,
            }
        )
        if path is not UNSET:
            field_dict["path"] = path
        if start_index is not UNSET:
            field_dict["startIndex"] = start_index
        if end_index is not UNSET:
            field_dict["endIndex"] = end_index
        if has_next is not UNSET:
            field_dict["hasNext"] = has_next

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        content = d.pop("content")

        path = d.pop("path", UNSET)

        start_index = d.pop("startIndex", UNSET)

        end_index = d.pop("endIndex", UNSET)

        has_next = d.pop("hasNext", UNSET)

        file_preview_envelope_data = cls(
            content=content,
            path=path,
            start_index=start_index,
            end_index=end_index,
            has_next=has_next,
        )

        file_preview_envelope_data.additional_properties = d
        return file_preview_envelope_data

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
