from enum import StrEnum


class RealtimeStateCode(StrEnum):
    STATC = "statC"
    STATE = "statE"
    STATH = "statH"
    STATQ = "statQ"
    STATR = "statR"
    STATS = "statS"
    STATW = "statW"
    STATX = "statX"

    def __str__(self) -> str:
        return str(self.value)
