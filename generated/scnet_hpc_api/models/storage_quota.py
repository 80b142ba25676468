from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="StorageQuota")


@_attrs_define
class StorageQuota:
    """
    Attributes:
        username (str): User name (用户名); empty on the live service.
        path (str): Path the quota applies to (共享存储配额路径). Example: /public/home/test.
        threshold (float): Quota in GB (共享存储配额量). Example: 700.
        usage (float): Usage in GB. Example: 61.6.
        quota_id (int | Unset):  Example: 101072.
    """

    username: str
    path: str
    threshold: float
    usage: float
    quota_id: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        username = self.username

        path = self.path

        threshold = self.threshold

        usage = self.usage

        quota_id = self.quota_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "username": username,
                "path": path,
                "threshold": threshold,
                "usage": usage,
            }
        )
        if quota_id is not UNSET:
            field_dict["quotaId"] = quota_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        username = d.pop("username")

        path = d.pop("path")

        threshold = d.pop("threshold")

        usage = d.pop("usage")

        quota_id = d.pop("quotaId", UNSET)

        storage_quota = cls(
            username=username,
            path=path,
            threshold=threshold,
            usage=usage,
            quota_id=quota_id,
        )

        storage_quota.additional_properties = d
        return storage_quota

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
