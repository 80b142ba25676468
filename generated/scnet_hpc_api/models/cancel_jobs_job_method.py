from enum import Enum


class CancelJobsJobMethod(str, Enum):
    VALUE_0 = "5"

    def __str__(self) -> str:
        return str(self.value)
