from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="FileTask")


@_attrs_define
class FileTask:
    """
    Attributes:
        task_id (str):  Example: 254653d8816b4407ba27a9d004342c0e.
        operation_type (None | str | Unset): `COPY`, `MOVE` or `REMOVE`. Example: COPY.
        status (None | str | Unset): `WAITING`, `RUNNING`, `SUCCESS`, `FAILED` or `CANCELED`. Example: RUNNING.
        progress (float | None | Unset): Percent done (0-100). Example: 50.
        source_path (None | str | Unset):
        target_path (None | str | Unset):
        error_code (None | str | Unset):
        error_msg (None | str | Unset):
    """

    task_id: str
    operation_type: str | Unset | None = UNSET
    status: str | Unset | None = UNSET
    progress: float | Unset | None = UNSET
    source_path: str | Unset | None = UNSET
    target_path: str | Unset | None = UNSET
    error_code: str | Unset | None = UNSET
    error_msg: str | Unset | None = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        task_id = self.task_id

        operation_type: str | Unset | None
        if isinstance(self.operation_type, Unset):
            operation_type = UNSET
        else:
            operation_type = self.operation_type

        status: str | Unset | None
        if isinstance(self.status, Unset):
            status = UNSET
        else:
            status = self.status

        progress: float | Unset | None
        if isinstance(self.progress, Unset):
            progress = UNSET
        else:
            progress = self.progress

        source_path: str | Unset | None
        if isinstance(self.source_path, Unset):
            source_path = UNSET
        else:
            source_path = self.source_path

        target_path: str | Unset | None
        if isinstance(self.target_path, Unset):
            target_path = UNSET
        else:
            target_path = self.target_path

        error_code: str | Unset | None
        if isinstance(self.error_code, Unset):
            error_code = UNSET
        else:
            error_code = self.error_code

        error_msg: str | Unset | None
        if isinstance(self.error_msg, Unset):
            error_msg = UNSET
        else:
            error_msg = self.error_msg

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "taskId": task_id,
            }
        )
        if operation_type is not UNSET:
            field_dict["operationType"] = operation_type
        if status is not UNSET:
            field_dict["status"] = status
        if progress is not UNSET:
            field_dict["progress"] = progress
        if source_path is not UNSET:
            field_dict["sourcePath"] = source_path
        if target_path is not UNSET:
            field_dict["targetPath"] = target_path
        if error_code is not UNSET:
            field_dict["errorCode"] = error_code
        if error_msg is not UNSET:
            field_dict["errorMsg"] = error_msg

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        task_id = d.pop("taskId")

        def _parse_operation_type(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        operation_type = _parse_operation_type(d.pop("operationType", UNSET))

        def _parse_status(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        status = _parse_status(d.pop("status", UNSET))

        def _parse_progress(data: object) -> float | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        progress = _parse_progress(d.pop("progress", UNSET))

        def _parse_source_path(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        source_path = _parse_source_path(d.pop("sourcePath", UNSET))

        def _parse_target_path(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        target_path = _parse_target_path(d.pop("targetPath", UNSET))

        def _parse_error_code(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        error_code = _parse_error_code(d.pop("errorCode", UNSET))

        def _parse_error_msg(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        error_msg = _parse_error_msg(d.pop("errorMsg", UNSET))

        file_task = cls(
            task_id=task_id,
            operation_type=operation_type,
            status=status,
            progress=progress,
            source_path=source_path,
            target_path=target_path,
            error_code=error_code,
            error_msg=error_msg,
        )

        file_task.additional_properties = d
        return file_task

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
