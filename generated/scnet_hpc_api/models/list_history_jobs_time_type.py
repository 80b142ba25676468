from enum import StrEnum


class ListHistoryJobsTimeType(StrEnum):
    CUSTOM = "CUSTOM"

    def __str__(self) -> str:
        return str(self.value)
