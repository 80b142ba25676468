from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.member_job import MemberJob


T = TypeVar("T", bound="MemberJobListEnvelope")


@_attrs_define
class MemberJobListEnvelope:
    """
    Attributes:
        code (Literal['0']): Success (成功).
        msg (str):
        data (list[MemberJob]): Realtime jobs (实时作业信息集合).
    """

    code: Literal["0"]
    msg: str
    data: list[MemberJob]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        msg = self.msg

        data = []
        for data_item_data in self.data:
            data_item = data_item_data.to_dict()
            data.append(data_item)

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
        from ..models.member_job import MemberJob

        d = dict(src_dict)
        code = cast(Literal["0"], d.pop("code"))
        if code != "0":
            raise ValueError(f"code must match const '0', got '{code}'")

        msg = d.pop("msg")

        data = []
        _data = d.pop("data")
        for data_item_data in _data:
            data_item = MemberJob.from_dict(data_item_data)

            data.append(data_item)

        member_job_list_envelope = cls(
            code=code,
            msg=msg,
            data=data,
        )

        member_job_list_envelope.additional_properties = d
        return member_job_list_envelope

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
