from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.history_job import HistoryJob


T = TypeVar("T", bound="HistoryJobPage")


@_attrs_define
class HistoryJobPage:
    """
    Attributes:
        total (int):
        list_ (list[HistoryJob] | None): This page's rows; the live service may send `null` instead of `[]`.
    """

    total: int
    list_: list[HistoryJob] | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        total = self.total

        list_: list[dict[str, Any]] | None
        if isinstance(self.list_, list):
            list_ = []
            for list_type_0_item_data in self.list_:
                list_type_0_item = list_type_0_item_data.to_dict()
                list_.append(list_type_0_item)

        else:
            list_ = self.list_

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "total": total,
                "list": list_,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.history_job import HistoryJob

        d = dict(src_dict)
        total = d.pop("total")

        def _parse_list_(data: object) -> list[HistoryJob] | None:
            if data is None:
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                list_type_0 = []
                _list_type_0 = data
                for list_type_0_item_data in _list_type_0:
                    list_type_0_item = HistoryJob.from_dict(list_type_0_item_data)

                    list_type_0.append(list_type_0_item)

                return list_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[HistoryJob] | None, data)

        list_ = _parse_list_(d.pop("list"))

        history_job_page = cls(
            total=total,
            list_=list_,
        )

        history_job_page.additional_properties = d
        return history_job_page

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
