from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.token_state_envelope_data_type_1 import TokenStateEnvelopeDataType1


T = TypeVar("T", bound="TokenStateEnvelope")


@_attrs_define
class TokenStateEnvelope:
    """
    Attributes:
        code (Literal['0']): Success (成功).
        msg (str):
        data (str | TokenStateEnvelopeDataType1): Documented as an object; the documented example is the string `token
            is valid`.
    """

    code: Literal["0"]
    msg: str
    data: str | TokenStateEnvelopeDataType1
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.token_state_envelope_data_type_1 import TokenStateEnvelopeDataType1

        code = self.code

        msg = self.msg

        data: dict[str, Any] | str
        if isinstance(self.data, TokenStateEnvelopeDataType1):
            data = self.data.to_dict()
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
        from ..models.token_state_envelope_data_type_1 import TokenStateEnvelopeDataType1

        d = dict(src_dict)
        code = cast(Literal["0"], d.pop("code"))
        if code != "0":
            raise ValueError(f"code must match const '0', got '{code}'")

        msg = d.pop("msg")

        def _parse_data(data: object) -> str | TokenStateEnvelopeDataType1:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                data_type_1 = TokenStateEnvelopeDataType1.from_dict(data)

                return data_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(str | TokenStateEnvelopeDataType1, data)

        data = _parse_data(d.pop("data"))

        token_state_envelope = cls(
            code=code,
            msg=msg,
            data=data,
        )

        token_state_envelope.additional_properties = d
        return token_state_envelope

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
