"""Who the client is and where it talks to: credentials, region tokens, region and scheduler.

A session answers the choke point's two questions for every request — which base URL, which
token — and does whatever that takes, as plans: sign in with the access key, renew a token that
is about to expire (or sign in again when renewal fails), discover the region through ``center``
(HPC base URL, cluster user, home path; cached per region) and the default scheduler through
``list_clusters``. With a static token nothing is renewed: a refused token ends in an error.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from scnet_hpc_api.api.auth import issue_tokens, renew_token
from scnet_hpc_api.api.clusters import list_clusters
from scnet_hpc_api.api.regions import get_center
from scnet_hpc_api.models import Cluster, RegionToken, TokenRenewEnvelopeDataType1

from ._logging import logger, register_secret
from ._operations import Operation, OperationSpec
from ._options import Options
from ._plans import Plan
from ._regions import Region, RegionInfo, region_info, strip_service_suffix
from ._request import request
from ._signing import sign
from ._token_cache import TokenCache
from ._tokens import PLATFORM_REGION, Token, jwt_expiry
from .errors import AuthenticationError, ConfigurationError, ScnetError, TokenExpiredError

__all__ = ["AccessKeyCredentials", "Session", "StaticCredentials"]

#: Renew a token when it has less than this many seconds left.
DEFAULT_RENEW_MARGIN = 600.0


@dataclass(frozen=True)
class StaticCredentials:
    """A token the caller obtained elsewhere, for a known HPC base URL."""

    token: Token
    hpc_url: str
    platform_url: str


@dataclass(frozen=True)
class AccessKeyCredentials:
    """AK/SK: the client signs in and manages per-region tokens itself.

    Without a secret key (``Client.from_token_cache``) it cannot sign in: it works with the
    tokens an earlier sign-in left in the cache and renews them through ``tokens/next``, which
    needs only the old token.
    """

    user: str
    access_key: str
    secret_key: str | None = field(repr=False)
    auth_url: str
    platform_url: str
    region: str | None = None
    cache: TokenCache | None = None

    @property
    def can_sign_in(self) -> bool:
        return self.secret_key is not None


class _LoginNeeded(ConfigurationError):
    """Only a new sign-in can help, and this session cannot sign in (no secret key)."""


class _FixedTokenSource:
    """Token source for a call that must use exactly this base URL and token (sign-in, renewal)."""

    def __init__(self, base_url: str, token: str | None, rng: random.Random, clock: Any) -> None:
        self.base_url, self.token, self.rng, self._clock = base_url, token, rng, clock

    def endpoint(self, op: OperationSpec) -> Plan[tuple[str, str | None]]:
        return (self.base_url, self.token)
        yield  # a plan that needs no I/O

    def refresh(self, op: OperationSpec, token: str | None) -> Plan[bool]:
        return False
        yield

    def denied(self, error: AuthenticationError, token: str | None) -> AuthenticationError:
        return _explain(error, token, self._clock())


class _RegionTokenSource:
    """Token source for calls in one region: its token (kept fresh) and its HPC base URL."""

    def __init__(self, session: Session, region_id: str | None) -> None:
        self.session, self.region_id, self.rng = session, region_id, session.rng

    def endpoint(self, op: OperationSpec) -> Plan[tuple[str, str | None]]:
        s = self.session
        token = yield from s.token(self.region_id)
        if op.host == "platform":
            return (s.platform_url, token.value)
        if op.host == "auth":
            raise ConfigurationError(f"{op.id} is not a region call")
        base = yield from s.hpc_url(self.region_id)
        return (base, token.value)

    def refresh(self, op: OperationSpec, token: str | None) -> Plan[bool]:
        creds = self.session.credentials
        if not isinstance(creds, AccessKeyCredentials):
            return False
        if not creds.can_sign_in:
            return (yield from self.session.renew_refused(self.region_id, token))
        yield from self.session.sign_in()
        return True

    def denied(self, error: AuthenticationError, token: str | None) -> AuthenticationError:
        creds = self.session.credentials
        if isinstance(creds, AccessKeyCredentials) and not creds.can_sign_in:
            # Refused, and renewal did not help: the cached token is dead whatever our clock
            # says, and only a new sign-in (login) replaces it.
            return _expired(error)
        return _explain(error, token, self.session.clock())


def _explain(error: AuthenticationError, token: str | None, now: float) -> AuthenticationError:
    expires = jwt_expiry(token) if token else None
    if expires is not None and expires <= now:
        return _expired(error)
    return error


def _expired(error: AuthenticationError) -> AuthenticationError:
    if isinstance(error, TokenExpiredError):
        return error
    return TokenExpiredError(error.code, error.msg, operation=error.operation, raw=error.raw)


class Session:
    """Credentials plus everything learnt with them (tokens, regions, schedulers)."""

    def __init__(
        self,
        credentials: StaticCredentials | AccessKeyCredentials,
        *,
        options: Options,
        clock: Callable[[], float],
        rng: random.Random,
        renew_margin: float = DEFAULT_RENEW_MARGIN,
        cluster_user: str | None = None,
        home_path: str | None = None,
        scheduler_id: int | None = None,
        hpc_url: str | None = None,
    ) -> None:
        self.credentials = credentials
        self.options = options
        self.clock = clock
        self.rng = rng
        self.renew_margin = renew_margin
        self._cluster_user = cluster_user
        self._home_path = home_path
        self._scheduler_id = scheduler_id
        self._hpc_url = hpc_url  # the configured region's job API, when known beforehand
        self._tokens: dict[str, Token] = {}
        self._regions: list[Region] = []
        self._region_id: str | None = None
        self._infos: dict[str | None, RegionInfo] = {}
        self._schedulers: dict[str | None, int] = {}
        self._signed_in = False
        if isinstance(credentials, AccessKeyCredentials) and credentials.secret_key is not None:
            register_secret(credentials.secret_key)

    # ------------------------------------------------------------------ public-ish facts

    @property
    def platform_url(self) -> str:
        return self.credentials.platform_url

    def auth(self, region_id: str | None = None) -> _RegionTokenSource:
        """Token source for calls in ``region_id`` (default: the client's region)."""
        return _RegionTokenSource(self, region_id if region_id is not None else self._region_id)

    def fixed_auth(self, base_url: str, token: str | None) -> _FixedTokenSource:
        return _FixedTokenSource(base_url, token, self.rng, self.clock)

    # ------------------------------------------------------------------ tokens

    def sign_in(self) -> Plan[list[Region]]:
        """``POST /api/user/v3/tokens``: a fresh token for every region of the user."""
        creds = self.credentials
        if not isinstance(creds, AccessKeyCredentials) or creds.secret_key is None:
            raise ConfigurationError(
                "signing in needs an access key and its secret key (Client.from_access_key)"
            )
        secret_key = creds.secret_key

        def build() -> dict[str, Any]:
            # Signed afresh for every attempt: the timestamp must be close to the server's clock.
            stamp = str(int(self.clock()))
            signature = sign(secret_key, creds.access_key, stamp, creds.user)
            register_secret(signature)
            return issue_tokens._get_kwargs(
                user=creds.user, access_key=creds.access_key, signature=signature, timestamp=stamp
            )

        entries: list[RegionToken] = yield from request(
            self.fixed_auth(creds.auth_url, None), self.options, Operation.ISSUE_TOKENS, build
        )
        tokens: dict[str, Token] = {}
        regions: list[Region] = []
        for entry in entries:
            region_id = str(entry.cluster_id)
            if entry.token:
                tokens[region_id] = Token.parse(entry.token)
            if region_id != PLATFORM_REGION:
                regions.append(Region(region_id, entry.cluster_name, entry.token is not None))
        self._tokens, self._regions, self._signed_in = tokens, regions, True
        stopped = [r.name for r in regions if not r.available]
        logger.info(
            "signed in as %s: %d region(s)%s",
            creds.user,
            len(regions),
            f"; no token (account stopped or in arrears) for {', '.join(stopped)}"
            if stopped
            else "",
        )
        self._save_cache()
        return regions

    def regions(self) -> Plan[list[Region]]:
        creds = self.credentials
        if isinstance(creds, AccessKeyCredentials):
            if not self._regions:
                self._load_cache()
            if not self._regions:
                if not creds.can_sign_in:
                    raise ConfigurationError(self._login_hint("no cached token"))
                yield from self.sign_in()
            return list(self._regions)
        info = yield from self.region_info()
        return [Region(info.id, info.name, True)]

    def token(self, region_id: str | None) -> Plan[Token]:
        """The token for ``region_id``, renewed or re-issued when it is about to expire."""
        creds = self.credentials
        if isinstance(creds, StaticCredentials):
            return creds.token
        if region_id is None:
            region_id = yield from self._choose_region()
        if not self._tokens:
            self._load_cache()
        token = self._tokens.get(region_id)
        if token is None and not self._signed_in and creds.can_sign_in:
            yield from self.sign_in()
            token = self._tokens.get(region_id)
        if token is None:
            message = _no_token_message(region_id, self._regions)
            raise ConfigurationError(
                message if creds.can_sign_in else self._login_hint(f"{message}; no cached token")
            )
        now = self.clock()
        if token.expired(now) and creds.can_sign_in:
            yield from self.sign_in()
            token = self._tokens.get(region_id)
            if token is None:
                raise ConfigurationError(_no_token_message(region_id, self._regions))
        elif token.expires_within(self.renew_margin, now):
            token = yield from self._renew(region_id, token)
        return token

    def _renew(self, region_id: str, old: Token) -> Plan[Token]:
        """``POST tokens/next`` with the old token; on failure, sign in again if possible.

        Without a secret key a token that has not expired yet is kept (renewal is tried again
        on the next call); an expired one ends in ``ConfigurationError`` naming ``login``.
        """
        value = yield from self._renewed(region_id, old)
        if value is not None:
            return value
        creds = self.credentials
        if isinstance(creds, AccessKeyCredentials) and not creds.can_sign_in:
            if not old.expired(self.clock()):
                return old
            raise _LoginNeeded(
                self._login_hint(
                    f"the cached token for region {region_id} has expired and could not be renewed"
                )
            )
        yield from self.sign_in()
        token = self._tokens.get(region_id)
        if token is None:
            raise ConfigurationError(_no_token_message(region_id, self._regions))
        return token

    def _renewed(self, region_id: str, old: Token) -> Plan[Token | None]:
        """``POST tokens/next`` with the old token: the new token (kept and cached), or None."""
        try:
            data = yield from request(
                self.fixed_auth(self.platform_url, old.value),
                self.options,
                Operation.RENEW_TOKEN,
                renew_token._get_kwargs,
            )
            value = _renewed_token(data, region_id)
        except ScnetError as error:
            logger.info("token renewal for region %s failed (%s)", region_id, error)
            return None
        if value is None:
            logger.info("token renewal for region %s sent no token", region_id)
            return None
        token = Token.parse(value)
        self._tokens[region_id] = token
        logger.info("token for region %s renewed", region_id)
        self._save_cache()
        return token

    def renew_refused(self, region_id: str | None, refused: str | None) -> Plan[bool]:
        """After a 10008 without a secret key: renew the refused token; false if impossible."""
        if region_id is None:
            region_id = yield from self._choose_region()
        held = self._tokens.get(region_id)
        if held is None or held.value != refused:
            return held is not None  # already replaced since that request was built
        return (yield from self._renewed(region_id, held)) is not None

    def _login_hint(self, problem: str) -> str:
        creds = self.credentials
        assert isinstance(creds, AccessKeyCredentials)
        where = f" in {creds.cache.path}" if creds.cache is not None else ""
        return (
            f"{problem} for user {creds.user}{where}: run 'scnet-hpc login' (or sign in with "
            "Client.from_access_key)"
        )

    def token_expires_at(self) -> float | None:
        """When the token for the client's region expires (None: not known, or not held yet)."""
        creds = self.credentials
        if isinstance(creds, StaticCredentials):
            return creds.token.expires_at
        token = self._tokens.get(self._region_id) if self._region_id is not None else None
        return token.expires_at if token is not None else None

    def _choose_region(self) -> Plan[str]:
        """The region the client works in: the one asked for, else the first job target."""
        if self._region_id is not None:
            return self._region_id
        regions = yield from self.regions()
        wanted = (
            self.credentials.region if isinstance(self.credentials, AccessKeyCredentials) else None
        )
        if wanted is not None:
            for region in regions:
                if wanted in (region.id, region.name):
                    self._region_id = region.id
                    return region.id
            names = ", ".join(f"{r.id} ({r.name})" for r in regions) or "none"
            raise ConfigurationError(f"region {wanted!r} is not one of the user's regions: {names}")
        problems: list[str] = []
        for region in regions:
            if not region.available:
                continue
            try:
                yield from self._center(region.id)
            except _LoginNeeded:
                raise  # one sign-in cached every region's token: they expire together
            except ConfigurationError as exc:  # e.g. a region without hpcUrls
                problems.append(str(exc))
                continue
            self._region_id = region.id
            logger.info("using region %s (%s)", region.id, region.name)
            return region.id
        detail = (
            "; ".join(problems) or "every region lacks a token (account stopped or in arrears?)"
        )
        raise ConfigurationError(f"no usable region: {detail}")

    # ------------------------------------------------------------------ region facts

    def region_info(self, region_id: str | None = None) -> Plan[RegionInfo]:
        """``center`` of the region (cached): base URL, cluster user, home path."""
        if isinstance(self.credentials, StaticCredentials):
            return (yield from self._center(None))
        if region_id is None:
            region_id = yield from self._choose_region()
        return (yield from self._center(region_id))

    def _center(self, region_id: str | None) -> Plan[RegionInfo]:
        cached = self._infos.get(region_id)
        if cached is not None:
            return cached
        data = yield from request(
            _CenterTokenSource(self, region_id),
            self.options,
            Operation.GET_CENTER,
            get_center._get_kwargs,
        )
        info = region_info(data)
        self._infos[region_id] = info
        logger.debug(
            "region %s: job API %s, cluster user %s", info.id, info.hpc_url, info.cluster_user
        )
        return info

    def hpc_url(self, region_id: str | None) -> Plan[str]:
        creds = self.credentials
        if isinstance(creds, StaticCredentials):
            return creds.hpc_url
        if region_id is None:
            region_id = yield from self._choose_region()
        if self._hpc_url is not None and region_id == self._region_id:
            return self._hpc_url
        info = yield from self._center(region_id)
        return info.hpc_url

    def cluster_user(self) -> Plan[str]:
        if self._cluster_user is None:
            info = yield from self.region_info()
            self._cluster_user = info.cluster_user
        return self._cluster_user

    def home_path(self) -> Plan[str]:
        if self._home_path is None:
            info = yield from self.region_info()
            self._home_path = info.home_path
        return self._home_path

    def scheduler_id(self) -> Plan[int]:
        """The configured scheduler, else the region's first (``list_clusters``)."""
        if self._scheduler_id is not None:
            return self._scheduler_id
        region: str | None = None
        if isinstance(self.credentials, AccessKeyCredentials):
            region = yield from self._choose_region()
        if region not in self._schedulers:
            clusters: list[Cluster] = yield from request(
                self.auth(region), self.options, Operation.LIST_CLUSTERS, list_clusters._get_kwargs
            )
            if not clusters:
                raise ConfigurationError("the region lists no scheduler (list_clusters is empty)")
            self._schedulers[region] = clusters[0].id
        return self._schedulers[region]

    def remember_schedulers(self, clusters: list[Cluster]) -> None:
        """Keep the first scheduler of a ``list_clusters`` answer as the region's default."""
        region = self._region_id if isinstance(self.credentials, AccessKeyCredentials) else None
        if clusters and (region is not None or isinstance(self.credentials, StaticCredentials)):
            self._schedulers.setdefault(region, clusters[0].id)

    # ------------------------------------------------------------------ cache

    def load_cached_tokens(self) -> None:
        """Load the cache now, for a session without a secret key: no token, no session."""
        creds = self.credentials
        assert isinstance(creds, AccessKeyCredentials)
        self._load_cache()
        if not self._tokens:
            raise ConfigurationError(self._login_hint("no cached token"))
        wanted = creds.region
        if wanted is not None and not any(wanted in (r.id, r.name) for r in self._regions):
            raise ConfigurationError(self._login_hint(f"no cached token for region {wanted}"))

    def _load_cache(self) -> None:
        creds = self.credentials
        if isinstance(creds, AccessKeyCredentials) and creds.cache is not None:
            tokens, regions = creds.cache.load()
            if tokens:
                self._tokens = tokens
                self._regions = [
                    Region(str(r["id"]), str(r["name"]), bool(r["available"])) for r in regions
                ]
                logger.debug("using cached tokens from %s", creds.cache.path)

    def _save_cache(self) -> None:
        creds = self.credentials
        if isinstance(creds, AccessKeyCredentials) and creds.cache is not None:
            regions = [
                {"id": r.id, "name": r.name, "available": r.available} for r in self._regions
            ]
            creds.cache.save(self._tokens, regions)

    def __repr__(self) -> str:
        creds = self.credentials
        kind = "token"
        if isinstance(creds, AccessKeyCredentials):
            kind = "access key" if creds.can_sign_in else "cached tokens"
        return f"Session({kind}, region={self._region_id!r})"


class _CenterTokenSource(_RegionTokenSource):
    """``center`` for a static token goes to the platform with that token."""

    def endpoint(self, op: OperationSpec) -> Plan[tuple[str, str | None]]:
        token = yield from self.session.token(self.region_id)
        return (self.session.platform_url, token.value)


def _renewed_token(data: Any, region_id: str) -> str | None:
    """The new token in a renewal answer: a string, ``{token}``, or a region list."""
    if isinstance(data, str):
        return data or None
    if isinstance(data, TokenRenewEnvelopeDataType1):
        return data.token or None
    if isinstance(data, list):
        for entry in data:
            if isinstance(entry, RegionToken) and (
                str(entry.cluster_id) == region_id or len(data) == 1
            ):
                return entry.token
    return None


def _no_token_message(region_id: str, regions: list[Region]) -> str:
    for region in regions:
        if region.id == region_id:
            return (
                f"region {region.id} ({region.name}) has no token: the account is stopped or in "
                "arrears there"
            )
    names = ", ".join(f"{r.id} ({r.name})" for r in regions) or "none"
    return f"region {region_id} is not one of the user's regions: {names}"


def normalise_base_url(url: str) -> str:
    """Accept the HPC base URL with or without the ``/hpc`` suffix that ``center`` gives."""
    url = url.strip()
    if not url.startswith(("http://", "https://")):
        raise ConfigurationError(f"base_url must start with http:// or https://, got {url!r}")
    return strip_service_suffix(url, "hpc")
