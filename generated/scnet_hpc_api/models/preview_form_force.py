from enum import StrEnum


class PreviewFormForce(StrEnum):
    DEFAULT = "default"
    FORCE = "force"

    def __str__(self) -> str:
        return str(self.value)
