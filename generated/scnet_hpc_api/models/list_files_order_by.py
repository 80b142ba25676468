from enum import Enum


class ListFilesOrderBy(str, Enum):
    LASTMODIFIEDTIME = "lastModifiedTime"
    NAME = "name"
    SIZE = "size"

    def __str__(self) -> str:
        return str(self.value)
