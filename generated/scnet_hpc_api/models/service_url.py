from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ServiceUrl")


@_attrs_define
class ServiceUrl:
    """
    Attributes:
        url (str): Base URL that already ends in its service segment (`/hpc`, `/efile`, `/ai`, `/eshell`). Example:
            https://scnet-demo.accloud.cn/hpc.
        enable (bool | str): The string `"true"` or `"false"` (a boolean is tolerated). Use the enabled URLs. Example:
            true.
        is_manager_node (bool | str | Unset):  Example: true.
        version (str | Unset):  Example: 5.2.2.
        node_name (str | Unset):  Example: h04r3n07.
        fast_trans_enable (bool | str | Unset):  Example: true.
        udp_port (str | Unset):  Example: 65104.
    """

    url: str
    enable: bool | str
    is_manager_node: bool | str | Unset = UNSET
    version: str | Unset = UNSET
    node_name: str | Unset = UNSET
    fast_trans_enable: bool | str | Unset = UNSET
    udp_port: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        url = self.url

        enable: bool | str
        enable = self.enable

        is_manager_node: bool | str | Unset
        if isinstance(self.is_manager_node, Unset):
            is_manager_node = UNSET
        else:
            is_manager_node = self.is_manager_node

        version = self.version

        node_name = self.node_name

        fast_trans_enable: bool | str | Unset
        if isinstance(self.fast_trans_enable, Unset):
            fast_trans_enable = UNSET
        else:
            fast_trans_enable = self.fast_trans_enable

        udp_port = self.udp_port

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "url": url,
                "enable": enable,
            }
        )
        if is_manager_node is not UNSET:
            field_dict["isManagerNode"] = is_manager_node
        if version is not UNSET:
            field_dict["version"] = version
        if node_name is not UNSET:
            field_dict["nodeName"] = node_name
        if fast_trans_enable is not UNSET:
            field_dict["fastTransEnable"] = fast_trans_enable
        if udp_port is not UNSET:
            field_dict["udpPort"] = udp_port

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        url = d.pop("url")

        def _parse_enable(data: object) -> bool | str:
            return cast(bool | str, data)

        enable = _parse_enable(d.pop("enable"))

        def _parse_is_manager_node(data: object) -> bool | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(bool | str | Unset, data)

        is_manager_node = _parse_is_manager_node(d.pop("isManagerNode", UNSET))

        version = d.pop("version", UNSET)

        node_name = d.pop("nodeName", UNSET)

        def _parse_fast_trans_enable(data: object) -> bool | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(bool | str | Unset, data)

        fast_trans_enable = _parse_fast_trans_enable(d.pop("fastTransEnable", UNSET))

        udp_port = d.pop("udpPort", UNSET)

        service_url = cls(
            url=url,
            enable=enable,
            is_manager_node=is_manager_node,
            version=version,
            node_name=node_name,
            fast_trans_enable=fast_trans_enable,
            udp_port=udp_port,
        )

        service_url.additional_properties = d
        return service_url

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
