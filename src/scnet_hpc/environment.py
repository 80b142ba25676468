"""Every ``SCNET_*`` environment variable, in one table, and the one function that reads them.

The SDK (``Client.from_env`` / ``env_settings``), the CLI, the contract suite and the examples
all read their variables through ``read_env``, so a name means the same everywhere and this
table is the complete list. ``users`` says who honours a variable: ``sdk`` (``env_settings``),
``cli``, ``contract`` (``contract_tests``) and ``examples``.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

__all__ = ["VARIABLES", "Variable", "read_env", "variable"]


@dataclass(frozen=True)
class Variable:
    """One setting: its variable (and older spellings still accepted), meaning and users."""

    setting: str
    name: str
    meaning: str
    users: frozenset[str]
    aliases: tuple[str, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


def _v(setting: str, meaning: str, users: str, *aliases: str) -> Variable:
    name = "SCNET_" + setting.upper()
    return Variable(setting, name, meaning, frozenset(users.split()), aliases)


_ALL = "sdk cli contract examples"

#: The complete list, in the order ``scnet-hpc --help`` and the README explain them.
VARIABLES: tuple[Variable, ...] = (
    _v("token", "a region token (static-token client)", _ALL),
    _v(
        "base_url", "HPC base URL for the token (job API; '/hpc' may follow)", _ALL, "SCNET_HPC_URL"
    ),
    _v("user", "platform user name (access-key sign-in)", _ALL),
    _v("access_key", "access key (AK)", _ALL),
    _v("secret_key", "secret key (SK); never written to disk", _ALL),
    _v("region", "region id or name to work in (default: the first usable)", "sdk cli examples"),
    _v("auth_url", "token issuance host (default https://api.scnet.cn)", _ALL),
    _v("platform_url", "platform host: center, token state and renewal", _ALL),
    _v("scheduler_id", "scheduler (cluster) id (default: the region's first)", _ALL),
    _v("cluster_user", "cluster user name (default: what center says)", "sdk cli examples"),
    _v("home_path", "home directory (default: what center says)", "cli"),
    _v("token_cache", "token cache file (default ~/.cache/scnet-hpc/tokens.json)", _ALL),
    _v("request_timeout", "seconds per request", "cli"),
    _v("retries", "how often to repeat a read after a transient failure", "cli"),
    _v("output", "table or json", "cli"),
    _v("config", "the CLI's profile file", "cli"),
    _v("profile", "the profile in it to use", "cli"),
    _v("debug", "1: log every request to stderr, as --debug does", "cli"),
    _v("hpc_validator", "python: check answers with the pure-Python JSON Schema validator", "sdk"),
    _v(
        "record_dir",
        "save every answer received there, secrets and user names masked (for drift)",
        "sdk cli",
    ),
    _v("region_id", "region whose token the contract suite takes", "contract"),
    _v("expired_token", "an expired token, for the expired-token checks", "contract"),
    _v("contract_writes", "0 read-only, 1 scripted writes, fuzz generated writes", "contract"),
    _v("contract_rps", "requests per second, 0 = unlimited", "contract"),
    _v("contract_examples", "generated cases per operation", "contract"),
    _v("contract_seed", "Hypothesis seed, to replay a run", "contract"),
    _v("contract_queue", "queue of the scripted job", "contract"),
    _v("queue", "queue the examples submit to (default debug)", "examples"),
    _v("example_timeout", "seconds an example waits for its job (default 600)", "examples"),
)

_BY_SETTING = {v.setting: v for v in VARIABLES}


def variable(setting: str) -> Variable:
    """The table entry of ``setting`` (``KeyError`` names an unknown one)."""
    return _BY_SETTING[setting]


def read_env(
    environ: Mapping[str, str] | None = None, settings: Iterable[str] | None = None
) -> dict[str, str]:
    """Set, non-blank variables by setting name, stripped; the first spelling set wins.

    ``settings`` limits the answer to those settings (default: all of them).
    """
    env = os.environ if environ is None else environ
    wanted = VARIABLES if settings is None else [variable(s) for s in settings]
    found: dict[str, str] = {}
    for var in wanted:
        for name in var.names:
            value = env.get(name, "").strip()
            if value:
                found[var.setting] = value
                break
    return found
