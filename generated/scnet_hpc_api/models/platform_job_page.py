from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.platform_job import PlatformJob


T = TypeVar("T", bound="PlatformJobPage")


@_attrs_define
class PlatformJobPage:
    """One page. The live capture has `records`; its client says the platform's documentation calls it `list`; both are
    accepted.

        Attributes:
            total (int): Rows matching the filters
            pages (int | Unset): Number of pages.
            records (list[PlatformJob] | None | Unset):
            list_ (list[PlatformJob] | None | Unset):
    """

    total: int
    pages: int | Unset = UNSET
    records: list[PlatformJob] | Unset | None = UNSET
    list_: list[PlatformJob] | Unset | None = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        total = self.total

        pages = self.pages

        records: list[dict[str, Any]] | Unset | None
        if isinstance(self.records, Unset):
            records = UNSET
        elif isinstance(self.records, list):
            records = []
            for records_type_0_item_data in self.records:
                records_type_0_item = records_type_0_item_data.to_dict()
                records.append(records_type_0_item)

        else:
            records = self.records

        list_: list[dict[str, Any]] | Unset | None
        if isinstance(self.list_, Unset):
            list_ = UNSET
        elif isinstance(self.list_, list):
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
            }
        )
        if pages is not UNSET:
            field_dict["pages"] = pages
        if records is not UNSET:
            field_dict["records"] = records
        if list_ is not UNSET:
            field_dict["list"] = list_

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.platform_job import PlatformJob

        d = dict(src_dict)
        total = d.pop("total")

        pages = d.pop("pages", UNSET)

        def _parse_records(data: object) -> list[PlatformJob] | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                records_type_0 = []
                _records_type_0 = data
                for records_type_0_item_data in _records_type_0:
                    records_type_0_item = PlatformJob.from_dict(records_type_0_item_data)

                    records_type_0.append(records_type_0_item)

                return records_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[PlatformJob] | None | Unset, data)

        records = _parse_records(d.pop("records", UNSET))

        def _parse_list_(data: object) -> list[PlatformJob] | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                list_type_0 = []
                _list_type_0 = data
                for list_type_0_item_data in _list_type_0:
                    list_type_0_item = PlatformJob.from_dict(list_type_0_item_data)

                    list_type_0.append(list_type_0_item)

                return list_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[PlatformJob] | None | Unset, data)

        list_ = _parse_list_(d.pop("list", UNSET))

        platform_job_page = cls(
            total=total,
            pages=pages,
            records=records,
            list_=list_,
        )

        platform_job_page.additional_properties = d
        return platform_job_page

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
