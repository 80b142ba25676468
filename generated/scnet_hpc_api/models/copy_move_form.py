from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.cover_mode import CoverMode
from ..types import UNSET, Unset

T = TypeVar("T", bound="CopyMoveForm")


@_attrs_define
class CopyMoveForm:
    """
    Attributes:
        source_paths (str): Comma-separated absolute paths. Example: /public/home/test/a.txt.
        target_path (str): The target folder (absolute). Example: /public/home/test/BASE.
        cover (CoverMode | Unset): `cover` replaces an existing target; `uncover` (the default) keeps it and answers
            `911021`.
    """

    source_paths: str
    target_path: str
    cover: CoverMode | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        source_paths = self.source_paths

        target_path = self.target_path

        cover: str | Unset = UNSET
        if not isinstance(self.cover, Unset):
            cover = self.cover.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "sourcePaths": source_paths,
                "targetPath": target_path,
            }
        )
        if cover is not UNSET:
            field_dict["cover"] = cover

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        source_paths = d.pop("sourcePaths")

        target_path = d.pop("targetPath")

        _cover = d.pop("cover", UNSET)
        cover: CoverMode | Unset
        if isinstance(_cover, Unset):
            cover = UNSET
        else:
            cover = CoverMode(_cover)

        copy_move_form = cls(
            source_paths=source_paths,
            target_path=target_path,
            cover=cover,
        )

        copy_move_form.additional_properties = d
        return copy_move_form

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
