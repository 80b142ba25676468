"""The file service's own answer codes (911xxx), as the live efile service sends them."""

from __future__ import annotations

__all__ = [
    "EXISTS",
    "FILE_CHECK_FAILED",
    "FORBIDDEN",
    "NOT_A_FOLDER",
    "NOT_EMPTY",
    "NOT_FOUND",
    "NO_SPACE",
    "PREVIEW_TOO_LARGE",
    "PREVIEW_TYPE",
    "TOO_LARGE",
]

NOT_FOUND = "911020"  # 文件不存在 / 目录不存在 ("File does not exist" on the live service)
EXISTS = "911021"  # 文件已存在
NOT_A_FOLDER = "911022"  # 目标地址不是一个文件夹
FORBIDDEN = "911030"  # 权限不足，禁止操作
NO_SPACE = "911501"  # 存储空间不足
NOT_EMPTY = "911502"  # 目录非空，操作失败
PREVIEW_TOO_LARGE = "911505"  # 文件大小超出预设大小，无法预览
PREVIEW_TYPE = "911506"  # 文件类型不在预设范围内，不允许打开
FILE_CHECK_FAILED = "10010"  # 文件校验失败: chunks that do not add up
TOO_LARGE = "10011"  # 文件过大: over the mock's upload cap
