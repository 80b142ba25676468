"""``app.state.mock``: the running deployment, exposed for tests and for the handlers."""

from __future__ import annotations

import threading
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..clock import Clock
from ..deployment.model import Deployment, RegionSpec, UserSpec
from ..engines.base import Engine
from ..files import FileService
from .tokens import PLATFORM_REGION, TokenService, sign

if TYPE_CHECKING:
    from .spec import Spec

__all__ = ["DemoUser", "MockState"]


@dataclass(frozen=True)
class DemoUser:
    """The first user of the deployment, as a client needs them (the secret stays out of reprs)."""

    user: str
    access_key: str
    secret_key: str = field(repr=False)
    cluster_user: str
    home: str
    region_id: int


class MockState:
    """Everything a test may want to look at or steer in a running mock.

    * ``clock`` — the mock clock (``clock.advance(600)`` runs ten minutes of jobs);
    * ``demo`` — the first user's credentials; ``region_id`` / ``scheduler_id`` — the region
      served at the root and its first scheduler;
    * ``files`` — the file service: ``files.tree(account)`` is a user's home on disk;
    * ``requests`` — a Counter of requests seen, keyed by ``(HTTP method, operation_id)``,
      counted before any fault is injected (so retries can be counted at the mock);
    * ``mint_token(...)`` / ``sign_in_headers(...)`` — tokens (also expired ones) and sign-in
      headers without going through HTTP.
    """

    def __init__(
        self, deployment: Deployment, clock: Clock, engine: Engine, spec: Spec, faults: Any = None
    ) -> None:
        self.deployment = deployment
        self.clock = clock
        self.engine = engine
        self.spec = spec
        self.faults = faults
        self.tokens = TokenService(deployment, clock)
        #: Every user's files (efile): one tree per region account, shared by the engines. An
        #: engine with real homes maps an account to its directory with ``file_root(account)``.
        self.files = FileService(deployment, roots=getattr(engine, "file_root", None))
        if hasattr(engine, "on_write"):  # the simulated engine: its jobs write into the trees
            engine.on_write(self.files.job_wrote)
        self.requests: Counter[tuple[str, str]] = Counter()
        self._requests_lock = threading.Lock()
        first = deployment.regions[0]
        self.region_id = first.id
        self.scheduler_id = first.schedulers[0].id
        user = deployment.users[0]
        account = user.account_in(first.id) or user.regions[0]
        self.demo = DemoUser(
            user=user.name,
            access_key=user.access_key,
            secret_key=user.secret_key,
            cluster_user=account.cluster_user,
            home=account.home,
            region_id=account.region_id,
        )

    def count(self, method: str, operation_id: str) -> None:
        with self._requests_lock:
            self.requests[(method, operation_id)] += 1

    def region_prefix(self, region_id: int) -> str:
        """Where a region's job API lives on the mock: the first region at the root."""
        return "" if region_id == self.region_id else f"/regions/{region_id}"

    def region(self, region_id: int) -> RegionSpec:
        region = self.deployment.region(region_id)
        if region is None:
            raise LookupError(f"region {region_id} is not in the deployment")
        return region

    def _user(self, name: str | None) -> UserSpec:
        user = self.deployment.user(name or self.demo.user)
        if user is None:
            raise LookupError(f"user {name!r} is not in the deployment")
        return user

    def mint_token(
        self,
        user: str | None = None,
        region_id: int | None = None,
        *,
        lifetime: float | None = None,
        expired: bool = False,
        platform: bool = False,
    ) -> str:
        """A token as sign-in would issue it (default: the demo user, the root region).

        ``expired=True`` gives one that expired a minute ago; ``lifetime`` sets seconds to expiry
        (negative: already expired that long); ``platform=True`` gives the ``ac`` token.
        """
        region = PLATFORM_REGION if platform else (region_id or self.region_id)
        if expired:
            lifetime = -60.0
        return self.tokens.mint(self._user(user), region, lifetime=lifetime)

    def sign_in_headers(
        self, user: str | None = None, timestamp: int | None = None
    ) -> dict[str, str]:
        """Headers for ``POST /api/user/v3/tokens``, signed with the user's secret key; the
        mock refuses them more than 2 s after their first use (a replay)."""
        spec = self._user(user)
        stamp = str(int(self.clock.now()) if timestamp is None else timestamp)
        return {
            "user": spec.name,
            "accessKey": spec.access_key,
            "timestamp": stamp,
            "signature": sign(spec.secret_key, spec.access_key, stamp, spec.name),
        }

    def __repr__(self) -> str:
        return (
            f"MockState(source={self.deployment.source!r}, region_id={self.region_id}, "
            f"scheduler_id={self.scheduler_id}, engine={type(self.engine).__name__}, "
            f"clock={self.clock!r})"
        )
