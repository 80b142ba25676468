"""Turning constructor arguments into a session and options, the same way for both clients."""

from __future__ import annotations

import os
import random
import time
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import httpx

from ._core import scheduler_id_int
from ._options import Options, make_timeout
from ._retry import RetryPolicy
from ._session import AccessKeyCredentials, Session, StaticCredentials, normalise_base_url
from ._token_cache import TokenCache
from ._token_keeper import DEFAULT_RENEW_MARGIN, PasswordCredentials
from ._tokens import Token
from ._version import __version__
from .environment import read_env, variable
from .errors import ConfigurationError, InvalidArgumentError

__all__ = [
    "DEFAULT_AUTH_URL",
    "DEFAULT_PLATFORM_URL",
    "USER_AGENT",
    "access_key_session",
    "cached_token_session",
    "default_token_cache",
    "env_settings",
    "make_options",
    "password_session",
    "static_session",
]

#: Token issuance host of the public service.
DEFAULT_AUTH_URL = "https://api.scnet.cn"
#: Platform host (center, token state and renewal) of the public service.
DEFAULT_PLATFORM_URL = "https://www.scnet.cn"
USER_AGENT = f"scnet-hpc/{__version__}"

Clock = Callable[[], float]
Timeout = float | httpx.Timeout | None
Retries = int | RetryPolicy | None


def make_options(
    timeout: Timeout,
    retries: Retries,
    validate: bool | None,
    record_dir: str | os.PathLike[str] | None = None,
) -> Options:
    """``record_dir`` None: ``SCNET_RECORD_DIR``, if set."""
    return Options(
        timeout=make_timeout(timeout),
        retry=make_retry(retries),
        validate=True if validate is None else bool(validate),
        record_dir=record_dir_from_env() if record_dir is None else Path(record_dir).expanduser(),
    )


def record_dir_from_env(environ: Mapping[str, str] | None = None) -> Path | None:
    """``SCNET_RECORD_DIR``: where clients save the answers they receive (None: nowhere)."""
    value = read_env(environ, settings=["record_dir"]).get("record_dir")
    return Path(value).expanduser() if value else None


def make_retry(retries: Retries) -> RetryPolicy:
    if retries is None:
        return RetryPolicy()
    if isinstance(retries, RetryPolicy):
        return retries
    if isinstance(retries, bool) or not isinstance(retries, int) or retries < 0:
        raise InvalidArgumentError(
            f"retries must be a RetryPolicy or a count >= 0, got {retries!r}"
        )
    return RetryPolicy(max_retries=retries)


def override(
    options: Options,
    timeout: Timeout,
    retries: Retries,
    validate: bool | None,
    record_dir: str | os.PathLike[str] | None = None,
) -> Options:
    return Options(
        timeout=options.timeout if timeout is None else make_timeout(timeout),
        retry=options.retry if retries is None else make_retry(retries),
        validate=options.validate if validate is None else bool(validate),
        record_dir=options.record_dir if record_dir is None else Path(record_dir).expanduser(),
    )


def _url(name: str, value: str) -> str:
    if not isinstance(value, str) or not value.strip().startswith(("http://", "https://")):
        raise ConfigurationError(f"{name} must start with http:// or https://, got {value!r}")
    return value.strip().rstrip("/")


def _check_renew_margin(renew_margin: float) -> None:
    if (
        isinstance(renew_margin, bool)
        or not isinstance(renew_margin, int | float)
        or renew_margin < 0
    ):
        raise ConfigurationError(f"renew_margin must be >= 0 seconds, got {renew_margin!r}")


def _scheduler(value: int | str | None) -> int | None:
    return None if value is None else scheduler_id_int(value, error=ConfigurationError)


def static_session(
    base_url: str,
    token: str,
    *,
    options: Options,
    platform_url: str,
    cluster_user: str | None,
    home_path: str | None,
    scheduler_id: int | str | None,
    clock: Clock | None,
    seed: int | None,
) -> Session:
    if not isinstance(token, str) or not token.strip():
        raise ConfigurationError("token must be a non-empty string")
    credentials = StaticCredentials(
        token=Token.parse(token.strip()),
        hpc_url=normalise_base_url(base_url),
        platform_url=_url("platform_url", platform_url),
    )
    return Session(
        credentials,
        options=options,
        clock=clock or time.time,
        rng=random.Random(seed),  # noqa: S311 - jitter, not secrecy
        cluster_user=cluster_user,
        home_path=home_path,
        scheduler_id=_scheduler(scheduler_id),
    )


def access_key_session(
    user: str,
    access_key: str,
    secret_key: str | None,
    *,
    options: Options,
    region: str | int | None,
    auth_url: str,
    platform_url: str,
    token_cache: str | os.PathLike[str] | None,
    scheduler_id: int | str | None,
    renew_margin: float,
    clock: Clock | None,
    seed: int | None,
    cluster_user: str | None = None,
    home_path: str | None = None,
    hpc_url: str | None = None,
    cached_only: bool = False,
) -> Session:
    """``secret_key=None`` with ``cached_only=True``: no sign-in, only the cached tokens."""
    given: list[tuple[str, object]] = [("user", user), ("access_key", access_key)]
    if not cached_only:
        given.append(("secret_key", secret_key))
    for name, value in given:
        if not isinstance(value, str) or not value.strip():
            raise ConfigurationError(f"{name} must be a non-empty string")
    _check_renew_margin(renew_margin)
    credentials = AccessKeyCredentials(
        user=user.strip(),
        access_key=access_key.strip(),
        secret_key=secret_key,
        auth_url=_url("auth_url", auth_url),
        platform_url=_url("platform_url", platform_url),
        region=None if region is None else str(region),
        cache=None
        if token_cache is None
        else TokenCache(token_cache, user=user.strip(), access_key=access_key.strip()),
    )
    return Session(
        credentials,
        options=options,
        clock=clock or time.time,
        rng=random.Random(seed),  # noqa: S311 - jitter, not secrecy
        renew_margin=float(renew_margin),
        scheduler_id=_scheduler(scheduler_id),
        cluster_user=cluster_user,
        home_path=home_path,
        hpc_url=hpc_url,
    )


def password_session(
    user: str,
    password: str,
    org_id: str,
    *,
    options: Options,
    region: str | int | None,
    platform_url: str,
    scheduler_id: int | str | None,
    renew_margin: float,
    clock: Clock | None,
    seed: int | None,
) -> Session:
    """A session that signs in with user, password and orgId (``issue_tokens_password``)."""
    for name, value in (("user", user), ("password", password), ("org_id", org_id)):
        if not isinstance(value, str) or not value.strip():
            raise ConfigurationError(f"{name} must be a non-empty string")
    _check_renew_margin(renew_margin)
    platform = _url("platform_url", platform_url)
    credentials = PasswordCredentials(
        user=user.strip(),
        access_key="",
        secret_key=None,
        auth_url=platform,
        platform_url=platform,
        region=None if region is None else str(region),
        password=password,
        org_id=org_id.strip(),
    )
    return Session(
        credentials,
        options=options,
        clock=clock or time.time,
        rng=random.Random(seed),  # noqa: S311 - jitter, not secrecy
        renew_margin=float(renew_margin),
        scheduler_id=_scheduler(scheduler_id),
    )


def default_token_cache(environ: Mapping[str, str] | None = None) -> Path:
    """Where ``scnet-hpc login`` keeps region tokens: ``$XDG_CACHE_HOME/scnet-hpc/tokens.json``
    (``~/.cache/scnet-hpc/tokens.json`` when the variable is not set)."""
    env = os.environ if environ is None else environ
    base = env.get("XDG_CACHE_HOME") or str(Path("~/.cache").expanduser())
    return Path(base) / "scnet-hpc" / "tokens.json"


def cached_token_session(
    user: str,
    access_key: str,
    *,
    options: Options,
    region: str | int | None,
    platform_url: str,
    token_cache: str | os.PathLike[str] | None,
    base_url: str | None,
    cluster_user: str | None,
    home_path: str | None,
    scheduler_id: int | str | None,
    renew_margin: float,
    clock: Clock | None,
    seed: int | None,
) -> Session:
    """A session on the tokens an earlier sign-in cached; refused at once when there are none."""
    if base_url is not None and region is None:
        raise ConfigurationError("base_url needs the region it belongs to (region=...)")
    session = access_key_session(
        user,
        access_key,
        None,
        options=options,
        region=region,
        auth_url=DEFAULT_AUTH_URL,
        platform_url=platform_url,
        token_cache=default_token_cache() if token_cache is None else token_cache,
        scheduler_id=scheduler_id,
        renew_margin=renew_margin,
        clock=clock,
        seed=seed,
        cluster_user=cluster_user,
        home_path=home_path,
        hpc_url=None if base_url is None else normalise_base_url(base_url),
        cached_only=True,
    )
    session.load_cached_tokens()
    return session


def env_settings(environ: Mapping[str, str] | None = None) -> dict[str, Any]:
    """Client settings from ``SCNET_*`` variables: ``{"kind": "token"|"access_key", ...}``.

    ``SCNET_TOKEN`` + ``SCNET_BASE_URL`` give a static-token client; otherwise ``SCNET_USER``,
    ``SCNET_ACCESS_KEY`` and ``SCNET_SECRET_KEY`` an access-key client (``SCNET_REGION``,
    ``SCNET_AUTH_URL``, ``SCNET_PLATFORM_URL``, ``SCNET_TOKEN_CACHE`` optional). Every
    variable is listed in ``scnet_hpc.environment.VARIABLES``.
    """
    env = read_env(environ)
    common = {
        "platform_url": env.get("platform_url") or DEFAULT_PLATFORM_URL,
        "scheduler_id": env.get("scheduler_id"),
    }
    if "token" in env:
        if "base_url" not in env:
            raise ConfigurationError(
                "SCNET_TOKEN is set but SCNET_BASE_URL (the HPC base URL) is not"
            )
        return {
            "kind": "token",
            "base_url": env["base_url"],
            "token": env["token"],
            "cluster_user": env.get("cluster_user"),
            **common,
        }
    missing = [variable(s).name for s in ("user", "access_key", "secret_key") if s not in env]
    if missing:
        raise ConfigurationError(
            "no credentials in the environment: set SCNET_TOKEN and SCNET_BASE_URL, or "
            f"SCNET_USER, SCNET_ACCESS_KEY and SCNET_SECRET_KEY (missing: {', '.join(missing)})"
        )
    return {
        "kind": "access_key",
        "user": env["user"],
        "access_key": env["access_key"],
        "secret_key": env["secret_key"],
        "region": env.get("region"),
        "auth_url": env.get("auth_url") or DEFAULT_AUTH_URL,
        "token_cache": env.get("token_cache"),
        **common,
    }


__all__ += ["DEFAULT_RENEW_MARGIN", "override"]
