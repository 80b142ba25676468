from __future__ import annotations

from collections.abc import Mapping
from io import BytesIO
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import types
from ..models.cover_mode import CoverMode
from ..types import UNSET, File, Unset

T = TypeVar("T", bound="UploadChunkForm")


@_attrs_define
class UploadChunkForm:
    """
    Attributes:
        chunk_number (int): 1-based chunk index (1 when not chunked). Example: 1.
        file (File): The chunk's bytes.
        filename (str):  Example: data.bin.
        path (str): The target folder (absolute). Example: /public/home/test/.
        relative_path (str): The file's path relative to `path`. Example: data.bin.
        total_chunks (int):  Example: 1.
        total_size (int): Bytes of the whole file. Example: 10396.
        cover (CoverMode | Unset): `cover` replaces an existing target; `uncover` (the default) keeps it and answers
            `911021`.
        identifier (str | Unset): Groups the chunks of one file (any client-chosen text). Example: 10396-ac-menuxml.
        chunk_size (int | Unset): Nominal chunk size in bytes. Example: 5242880.
        current_chunk_size (int | Unset): Bytes in this chunk. Example: 10396.
    """

    chunk_number: int
    file: File
    filename: str
    path: str
    relative_path: str
    total_chunks: int
    total_size: int
    cover: CoverMode | Unset = UNSET
    identifier: str | Unset = UNSET
    chunk_size: int | Unset = UNSET
    current_chunk_size: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        chunk_number = self.chunk_number

        file = self.file.to_tuple()

        filename = self.filename

        path = self.path

        relative_path = self.relative_path

        total_chunks = self.total_chunks

        total_size = self.total_size

        cover: str | Unset = UNSET
        if not isinstance(self.cover, Unset):
            cover = self.cover.value

        identifier = self.identifier

        chunk_size = self.chunk_size

        current_chunk_size = self.current_chunk_size

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "chunkNumber": chunk_number,
                "file": file,
                "filename": filename,
                "path": path,
                "relativePath": relative_path,
                "totalChunks": total_chunks,
                "totalSize": total_size,
            }
        )
        if cover is not UNSET:
            field_dict["cover"] = cover
        if identifier is not UNSET:
            field_dict["identifier"] = identifier
        if chunk_size is not UNSET:
            field_dict["chunkSize"] = chunk_size
        if current_chunk_size is not UNSET:
            field_dict["currentChunkSize"] = current_chunk_size

        return field_dict

    def to_multipart(self) -> types.RequestFiles:
        files: types.RequestFiles = []

        files.append(("chunkNumber", (None, str(self.chunk_number).encode(), "text/plain")))

        files.append(("file", self.file.to_tuple()))

        files.append(("filename", (None, str(self.filename).encode(), "text/plain")))

        files.append(("path", (None, str(self.path).encode(), "text/plain")))

        files.append(("relativePath", (None, str(self.relative_path).encode(), "text/plain")))

        files.append(("totalChunks", (None, str(self.total_chunks).encode(), "text/plain")))

        files.append(("totalSize", (None, str(self.total_size).encode(), "text/plain")))

        if not isinstance(self.cover, Unset):
            files.append(("cover", (None, str(self.cover.value).encode(), "text/plain")))

        if not isinstance(self.identifier, Unset):
            files.append(("identifier", (None, str(self.identifier).encode(), "text/plain")))

        if not isinstance(self.chunk_size, Unset):
            files.append(("chunkSize", (None, str(self.chunk_size).encode(), "text/plain")))

        if not isinstance(self.current_chunk_size, Unset):
            files.append(
                ("currentChunkSize", (None, str(self.current_chunk_size).encode(), "text/plain"))
            )

        for prop_name, prop in self.additional_properties.items():
            files.append((prop_name, (None, str(prop).encode(), "text/plain")))

        return files

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        chunk_number = d.pop("chunkNumber")

        file = File(payload=BytesIO(d.pop("file")))

        filename = d.pop("filename")

        path = d.pop("path")

        relative_path = d.pop("relativePath")

        total_chunks = d.pop("totalChunks")

        total_size = d.pop("totalSize")

        _cover = d.pop("cover", UNSET)
        cover: CoverMode | Unset
        if isinstance(_cover, Unset):
            cover = UNSET
        else:
            cover = CoverMode(_cover)

        identifier = d.pop("identifier", UNSET)

        chunk_size = d.pop("chunkSize", UNSET)

        current_chunk_size = d.pop("currentChunkSize", UNSET)

        upload_chunk_form = cls(
            chunk_number=chunk_number,
            file=file,
            filename=filename,
            path=path,
            relative_path=relative_path,
            total_chunks=total_chunks,
            total_size=total_size,
            cover=cover,
            identifier=identifier,
            chunk_size=chunk_size,
            current_chunk_size=current_chunk_size,
        )

        upload_chunk_form.additional_properties = d
        return upload_chunk_form

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
