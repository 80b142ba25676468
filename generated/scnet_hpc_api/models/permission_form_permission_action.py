from enum import Enum


class PermissionFormPermissionAction(str, Enum):
    EXECUTE = "EXECUTE"
    READ = "READ"
    WRITE = "WRITE"

    def __str__(self) -> str:
        return str(self.value)
