"""Tokens: signing in with the access key, renewing, re-issuing, and the on-disk cache.

A ``TokenKeeper`` answers one question for a region id — which token — and does whatever that
takes, as plans: sign in with the access key, renew a token that is about to expire (or sign
in again when renewal fails), use and update the token cache. With a static token nothing is
renewed: a refused token ends in an error. Which region, and where it lives, is the session's
business (``_session``).
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from scnet_hpc_api.api.auth import issue_tokens, issue_tokens_password, renew_token
from scnet_hpc_api.models import RegionToken, TokenRenewEnvelopeDataType1

from ._logging import logger, register_identity, register_secret
from ._operations import Operation, OperationSpec
from ._options import Options
from ._plans import Plan
from ._regions import Region
from ._request import request
from ._signing import sign
from ._token_cache import TokenCache
from ._tokens import PLATFORM_REGION, Token, jwt_expiry
from .errors import AuthenticationError, ConfigurationError, ScnetError, TokenExpiredError

__all__ = [
    "DEFAULT_RENEW_MARGIN",
    "AccessKeyCredentials",
    "FixedTokenSource",
    "LoginNeeded",
    "PasswordCredentials",
    "StaticCredentials",
    "TokenKeeper",
    "expired_error",
    "explain_refusal",
]

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


@dataclass(frozen=True)
class PasswordCredentials(AccessKeyCredentials):
    """User, password and orgId (``issue_tokens_password``, the older sign-in on the platform
    host): from then on the same region tokens as an access key gives, renewed alike.
    ``access_key`` is empty and nothing is cached."""

    password: str = field(default="", repr=False)
    org_id: str = field(default="", repr=False)

    @property
    def can_sign_in(self) -> bool:
        return True


class LoginNeeded(ConfigurationError):
    """Only a new sign-in can help, and this session cannot sign in (no secret key)."""


class FixedTokenSource:
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
        return explain_refusal(error, token, self._clock())


def explain_refusal(
    error: AuthenticationError, token: str | None, now: float
) -> AuthenticationError:
    expires = jwt_expiry(token) if token else None
    if expires is not None and expires <= now:
        return expired_error(error)
    return error


def expired_error(error: AuthenticationError) -> AuthenticationError:
    if isinstance(error, TokenExpiredError):
        return error
    return TokenExpiredError(error.code, error.msg, operation=error.operation, raw=error.raw)


class TokenKeeper:
    """The tokens of one set of credentials, kept fresh; every method that may send is a plan."""

    def __init__(
        self,
        credentials: StaticCredentials | AccessKeyCredentials,
        *,
        options: Options,
        clock: Callable[[], float],
        rng: random.Random,
        renew_margin: float = DEFAULT_RENEW_MARGIN,
    ) -> None:
        self.credentials = credentials
        self.options = options
        self.clock = clock
        self.rng = rng
        self.renew_margin = renew_margin
        self._tokens: dict[str, Token] = {}
        self._regions: list[Region] = []
        self._signed_in = False
        if isinstance(credentials, AccessKeyCredentials) and credentials.secret_key is not None:
            register_secret(credentials.secret_key)
        if isinstance(credentials, AccessKeyCredentials):
            register_identity(credentials.user)
            register_identity(credentials.access_key)
        if isinstance(credentials, PasswordCredentials):
            register_secret(credentials.password)
            register_secret(credentials.org_id)

    @property
    def platform_url(self) -> str:
        return self.credentials.platform_url

    @property
    def known_regions(self) -> list[Region]:
        """The regions listed so far (by the sign-in or the cache), without asking."""
        return list(self._regions)

    def no_token_message(self, region_id: str) -> str:
        return _no_token_message(region_id, self._regions)

    def fixed_source(self, base_url: str, token: str | None) -> FixedTokenSource:
        return FixedTokenSource(base_url, token, self.rng, self.clock)

    def sign_in(self) -> Plan[list[Region]]:
        """``POST /api/user/v3/tokens``: a fresh token for every region of the user."""
        creds = self.credentials
        if not isinstance(creds, AccessKeyCredentials) or not creds.can_sign_in:
            raise ConfigurationError(
                "signing in needs an access key and its secret key (Client.from_access_key)"
            )
        entries: list[RegionToken]
        if isinstance(creds, PasswordCredentials):
            entries = yield from self._password_sign_in(creds)
        else:
            entries = yield from self._access_key_sign_in()
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

    def _access_key_sign_in(self) -> Plan[list[RegionToken]]:
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
            self.fixed_source(creds.auth_url, None), self.options, Operation.ISSUE_TOKENS, build
        )
        return entries

    def _password_sign_in(self, creds: PasswordCredentials) -> Plan[list[RegionToken]]:
        entries: list[RegionToken] = yield from request(
            self.fixed_source(creds.platform_url, None),
            self.options,
            Operation.ISSUE_TOKENS_PASSWORD,
            lambda: issue_tokens_password._get_kwargs(
                user=creds.user, password=creds.password, org_id=creds.org_id
            ),
        )
        return entries

    def regions(self) -> Plan[list[Region]]:
        """The regions the sign-in (or the cache) listed: signs in when nothing is known yet."""
        creds = self.credentials
        if not isinstance(creds, AccessKeyCredentials):
            raise ConfigurationError("a static token lists no regions (ask center)")
        if not self._regions:
            self._load_cache()
        if not self._regions:
            if not creds.can_sign_in:
                raise ConfigurationError(self.login_hint("no cached token"))
            yield from self.sign_in()
        return list(self._regions)

    def token(self, region_id: str | None) -> Plan[Token]:
        """The token for ``region_id`` (``None`` only with a static token), renewed or re-issued
        when it is about to expire."""
        creds = self.credentials
        if isinstance(creds, StaticCredentials):
            return creds.token
        if region_id is None:
            raise ConfigurationError("which region's token? (the session chooses one first)")
        if not self._tokens:
            self._load_cache()
        token = self._tokens.get(region_id)
        if token is None and not self._signed_in and creds.can_sign_in:
            yield from self.sign_in()
            token = self._tokens.get(region_id)
        if token is None:
            message = _no_token_message(region_id, self._regions)
            raise ConfigurationError(
                message if creds.can_sign_in else self.login_hint(f"{message}; no cached token")
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
            raise LoginNeeded(
                self.login_hint(
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
                self.fixed_source(self.platform_url, old.value),
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

    def renew_refused(self, region_id: str, refused: str | None) -> Plan[bool]:
        """After a 10008 without a secret key: renew the refused token; false if impossible."""
        held = self._tokens.get(region_id)
        if held is None or held.value != refused:
            return held is not None  # already replaced since that request was built
        return (yield from self._renewed(region_id, held)) is not None

    def login_hint(self, problem: str) -> str:
        creds = self.credentials
        assert isinstance(creds, AccessKeyCredentials)
        where = f" in {creds.cache.path}" if creds.cache is not None else ""
        return (
            f"{problem} for user {creds.user}{where}: run 'scnet-hpc login' (or sign in with "
            "Client.from_access_key)"
        )

    def token_expires_at(self, region_id: str | None) -> float | None:
        """When the token for ``region_id`` expires (None: not known, or not held yet)."""
        creds = self.credentials
        if isinstance(creds, StaticCredentials):
            return creds.token.expires_at
        token = self._tokens.get(region_id) if region_id is not None else None
        return token.expires_at if token is not None else None

    # ------------------------------------------------------------------ cache

    def load_cached_tokens(self) -> None:
        """Load the cache now, for a session without a secret key: no token, no session."""
        creds = self.credentials
        assert isinstance(creds, AccessKeyCredentials)
        self._load_cache()
        if not self._tokens:
            raise ConfigurationError(self.login_hint("no cached token"))
        wanted = creds.region
        if wanted is not None and not any(wanted in (r.id, r.name) for r in self._regions):
            raise ConfigurationError(self.login_hint(f"no cached token for region {wanted}"))

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
