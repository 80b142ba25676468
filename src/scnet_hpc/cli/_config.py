"""Where the CLI's settings come from: flags, then ``SCNET_*`` variables, then a profile file.

The profile file (``~/.config/scnet-hpc/config.toml``, or ``$XDG_CONFIG_HOME/...``, or
``--config``/``SCNET_CONFIG``) holds named profiles::

    default_profile = "mock"          # optional; else "default"

    [profiles.mock]
    user = "demo"
    access_key = "demo-access-key"
    region = "11250"
    auth_url = "http://127.0.0.1:8000"
    platform_url = "http://127.0.0.1:8000"
    base_url = "http://127.0.0.1:8000"
    cluster_user = "demo"
    home_path = "/public/home/demo"
    scheduler_id = "1638523853"

``scnet-hpc login`` writes these (non-secret) settings and leaves the region tokens to the
SDK's token cache (mode 0600). A ``secret_key`` is written only on ``login --save-secret-key``;
the file is always written with mode 0600 because it names an access key.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

import tomli_w

from scnet_hpc import default_token_cache
from scnet_hpc.environment import VARIABLES, read_env
from scnet_hpc.private_files import locked, write_private

from ._errors import CliError

__all__ = [
    "ENV_VARS",
    "PROFILE_KEYS",
    "Settings",
    "default_config_path",
    "default_token_cache",
    "load_profile",
    "resolve",
    "save_profile",
]

#: Setting -> environment variables that set it (first one set wins).
#: Setting -> the ``SCNET_*`` variables that set it (first wins); the names and their meanings
#: live in ``scnet_hpc.environment.VARIABLES``, shared with the SDK and the test suites.
ENV_VARS: dict[str, tuple[str, ...]] = {
    var.setting: var.names
    for var in VARIABLES
    if "cli" in var.users and var.setting not in ("config", "profile")
}
#: Keys a profile may hold (anything else in a profile is an error, so typos do not go unseen).
PROFILE_KEYS = frozenset(ENV_VARS) - {"token"}
#: Settings that are never shown (``config`` output, reprs).
SECRET_SETTINGS = frozenset({"token", "secret_key"})
OUTPUT_FORMATS = ("table", "json")


@dataclass(frozen=True)
class Settings:
    """Everything the CLI was told, after precedence; ``sources`` says where each came from."""

    profile: str
    config_path: Path
    base_url: str | None = None
    token: str | None = field(default=None, repr=False)
    user: str | None = None
    access_key: str | None = None
    secret_key: str | None = field(default=None, repr=False)
    region: str | None = None
    auth_url: str | None = None
    platform_url: str | None = None
    scheduler_id: str | None = None
    cluster_user: str | None = None
    home_path: str | None = None
    token_cache: str | None = None
    request_timeout: float | None = None
    retries: int | None = None
    output: str = "table"
    sources: Mapping[str, str] = field(default_factory=dict, repr=False)

    @property
    def token_cache_path(self) -> Path:
        return Path(self.token_cache).expanduser() if self.token_cache else default_token_cache()


def default_config_path(environ: Mapping[str, str] | None = None) -> Path:
    env = os.environ if environ is None else environ
    base = env.get("XDG_CONFIG_HOME") or str(Path("~/.config").expanduser())
    return Path(base) / "scnet-hpc" / "config.toml"


def _read_document(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except FileNotFoundError:
        return {}
    except tomllib.TOMLDecodeError as exc:
        raise CliError(f"config file {path} is not valid TOML: {exc}") from None
    except OSError as exc:
        raise CliError(f"cannot read config file {path}: {exc.strerror}") from None


def load_profile(
    path: Path, name: str | None, *, new_profile: bool = False
) -> tuple[str, dict[str, Any]]:
    """The profile's name and settings; a missing file or profile is simply empty, except
    that a profile asked for by name (``--profile``/``SCNET_PROFILE``) must exist, unless it
    is a ``new_profile`` (``login`` creates it)."""
    document = _read_document(path)
    profiles = document.get("profiles", {})
    if not isinstance(profiles, dict):
        raise CliError(f"config file {path}: 'profiles' must be a table of [profiles.NAME]")
    chosen = name or document.get("default_profile") or "default"
    if not isinstance(chosen, str):
        raise CliError(f"config file {path}: default_profile must be a string")
    profile = profiles.get(chosen)
    if profile is None:
        if name is not None and document and not new_profile:
            known = ", ".join(sorted(profiles)) or "none"
            raise CliError(f"profile {chosen!r} is not in {path} (profiles: {known})")
        return chosen, {}
    if not isinstance(profile, dict):
        raise CliError(f"config file {path}: [profiles.{chosen}] must be a table")
    unknown = sorted(set(profile) - PROFILE_KEYS)
    if unknown:
        raise CliError(
            f"config file {path}: [profiles.{chosen}] has unknown key(s) {', '.join(unknown)}; "
            f"known: {', '.join(sorted(PROFILE_KEYS))}"
        )
    return chosen, profile


def _number(name: str, value: Any, source: str, kind: type) -> Any:
    where = {"flag": f"--{name.replace('_', '-')}", "env": ENV_VARS[name][0]}.get(
        source, f"profile key {name}"
    )
    try:
        number = kind(value)
    except (TypeError, ValueError):
        raise CliError(f"{where} must be a number, got {value!r}") from None
    if number < 0 or (kind is float and number == 0):
        raise CliError(f"{where} must be positive, got {value!r}")
    return number


def resolve(
    flags: Mapping[str, Any],
    *,
    environ: Mapping[str, str] | None = None,
    new_profile: bool = False,
) -> Settings:
    """Settings from flags (``None`` = not given) over environment over profile.

    ``flags`` may also carry ``profile`` and ``config`` (the file to read); ``new_profile``
    lets a profile named there be missing (``login`` creates it).
    """
    env = os.environ if environ is None else environ
    from_env_vars = read_env(env)
    config_value = flags.get("config") or from_env_vars.get("config")
    config_path = Path(config_value).expanduser() if config_value else default_config_path(env)
    wanted = flags.get("profile") or from_env_vars.get("profile")
    profile_name, profile = load_profile(config_path, wanted, new_profile=new_profile)

    values: dict[str, Any] = {}
    sources: dict[str, str] = {}
    for setting in ENV_VARS:
        flag = flags.get(setting)
        if flag is not None and str(flag).strip() != "":
            value, source = flag, "flag"
        elif (from_env := from_env_vars.get(setting)) is not None:
            value, source = from_env, "env"
        elif setting in profile and str(profile[setting]).strip() != "":
            value, source = profile[setting], "profile"
        else:
            continue
        if setting == "request_timeout":
            value = _number(setting, value, source, float)
        elif setting == "retries":
            value = _number(setting, value, source, int)
        else:
            value = str(value).strip()
        values[setting], sources[setting] = value, source
    if "token_cache" not in values:
        values["token_cache"], sources["token_cache"] = str(default_token_cache(env)), "default"
    output = values.get("output", "table")
    if output not in OUTPUT_FORMATS:
        raise CliError(f"output must be table or json, got {output!r}")
    known = {f.name for f in fields(Settings)}
    return Settings(
        profile=profile_name,
        config_path=config_path,
        sources=sources,
        **{k: v for k, v in values.items() if k in known},
    )


def save_profile(
    path: Path, name: str, updates: Mapping[str, Any], *, drop: tuple[str, ...] = ()
) -> None:
    """Merge ``updates`` into ``[profiles.<name>]`` (other profiles kept), mode 0600.

    The read-modify-write holds the file's lock: two ``login`` runs at once keep both
    profiles. Comments in an existing file are not kept (TOML writers cannot round-trip them).
    """
    unknown = set(updates) - PROFILE_KEYS
    if unknown:
        raise CliError(f"cannot save unknown profile key(s): {', '.join(sorted(unknown))}")
    with locked(path):
        document = _read_document(path)
        profiles = document.setdefault("profiles", {})
        profile = dict(profiles.get(name) or {})
        profile.update({k: v for k, v in updates.items() if v is not None})
        for key in drop:
            profile.pop(key, None)
        profiles[name] = profile
        write_private(path, tomli_w.dumps(document))
