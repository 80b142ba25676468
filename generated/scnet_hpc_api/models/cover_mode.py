from enum import Enum


class CoverMode(str, Enum):
    COVER = "cover"
    UNCOVER = "uncover"

    def __str__(self) -> str:
        return str(self.value)
