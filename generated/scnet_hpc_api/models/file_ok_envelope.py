from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="FileOkEnvelope")


@_attrs_define
class FileOkEnvelope:
    """A success envelope whose `data` carries nothing to rely on (`""`, `null` or an object); present on every answer.

    Attributes:
        code (Literal['0']): Success (成功).
        msg (str):
        data (Any): `""` (mkdir, remove), `null`, or an object; not documented further.
    """

    code: Literal["0"]
    msg: str
    data: Any
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        msg = self.msg

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
        d = dict(src_dict)
        code = cast(Literal["0"], d.pop("code"))
        if code != "0":
            raise ValueError(f"code must match const '0', got '{code}'")

        msg = d.pop("msg")

        data = d.pop("data")

        file_ok_envelope = cls(
            code=code,
            msg=msg,
            data=data,
        )

        file_ok_envelope.additional_properties = d
        return file_ok_envelope

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
