"""Error answers: the documented codes, and the one exception that carries them to the envelope;
the envelope itself and its bytes."""

from __future__ import annotations

import json
from typing import Any

try:  # a fast encoder when the [mock] extra brought it; the standard one otherwise
    import orjson
except ImportError:  # pragma: no cover - orjson is in the [mock] extra
    orjson = None  # type: ignore[assignment]

__all__ = [
    "FROZEN",
    "INTERNAL",
    "INVALID",
    "MISSING",
    "NO_ACCESS",
    "PERMISSION",
    "ApiError",
    "envelope",
    "error_envelope",
    "invalid",
    "json_bytes",
    "missing",
]

INTERNAL = "10001"  # 内部异常; also center + platform token, and scheduler rejections
MISSING = "10003"  # 参数不全
INVALID = "10004"  # 参数无效
FROZEN = "10007"  # 用户已被冻结
PERMISSION = "10008"  # 权限不足; what the live service answers to an expired token
NO_ACCESS = "10009"  # 没有权限访问接口 / 校验失败


class ApiError(Exception):
    """A business error: answered as HTTP 200 with ``{code, msg, data}``.

    ``msg`` must never contain a token, key or signature: it goes to the client verbatim.
    """

    def __init__(self, code: str, msg: str, data: Any = None) -> None:
        super().__init__(f"{code}: {msg}")
        self.code = code
        self.msg = msg
        self.data = data


def missing(name: str) -> ApiError:
    return ApiError(MISSING, f"param_incomplete: {name} is required")


def invalid(name: str, why: str) -> ApiError:
    return ApiError(INVALID, f"param_invalid: {name}: {why}")


def envelope(data: Any) -> dict[str, Any]:
    return {"code": "0", "msg": "success", "data": data}


def error_envelope(error: ApiError) -> dict[str, Any]:
    return {"code": error.code, "msg": error.msg, "data": error.data}


def json_bytes(content: Any) -> bytes:
    """``content`` as compact UTF-8 JSON, the bytes Starlette's JSONResponse would send.

    orjson writes the same text for what handlers return (str keys, ints within 64 bits, no
    NaN) several times faster; anything it refuses goes through ``json`` as before.
    """
    if orjson is not None:
        try:
            return orjson.dumps(content)
        except TypeError:  # JSONEncodeError is a TypeError: a huge int, a non-str key, ...
            pass
    return json.dumps(
        content, ensure_ascii=False, allow_nan=False, indent=None, separators=(",", ":")
    ).encode("utf-8")
