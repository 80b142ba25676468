from enum import StrEnum


class JobStateCode(StrEnum):
    STATC = "statC"
    STATD = "statD"
    STATDE = "statDE"
    STATE = "statE"
    STATH = "statH"
    STATN = "statN"
    STATQ = "statQ"
    STATR = "statR"
    STATRQ = "statRQ"
    STATS = "statS"
    STATT = "statT"
    STATW = "statW"
    STATX = "statX"

    def __str__(self) -> str:
        return str(self.value)
