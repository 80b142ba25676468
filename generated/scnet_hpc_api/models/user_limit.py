from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="UserLimit")


@_attrs_define
class UserLimit:
    """The docs' table was visible only as far as `userMaxCpu` ("如果未做限制,则值…", the value
    meaning "unlimited" is cut off). The other members are those a client of the live service
    reads; their JSON types were not captured and are assumed to match `userMaxCpu`.
    The mock uses `-1` for "unlimited".

        Attributes:
            user_name (str): User name (用户名称). Example: test.
            account_name (str): Default account linked to the user (用户所关联的默认的账号名). Example: test.
            user_max_cpu (int): Maximum CPU cores (单位核). Example: 128.
            user_max_dcu (int | Unset):
            user_max_gpu (int | Unset):
            user_max_mlu (int | Unset):
            user_max_mem (int | Unset): MB.
            user_max_node (int | Unset):
            user_max_submit_job (int | Unset):
            user_max_run_job (int | Unset):
            account_max_cpu (int | Unset):
            account_max_dcu (int | Unset):
            account_max_gpu (int | Unset):
            account_max_node (int | Unset):
            max_wall_time (int | Unset): Remaining machine time
    """

    user_name: str
    account_name: str
    user_max_cpu: int
    user_max_dcu: int | Unset = UNSET
    user_max_gpu: int | Unset = UNSET
    user_max_mlu: int | Unset = UNSET
    user_max_mem: int | Unset = UNSET
    user_max_node: int | Unset = UNSET
    user_max_submit_job: int | Unset = UNSET
    user_max_run_job: int | Unset = UNSET
    account_max_cpu: int | Unset = UNSET
    account_max_dcu: int | Unset = UNSET
    account_max_gpu: int | Unset = UNSET
    account_max_node: int | Unset = UNSET
    max_wall_time: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        user_name = self.user_name

        account_name = self.account_name

        user_max_cpu = self.user_max_cpu

        user_max_dcu = self.user_max_dcu

        user_max_gpu = self.user_max_gpu

        user_max_mlu = self.user_max_mlu

        user_max_mem = self.user_max_mem

        user_max_node = self.user_max_node

        user_max_submit_job = self.user_max_submit_job

        user_max_run_job = self.user_max_run_job

        account_max_cpu = self.account_max_cpu

        account_max_dcu = self.account_max_dcu

        account_max_gpu = self.account_max_gpu

        account_max_node = self.account_max_node

        max_wall_time = self.max_wall_time

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "userName": user_name,
                "accountName": account_name,
                "userMaxCpu": user_max_cpu,
            }
        )
        if user_max_dcu is not UNSET:
            field_dict["userMaxDcu"] = user_max_dcu
        if user_max_gpu is not UNSET:
            field_dict["userMaxGpu"] = user_max_gpu
        if user_max_mlu is not UNSET:
            field_dict["userMaxMlu"] = user_max_mlu
        if user_max_mem is not UNSET:
            field_dict["userMaxMem"] = user_max_mem
        if user_max_node is not UNSET:
            field_dict["userMaxNode"] = user_max_node
        if user_max_submit_job is not UNSET:
            field_dict["userMaxSubmitJob"] = user_max_submit_job
        if user_max_run_job is not UNSET:
            field_dict["userMaxRunJob"] = user_max_run_job
        if account_max_cpu is not UNSET:
            field_dict["accountMaxCpu"] = account_max_cpu
        if account_max_dcu is not UNSET:
            field_dict["accountMaxDcu"] = account_max_dcu
        if account_max_gpu is not UNSET:
            field_dict["accountMaxGpu"] = account_max_gpu
        if account_max_node is not UNSET:
            field_dict["accountMaxNode"] = account_max_node
        if max_wall_time is not UNSET:
            field_dict["maxWallTime"] = max_wall_time

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        user_name = d.pop("userName")

        account_name = d.pop("accountName")

        user_max_cpu = d.pop("userMaxCpu")

        user_max_dcu = d.pop("userMaxDcu", UNSET)

        user_max_gpu = d.pop("userMaxGpu", UNSET)

        user_max_mlu = d.pop("userMaxMlu", UNSET)

        user_max_mem = d.pop("userMaxMem", UNSET)

        user_max_node = d.pop("userMaxNode", UNSET)

        user_max_submit_job = d.pop("userMaxSubmitJob", UNSET)

        user_max_run_job = d.pop("userMaxRunJob", UNSET)

        account_max_cpu = d.pop("accountMaxCpu", UNSET)

        account_max_dcu = d.pop("accountMaxDcu", UNSET)

        account_max_gpu = d.pop("accountMaxGpu", UNSET)

        account_max_node = d.pop("accountMaxNode", UNSET)

        max_wall_time = d.pop("maxWallTime", UNSET)

        user_limit = cls(
            user_name=user_name,
            account_name=account_name,
            user_max_cpu=user_max_cpu,
            user_max_dcu=user_max_dcu,
            user_max_gpu=user_max_gpu,
            user_max_mlu=user_max_mlu,
            user_max_mem=user_max_mem,
            user_max_node=user_max_node,
            user_max_submit_job=user_max_submit_job,
            user_max_run_job=user_max_run_job,
            account_max_cpu=account_max_cpu,
            account_max_dcu=account_max_dcu,
            account_max_gpu=account_max_gpu,
            account_max_node=account_max_node,
            max_wall_time=max_wall_time,
        )

        user_limit.additional_properties = d
        return user_limit

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
