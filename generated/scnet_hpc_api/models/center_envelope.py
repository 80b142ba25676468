from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.center_info import CenterInfo


T = TypeVar("T", bound="CenterEnvelope")


@_attrs_define
class CenterEnvelope:
    """
    Attributes:
        code (Literal['0']): Success (成功).
        msg (str):
        data (CenterInfo | list[CenterInfo]): The docs' table says `array`; the live service (and the docs' own example)
            send one
            **object**. A one-element array is tolerated.
    """

    code: Literal["0"]
    msg: str
    data: CenterInfo | list[CenterInfo]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.center_info import CenterInfo

        code = self.code

        msg = self.msg

        data: dict[str, Any] | list[dict[str, Any]]
        if isinstance(self.data, CenterInfo):
            data = self.data.to_dict()
        else:
            data = []
            for data_type_1_item_data in self.data:
                data_type_1_item = data_type_1_item_data.to_dict()
                data.append(data_type_1_item)

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
        from ..models.center_info import CenterInfo

        d = dict(src_dict)
        code = cast(Literal["0"], d.pop("code"))
        if code != "0":
            raise ValueError(f"code must match const '0', got '{code}'")

        msg = d.pop("msg")

        def _parse_data(data: object) -> CenterInfo | list[CenterInfo]:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                data_type_0 = CenterInfo.from_dict(data)

                return data_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, list):
                raise TypeError()
            data_type_1 = []
            _data_type_1 = data
            for data_type_1_item_data in _data_type_1:
                data_type_1_item = CenterInfo.from_dict(data_type_1_item_data)

                data_type_1.append(data_type_1_item)

            return data_type_1

        data = _parse_data(d.pop("data"))

        center_envelope = cls(
            code=code,
            msg=msg,
            data=data,
        )

        center_envelope.additional_properties = d
        return center_envelope

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
