from enum import StrEnum


class ListFilesOrderBy(StrEnum):
    LASTMODIFIEDTIME = "lastModifiedTime"
    NAME = "name"
    SIZE = "size"

    def __str__(self) -> str:
        return str(self.value)
