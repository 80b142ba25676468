from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.preview_form_force import PreviewFormForce
from ..types import UNSET, Unset

T = TypeVar("T", bound="PreviewForm")


@_attrs_define
class PreviewForm:
    """
    Attributes:
        path (str):  Example: /public/home/test/BASE/std.out.35919.
        start_index (int | Unset): Byte offset to read from. Example: 0.
        force (PreviewFormForce | Unset): `force` previews a file that is not recognised as text.
    """

    path: str
    start_index: int | Unset = UNSET
    force: PreviewFormForce | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        path = self.path

        start_index = self.start_index

        force: str | Unset = UNSET
        if not isinstance(self.force, Unset):
            force = self.force.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "path": path,
            }
        )
        if start_index is not UNSET:
            field_dict["startIndex"] = start_index
        if force is not UNSET:
            field_dict["force"] = force

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        path = d.pop("path")

        start_index = d.pop("startIndex", UNSET)

        _force = d.pop("force", UNSET)
        force: PreviewFormForce | Unset
        if isinstance(_force, Unset):
            force = UNSET
        else:
            force = PreviewFormForce(_force)

        preview_form = cls(
            path=path,
            start_index=start_index,
            force=force,
        )

        preview_form.additional_properties = d
        return preview_form

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
