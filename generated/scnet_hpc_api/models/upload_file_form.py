from __future__ import annotations

from collections.abc import Mapping
from io import BytesIO
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import types
from ..models.cover_mode import CoverMode
from ..types import UNSET, File, Unset

T = TypeVar("T", bound="UploadFileForm")


@_attrs_define
class UploadFileForm:
    """
    Attributes:
        path (str): The target **folder** (absolute); the file keeps the name of its part. Example: /public/home/test/.
        file (File): The file; its part's `filename` names the file in the folder.
        cover (CoverMode | Unset): `cover` replaces an existing target; `uncover` (the default) keeps it and answers
            `911021`.
    """

    path: str
    file: File
    cover: CoverMode | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        path = self.path

        file = self.file.to_tuple()

        cover: str | Unset = UNSET
        if not isinstance(self.cover, Unset):
            cover = self.cover.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "path": path,
                "file": file,
            }
        )
        if cover is not UNSET:
            field_dict["cover"] = cover

        return field_dict

    def to_multipart(self) -> types.RequestFiles:
        files: types.RequestFiles = []

        files.append(("path", (None, str(self.path).encode(), "text/plain")))

        files.append(("file", self.file.to_tuple()))

        if not isinstance(self.cover, Unset):
            files.append(("cover", (None, str(self.cover.value).encode(), "text/plain")))

        for prop_name, prop in self.additional_properties.items():
            files.append((prop_name, (None, str(prop).encode(), "text/plain")))

        return files

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        path = d.pop("path")

        file = File(payload=BytesIO(d.pop("file")))

        _cover = d.pop("cover", UNSET)
        cover: CoverMode | Unset
        if isinstance(_cover, Unset):
            cover = UNSET
        else:
            cover = CoverMode(_cover)

        upload_file_form = cls(
            path=path,
            file=file,
            cover=cover,
        )

        upload_file_form.additional_properties = d
        return upload_file_form

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
