"""A region's token and when it expires.

The platform hands out one JWT per region; each carries its expiry as ``expireTime``
(milliseconds since the epoch, as a string). The SDK reads that claim without verifying the
signature (it has no key, and the server is the one that checks), renews a token shortly
before it runs out, and signs in again when renewal is impossible.
"""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass

from ._logging import register_secret

__all__ = ["PLATFORM_REGION", "Token", "jwt_expiry"]

#: ``clusterId`` of the platform's own token (``clusterName`` ``ac``): good for platform calls only.
PLATFORM_REGION = "0"


def jwt_expiry(token: str) -> float | None:
    """Expiry of a platform JWT in epoch seconds (``expireTime`` ms, else ``exp`` s), if known."""
    try:
        payload = token.split(".")[1]
        claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    except (IndexError, ValueError):
        return None
    if not isinstance(claims, dict):
        return None
    for name, scale in (("expireTime", 1000.0), ("exp", 1.0)):
        value = claims.get(name)
        if value is None or isinstance(value, bool):
            continue
        try:
            return float(value) / scale
        except (TypeError, ValueError):
            continue
    return None


@dataclass(frozen=True)
class Token:
    """A region's token and when it expires (epoch seconds; ``None`` when the JWT does not say)."""

    value: str
    expires_at: float | None

    @classmethod
    def parse(cls, value: str) -> Token:
        register_secret(value)
        return cls(value, jwt_expiry(value))

    def expires_within(self, seconds: float, now: float) -> bool:
        return self.expires_at is not None and self.expires_at - now <= seconds

    def expired(self, now: float) -> bool:
        return self.expires_at is not None and self.expires_at <= now

    def __repr__(self) -> str:
        return f"Token(value='***', expires_at={self.expires_at!r})"
