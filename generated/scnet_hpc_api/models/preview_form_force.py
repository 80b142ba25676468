from enum import Enum


class PreviewFormForce(str, Enum):
    DEFAULT = "default"
    FORCE = "force"

    def __str__(self) -> str:
        return str(self.value)
