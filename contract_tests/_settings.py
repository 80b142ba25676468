"""What the suite runs against, read once from the environment (through
``scnet_hpc.environment.read_env``, whose table lists every ``SCNET_*`` name).

No variable set: the embedded mock, in-process. ``SCNET_BASE_URL`` set: that server over HTTP.

* ``SCNET_BASE_URL``: HPC base URL of the server (job operations; a trailing ``/hpc``, as
  ``center`` lists it, is dropped). Unset: the embedded mock.
* ``SCNET_PLATFORM_URL``: host of ``center``, ``tokens/state``, ``tokens/next``; default
  ``SCNET_BASE_URL``. ``SCNET_AUTH_URL``: host of ``POST /api/user/v3/tokens``; same default.
* ``SCNET_TOKEN``: the region token to use; otherwise the suite signs in with
  ``SCNET_USER`` / ``SCNET_ACCESS_KEY`` / ``SCNET_SECRET_KEY`` (default: the mock's demo keys)
  and takes the token of ``SCNET_REGION_ID`` (default: the first usable region).
* ``SCNET_EXPIRED_TOKEN``: an expired token, for the expired-token checks over HTTP (without
  it those checks are skipped; in-process the suite mints one).
* ``SCNET_CONTRACT_WRITES``: ``0`` read-only (default over HTTP); ``1`` scripted writes too: a
  few sign-ins and renewals, one cheap job (``sleep 5``, smallest queue) submitted and always
  cancelled; ``fuzz`` generated submits, cancels, sign-ins and renewals too (default in-process).
* ``SCNET_CONTRACT_RPS``: requests per second, 0 = unlimited (default 0 on loopback, 5 elsewhere).
* ``SCNET_CONTRACT_EXAMPLES``: generated cases per operation in the fuzzing phase (default 100).
* ``SCNET_CONTRACT_SEED``: Hypothesis seed, to replay a run (default random, printed in the
  report).
* ``SCNET_CONTRACT_QUEUE``: queue of the scripted job (default: the smallest queue).

Generated writes (``fuzz``) submit jobs with generated commands and cancel generated job ids of
the signed-in user: only ever use them against a disposable server such as ``make mock``.
"""

from __future__ import annotations

import enum
import ipaddress
import os
import random
from collections.abc import Mapping
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from scnet_hpc.environment import read_env, variable

__all__ = ["Settings", "SettingsError", "Writes"]


class SettingsError(ValueError):
    """A variable has a value the suite cannot use; the message names it."""


class Writes(enum.Enum):
    NONE = "0"  # read-only
    SCRIPTED = "1"  # the scripted lifecycle: one cheap job, always cancelled
    FUZZ = "fuzz"  # generated submits and cancels too (disposable servers only)


def _is_loopback(url: str) -> bool:
    host = urlsplit(url).hostname or ""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _url(env: Mapping[str, str], setting: str) -> str | None:
    value = env.get(setting)
    name = variable(setting).name
    if not value:
        return None
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise SettingsError(f"{name} must be an http(s) URL such as http://127.0.0.1:8000")
    return value.rstrip("/")


def _number(env: Mapping[str, str], setting: str, default: float, kind: type = float) -> float:
    raw = env.get(setting, "")
    name = variable(setting).name
    if not raw:
        return default
    try:
        value = kind(raw)
    except ValueError:
        raise SettingsError(f"{name} must be a number, got {raw!r}") from None
    if value < 0:
        raise SettingsError(f"{name} must not be negative, got {raw!r}")
    return float(value)


@dataclass(frozen=True)
class Settings:
    base_url: str | None = None  # None: the embedded mock, in-process
    platform_url: str | None = None
    auth_url: str | None = None
    token: str | None = field(default=None, repr=False)
    user: str | None = None
    access_key: str | None = field(default=None, repr=False)
    secret_key: str | None = field(default=None, repr=False)
    region_id: str | None = None
    expired_token: str | None = field(default=None, repr=False)
    writes: Writes = Writes.FUZZ
    rps: float = 0.0
    examples: int = 100
    seed: int = 0
    queue: str | None = None

    @property
    def in_process(self) -> bool:
        return self.base_url is None

    @property
    def remote(self) -> bool:
        """A shared server (not in-process, not on loopback): pace and spare it."""
        return self.base_url is not None and not _is_loopback(self.base_url)

    @property
    def target_label(self) -> str:
        return "embedded mock (in-process ASGI)" if self.base_url is None else self.base_url

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Settings:
        env = read_env(os.environ if env is None else env)  # by setting: see VARIABLES
        base_url = _url(env, "base_url")
        user = env.get("user")
        access_key = env.get("access_key")
        secret_key = env.get("secret_key")
        given = [n for n, v in (("SCNET_USER", user), ("SCNET_ACCESS_KEY", access_key),
                                ("SCNET_SECRET_KEY", secret_key)) if v]  # fmt: skip
        if given and len(given) != 3:
            missing = {"SCNET_USER", "SCNET_ACCESS_KEY", "SCNET_SECRET_KEY"} - set(given)
            raise SettingsError(
                f"AK/SK sign-in needs all three variables; missing {sorted(missing)}"
            )
        writes_raw = env.get("contract_writes", "").lower()
        if writes_raw:
            try:
                writes = Writes(writes_raw)
            except ValueError:
                raise SettingsError(
                    f"SCNET_CONTRACT_WRITES must be 0, 1 or fuzz, got {writes_raw!r}"
                ) from None
        else:
            writes = Writes.FUZZ if base_url is None else Writes.NONE
        if base_url is not None and base_url.endswith("/hpc"):
            base_url = base_url.removesuffix("/hpc")  # center's hpcUrls end in /hpc; paths add it
        default_rps = 0.0 if base_url is None or _is_loopback(base_url) else 5.0
        seed_raw = env.get("contract_seed", "")
        if seed_raw and not seed_raw.isdigit():
            raise SettingsError(
                f"SCNET_CONTRACT_SEED must be a non-negative integer, got {seed_raw!r}"
            )
        examples = int(_number(env, "contract_examples", 100, int))
        if examples < 1:
            raise SettingsError("SCNET_CONTRACT_EXAMPLES must be at least 1")
        return cls(
            base_url=base_url,
            platform_url=_url(env, "platform_url") or base_url,
            auth_url=_url(env, "auth_url") or base_url,
            token=env.get("token"),
            user=user,
            access_key=access_key,
            secret_key=secret_key,
            region_id=env.get("region_id"),
            expired_token=env.get("expired_token"),
            writes=writes,
            rps=_number(env, "contract_rps", default_rps),
            examples=examples,
            seed=int(seed_raw) if seed_raw else random.SystemRandom().randrange(2**32),
            queue=env.get("contract_queue"),
        )
