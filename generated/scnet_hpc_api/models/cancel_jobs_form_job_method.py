from enum import Enum


class CancelJobsFormJobMethod(str, Enum):
    DELETE = "5"

    def __str__(self) -> str:
        return str(self.value)
