from enum import StrEnum


class ErrorCode(StrEnum):
    CODE_10013 = "10013"
    CODE_815005 = "815005"
    CODE_815007 = "815007"
    CONNECTION_INTERRUPTED = "10012"
    FILE_CHECK_FAILED = "10010"
    FILE_TOO_LARGE = "10011"
    INTERNAL_ERROR = "10001"
    INVALID_PARAMETERS = "10004"
    MISSING_PARAMETERS = "10003"
    NO_INTERFACE_PERMISSION = "10009"
    PERMISSION_DENIED = "10008"
    SUCCESS = "0"
    USER_FROZEN = "10007"

    def __str__(self) -> str:
        return str(self.value)
