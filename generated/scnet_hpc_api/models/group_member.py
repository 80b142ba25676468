from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="GroupMember")


@_attrs_define
class GroupMember:
    """One member of a group the caller manages, in one region. The vendor page's response table
    was not visible: the declared members are named as the member-jobs call names them
    (`clusterId`, `groupId`, `clusterUserName` are its path parameters) plus the platform
    `userName`, so that a row is enough to list that member's jobs. Other members may be present.

        Attributes:
            group_id (int | str): Group id (组ID). Example: 533686286955839488.
            user_name (str): The member's platform user name. Example: test.
            cluster_id (int | str): Region id (区域ID). Example: 11112.
            cluster_user_name (str): The member's cluster user in that region (区域用户名). Example: test.
    """

    group_id: int | str
    user_name: str
    cluster_id: int | str
    cluster_user_name: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        group_id: int | str
        group_id = self.group_id

        user_name = self.user_name

        cluster_id: int | str
        cluster_id = self.cluster_id

        cluster_user_name = self.cluster_user_name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "groupId": group_id,
                "userName": user_name,
                "clusterId": cluster_id,
                "clusterUserName": cluster_user_name,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_group_id(data: object) -> int | str:
            return cast(int | str, data)

        group_id = _parse_group_id(d.pop("groupId"))

        user_name = d.pop("userName")

        def _parse_cluster_id(data: object) -> int | str:
            return cast(int | str, data)

        cluster_id = _parse_cluster_id(d.pop("clusterId"))

        cluster_user_name = d.pop("clusterUserName")

        group_member = cls(
            group_id=group_id,
            user_name=user_name,
            cluster_id=cluster_id,
            cluster_user_name=cluster_user_name,
        )

        group_member.additional_properties = d
        return group_member

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
