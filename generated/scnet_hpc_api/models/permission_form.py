from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.permission_form_permission_action import PermissionFormPermissionAction

T = TypeVar("T", bound="PermissionForm")


@_attrs_define
class PermissionForm:
    """
    Attributes:
        path (str):  Example: /public/home/test/BASE.
        permission_action (PermissionFormPermissionAction):
    """

    path: str
    permission_action: PermissionFormPermissionAction
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        path = self.path

        permission_action = self.permission_action.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "path": path,
                "permissionAction": permission_action,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        path = d.pop("path")

        permission_action = PermissionFormPermissionAction(d.pop("permissionAction"))

        permission_form = cls(
            path=path,
            permission_action=permission_action,
        )

        permission_form.additional_properties = d
        return permission_form

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
