from enum import StrEnum


class CoverMode(StrEnum):
    COVER = "cover"
    UNCOVER = "uncover"

    def __str__(self) -> str:
        return str(self.value)
