"""Who and where: ``login``, ``regions``, ``clusters``, ``queues``, ``stats``."""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from typing import Any

import click
from rich.console import Group

from scnet_hpc import DEFAULT_AUTH_URL, DEFAULT_PLATFORM_URL, Client

from ._config import default_token_cache, load_profile, save_profile
from ._errors import CliError
from ._output import Column, duration, plain, record_table, rows_table
from ._state import common_options, get_state

__all__ = ["clusters", "login", "queues", "regions", "stats"]


# --------------------------------------------------------------------------- login


def _ask(name: str, value: str | None, option: str, env: str) -> str:
    if value:
        return value
    if sys.stdin.isatty():
        answer: str = click.prompt(name)
        if answer.strip():
            return answer.strip()
    raise CliError(f"login needs {option} (or {env})")


def _secret_key(given: str | None, from_stdin: bool) -> str:
    if from_stdin:
        line = sys.stdin.readline().strip()
        if not line:
            raise CliError("--secret-key-stdin: standard input has no secret key")
        return line
    if given:
        return given
    if sys.stdin.isatty():
        answer: str = click.prompt("Secret key", hide_input=True)
        if answer.strip():
            return answer.strip()
    raise CliError(
        "login needs the secret key: set SCNET_SECRET_KEY, pipe it with --secret-key-stdin, "
        "or run login in a terminal to be asked"
    )


@click.command()
@click.option("--user", help="Platform user (SCNET_USER).")
@click.option("--access-key", help="Access key (SCNET_ACCESS_KEY).")
@click.option("--region", help="Region id or name (default: the first with a job API).")
@click.option("--auth-url", help=f"Token service (default {DEFAULT_AUTH_URL}).")
@click.option("--platform-url", help=f"Platform (default {DEFAULT_PLATFORM_URL}).")
@click.option("--secret-key-stdin", is_flag=True, help="Read the secret key from stdin.")
@click.option(
    "--save-secret-key",
    is_flag=True,
    help="Also store the secret key in the profile (mode 0600); by default it is not stored.",
)
@common_options
def login(
    user: str | None,
    access_key: str | None,
    region: str | None,
    auth_url: str | None,
    platform_url: str | None,
    secret_key_stdin: bool,
    save_secret_key: bool,
) -> None:
    """Sign in with an access key and save the profile.

    The secret key comes from SCNET_SECRET_KEY, --secret-key-stdin or a prompt. The profile
    gets the non-secret settings (user, access key, region, URLs, cluster user); the region
    tokens go to the token cache (~/.cache/scnet-hpc/tokens.json, mode 0600), which later
    commands use and renew while the platform allows (then login again). Login always signs
    in afresh, whatever the cache holds.
    """
    state = get_state()
    settings = state.settings(
        user=user, access_key=access_key, region=region, auth_url=auth_url,
        platform_url=platform_url, new_profile=True,
    )  # fmt: skip
    user = _ask("User", settings.user, "--user", "SCNET_USER")
    access_key = _ask("Access key", settings.access_key, "--access-key", "SCNET_ACCESS_KEY")
    secret_key = _secret_key(settings.secret_key, secret_key_stdin)
    auth = settings.auth_url or DEFAULT_AUTH_URL
    platform = settings.platform_url or DEFAULT_PLATFORM_URL
    cache_path = settings.token_cache_path
    client = Client.from_access_key(
        user,
        access_key,
        secret_key,
        region=settings.region,
        auth_url=auth,
        platform_url=platform,
        token_cache=cache_path,
        scheduler_id=settings.scheduler_id,
        timeout=settings.request_timeout,
        retries=settings.retries,
    )
    state.use_client(client)
    # A fresh sign-in, whatever the cache holds: login checks the key and replaces the tokens.
    all_regions = client.sign_in()
    info = client.region_info()
    scheduler_id = settings.scheduler_id
    if scheduler_id is None:
        found = client.clusters()
        scheduler_id = str(found[0].id) if found else None

    _, saved = load_profile(settings.config_path, settings.profile, new_profile=True)
    store_secret = save_secret_key or (
        "secret_key" in saved and saved["secret_key"] != secret_key  # keep a stored one current
    )
    updates: dict[str, Any] = {
        "user": user,
        "access_key": access_key,
        "region": info.id,
        "base_url": info.hpc_url,
        "cluster_user": info.cluster_user,
        "home_path": info.home_path,
        "scheduler_id": scheduler_id,
        "auth_url": auth if auth != DEFAULT_AUTH_URL else None,
        "platform_url": platform if platform != DEFAULT_PLATFORM_URL else None,
        "token_cache": str(cache_path) if cache_path != default_token_cache() else None,
        "secret_key": secret_key if store_secret else None,
    }
    drop = tuple(k for k in ("auth_url", "platform_url", "token_cache") if updates[k] is None)
    save_profile(settings.config_path, settings.profile, updates, drop=drop)

    expires_at = client.token_expires_at
    expires = (
        datetime.fromtimestamp(expires_at, UTC).isoformat() if expires_at is not None else None
    )
    secret_saved = store_secret or saved.get("secret_key") == secret_key
    data = {
        "profile": settings.profile,
        "config_file": str(settings.config_path),
        "user": user,
        "region": {"id": info.id, "name": info.name},
        "regions": [plain(r) for r in all_regions],
        "base_url": info.hpc_url,
        "cluster_user": info.cluster_user,
        "home_path": info.home_path,
        "scheduler_id": scheduler_id,
        "token_cache": str(cache_path),
        "token_expires_at": expires,
        "secret_key_saved": secret_saved,
    }
    state.out.emit(
        data,
        lambda: record_table(
            [
                ("profile", f"{settings.profile} ({settings.config_path})"),
                ("user", user),
                ("region", f"{info.id} {info.name}"),
                ("job API", info.hpc_url),
                ("cluster user", info.cluster_user),
                ("home", info.home_path),
                ("scheduler", scheduler_id),
                ("token cache", str(cache_path)),
                ("token expires", expires),
                ("secret key saved", secret_saved),
            ],
            title=f"Signed in as {user}",
        ),
    )


# --------------------------------------------------------------------------- listings


@click.command()
@common_options
def regions() -> None:
    """Regions of the account (with a static token: the token's region)."""
    state = get_state()
    found = state.client().regions()
    state.out.emit(
        found,
        lambda: rows_table(
            [plain(r) for r in found],
            [("ID", "id"), ("NAME", "name"), ("AVAILABLE", "available")],
            empty="no regions",
        ),
    )


@click.command()
@common_options
def clusters() -> None:
    """Schedulers (clusters) of the region; their ID is what --scheduler-id takes."""
    state = get_state()
    rows = [plain(c) for c in state.client().clusters()]
    state.out.emit(
        rows,
        lambda: rows_table(
            rows,
            [
                ("ID", "id"),
                ("NAME", "text"),
                ("TYPE", "job_manager_type"),
                ("ADDRESS", "job_manager_addr"),
                ("PORT", "job_manager_port"),
            ],
            empty="no clusters",
        ),
    )


@click.command()
@click.option("--details", is_flag=True, help="Resource details of every queue instead.")
@common_options
def queues(details: bool) -> None:
    """Queues you may submit to."""
    state = get_state()
    client = state.client()
    columns: list[Column]
    if details:
        rows = [plain(q) for q in client.queue_details()]
        columns = [
            ("QUEUE", "queue_name"),
            ("NODES", "que_nodes"),
            ("MIN NODES", "que_min_nodect"),
            ("MAX PPN", "que_max_ppn"),
            ("MAX GPUS", "que_max_ngpus"),
        ]
    else:
        rows = [plain(q) for q in client.queues()]
        columns = [
            ("QUEUE", lambda r: r.get("queue_name") or r.get("text") or r.get("id")),
            ("NODES", "que_nodes"),
            ("FREE NODES", "que_free_nodes"),
            ("CORES", "que_ncpus"),
            ("FREE CORES", "que_free_ncpus"),
            ("MAX PPN", "que_max_ppn"),
            ("MAX NODES", "que_max_nodect"),
            ("MAX WALLTIME (MIN)", "que_max_walltime"),
            ("ENABLED", "queue_enabled"),
        ]
    state.out.emit(rows, lambda: rows_table(rows, columns, empty="no queues"))


_STATE_NAMES = {
    "jobview_status_run": "running",
    "jobview_status_queue": "queued",
    "jobview_status_reserve": "reserved",
    "jobview_status_hung": "held",
    "jobview_status_other": "other",
}


@click.command()
@common_options
def stats() -> None:
    """Job counts per state and queue, used core time, storage quota and limits."""
    state = get_state()
    client = state.client()
    job_states = [
        {"name": c.name, "label": _STATE_NAMES.get(c.name, c.name), "count": c.y}
        for c in client.job_state_stats()
    ]
    queue_counts: list[dict[str, Any]] = [
        {"queue": q.name, "metrics": {m.metric_name: m.metric_value for m in q.values}}
        for q in client.queue_stats()
    ]
    used = client.used_walltime()
    storage = [plain(s) for s in client.storage_quota()]
    limits = plain(client.user_limits())
    data = {
        "job_states": job_states,
        "queues": queue_counts,
        "used_walltime_core_seconds": used,
        "used_walltime_core_hours": round(used / 3600, 3),
        "storage": storage,
        "limits": limits,
    }

    def view() -> Group:
        metric_columns: list[Column] = [(n.upper(), n) for n in _metric_names(queue_counts)]
        parts: list[Any] = [
            rows_table(job_states, [("STATE", "label"), ("JOBS", "count")], title="Jobs"),
            rows_table(
                [{"queue": q["queue"], **q["metrics"]} for q in queue_counts],
                [("QUEUE", "queue"), *metric_columns],
                title="Queues",
                empty="no running or queued jobs",
            ),
            record_table(
                [("core seconds", used), ("core hours", round(used / 3600, 3))],
                title="Used core time",
            ),
            rows_table(
                storage,
                [("PATH", "path"), ("USED (GB)", "usage"), ("QUOTA (GB)", "threshold")],
                title="Storage",
                empty="no quota",
            ),
        ]
        if limits:
            parts.append(
                record_table(
                    [
                        _limit_item(k, v)
                        for k, v in limits.items()
                        if k != "extra" and v is not None
                    ],
                    title="Limits",
                )
            )
        return Group(*(_spaced(p) for p in parts))

    state.out.emit(data, view)


#: Units of the user limits (openapi.yaml ``UserLimit``); ``-1`` means unlimited.
_LIMIT_UNITS = {"user_max_mem": "MB", "max_wall_time": "s"}


def _limit_item(name: str, value: Any) -> tuple[str, Any]:
    """``max_wall_time 359999994`` -> ``remaining machine time  359999994 s (4166-15:59:54)``."""
    if isinstance(value, int) and value == -1:
        return name.replace("_", " "), "unlimited"
    if name == "max_wall_time":
        return "remaining machine time", f"{value} s ({duration(value)})"
    unit = _LIMIT_UNITS.get(name)
    return name.replace("_", " "), f"{value} {unit}" if unit else value


def _metric_names(queue_counts: list[dict[str, Any]]) -> list[str]:
    names: list[str] = []
    for q in queue_counts:
        names += [n for n in q["metrics"] if n not in names]
    return names


def _spaced(part: Any) -> Any:
    from rich.padding import Padding
    from rich.text import Text

    return Padding(Text(part) if isinstance(part, str) else part, (0, 0, 1, 0), expand=False)
