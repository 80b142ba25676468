from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import types
from ..models.cover_mode import CoverMode
from ..types import UNSET, Unset

T = TypeVar("T", bound="MergeChunksForm")


@_attrs_define
class MergeChunksForm:
    """
    Attributes:
        path (str):  Example: /public/home/test/.
        relative_path (str):  Example: data.bin.
        cover (CoverMode | Unset): `cover` replaces an existing target; `uncover` (the default) keeps it and answers
            `911021`.
        filename (str | Unset):  Example: data.bin.
        id (str | Unset):  Example: 1.
        identifier (str | Unset): The chunks' `identifier`, as the page's sample sends it. Example: 10396-ac-menuxml.
        indentifier (str | Unset): The chunks' `identifier`, as the page's table spells it [sic]; either name is
            accepted. Example: 10396-ac-menuxml.
    """

    path: str
    relative_path: str
    cover: CoverMode | Unset = UNSET
    filename: str | Unset = UNSET
    id: str | Unset = UNSET
    identifier: str | Unset = UNSET
    indentifier: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        path = self.path

        relative_path = self.relative_path

        cover: str | Unset = UNSET
        if not isinstance(self.cover, Unset):
            cover = self.cover.value

        filename = self.filename

        id = self.id

        identifier = self.identifier

        indentifier = self.indentifier

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "path": path,
                "relativePath": relative_path,
            }
        )
        if cover is not UNSET:
            field_dict["cover"] = cover
        if filename is not UNSET:
            field_dict["filename"] = filename
        if id is not UNSET:
            field_dict["id"] = id
        if identifier is not UNSET:
            field_dict["identifier"] = identifier
        if indentifier is not UNSET:
            field_dict["indentifier"] = indentifier

        return field_dict

    def to_multipart(self) -> types.RequestFiles:
        files: types.RequestFiles = []

        files.append(("path", (None, str(self.path).encode(), "text/plain")))

        files.append(("relativePath", (None, str(self.relative_path).encode(), "text/plain")))

        if not isinstance(self.cover, Unset):
            files.append(("cover", (None, str(self.cover.value).encode(), "text/plain")))

        if not isinstance(self.filename, Unset):
            files.append(("filename", (None, str(self.filename).encode(), "text/plain")))

        if not isinstance(self.id, Unset):
            files.append(("id", (None, str(self.id).encode(), "text/plain")))

        if not isinstance(self.identifier, Unset):
            files.append(("identifier", (None, str(self.identifier).encode(), "text/plain")))

        if not isinstance(self.indentifier, Unset):
            files.append(("indentifier", (None, str(self.indentifier).encode(), "text/plain")))

        for prop_name, prop in self.additional_properties.items():
            files.append((prop_name, (None, str(prop).encode(), "text/plain")))

        return files

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        path = d.pop("path")

        relative_path = d.pop("relativePath")

        _cover = d.pop("cover", UNSET)
        cover: CoverMode | Unset
        if isinstance(_cover, Unset):
            cover = UNSET
        else:
            cover = CoverMode(_cover)

        filename = d.pop("filename", UNSET)

        id = d.pop("id", UNSET)

        identifier = d.pop("identifier", UNSET)

        indentifier = d.pop("indentifier", UNSET)

        merge_chunks_form = cls(
            path=path,
            relative_path=relative_path,
            cover=cover,
            filename=filename,
            id=id,
            identifier=identifier,
            indentifier=indentifier,
        )

        merge_chunks_form.additional_properties = d
        return merge_chunks_form

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
