from enum import StrEnum


class CancelJobsJobMethod(StrEnum):
    VALUE_0 = "5"

    def __str__(self) -> str:
        return str(self.value)
