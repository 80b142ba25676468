from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.cancel_jobs_form_job_method import CancelJobsFormJobMethod

T = TypeVar("T", bound="CancelJobsForm")


@_attrs_define
class CancelJobsForm:
    """Required flags were not visible in the docs; both members are needed for a cancel.

    Attributes:
        job_method (CancelJobsFormJobMethod): Job operation type (作业操作类型); delete is `5`, the only documented value.
            Example: 5.
        str_job_info_map (str): Jobs to delete: entries `<scheduler id>,<cluster user>:<job id>:` joined by `;` (a final
            `;` is allowed), e.g. `1638523853,test:197:;1638523853,test:196:`.
             Example: 1638523853,test:35918:.
    """

    job_method: CancelJobsFormJobMethod
    str_job_info_map: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        job_method = self.job_method.value

        str_job_info_map = self.str_job_info_map

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "jobMethod": job_method,
                "strJobInfoMap": str_job_info_map,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        job_method = CancelJobsFormJobMethod(d.pop("jobMethod"))

        str_job_info_map = d.pop("strJobInfoMap")

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
