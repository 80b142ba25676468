from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="UserInfo")


@_attrs_define
class UserInfo:
    """The platform user (`data` is an object, described 用户信息列表 in the docs' table). Other members may be present.

    Attributes:
        user_name (str): User name (用户名). Example: test.
        full_name (str | Unset): Full name (全名). Example: 测试用户.
        country (str | Unset): Country (国家). Example: China.
        time_zone (str | Unset): Time zone (时区). Example: (UTC+0800) China Standard Time.
        language (str | Unset): Language (语言). Example: zh_CN.
        address (str | Unset): Address (地址). Example: 测试地址.
        account_status (str | Unset): Account status (账户状态). Example: Normal.
        account_name (str | Unset): Account name (账户名称). Example: test.
        account_balance (str | Unset): Account balance (账户余额) Example: 0.00.
        computer_center (str | Unset): Region (区域). Example: OpenAPI计算中心.
    """

    user_name: str
    full_name: str | Unset = UNSET
    country: str | Unset = UNSET
    time_zone: str | Unset = UNSET
    language: str | Unset = UNSET
    address: str | Unset = UNSET
    account_status: str | Unset = UNSET
    account_name: str | Unset = UNSET
    account_balance: str | Unset = UNSET
    computer_center: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        user_name = self.user_name

        full_name = self.full_name

        country = self.country

        time_zone = self.time_zone

        language = self.language

        address = self.address

        account_status = self.account_status

        account_name = self.account_name

        account_balance = self.account_balance

        computer_center = self.computer_center

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "userName": user_name,
            }
        )
        if full_name is not UNSET:
            field_dict["fullName"] = full_name
        if country is not UNSET:
            field_dict["country"] = country
        if time_zone is not UNSET:
            field_dict["timeZone"] = time_zone
        if language is not UNSET:
            field_dict["language"] = language
        if address is not UNSET:
            field_dict["address"] = address
        if account_status is not UNSET:
            field_dict["accountStatus"] = account_status
        if account_name is not UNSET:
            field_dict["accountName"] = account_name
        if account_balance is not UNSET:
            field_dict["accountBalance"] = account_balance
        if computer_center is not UNSET:
            field_dict["computerCenter"] = computer_center

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        user_name = d.pop("userName")

        full_name = d.pop("fullName", UNSET)

        country = d.pop("country", UNSET)

        time_zone = d.pop("timeZone", UNSET)

        language = d.pop("language", UNSET)

        address = d.pop("address", UNSET)

        account_status = d.pop("accountStatus", UNSET)

        account_name = d.pop("accountName", UNSET)

        account_balance = d.pop("accountBalance", UNSET)

        computer_center = d.pop("computerCenter", UNSET)

        user_info = cls(
            user_name=user_name,
            full_name=full_name,
            country=country,
            time_zone=time_zone,
            language=language,
            address=address,
            account_status=account_status,
            account_name=account_name,
            account_balance=account_balance,
            computer_center=computer_center,
        )

        user_info.additional_properties = d
        return user_info

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
