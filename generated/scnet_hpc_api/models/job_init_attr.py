from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="JobInitAttr")


@_attrs_define
class JobInitAttr:
    """The scheduler's own record of the job (Slurm words and casing). An object here; other members may be present.

    Attributes:
        job_id (str | Unset):
        job_name (str | Unset):
        job_state (str | Unset): Slurm state word: `PENDING`, `RUNNING`, `COMPLETED`, `FAILED`, `CANCELLED`, `TIMEOUT`,
            ... Example: COMPLETED.
        exit_code (str | Unset): `<code>:<signal>`. Example: 0:0.
        reason (str | Unset):  Example: None.
        work_dir (str | Unset):
        std_out (str | Unset):
        std_err (str | Unset):
        num_cp_us (int | Unset):
        num_nodes (int | Unset):
        start_time (str | Unset): ISO without zone Example: 2026-09-14T14:47:13.
        end_time (str | Unset):
    """

    job_id: str | Unset = UNSET
    job_name: str | Unset = UNSET
    job_state: str | Unset = UNSET
    exit_code: str | Unset = UNSET
    reason: str | Unset = UNSET
    work_dir: str | Unset = UNSET
    std_out: str | Unset = UNSET
    std_err: str | Unset = UNSET
    num_cp_us: int | Unset = UNSET
    num_nodes: int | Unset = UNSET
    start_time: str | Unset = UNSET
    end_time: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        job_id = self.job_id

        job_name = self.job_name

        job_state = self.job_state

        exit_code = self.exit_code

        reason = self.reason

        work_dir = self.work_dir

        std_out = self.std_out

        std_err = self.std_err

        num_cp_us = self.num_cp_us

        num_nodes = self.num_nodes

        start_time = self.start_time

        end_time = self.end_time

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if job_id is not UNSET:
            field_dict["JobId"] = job_id
        if job_name is not UNSET:
            field_dict["JobName"] = job_name
        if job_state is not UNSET:
            field_dict["JobState"] = job_state
        if exit_code is not UNSET:
            field_dict["ExitCode"] = exit_code
        if reason is not UNSET:
            field_dict["Reason"] = reason
        if work_dir is not UNSET:
            field_dict["WorkDir"] = work_dir
        if std_out is not UNSET:
            field_dict["StdOut"] = std_out
        if std_err is not UNSET:
            field_dict["StdErr"] = std_err
        if num_cp_us is not UNSET:
            field_dict["NumCPUs"] = num_cp_us
        if num_nodes is not UNSET:
            field_dict["NumNodes"] = num_nodes
        if start_time is not UNSET:
            field_dict["StartTime"] = start_time
        if end_time is not UNSET:
            field_dict["EndTime"] = end_time

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        job_id = d.pop("JobId", UNSET)

        job_name = d.pop("JobName", UNSET)

        job_state = d.pop("JobState", UNSET)

        exit_code = d.pop("ExitCode", UNSET)

        reason = d.pop("Reason", UNSET)

        work_dir = d.pop("WorkDir", UNSET)

        std_out = d.pop("StdOut", UNSET)

        std_err = d.pop("StdErr", UNSET)

        num_cp_us = d.pop("NumCPUs", UNSET)

        num_nodes = d.pop("NumNodes", UNSET)

        start_time = d.pop("StartTime", UNSET)

        end_time = d.pop("EndTime", UNSET)

        job_init_attr = cls(
            job_id=job_id,
            job_name=job_name,
            job_state=job_state,
            exit_code=exit_code,
            reason=reason,
            work_dir=work_dir,
            std_out=std_out,
            std_err=std_err,
            num_cp_us=num_cp_us,
            num_nodes=num_nodes,
            start_time=start_time,
            end_time=end_time,
        )

        job_init_attr.additional_properties = d
        return job_init_attr

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
