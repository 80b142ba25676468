"""AK/SK request signing for token issuance (``POST /api/user/v3/tokens``).

Written independently of the mock's verifier on purpose: two readings of the vendor's
documentation that agree are evidence that both are right.
"""

from __future__ import annotations

import hashlib
import hmac
import json

__all__ = ["sign", "string_to_sign"]


def string_to_sign(access_key: str, timestamp: str, user: str) -> str:
    """The documented message: compact JSON, these three members in this order, UTF-8 kept."""
    return json.dumps(
        {"accessKey": access_key, "timestamp": timestamp, "user": user},
        separators=(",", ":"),
        ensure_ascii=False,
    )


def sign(secret_key: str, access_key: str, timestamp: str, user: str) -> str:
    """Lower-case hex HMAC-SHA256 of ``string_to_sign(...)`` keyed with the secret key."""
    message = string_to_sign(access_key, timestamp, user).encode("utf-8")
    return hmac.new(secret_key.encode("utf-8"), message, hashlib.sha256).hexdigest()
