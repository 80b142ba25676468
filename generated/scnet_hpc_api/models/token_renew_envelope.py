from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.region_token import RegionToken
    from ..models.token_renew_envelope_data_type_1 import TokenRenewEnvelopeDataType1


T = TypeVar("T", bound="TokenRenewEnvelope")


@_attrs_define
class TokenRenewEnvelope:
    """
    Attributes:
        code (Literal['0']): Success (成功).
        msg (str):
        data (list[RegionToken] | str | TokenRenewEnvelopeDataType1): The docs' table lists a region array plus a
            `token` member; community clients of the live
            service read `data` as the new token string. Both are accepted: a string, an object
            holding `token`, or an array of `RegionToken`.
    """

    code: Literal["0"]
    msg: str
    data: list[RegionToken] | str | TokenRenewEnvelopeDataType1
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.token_renew_envelope_data_type_1 import TokenRenewEnvelopeDataType1

        code = self.code

        msg = self.msg

        data: dict[str, Any] | list[dict[str, Any]] | str
        if isinstance(self.data, TokenRenewEnvelopeDataType1):
            data = self.data.to_dict()
        elif isinstance(self.data, list):
            data = []
            for data_type_2_item_data in self.data:
                data_type_2_item = data_type_2_item_data.to_dict()
                data.append(data_type_2_item)

        else:
            data = self.data

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "msg": msg,
                "data": data,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.region_token import RegionToken
        from ..models.token_renew_envelope_data_type_1 import TokenRenewEnvelopeDataType1

        d = dict(src_dict)
        code = cast(Literal["0"], d.pop("code"))
        if code != "0":
            raise ValueError(f"code must match const '0', got '{code}'")

        msg = d.pop("msg")

        def _parse_data(data: object) -> list[RegionToken] | str | TokenRenewEnvelopeDataType1:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                data_type_1 = TokenRenewEnvelopeDataType1.from_dict(data)

                return data_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, list):
                    raise TypeError()
                data_type_2 = []
                _data_type_2 = data
                for data_type_2_item_data in _data_type_2:
                    data_type_2_item = RegionToken.from_dict(data_type_2_item_data)

                    data_type_2.append(data_type_2_item)

                return data_type_2
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[RegionToken] | str | TokenRenewEnvelopeDataType1, data)

        data = _parse_data(d.pop("data"))

        token_renew_envelope = cls(
            code=code,
            msg=msg,
            data=data,
        )

        token_renew_envelope.additional_properties = d
        return token_renew_envelope

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
