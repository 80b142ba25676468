"""AK/SK sign-in, written from the documentation rather than borrowed from the mock.

The suite signs in the way any client must (the description of ``issue_tokens`` in
openapi.yaml, from the vendor's AK/SK token page 获取用户token): the signature is the lower-case
hex HMAC-SHA256, keyed with the secret key, of the compact JSON
``{"accessKey":...,"timestamp":...,"user":...}`` (this member order, no spaces, non-ASCII kept
as UTF-8). An independent implementation is the point: if the mock and the suite shared one,
a wrong signature scheme would pass.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import time

__all__ = ["sign", "sign_in_headers", "string_to_sign"]


def string_to_sign(access_key: str, timestamp: str, user: str) -> str:
    return json.dumps(
        {"accessKey": access_key, "timestamp": timestamp, "user": user},
        separators=(",", ":"),
        ensure_ascii=False,
    )


def sign(secret_key: str, access_key: str, timestamp: str, user: str) -> str:
    message = string_to_sign(access_key, timestamp, user).encode("utf-8")
    return hmac.new(secret_key.encode("utf-8"), message, hashlib.sha256).hexdigest()


def sign_in_headers(
    user: str, access_key: str, secret_key: str, now: float | None = None
) -> dict[str, str]:
    """The four headers of ``POST /api/user/v3/tokens`` (the secret key itself is never sent)."""
    timestamp = str(int(time.time() if now is None else now))
    return {
        "user": user,
        "accessKey": access_key,
        "timestamp": timestamp,
        "signature": sign(secret_key, access_key, timestamp, user),
    }
