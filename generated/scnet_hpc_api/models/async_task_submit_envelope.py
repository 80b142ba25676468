from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.file_task import FileTask


T = TypeVar("T", bound="AsyncTaskSubmitEnvelope")


@_attrs_define
class AsyncTaskSubmitEnvelope:
    """
    Attributes:
        code (Literal['0']): Success (成功).
        msg (str):
        data (list[FileTask | str]): One entry per submitted task, in order; an entry may be the bare task id.
    """

    code: Literal["0"]
    msg: str
    data: list[FileTask | str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.file_task import FileTask

        code = self.code

        msg = self.msg

        data = []
        for data_item_data in self.data:
            data_item: dict[str, Any] | str
            if isinstance(data_item_data, FileTask):
                data_item = data_item_data.to_dict()
            else:
                data_item = data_item_data
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
        from ..models.file_task import FileTask

        d = dict(src_dict)
        code = cast(Literal["0"], d.pop("code"))
        if code != "0":
            raise ValueError(f"code must match const '0', got '{code}'")

        msg = d.pop("msg")

        data = []
        _data = d.pop("data")
        for data_item_data in _data:

            def _parse_data_item(data: object) -> FileTask | str:
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    data_item_type_1 = FileTask.from_dict(data)

                    return data_item_type_1
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                return cast(FileTask | str, data)

            data_item = _parse_data_item(data_item_data)

            data.append(data_item)

        async_task_submit_envelope = cls(
            code=code,
            msg=msg,
            data=data,
        )

        async_task_submit_envelope.additional_properties = d
        return async_task_submit_envelope

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
