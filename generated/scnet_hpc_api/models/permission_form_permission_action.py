from enum import StrEnum


class PermissionFormPermissionAction(StrEnum):
    EXECUTE = "EXECUTE"
    READ = "READ"
    WRITE = "WRITE"

    def __str__(self) -> str:
        return str(self.value)
