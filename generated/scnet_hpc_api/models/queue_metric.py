from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="QueueMetric")


@_attrs_define
class QueueMetric:
    """
    Attributes:
        metric_name (str): State letter: `R` running, `Q` queued (others may appear). Example: R.
        metric_value (float): Number of jobs. Example: 1.
    """

    metric_name: str
    metric_value: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        metric_name = self.metric_name

        metric_value = self.metric_value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "metricName": metric_name,
                "metricValue": metric_value,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        metric_name = d.pop("metricName")

        metric_value = d.pop("metricValue")

        queue_metric = cls(
            metric_name=metric_name,
            metric_value=metric_value,
        )

        queue_metric.additional_properties = d
        return queue_metric

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
