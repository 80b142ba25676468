"""Where the client talks to: its region, the region's job API, cluster user and scheduler.

A session answers the choke point's two questions for every request — which base URL, which
token — as a ``TokenSource``. Tokens are the ``TokenKeeper``'s job (``_token_keeper``); the
session chooses the region (the one asked for, else the first with a job API), discovers it
through ``center`` (HPC base URL, cluster user, home path; cached per region) and finds the
default scheduler through ``list_clusters``.
"""

from __future__ import annotations

import random
from collections.abc import Callable

from scnet_hpc_api.api.clusters import list_clusters
from scnet_hpc_api.api.regions import get_center
from scnet_hpc_api.models import Cluster

from ._logging import logger, register_identity
from ._operations import Operation, OperationSpec
from ._options import Options
from ._plans import Plan
from ._regions import Region, RegionInfo, region_info, strip_service_suffix
from ._request import request
from ._token_keeper import (
    DEFAULT_RENEW_MARGIN,
    AccessKeyCredentials,
    LoginNeeded,
    PasswordCredentials,
    StaticCredentials,
    TokenKeeper,
    expired_error,
    explain_refusal,
)
from ._tokens import Token
from .errors import AuthenticationError, ConfigurationError

__all__ = ["AccessKeyCredentials", "Session", "StaticCredentials"]


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
        if op.host == "efile":
            return ((yield from s.efile_url(self.region_id)), token.value)
        base = yield from s.hpc_url(self.region_id)
        return (base, token.value)

    def refresh(self, op: OperationSpec, token: str | None) -> Plan[bool]:
        creds = self.session.credentials
        if not isinstance(creds, AccessKeyCredentials):
            return False
        if not creds.can_sign_in:
            return (yield from self.session.renew_refused(self.region_id, token))
        yield from self.session.tokens.sign_in()
        return True

    def denied(self, error: AuthenticationError, token: str | None) -> AuthenticationError:
        creds = self.session.credentials
        if isinstance(creds, AccessKeyCredentials) and not creds.can_sign_in:
            # Refused, and renewal did not help: the cached token is dead whatever our clock
            # says, and only a new sign-in (login) replaces it.
            return expired_error(error)
        return explain_refusal(error, token, self.session.clock())


class Session:
    """Credentials plus everything learnt with them: tokens (``tokens``), regions, schedulers."""

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
        self.tokens = TokenKeeper(
            credentials, options=options, clock=clock, rng=rng, renew_margin=renew_margin
        )
        self.credentials = credentials
        self.options = options
        self.clock = clock
        self.rng = rng
        self._cluster_user = cluster_user
        register_identity(cluster_user)
        self._home_path = home_path
        self._scheduler_id = scheduler_id
        self._hpc_url = hpc_url  # the configured region's job API, when known beforehand
        self._region_id: str | None = None
        self._infos: dict[str | None, RegionInfo] = {}
        self._schedulers: dict[str | None, int] = {}

    @property
    def platform_url(self) -> str:
        return self.credentials.platform_url

    def token_source(self, region_id: str | None = None) -> _RegionTokenSource:
        """Token source for calls in ``region_id`` (default: the client's region)."""
        return _RegionTokenSource(self, region_id if region_id is not None else self._region_id)

    # ------------------------------------------------------------------ tokens (TokenKeeper)

    def sign_in(self) -> Plan[list[Region]]:
        """``POST /api/user/v3/tokens``: a fresh token for every region of the user."""
        return self.tokens.sign_in()

    def regions(self) -> Plan[list[Region]]:
        if isinstance(self.credentials, AccessKeyCredentials):
            return (yield from self.tokens.regions())
        info = yield from self.region_info()
        return [Region(info.id, info.name, True)]

    def token(self, region_id: str | None) -> Plan[Token]:
        """The token for ``region_id`` (default: the client's region, chosen first)."""
        if region_id is None and isinstance(self.credentials, AccessKeyCredentials):
            region_id = yield from self._choose_region()
        return (yield from self.tokens.token(region_id))

    def renew_refused(self, region_id: str | None, refused: str | None) -> Plan[bool]:
        if region_id is None:
            region_id = yield from self._choose_region()
        return (yield from self.tokens.renew_refused(region_id, refused))

    def token_expires_at(self) -> float | None:
        """When the token for the client's region expires (None: not known, or not held yet)."""
        return self.tokens.token_expires_at(self._region_id)

    def load_cached_tokens(self) -> None:
        """Load the cache now, for a session without a secret key: no token, no session."""
        self.tokens.load_cached_tokens()

    # ------------------------------------------------------------------ which region

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
            except LoginNeeded:
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
        register_identity(info.cluster_user)
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

    def efile_url(self, region_id: str | None) -> Plan[str]:
        """The region's file service (``center`` → ``efileUrls``, without its ``/efile``)."""
        if isinstance(self.credentials, StaticCredentials):
            info = yield from self._center(None)
        else:
            if region_id is None:
                region_id = yield from self._choose_region()
            info = yield from self._center(region_id)
        if info.efile_url is None:
            raise ConfigurationError(
                f"region {info.id} ({info.name}) has no enabled file service URL (efileUrls)"
            )
        return info.efile_url

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
                self.token_source(region),
                self.options,
                Operation.LIST_CLUSTERS,
                list_clusters._get_kwargs,
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

    def __repr__(self) -> str:
        creds = self.credentials
        kind = "token"
        if isinstance(creds, PasswordCredentials):
            kind = "password"
        elif isinstance(creds, AccessKeyCredentials):
            kind = "access key" if creds.can_sign_in else "cached tokens"
        return f"Session({kind}, region={self._region_id!r})"


class _CenterTokenSource(_RegionTokenSource):
    """``center`` for a static token goes to the platform with that token."""

    def endpoint(self, op: OperationSpec) -> Plan[tuple[str, str | None]]:
        token = yield from self.session.token(self.region_id)
        return (self.session.platform_url, token.value)


def normalise_base_url(url: str) -> str:
    """Accept the HPC base URL with or without the ``/hpc`` suffix that ``center`` gives."""
    url = url.strip()
    if not url.startswith(("http://", "https://")):
        raise ConfigurationError(f"base_url must start with http:// or https://, got {url!r}")
    return strip_service_suffix(url, "hpc")
