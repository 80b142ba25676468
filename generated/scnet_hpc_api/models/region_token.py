from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="RegionToken")


@_attrs_define
class RegionToken:
    """
    Attributes:
        cluster_name (str): Region name; `ac` for the platform token. Example: OpenAPI计算中心.
        cluster_id (int | str): Region id; `"0"` for the platform token. A string here, while job lists send region ids
            as numbers: both are accepted.
             Example: 11112.
        token (None | str): The region's HS256 JWT. Its `expireTime` claim is the expiry in milliseconds since the
            epoch, as a string. `null` when the account is stopped (停用) or in arrears in that region.
    """

    cluster_name: str
    cluster_id: int | str
    token: str | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        cluster_name = self.cluster_name

        cluster_id: int | str
        cluster_id = self.cluster_id

        token: str | None
        token = self.token

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "clusterName": cluster_name,
                "clusterId": cluster_id,
                "token": token,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        cluster_name = d.pop("clusterName")

        def _parse_cluster_id(data: object) -> int | str:
            return cast(int | str, data)

        cluster_id = _parse_cluster_id(d.pop("clusterId"))

        def _parse_token(data: object) -> str | None:
            if data is None:
                return data
            return cast(None | str, data)

        token = _parse_token(d.pop("token"))

        region_token = cls(
            cluster_name=cluster_name,
            cluster_id=cluster_id,
            token=token,
        )

        region_token.additional_properties = d
        return region_token

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
