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
import hmac
import json
import secrets
from dataclasses import dataclass
from typing import Any

import jwt

from ..clock import Clock
from ..deployment.model import Deployment, RegionAccount, UserSpec
from .errors import FROZEN, NO_ACCESS, PERMISSION, ApiError, missing

__all__ = ["PLATFORM_REGION", "Identity", "TokenService", "sign", "string_to_sign"]

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


class TokenService:
    def __init__(self, deployment: Deployment, clock: Clock, key: str | None = None) -> None:
        self._deployment = deployment
        self._clock = clock
        # A fresh key per process: tokens do not survive a restart (nor do the platform's).
        self._key = key or secrets.token_hex(32)
        self._verified: dict[str, dict[str, Any]] = {}

    # ------------------------------------------------------------------ sign-in

    def sign_in(self, user: str, access_key: str, signature: str, timestamp: str) -> UserSpec:
        spec = self._deployment.user_by_access_key(access_key)
        if spec is None or spec.name != user:
            raise ApiError(NO_ACCESS, "校验失败: unknown access key for this user")
        expected = sign(spec.secret_key, access_key, timestamp, user)
        if not hmac.compare_digest(expected, signature.lower()):
            raise ApiError(NO_ACCESS, "校验失败: signature does not match")
        skew = abs(self._clock.now() - int(timestamp))
        if skew > self._deployment.settings.signature_window:
            raise ApiError(
                NO_ACCESS,
                f"校验失败: timestamp is {int(skew)} s away from server time "
                f"(allowed {self._deployment.settings.signature_window} s)",
            )
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
