"""What the examples share: a client from SCNET_* variables, defaulting to the local mock.

Run ``make mock`` in another terminal and the examples work as they are; set SCNET_TOKEN and
SCNET_BASE_URL, or SCNET_USER, SCNET_ACCESS_KEY and SCNET_SECRET_KEY (and SCNET_AUTH_URL /
SCNET_PLATFORM_URL if not the public service) to run them elsewhere.
"""

from __future__ import annotations

import os

from scnet_hpc import Client

MOCK_URL = "http://127.0.0.1:8000"


def client_from_env() -> Client:
    env = os.environ
    if env.get("SCNET_TOKEN"):
        return Client.from_env()  # SCNET_TOKEN + SCNET_BASE_URL
    return Client.from_access_key(
        env.get("SCNET_USER") or "demo",
        env.get("SCNET_ACCESS_KEY") or "demo-access-key",
        env.get("SCNET_SECRET_KEY") or "demo-secret-key",
        region=env.get("SCNET_REGION") or None,
        auth_url=env.get("SCNET_AUTH_URL") or MOCK_URL,
        platform_url=env.get("SCNET_PLATFORM_URL") or MOCK_URL,
    )


def queue() -> str:
    return os.environ.get("SCNET_QUEUE") or "debug"
