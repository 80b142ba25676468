from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.cluster_user_info import ClusterUserInfo
    from ..models.service_url import ServiceUrl


T = TypeVar("T", bound="CenterInfo")


@_attrs_define
class CenterInfo:
    """
    Attributes:
        id (int | str): Region id; typed string in the docs' table, a number in the example. Example: 11112.
        name (str):  Example: OpenAPI计算中心.
        cluster_user_info (ClusterUserInfo):
        hpc_urls (list[ServiceUrl]): Job API gateways (typed string in the docs' table, an array of objects in reality).
        description (str | Unset):  Example: 对外OpenAPI中心.
        efile_urls (list[ServiceUrl] | Unset):
        ai_urls (list[ServiceUrl] | Unset):
        eshell_urls (list[ServiceUrl] | Unset):
        ingress_urls (list[ServiceUrl] | Unset):
    """

    id: int | str
    name: str
    cluster_user_info: ClusterUserInfo
    hpc_urls: list[ServiceUrl]
    description: str | Unset = UNSET
    efile_urls: list[ServiceUrl] | Unset = UNSET
    ai_urls: list[ServiceUrl] | Unset = UNSET
    eshell_urls: list[ServiceUrl] | Unset = UNSET
    ingress_urls: list[ServiceUrl] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id: int | str
        id = self.id

        name = self.name

        cluster_user_info = self.cluster_user_info.to_dict()

        hpc_urls = []
        for hpc_urls_item_data in self.hpc_urls:
            hpc_urls_item = hpc_urls_item_data.to_dict()
            hpc_urls.append(hpc_urls_item)

        description = self.description

        efile_urls: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.efile_urls, Unset):
            efile_urls = []
            for efile_urls_item_data in self.efile_urls:
                efile_urls_item = efile_urls_item_data.to_dict()
                efile_urls.append(efile_urls_item)

        ai_urls: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.ai_urls, Unset):
            ai_urls = []
            for ai_urls_item_data in self.ai_urls:
                ai_urls_item = ai_urls_item_data.to_dict()
                ai_urls.append(ai_urls_item)

        eshell_urls: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.eshell_urls, Unset):
            eshell_urls = []
            for eshell_urls_item_data in self.eshell_urls:
                eshell_urls_item = eshell_urls_item_data.to_dict()
                eshell_urls.append(eshell_urls_item)

        ingress_urls: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.ingress_urls, Unset):
            ingress_urls = []
            for ingress_urls_item_data in self.ingress_urls:
                ingress_urls_item = ingress_urls_item_data.to_dict()
                ingress_urls.append(ingress_urls_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "clusterUserInfo": cluster_user_info,
                "hpcUrls": hpc_urls,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description
        if efile_urls is not UNSET:
            field_dict["efileUrls"] = efile_urls
        if ai_urls is not UNSET:
            field_dict["aiUrls"] = ai_urls
        if eshell_urls is not UNSET:
            field_dict["eshellUrls"] = eshell_urls
        if ingress_urls is not UNSET:
            field_dict["ingressUrls"] = ingress_urls

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.cluster_user_info import ClusterUserInfo
        from ..models.service_url import ServiceUrl

        d = dict(src_dict)

        def _parse_id(data: object) -> int | str:
            return cast(int | str, data)

        id = _parse_id(d.pop("id"))

        name = d.pop("name")

        cluster_user_info = ClusterUserInfo.from_dict(d.pop("clusterUserInfo"))

        hpc_urls = []
        _hpc_urls = d.pop("hpcUrls")
        for hpc_urls_item_data in _hpc_urls:
            hpc_urls_item = ServiceUrl.from_dict(hpc_urls_item_data)

            hpc_urls.append(hpc_urls_item)

        description = d.pop("description", UNSET)

        _efile_urls = d.pop("efileUrls", UNSET)
        efile_urls: list[ServiceUrl] | Unset = UNSET
        if _efile_urls is not UNSET:
            efile_urls = []
            for efile_urls_item_data in _efile_urls:
                efile_urls_item = ServiceUrl.from_dict(efile_urls_item_data)

                efile_urls.append(efile_urls_item)

        _ai_urls = d.pop("aiUrls", UNSET)
        ai_urls: list[ServiceUrl] | Unset = UNSET
        if _ai_urls is not UNSET:
            ai_urls = []
            for ai_urls_item_data in _ai_urls:
                ai_urls_item = ServiceUrl.from_dict(ai_urls_item_data)

                ai_urls.append(ai_urls_item)

        _eshell_urls = d.pop("eshellUrls", UNSET)
        eshell_urls: list[ServiceUrl] | Unset = UNSET
        if _eshell_urls is not UNSET:
            eshell_urls = []
            for eshell_urls_item_data in _eshell_urls:
                eshell_urls_item = ServiceUrl.from_dict(eshell_urls_item_data)

                eshell_urls.append(eshell_urls_item)

        _ingress_urls = d.pop("ingressUrls", UNSET)
        ingress_urls: list[ServiceUrl] | Unset = UNSET
        if _ingress_urls is not UNSET:
            ingress_urls = []
            for ingress_urls_item_data in _ingress_urls:
                ingress_urls_item = ServiceUrl.from_dict(ingress_urls_item_data)

                ingress_urls.append(ingress_urls_item)

        center_info = cls(
            id=id,
            name=name,
            cluster_user_info=cluster_user_info,
            hpc_urls=hpc_urls,
            description=description,
            efile_urls=efile_urls,
            ai_urls=ai_urls,
            eshell_urls=eshell_urls,
            ingress_urls=ingress_urls,
        )

        center_info.additional_properties = d
        return center_info

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
