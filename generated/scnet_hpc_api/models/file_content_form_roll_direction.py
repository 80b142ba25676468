from enum import StrEnum


class FileContentFormRollDirection(StrEnum):
    DOWN = "DOWN"
    UP = "UP"

    def __str__(self) -> str:
        return str(self.value)
