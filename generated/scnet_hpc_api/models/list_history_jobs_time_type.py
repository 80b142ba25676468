from enum import Enum


class ListHistoryJobsTimeType(str, Enum):
    CUSTOM = "CUSTOM"

    def __str__(self) -> str:
        return str(self.value)
