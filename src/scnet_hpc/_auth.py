"""AK/SK signing, token expiry and the optional on-disk token cache.

The platform hands out one JWT per region; each carries its expiry as ``expireTime``
(milliseconds since the epoch, as a string). The SDK reads that claim without verifying the
signature (it has no key, and the server is the one that checks), renews a token shortly
before it runs out, and signs in again when renewal is impossible.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import hmac
import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ._logging import logger, register_secret

__all__ = [
    "PLATFORM_REGION",
    "Token",
    "TokenCache",
    "jwt_expiry",
    "sign",
    "string_to_sign",
]

#: ``clusterId`` of the platform's own token (``clusterName`` ``ac``): good for platform calls only.
PLATFORM_REGION = "0"


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


class TokenCache:
    """Region tokens of one AK/SK identity in a JSON file only its owner can read (mode 0600).

    The file is keyed by the platform user and a hash of the access key, so one cache path can
    serve several identities; the secret key never goes to disk. Failures to read or write the
    cache are logged and otherwise ignored: it only saves sign-ins.
    """

    def __init__(self, path: str | os.PathLike[str], *, user: str, access_key: str) -> None:
        self.path = Path(path).expanduser()
        digest = hashlib.sha256(access_key.encode("utf-8")).hexdigest()[:16]
        self._key = f"{user}:{digest}"

    def load(self) -> tuple[dict[str, Token], list[dict[str, Any]]]:
        """Cached ``(tokens by region id, region list)``; empty when there is nothing usable."""
        try:
            document = json.loads(self.path.read_text(encoding="utf-8"))
            entry = document["identities"][self._key]
            tokens = {str(k): Token.parse(str(v)) for k, v in entry["tokens"].items()}
            regions = [dict(r) for r in entry.get("regions", [])]
        except FileNotFoundError:
            return {}, []
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
            logger.warning("token cache %s not used: %s", self.path, type(exc).__name__)
            return {}, []
        return tokens, regions

    def save(self, tokens: dict[str, Token], regions: list[dict[str, Any]]) -> None:
        try:
            try:
                document = json.loads(self.path.read_text(encoding="utf-8"))
                if not isinstance(document.get("identities"), dict):
                    raise ValueError
            except (OSError, ValueError, AttributeError):
                document = {"version": 1, "identities": {}}
            document["identities"][self._key] = {
                "tokens": {k: t.value for k, t in tokens.items()},
                "regions": regions,
            }
            self._write(json.dumps(document, ensure_ascii=False, indent=1))
        except OSError as exc:
            logger.warning("token cache %s not written: %s", self.path, type(exc).__name__)

    def _write(self, text: str) -> None:
        # Write a private temporary file next to the cache, then rename it over the cache:
        # readers never see half a file, and the tokens never sit in a world-readable file.
        self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd, tmp = tempfile.mkstemp(prefix=".tokens-", dir=self.path.parent)
        try:
            if hasattr(os, "fchmod"):  # mkstemp already creates 0600 files on POSIX
                os.fchmod(fd, 0o600)
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(text)
            os.replace(tmp, self.path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
        os.chmod(self.path, 0o600)

    def __repr__(self) -> str:
        return f"TokenCache(path={str(self.path)!r})"
