from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.file_entry import FileEntry


T = TypeVar("T", bound="FileListPage")


@_attrs_define
class FileListPage:
    """
    Attributes:
        file_list (list[FileEntry]): The entries of this page, files and folders.
        path (str | Unset): The folder listed. Example: /public/home/test/BASE.
        total (int | Unset): Entries in the folder (all pages). Example: 1.
        children (list[FileEntry] | None | Unset): Sub-folders of the listed folder.
    """

    file_list: list[FileEntry]
    path: str | Unset = UNSET
    total: int | Unset = UNSET
    children: list[FileEntry] | Unset | None = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        file_list = []
        for file_list_item_data in self.file_list:
            file_list_item = file_list_item_data.to_dict()
            file_list.append(file_list_item)

        path = self.path

        total = self.total

        children: list[dict[str, Any]] | Unset | None
        if isinstance(self.children, Unset):
            children = UNSET
        elif isinstance(self.children, list):
            children = []
            for children_type_0_item_data in self.children:
                children_type_0_item = children_type_0_item_data.to_dict()
                children.append(children_type_0_item)

        else:
            children = self.children

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "fileList": file_list,
            }
        )
        if path is not UNSET:
            field_dict["path"] = path
        if total is not UNSET:
            field_dict["total"] = total
        if children is not UNSET:
            field_dict["children"] = children

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.file_entry import FileEntry

        d = dict(src_dict)
        file_list = []
        _file_list = d.pop("fileList")
        for file_list_item_data in _file_list:
            file_list_item = FileEntry.from_dict(file_list_item_data)

            file_list.append(file_list_item)

        path = d.pop("path", UNSET)

        total = d.pop("total", UNSET)

        def _parse_children(data: object) -> list[FileEntry] | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                children_type_0 = []
                _children_type_0 = data
                for children_type_0_item_data in _children_type_0:
                    children_type_0_item = FileEntry.from_dict(children_type_0_item_data)

                    children_type_0.append(children_type_0_item)

                return children_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[FileEntry] | None | Unset, data)

        children = _parse_children(d.pop("children", UNSET))

        file_list_page = cls(
            file_list=file_list,
            path=path,
            total=total,
            children=children,
        )

        file_list_page.additional_properties = d
        return file_list_page

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
