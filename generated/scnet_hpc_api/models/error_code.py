from enum import StrEnum


class ErrorCode(StrEnum):
    VALUE_0 = "0"
    VALUE_1 = "10001"
    VALUE_10 = "10013"
    VALUE_11 = "815005"
    VALUE_12 = "815007"
    VALUE_2 = "10003"
    VALUE_3 = "10004"
    VALUE_4 = "10007"
    VALUE_5 = "10008"
    VALUE_6 = "10009"
    VALUE_7 = "10010"
    VALUE_8 = "10011"
    VALUE_9 = "10012"

    def __str__(self) -> str:
        return str(self.value)
