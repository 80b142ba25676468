from enum import StrEnum


class CancelJobsFormJobMethod(StrEnum):
    DELETE = "5"

    def __str__(self) -> str:
        return str(self.value)
