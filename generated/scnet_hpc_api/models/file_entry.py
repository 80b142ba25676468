from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.file_entry_permission_action_type_0 import FileEntryPermissionActionType0


T = TypeVar("T", bound="FileEntry")


@_attrs_define
class FileEntry:
    """One file or folder. Field names are the live service's (camel case); clients read `name`,
    `size`, `lastModifiedTime`, `isDirectory` and `isShare`. Times are `yyyy-MM-dd HH:mm:ss`.

        Attributes:
            name (str):  Example: std.out.35919.
            id (None | str | Unset):
            path (str | Unset):  Example: /public/home/test/BASE/std.out.35919.
            size (int | Unset): Bytes. Example: 6.
            is_directory (bool | Unset):
            is_regular_file (bool | Unset):
            is_symbolic_link (bool | Unset):
            is_share (bool | Unset):
            is_other (bool | Unset):
            share_enabled (bool | None | Unset):
            owner (None | str | Unset):  Example: test.
            group (None | str | Unset):  Example: test.
            permission (None | str | Unset): `rwxrwxr-x` form. Example: rw-r--r--.
            creation_time (None | str | Unset):  Example: 2021-09-06 15:02:57.
            last_modified_time (None | str | Unset):  Example: 2021-09-06 15:02:57.
            last_access_time (None | str | Unset):  Example: 2021-09-06 15:02:57.
            type_ (None | str | Unset):
            file_key (None | str | Unset):
            permission_action (FileEntryPermissionActionType0 | None | Unset):
    """

    name: str
    id: str | Unset | None = UNSET
    path: str | Unset = UNSET
    size: int | Unset = UNSET
    is_directory: bool | Unset = UNSET
    is_regular_file: bool | Unset = UNSET
    is_symbolic_link: bool | Unset = UNSET
    is_share: bool | Unset = UNSET
    is_other: bool | Unset = UNSET
    share_enabled: bool | Unset | None = UNSET
    owner: str | Unset | None = UNSET
    group: str | Unset | None = UNSET
    permission: str | Unset | None = UNSET
    creation_time: str | Unset | None = UNSET
    last_modified_time: str | Unset | None = UNSET
    last_access_time: str | Unset | None = UNSET
    type_: str | Unset | None = UNSET
    file_key: str | Unset | None = UNSET
    permission_action: FileEntryPermissionActionType0 | Unset | None = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.file_entry_permission_action_type_0 import FileEntryPermissionActionType0

        name = self.name

        id: str | Unset | None
        if isinstance(self.id, Unset):
            id = UNSET
        else:
            id = self.id

        path = self.path

        size = self.size

        is_directory = self.is_directory

        is_regular_file = self.is_regular_file

        is_symbolic_link = self.is_symbolic_link

        is_share = self.is_share

        is_other = self.is_other

        share_enabled: bool | Unset | None
        if isinstance(self.share_enabled, Unset):
            share_enabled = UNSET
        else:
            share_enabled = self.share_enabled

        owner: str | Unset | None
        if isinstance(self.owner, Unset):
            owner = UNSET
        else:
            owner = self.owner

        group: str | Unset | None
        if isinstance(self.group, Unset):
            group = UNSET
        else:
            group = self.group

        permission: str | Unset | None
        if isinstance(self.permission, Unset):
            permission = UNSET
        else:
            permission = self.permission

        creation_time: str | Unset | None
        if isinstance(self.creation_time, Unset):
            creation_time = UNSET
        else:
            creation_time = self.creation_time

        last_modified_time: str | Unset | None
        if isinstance(self.last_modified_time, Unset):
            last_modified_time = UNSET
        else:
            last_modified_time = self.last_modified_time

        last_access_time: str | Unset | None
        if isinstance(self.last_access_time, Unset):
            last_access_time = UNSET
        else:
            last_access_time = self.last_access_time

        type_: str | Unset | None
        if isinstance(self.type_, Unset):
            type_ = UNSET
        else:
            type_ = self.type_

        file_key: str | Unset | None
        if isinstance(self.file_key, Unset):
            file_key = UNSET
        else:
            file_key = self.file_key

        permission_action: dict[str, Any] | Unset | None
        if isinstance(self.permission_action, Unset):
            permission_action = UNSET
        elif isinstance(self.permission_action, FileEntryPermissionActionType0):
            permission_action = self.permission_action.to_dict()
        else:
            permission_action = self.permission_action

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
            }
        )
        if id is not UNSET:
            field_dict["id"] = id
        if path is not UNSET:
            field_dict["path"] = path
        if size is not UNSET:
            field_dict["size"] = size
        if is_directory is not UNSET:
            field_dict["isDirectory"] = is_directory
        if is_regular_file is not UNSET:
            field_dict["isRegularFile"] = is_regular_file
        if is_symbolic_link is not UNSET:
            field_dict["isSymbolicLink"] = is_symbolic_link
        if is_share is not UNSET:
            field_dict["isShare"] = is_share
        if is_other is not UNSET:
            field_dict["isOther"] = is_other
        if share_enabled is not UNSET:
            field_dict["shareEnabled"] = share_enabled
        if owner is not UNSET:
            field_dict["owner"] = owner
        if group is not UNSET:
            field_dict["group"] = group
        if permission is not UNSET:
            field_dict["permission"] = permission
        if creation_time is not UNSET:
            field_dict["creationTime"] = creation_time
        if last_modified_time is not UNSET:
            field_dict["lastModifiedTime"] = last_modified_time
        if last_access_time is not UNSET:
            field_dict["lastAccessTime"] = last_access_time
        if type_ is not UNSET:
            field_dict["type"] = type_
        if file_key is not UNSET:
            field_dict["fileKey"] = file_key
        if permission_action is not UNSET:
            field_dict["permissionAction"] = permission_action

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.file_entry_permission_action_type_0 import FileEntryPermissionActionType0

        d = dict(src_dict)
        name = d.pop("name")

        def _parse_id(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        id = _parse_id(d.pop("id", UNSET))

        path = d.pop("path", UNSET)

        size = d.pop("size", UNSET)

        is_directory = d.pop("isDirectory", UNSET)

        is_regular_file = d.pop("isRegularFile", UNSET)

        is_symbolic_link = d.pop("isSymbolicLink", UNSET)

        is_share = d.pop("isShare", UNSET)

        is_other = d.pop("isOther", UNSET)

        def _parse_share_enabled(data: object) -> bool | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        share_enabled = _parse_share_enabled(d.pop("shareEnabled", UNSET))

        def _parse_owner(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        owner = _parse_owner(d.pop("owner", UNSET))

        def _parse_group(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        group = _parse_group(d.pop("group", UNSET))

        def _parse_permission(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        permission = _parse_permission(d.pop("permission", UNSET))

        def _parse_creation_time(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        creation_time = _parse_creation_time(d.pop("creationTime", UNSET))

        def _parse_last_modified_time(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        last_modified_time = _parse_last_modified_time(d.pop("lastModifiedTime", UNSET))

        def _parse_last_access_time(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        last_access_time = _parse_last_access_time(d.pop("lastAccessTime", UNSET))

        def _parse_type_(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        type_ = _parse_type_(d.pop("type", UNSET))

        def _parse_file_key(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        file_key = _parse_file_key(d.pop("fileKey", UNSET))

        def _parse_permission_action(data: object) -> FileEntryPermissionActionType0 | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                permission_action_type_0 = FileEntryPermissionActionType0.from_dict(data)

                return permission_action_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(FileEntryPermissionActionType0 | None | Unset, data)

        permission_action = _parse_permission_action(d.pop("permissionAction", UNSET))

        file_entry = cls(
            name=name,
            id=id,
            path=path,
            size=size,
            is_directory=is_directory,
            is_regular_file=is_regular_file,
            is_symbolic_link=is_symbolic_link,
            is_share=is_share,
            is_other=is_other,
            share_enabled=share_enabled,
            owner=owner,
            group=group,
            permission=permission,
            creation_time=creation_time,
            last_modified_time=last_modified_time,
            last_access_time=last_access_time,
            type_=type_,
            file_key=file_key,
            permission_action=permission_action,
        )

        file_entry.additional_properties = d
        return file_entry

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
