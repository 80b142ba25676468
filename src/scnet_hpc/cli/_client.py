"""Which SDK client the settings describe: a token, an access key, or a login's cached token.

In order: ``SCNET_TOKEN`` with a base URL (a static token); a user, access key and secret key
(the SDK signs in and keeps region tokens fresh, in the token cache between runs); a user and
access key alone, as ``login`` leaves a profile: ``Client.from_token_cache`` on the tokens
``login`` cached, renewed through ``tokens/next`` while the platform allows it, then ``login``
again.
"""

from __future__ import annotations

from typing import Any

from scnet_hpc import DEFAULT_AUTH_URL, DEFAULT_PLATFORM_URL, Client

from ._config import Settings
from ._errors import CliError

__all__ = ["NO_CREDENTIALS", "make_client"]

NO_CREDENTIALS = (
    "no credentials: run 'scnet-hpc login', or set SCNET_TOKEN and SCNET_BASE_URL, or "
    "SCNET_USER, SCNET_ACCESS_KEY and SCNET_SECRET_KEY"
)


def make_client(settings: Settings, record_dir: str | None = None) -> Client:
    """``record_dir``: ``--record`` (``None``: the SDK reads ``SCNET_RECORD_DIR``)."""
    platform_url = settings.platform_url or DEFAULT_PLATFORM_URL
    options: dict[str, Any] = {
        "timeout": settings.request_timeout,
        "retries": settings.retries,
        "record_dir": record_dir,
    }
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
        return Client.from_token_cache(
            settings.user,
            settings.access_key,
            region=settings.region,
            token_cache=settings.token_cache_path,
            platform_url=platform_url,
            # What login saved about the region, so that no command has to ask center again.
            base_url=settings.base_url if settings.region else None,
            cluster_user=settings.cluster_user,
            home_path=settings.home_path,
            scheduler_id=settings.scheduler_id,
            **options,
        )
    raise CliError(NO_CREDENTIALS)
