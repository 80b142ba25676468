"""The server under test: where each operation lives, how to reach it, and what it knows.

``open_target(settings)`` starts the embedded mock (or points at ``SCNET_BASE_URL``), signs in
the way a client does, and discovers through the API itself the facts that make generated
requests meaningful: the scheduler id, the cluster user and home, the queues. Discovery uses
the same calls against the mock and a live deployment, so nothing about the mock is assumed.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import httpx

from ._masking import Secrets
from ._ratelimit import Pacer
from ._settings import Settings, SettingsError
from ._signing import sign_in_headers

__all__ = [
    "IN_PROCESS_URL",
    "Facts",
    "Target",
    "TargetError",
    "open_target",
    "token_kinds_offered",
]

IN_PROCESS_URL = "http://testserver"
# The mock's documented demo account (not secrets):
# src/scnet_hpc/mock/deployment/default-deployment.yaml.
DEMO_USER, DEMO_ACCESS_KEY, DEMO_SECRET_KEY = "demo", "demo-access-key", "demo-secret-key"


class TargetError(RuntimeError):
    """The server could not be prepared for testing (sign-in or discovery failed)."""


@dataclass
class Facts:
    """What the suite learned from the server; tokens stay out of the repr."""

    token: str = field(repr=False)
    scheduler_id: int
    cluster_user: str
    home: str
    queues: list[str]
    safe_queue: str
    region_id: str | None = None
    platform_token: str | None = field(default=None, repr=False)
    other_region_token: str | None = field(default=None, repr=False)
    expired_token: str | None = field(default=None, repr=False)
    # Expired for longer than renewal allows (in-process only: the suite mints it).
    stale_token: str | None = field(default=None, repr=False)
    # (user, access key, secret key) the suite signed in with; None when given SCNET_TOKEN.
    credentials: tuple[str, str, str] | None = field(default=None, repr=False)
    # Job ids this run created or saw; generated requests reuse them so ids are real.
    job_ids: list[str] = field(default_factory=list)
    # The group the signed-in user belongs to (from group members), if any.
    group_id: int | None = None
    # (user, password, orgId) for the password sign-in; the embedded mock's demo user only.
    password_login: tuple[str, str, str] | None = field(default=None, repr=False)
    # The region's file service (center's efileUrls, without its /efile suffix), if any.
    efile_url: str | None = None

    def token_kind(self, sent: str | None) -> str:
        """What kind of credential a request carried: valid, expired, platform, ... or malformed."""
        if sent is None or not sent.strip():
            return "missing"
        known = {
            self.token: "valid",
            self.platform_token: "platform",
            self.other_region_token: "other_region",
            self.expired_token: "expired",
            self.stale_token: "stale",
        }
        return known.get(sent.strip(), "malformed")

    def remember_job(self, job_id: str) -> None:
        if job_id and job_id not in self.job_ids:
            self.job_ids.append(job_id)


@dataclass
class Target:
    settings: Settings
    secrets: Secrets
    pacer: Pacer
    client: httpx.Client  # discovery and scripted calls
    app: Any = None  # the in-process mock (Starlette), None over HTTP
    facts: Facts | None = None
    discovery_seconds: float = 0.0

    @property
    def mock(self) -> Any:
        """``app.state.mock`` of the embedded mock (clock, minting), or None over HTTP."""
        return None if self.app is None else self.app.state.mock

    def url_for(self, path: str) -> str:
        """Base URL of the host serving ``path`` (platform paths may live elsewhere)."""
        s = self.settings
        if s.base_url is None:
            return IN_PROCESS_URL
        if path.startswith("/api/user/"):
            return s.auth_url or s.base_url
        if path.startswith("/ac/"):
            return s.platform_url or s.base_url
        if path.startswith("/efile/") and self.facts is not None and self.facts.efile_url:
            return self.facts.efile_url
        return s.base_url

    def get_facts(self) -> Facts:
        if self.facts is None:
            raise TargetError("the target has not been discovered yet")
        return self.facts

    def request(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        self.pacer.wait()
        return self.client.request(method, self.url_for(path) + path, **kwargs)

    def envelope(self, method: str, path: str, **kwargs: Any) -> Any:
        """``data`` of a successful envelope, or TargetError naming the call and the answer."""
        response = self.request(method, path, **kwargs)
        try:
            body = response.json()
        except ValueError:
            body = None
        if response.status_code != 200 or not isinstance(body, dict) or body.get("code") != "0":
            text = self.secrets.mask(response.text[:300])
            raise TargetError(f"{method} {path} answered HTTP {response.status_code}: {text}")
        return body.get("data")


def _credentials(settings: Settings) -> tuple[str, str, str]:
    return (
        settings.user or DEMO_USER,
        settings.access_key or DEMO_ACCESS_KEY,
        settings.secret_key or DEMO_SECRET_KEY,
    )


def _sign_in(target: Target, now: float | None) -> list[dict[str, Any]]:
    s = target.settings
    user, access_key, secret_key = _credentials(s)
    headers = sign_in_headers(user, access_key, secret_key, now)
    target.secrets.add(access_key, secret_key, headers["signature"])
    try:
        data = target.envelope("POST", "/api/user/v3/tokens", headers=headers)
    except TargetError as exc:
        hint = "" if s.user else " (no SCNET_TOKEN or AK/SK variables: tried the mock's demo keys)"
        raise TargetError(f"sign-in failed{hint}: {exc}") from None
    if not isinstance(data, list):
        raise TargetError("sign-in answered code 0 without a list of region tokens")
    for entry in data:
        if isinstance(entry, dict) and isinstance(entry.get("token"), str):
            target.secrets.add(entry["token"])
    return [e for e in data if isinstance(e, dict)]


def _choose_tokens(
    target: Target, entries: list[dict[str, Any]]
) -> tuple[str, str | None, str | None, str | None]:
    """(region token, its region id, platform token, another region's token)."""
    platform = next(
        (e["token"] for e in entries if str(e.get("clusterId")) == "0" and e.get("token")), None
    )
    regions = [e for e in entries if str(e.get("clusterId")) != "0" and e.get("token")]
    wanted = target.settings.region_id
    chosen = next((e for e in regions if wanted is None or str(e.get("clusterId")) == wanted), None)
    if chosen is None:
        raise TargetError(
            f"sign-in gave no usable token for region {wanted}"
            if wanted
            else "sign-in gave no region token"
        )
    other = next((e["token"] for e in regions if e is not chosen), None)
    return chosen["token"], str(chosen.get("clusterId")), platform, other


def _queue_size(queue: dict[str, Any]) -> tuple[int, str]:
    try:
        cpus = int(str(queue.get("queNcpus", "")))
    except ValueError:
        cpus = 1 << 30
    return cpus, str(queue.get("id") or queue.get("queueName") or "")


def token_kinds_offered(settings: Settings, *, embedded: bool) -> frozenset[str]:
    """The extra credentials ``discover`` can give, known before it signs in: the expired and
    stale tokens it mints in an ``embedded`` mock (or SCNET_EXPIRED_TOKEN), and the platform and
    other-region tokens a sign-in may answer (not with SCNET_TOKEN)."""
    kinds = set()
    if embedded:
        kinds |= {"expired", "stale"}
    elif settings.expired_token:
        kinds.add("expired")
    if not settings.token:
        kinds |= {"platform", "other_region"}
    return frozenset(kinds)


def _efile_url(center: dict[str, Any]) -> str | None:
    """The first enabled efile URL of ``center`` without its ``/efile`` suffix."""
    for entry in center.get("efileUrls") or []:
        if isinstance(entry, dict) and str(entry.get("enable", "true")).lower() == "true":
            url = str(entry.get("url") or "").rstrip("/")
            if url:
                return url.removesuffix("/efile") or None
    return None


def discover(target: Target) -> Facts:
    s = target.settings
    mock = target.mock
    platform = other = region_id = None
    if s.token:
        token = s.token
        target.secrets.add(token)
    else:
        now = mock.clock.now() if mock is not None else None
        token, region_id, platform, other = _choose_tokens(target, _sign_in(target, now))
    headers = {"token": token}
    center = target.envelope("GET", "/ac/openapi/v2/center", headers=headers)
    if isinstance(center, list):
        center = center[0] if center else {}
    user_info = center.get("clusterUserInfo") or {}
    clusters = target.envelope("GET", "/hpc/openapi/v2/cluster", headers=headers)
    if not clusters:
        raise TargetError("list_clusters answered no scheduler")
    scheduler_id = int(clusters[0]["id"])
    user = str(user_info.get("userName") or s.user or DEMO_USER)
    queues = (
        target.envelope(
            "GET",
            f"/hpc/openapi/v2/queuenames/users/{user}",
            params={"strJobManagerID": str(scheduler_id)},
            headers=headers,
        )
        or []
    )
    names = [_queue_size(q)[1] for q in queues if isinstance(q, dict)]
    if s.queue is not None and s.queue not in names:
        raise SettingsError(
            f"SCNET_CONTRACT_QUEUE={s.queue!r} is not one of the user's queues {names}"
        )
    smallest = min((q for q in queues if isinstance(q, dict)), key=_queue_size, default=None)
    facts = Facts(
        token=token,
        scheduler_id=scheduler_id,
        cluster_user=user,
        home=str(user_info.get("homePath") or f"/home/{user}"),
        queues=names,
        safe_queue=s.queue or (_queue_size(smallest)[1] if smallest else "debug"),
        region_id=region_id or (str(center.get("id")) if center.get("id") is not None else None),
        platform_token=platform,
        other_region_token=other,
        expired_token=s.expired_token,
        credentials=None if s.token else _credentials(s),
    )
    facts.group_id = _group_of(target, headers, user, facts.region_id)
    facts.efile_url = _efile_url(center) if mock is None else None
    if mock is not None:
        spec = mock.deployment.user(mock.demo.user)
        if spec is not None and spec.password:
            facts.password_login = (spec.name, spec.password, spec.org_id)
            target.secrets.add(spec.password, spec.org_id)
        facts.expired_token = mock.mint_token(expired=True)
        grace = mock.deployment.settings.renew_grace
        facts.stale_token = mock.mint_token(lifetime=-(grace + 3600))
    target.secrets.add(facts.expired_token, facts.stale_token)
    return facts


def _group_of(
    target: Target, headers: dict[str, str], user: str, region_id: str | None
) -> int | None:
    """The user's group id as group members lists it (None: no group, or not served)."""
    try:
        members = target.envelope("GET", "/ac/openapi/v2/groupmembers", headers=headers)
    except TargetError:
        return None
    for row in members or []:
        if (
            isinstance(row, dict)
            and row.get("clusterUserName") == user
            and (region_id is None or str(row.get("clusterId")) == region_id)
        ):
            return int(row["groupId"])
    return None


@contextlib.contextmanager
def open_target(settings: Settings, app: Any = None) -> Iterator[Target]:
    """The discovered target; ``app`` replaces the embedded mock (the can-fail tests use it)."""
    secrets = Secrets()
    secrets.add(settings.token, settings.access_key, settings.secret_key, settings.expired_token)
    pacer = Pacer(settings.rps)
    with contextlib.ExitStack() as stack:
        if settings.in_process or app is not None:
            if app is None:
                from scnet_hpc.mock import create_app

                app = create_app()
            from scnet_hpc.mock.testing import sync_client

            client: httpx.Client = stack.enter_context(sync_client(app, base_url=IN_PROCESS_URL))
        else:
            client = stack.enter_context(httpx.Client(timeout=60.0))
        target = Target(settings=settings, secrets=secrets, pacer=pacer, client=client, app=app)
        started = time.monotonic()
        target.facts = discover(target)
        target.discovery_seconds = time.monotonic() - started
        yield target
