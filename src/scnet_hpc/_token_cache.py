"""The optional on-disk cache of region tokens (saves sign-ins between runs)."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

from ._logging import logger
from ._tokens import Token
from .private_files import locked, write_private

__all__ = ["TokenCache"]


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
        """Replace this identity's entry, keeping the others (under the file's lock, so two
        processes saving at once both keep their entries)."""
        try:
            with locked(self.path):
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
                write_private(self.path, json.dumps(document, ensure_ascii=False, indent=1))
        except OSError as exc:
            logger.warning("token cache %s not written: %s", self.path, type(exc).__name__)

    def __repr__(self) -> str:
        return f"TokenCache(path={str(self.path)!r})"
