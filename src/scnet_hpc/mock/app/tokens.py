"""Sign-in and tokens, as the platform does them: AK/SK signatures in, one HS256 JWT per region out.

Tokens carry the documented claims (``expireTime`` in milliseconds, as a string; ``clusterId``
of the region, ``"0"`` for the platform token; ``computeUser`` the cluster user, ...). Expiry
is judged on the mock clock, so a test can let a token expire by advancing the clock.

Which code answers which problem (live behaviour where known, otherwise the documented code
whose meaning fits; see the package README):

* missing ``token`` header → 10003 (参数不全);
* not a JWT, wrong key, missing claims → 10009 (校验失败 / 没有权限访问接口);
* expired → 10008 (权限不足: the live service's answer to an expired token);
* a valid token of another region, or the platform token on a job call → 10009;
* the platform token on ``center`` → 10001 (live).
"""

from __future__ import annotations

import hashlib
import heapq
import hmac
import json
import secrets
import threading
from dataclasses import dataclass
from typing import Any

import jwt

from ..clock import Clock
from ..deployment.model import Deployment, RegionAccount, UserSpec
from .errors import FROZEN, NO_ACCESS, PERMISSION, ApiError, missing

__all__ = [
    "BAD_SIGNATURE",
    "PLATFORM_REGION",
    "REPLAYED",
    "Identity",
    "TokenService",
    "sign",
    "string_to_sign",
]

PLATFORM_REGION = 0


def string_to_sign(access_key: str, timestamp: str, user: str) -> str:
    """The documented message: compact JSON, members in this order, non-ASCII kept as UTF-8."""
    return json.dumps(
        {"accessKey": access_key, "timestamp": timestamp, "user": user},
        separators=(",", ":"),
        ensure_ascii=False,
    )


def sign(secret_key: str, access_key: str, timestamp: str, user: str) -> str:
    message = string_to_sign(access_key, timestamp, user).encode("utf-8")
    return hmac.new(secret_key.encode("utf-8"), message, hashlib.sha256).hexdigest()


@dataclass(frozen=True)
class Identity:
    """Who a valid token speaks for: the platform user and, for a region token, their account."""

    user: UserSpec
    region_id: int  # PLATFORM_REGION for the platform token
    account: RegionAccount | None
    expires_ms: int


BAD_SIGNATURE = "校验失败: access key or signature is not valid"
"""The one answer to an unknown access key, an access key of another user, a wrong signature."""
REPLAYED = "校验失败: this signature was already used; sign each sign-in afresh"
_NO_SECRET = secrets.token_hex(16)


REPLAY_GRACE = 2.0
"""Seconds (mock clock) after its first use in which a signature is still accepted: see
``_SeenSignatures``."""


class _SeenSignatures:
    """The signatures accepted within the sign-in window, each kept until its timestamp leaves
    the window (after that the timestamp check refuses it anyway), so memory is bounded by the
    sign-ins of one window. Only valid signatures of known users get here.

    The timestamp has one-second resolution and the protocol carries no nonce, so clients of one
    user that sign in during the same second (``scnet-hpc login`` in four processes at once, a
    retry) send the very same headers as a replay would. A signature is therefore accepted again
    for ``REPLAY_GRACE`` seconds after its first use, never later: captured headers are good for
    2 s instead of the 600 s the window allows.
    """

    def __init__(self) -> None:
        self._first_used: dict[str, float] = {}
        self._expiry: list[tuple[int, str]] = []  # heap of (until, signature)
        self._lock = threading.Lock()

    def accept(self, signature: str, *, until: int, now: float) -> bool:
        """False for a replay: the signature was first used more than REPLAY_GRACE s ago."""
        with self._lock:
            while self._expiry and self._expiry[0][0] < now:
                _, old = heapq.heappop(self._expiry)
                self._first_used.pop(old, None)
            first = self._first_used.get(signature)
            if first is not None:
                return now - first <= REPLAY_GRACE
            self._first_used[signature] = now
            heapq.heappush(self._expiry, (until, signature))
            return True


class TokenService:
    def __init__(self, deployment: Deployment, clock: Clock, key: str | None = None) -> None:
        self._deployment = deployment
        self._clock = clock
        # A fresh key per process: tokens do not survive a restart (nor do the platform's).
        self._key = key or secrets.token_hex(32)
        self._verified: dict[str, dict[str, Any]] = {}
        self._seen = _SeenSignatures()

    # ------------------------------------------------------------------ sign-in

    def sign_in(self, user: str, access_key: str, signature: str, timestamp: str) -> UserSpec:
        """Check a signed sign-in. An unknown access key and a wrong signature get the same
        answer (which access keys exist is nobody's business), and a signature is good once:
        the same headers sent again within the window are a replay (see ``_SeenSignatures``)."""
        spec = self._deployment.user_by_access_key(access_key)
        known = spec is not None and spec.name == user
        # the HMAC is computed for unknown keys too, so timing does not tell them apart either
        expected = sign(spec.secret_key if spec else _NO_SECRET, access_key, timestamp, user)
        if not hmac.compare_digest(expected, signature.lower()) or not known:
            raise ApiError(NO_ACCESS, BAD_SIGNATURE)
        assert spec is not None
        window = self._deployment.settings.signature_window
        now = self._clock.now()
        skew = abs(now - int(timestamp))
        if skew > window:
            raise ApiError(
                NO_ACCESS,
                f"校验失败: timestamp is {int(skew)} s away from server time (allowed {window} s)",
            )
        if not self._seen.accept(expected, until=int(timestamp) + window, now=now):
            raise ApiError(NO_ACCESS, REPLAYED)
        if spec.frozen:
            raise ApiError(FROZEN, "用户已被冻结")
        return spec

    def region_tokens(self, user: UserSpec) -> list[dict[str, Any]]:
        """The documented answer: one entry per region (null token when stopped), then ``ac``."""
        entries: list[dict[str, Any]] = []
        for account in user.regions:
            region = self._deployment.region(account.region_id)
            assert region is not None
            token = None if account.stopped else self.mint(user, account.region_id)
            entries.append(
                {"clusterName": region.name, "clusterId": str(region.id), "token": token}
            )
        entries.append(
            {"clusterName": "ac", "clusterId": "0", "token": self.mint(user, PLATFORM_REGION)}
        )
        return entries

    # ------------------------------------------------------------------ tokens

    def mint(self, user: UserSpec, region_id: int, *, lifetime: float | None = None) -> str:
        if lifetime is None:
            lifetime = self._deployment.settings.token_lifetime
        account = user.account_in(region_id)
        expire_ms = int((self._clock.now() + lifetime) * 1000)
        claims = {
            "computeUser": account.cluster_user if account else user.name,
            "accountStatus": user.account_status,
            "creator": "ac",
            "role": "1",
            "expireTime": str(expire_ms),
            "clusterId": str(region_id),
            "invoker": user.user_id,
            "user": user.name,
            "userId": user.user_id,
            "jti": secrets.token_hex(8),  # two tokens minted in one millisecond still differ
        }
        return jwt.encode(claims, self._key, algorithm="HS256")

    def _decode(self, token: str) -> dict[str, Any]:
        """Verified claims; valid tokens are remembered (checking an HS256 signature is the
        costliest step of a request, and clients send the same token over and over)."""
        claims = self._verified.get(token)
        if claims is None:
            claims = jwt.decode(
                token, self._key, algorithms=["HS256"], options={"verify_exp": False}
            )
            if len(self._verified) >= 4096:
                self._verified.clear()
            self._verified[token] = claims
        return claims

    def identify(self, token: str | None, *, allow_expired_for: float = 0.0) -> Identity:
        """Check a token. ``allow_expired_for`` accepts tokens expired at most that long ago."""
        if token is None or not token.strip():
            raise missing("token")
        try:
            claims = self._decode(token.strip())
            region_id = int(claims["clusterId"])
            expires_ms = int(claims["expireTime"])
            user = self._deployment.user(str(claims["user"]))
        except (jwt.PyJWTError, KeyError, ValueError, TypeError):
            raise ApiError(NO_ACCESS, "校验失败: token is not valid") from None
        if user is None:
            raise ApiError(NO_ACCESS, "校验失败: token is not valid")
        account = user.account_in(region_id)
        if region_id != PLATFORM_REGION and (account is None or account.stopped):
            raise ApiError(NO_ACCESS, "没有权限访问接口: no access to this region")
        if user.frozen:
            raise ApiError(FROZEN, "用户已被冻结")
        if expires_ms + allow_expired_for * 1000 < self._clock.now() * 1000:
            raise ApiError(PERMISSION, "权限不足: token expired")
        return Identity(user=user, region_id=region_id, account=account, expires_ms=expires_ms)
