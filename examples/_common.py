"""What the examples share: a client from SCNET_* variables, defaulting to the local mock.

Run ``make mock`` in another terminal and the examples work as they are; set SCNET_TOKEN and
SCNET_BASE_URL, or SCNET_USER, SCNET_ACCESS_KEY and SCNET_SECRET_KEY (and SCNET_AUTH_URL /
SCNET_PLATFORM_URL if not the public service) to run them elsewhere. Every variable is listed,
with its meaning, in ``scnet_hpc.environment.VARIABLES``.
"""

from __future__ import annotations

import os
from typing import TypeVar

from scnet_hpc import AsyncClient, Client, env_settings
from scnet_hpc.environment import read_env

MOCK_URL = "http://127.0.0.1:8000"
#: The mock's demo account: used for whatever the environment does not set.
MOCK_DEFAULTS = {
    "SCNET_USER": "demo",
    "SCNET_ACCESS_KEY": "demo-access-key",
    "SCNET_SECRET_KEY": "demo-secret-key",
    "SCNET_AUTH_URL": MOCK_URL,
    "SCNET_PLATFORM_URL": MOCK_URL,
}


C = TypeVar("C", Client, AsyncClient)


def client_from_env(cls: type[C] = Client) -> C:  # type: ignore[assignment]
    """A ``Client`` (or ``AsyncClient``, given as ``cls``) from SCNET_* or the mock's demo."""
    environ = dict(os.environ)
    if "token" not in read_env(environ):
        environ = {**MOCK_DEFAULTS, **{k: v for k, v in environ.items() if v.strip()}}
    settings = env_settings(environ)
    if settings.pop("kind") == "token":
        return cls(settings.pop("base_url"), settings.pop("token"), **settings)
    return cls.from_access_key(
        settings.pop("user"), settings.pop("access_key"), settings.pop("secret_key"), **settings
    )


def queue() -> str:
    return read_env(settings=["queue"]).get("queue") or "debug"
