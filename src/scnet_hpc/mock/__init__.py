"""The scnet-hpc mock deployment: a stateful AC HPC server that behaves like the real one.

Serve it with ``make mock`` (or ``python -m scnet_hpc.mock``), or use it in-process::

    from scnet_hpc.mock import Clock, create_app

    clock = Clock(speed=0)                # frozen: only clock.advance() moves time
    app = create_app(clock=clock)         # the default deployment (demo / demo-access-key)
    mock = app.state.mock                 # credentials, ids, request counter, token minting

    from starlette.testclient import TestClient
    with TestClient(app) as http:
        headers = {"token": mock.mint_token()}
        http.get("/hpc/openapi/v2/cluster", headers=headers).json()

See ``scnet_hpc.mock.testing`` for serving it over real HTTP in a test, ``engines.base`` for the
scheduler interface behind it, and ``app.faults`` (loaded only on demand) for fault injection.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .app.application import create_app
from .app.state import DemoUser, MockState
from .app.tokens import sign, string_to_sign
from .clock import Clock
from .deployment.model import DEFAULT_DEPLOYMENT, Deployment, DeploymentError, load_deployment
from .engines.base import Engine

if TYPE_CHECKING:
    from .app.faults import FaultConfig, FaultRule

__all__ = [
    "DEFAULT_DEPLOYMENT",
    "Clock",
    "DemoUser",
    "Deployment",
    "DeploymentError",
    "Engine",
    "FaultConfig",
    "FaultRule",
    "MockState",
    "create_app",
    "load_deployment",
    "sign",
    "string_to_sign",
]


def __getattr__(name: str) -> Any:
    # The fault switch is loaded only when someone asks for it (see app.faults' docstring).
    if name in ("FaultConfig", "FaultRule"):
        from .app import faults

        return getattr(faults, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
