from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.job_info import JobInfo


T = TypeVar("T", bound="SubmitJobRequest")


@_attrs_define
class SubmitJobRequest:
    """Some clients also send top-level `apptype`/`appname`; the path already carries them, and
    extra members are ignored.

        Attributes:
            str_job_manager_id (int): Scheduler id (调度器ID), typed `Long` here (a string on the query pages). Clients send a
                JSON integer. The live service (Spring/Jackson, which reads a digit string into a
                `Long`) also accepts a **string of digits**, and public clients send it so (github.com/
                lql341/scnet-hpc `scripts/scnet_sdk/client.py` and `scripts/scnet_backends/openapi.py`
                send `str(scheduler_id)`); a server must accept both (`x-also-accepts`).
                 Example: 1638523853.
            map_app_job_info (JobInfo): The job object (作业对象). **Every value is a string**, counts included (`"1"`, not
                `1`):
                clients send strings. The live service binds this object to a `Map<String, String>`, and
                Jackson turns a JSON number or boolean into its text (`1` → `"1"`, `false` → `"false"`,
                `1.0` → `"1.0"`), so a server must accept those too (`x-also-accepts`) and treat them as
                that text; objects and arrays are refused. Payloads copied from the web console send such
                scalars.
                Rules the scheduler enforces: give exactly one of `GAP_NNODE` / `GAP_NODE_STRING` (the other
                must be `""`), and exactly one of `GAP_NPROC` / `GAP_PPN`. Extra `GAP_*` keys are allowed and
                must be strings too.
    """

    str_job_manager_id: int
    map_app_job_info: JobInfo
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        str_job_manager_id = self.str_job_manager_id

        map_app_job_info = self.map_app_job_info.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "strJobManagerID": str_job_manager_id,
                "mapAppJobInfo": map_app_job_info,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.job_info import JobInfo

        d = dict(src_dict)
        str_job_manager_id = d.pop("strJobManagerID")

        map_app_job_info = JobInfo.from_dict(d.pop("mapAppJobInfo"))

        submit_job_request = cls(
            str_job_manager_id=str_job_manager_id,
            map_app_job_info=map_app_job_info,
        )

        submit_job_request.additional_properties = d
        return submit_job_request

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
