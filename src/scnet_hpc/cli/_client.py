"""Which SDK client the settings describe: a token, an access key, or a login's cached token.

In order: ``SCNET_TOKEN`` with a base URL (a static token); a user, access key and secret key
(the SDK signs in and keeps region tokens fresh, in the token cache between runs); a user and
access key alone, as ``login`` leaves a profile, with the token ``login`` cached for the
profile's region (used as a static token until it expires, then ``login`` again).
"""

from __future__ import annotations

import time
from typing import Any

from scnet_hpc import DEFAULT_AUTH_URL, DEFAULT_PLATFORM_URL, Client
from scnet_hpc._auth import TokenCache

from ._config import Settings
from ._errors import CliError

__all__ = ["NO_CREDENTIALS", "cached_token", "make_client"]

NO_CREDENTIALS = (
    "no credentials: run 'scnet-hpc login', or set SCNET_TOKEN and SCNET_BASE_URL, or "
    "SCNET_USER, SCNET_ACCESS_KEY and SCNET_SECRET_KEY"
)


def make_client(settings: Settings) -> Client:
    platform_url = settings.platform_url or DEFAULT_PLATFORM_URL
    options: dict[str, Any] = {"timeout": settings.request_timeout, "retries": settings.retries}
    if settings.token:
        if not settings.base_url:
            raise CliError(
                "SCNET_TOKEN is set but no base URL: set SCNET_BASE_URL or --base-url "
                "(the region's job API URL, e.g. https://host/hpc)"
            )
        return Client(
            settings.base_url,
            settings.token,
            cluster_user=settings.cluster_user,
            home_path=settings.home_path,
            scheduler_id=settings.scheduler_id,
            platform_url=platform_url,
            **options,
        )
    if settings.user and settings.access_key and settings.secret_key:
        return Client.from_access_key(
            settings.user,
            settings.access_key,
            settings.secret_key,
            region=settings.region,
            auth_url=settings.auth_url or DEFAULT_AUTH_URL,
            platform_url=platform_url,
            token_cache=settings.token_cache_path,
            scheduler_id=settings.scheduler_id,
            **options,
        )
    if settings.user and settings.access_key:
        token = cached_token(settings)
        if not settings.base_url:
            raise CliError(
                f"profile {settings.profile!r} has no base_url: run 'scnet-hpc login' again"
            )
        return Client(
            settings.base_url,
            token,
            cluster_user=settings.cluster_user,
            home_path=settings.home_path,
            scheduler_id=settings.scheduler_id,
            platform_url=platform_url,
            **options,
        )
    raise CliError(NO_CREDENTIALS)


def cached_token(settings: Settings, *, now: float | None = None) -> str:
    """The token ``login`` cached for the settings' user, access key and region."""
    if not (settings.user and settings.access_key):
        raise CliError(NO_CREDENTIALS)
    cache = TokenCache(
        settings.token_cache_path, user=settings.user, access_key=settings.access_key
    )
    tokens, regions = cache.load()
    if not tokens:
        raise CliError(
            f"no secret key and no cached token for {settings.user}: run 'scnet-hpc login' "
            "(or set SCNET_SECRET_KEY)"
        )
    wanted = settings.region
    if wanted is None:
        usable = [r["id"] for r in regions if r.get("available") and str(r["id"]) in tokens]
        if len(usable) != 1:
            raise CliError("several regions have cached tokens: set --region or SCNET_REGION")
        wanted = str(usable[0])
    region_id = next(
        (str(r["id"]) for r in regions if wanted in (str(r["id"]), str(r.get("name")))), wanted
    )
    token = tokens.get(region_id)
    if token is None:
        raise CliError(
            f"no cached token for region {wanted}: run 'scnet-hpc login' (or set SCNET_SECRET_KEY)"
        )
    if token.expired(time.time() if now is None else now):
        raise CliError(
            f"the cached token for region {region_id} has expired: run 'scnet-hpc login' again "
            "(or set SCNET_SECRET_KEY)"
        )
    return token.value
