from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.cancel_jobs_form_job_method import CancelJobsFormJobMethod
from ..types import UNSET, Unset

T = TypeVar("T", bound="CancelJobsForm")


@_attrs_define
class CancelJobsForm:
    """Required flags were not visible in the docs; both members are needed for a cancel, and
    clients send both here. Spring binds each of them from the form or the query string, so a
    member missing here may come in the query (see `cancel_jobs`): the schema cannot require
    either, the server answers `10003` when one is in neither place.

        Attributes:
            job_method (CancelJobsFormJobMethod | Unset): Job operation type (作业操作类型); delete is `5`, the only documented
                value. Example: 5.
            str_job_info_map (str | Unset): Jobs to delete: entries `<scheduler id>,<cluster user>:<job id>:` joined by `;`
                (a final
                `;` is allowed), e.g. `1638523853,test:197:;1638523853,test:196:`.
                 Example: 1638523853,test:35918:.
    """

    job_method: CancelJobsFormJobMethod | Unset = UNSET
    str_job_info_map: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        job_method: str | Unset = UNSET
        if not isinstance(self.job_method, Unset):
            job_method = self.job_method.value

        str_job_info_map = self.str_job_info_map

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if job_method is not UNSET:
            field_dict["jobMethod"] = job_method
        if str_job_info_map is not UNSET:
            field_dict["strJobInfoMap"] = str_job_info_map

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _job_method = d.pop("jobMethod", UNSET)
        job_method: CancelJobsFormJobMethod | Unset
        if isinstance(_job_method, Unset):
            job_method = UNSET
        else:
            job_method = CancelJobsFormJobMethod(_job_method)

        str_job_info_map = d.pop("strJobInfoMap", UNSET)

        cancel_jobs_form = cls(
            job_method=job_method,
            str_job_info_map=str_job_info_map,
        )

        cancel_jobs_form.additional_properties = d
        return cancel_jobs_form

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
