"""The four platform operations: sign-in, region discovery, token state and renewal."""

from __future__ import annotations

from typing import Any

from ..context import Ctx
from ..errors import INTERNAL, ApiError
from ..tokens import PLATFORM_REGION

__all__ = ["PLATFORM_HANDLERS"]


def issue_tokens(ctx: Ctx) -> Any:
    p = ctx.params
    user = ctx.state.tokens.sign_in(p["user"], p["accessKey"], p["signature"], p["timestamp"])
    return ctx.state.tokens.region_tokens(user)


def get_center(ctx: Ctx) -> Any:
    identity = ctx.identity
    assert identity is not None
    if identity.region_id == PLATFORM_REGION or identity.account is None:
        # Live: the platform (ac) token gets an internal error here, not a helpful code.
        raise ApiError(INTERNAL, "internal_error")
    region = ctx.state.region(identity.region_id)
    base = ctx.base_url + ctx.state.region_prefix(region.id)
    enabled = {"enable": "true"}
    return {
        "id": region.id,
        "name": region.name,
        "description": region.description,
        "clusterUserInfo": {
            "userName": identity.account.cluster_user,
            "homePath": identity.account.home,
        },
        "ingressUrls": [
            {**enabled, "isManagerNode": "true", "version": "5.2.2", "url": ctx.base_url}
        ],
        "hpcUrls": [{**enabled, "isManagerNode": "true", "version": "5.2.2", "url": base + "/hpc"}],
        "efileUrls": [
            {
                **enabled,
                "nodeName": "mock",
                "fastTransEnable": "false",
                "udpPort": "65104",
                "version": "2.6.1",
                "url": base + "/efile",
            }
        ],
        "aiUrls": [{**enabled, "version": "2.4.3", "url": base + "/ai"}],
        "eshellUrls": [{**enabled, "version": "2.4.3", "url": base + "/eshell"}],
    }


def get_token_state(ctx: Ctx) -> Any:
    return "token is valid"


def renew_token(ctx: Ctx) -> Any:
    identity = ctx.identity
    assert identity is not None
    return ctx.state.tokens.mint(identity.user, identity.region_id)


PLATFORM_HANDLERS = {
    "issue_tokens": issue_tokens,
    "get_center": get_center,
    "get_token_state": get_token_state,
    "renew_token": renew_token,
}
