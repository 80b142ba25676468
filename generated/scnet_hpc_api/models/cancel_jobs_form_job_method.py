from enum import StrEnum


class CancelJobsFormJobMethod(StrEnum):
    VALUE_0 = "5"

    def __str__(self) -> str:
        return str(self.value)
