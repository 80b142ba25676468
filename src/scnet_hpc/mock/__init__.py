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
The map of the package is in its README.md.

The names below are loaded when first used: ``import scnet_hpc.mock`` works without the
``[mock]`` extra, and ``from scnet_hpc.mock import create_app`` without it raises an ImportError
naming the install command (``pip install 'scnet-hpc[mock]'``).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from .extra import require_extra

if TYPE_CHECKING:
    from .app.application import create_app
    from .app.faults import FaultConfig, FaultRule
    from .app.state import DemoUser, MockState
    from .app.tokens import sign, string_to_sign
    from .clock import Clock
    from .deployment.model import DEFAULT_DEPLOYMENT, Deployment, DeploymentError, load_deployment
    from .engines.base import Engine

#: Public name -> the module that defines it. The fault switch is among them, so it is loaded
#: only when someone asks for it (see app.faults' docstring).
_EXPORTS = {
    "DEFAULT_DEPLOYMENT": ".deployment.model",
    "Clock": ".clock",
    "DemoUser": ".app.state",
    "Deployment": ".deployment.model",
    "DeploymentError": ".deployment.model",
    "Engine": ".engines.base",
    "FaultConfig": ".app.faults",
    "FaultRule": ".app.faults",
    "MockState": ".app.state",
    "create_app": ".app.application",
    "load_deployment": ".deployment.model",
    "sign": ".app.tokens",
    "string_to_sign": ".app.tokens",
}

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
assert set(__all__) == set(_EXPORTS)


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    require_extra()
    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_EXPORTS))
