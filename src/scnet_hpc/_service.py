"""Facts about the AC HPC service that the SDK, its CLI, the mock and the test suites share.

This module imports nothing from the rest of the package, so the mock (which must not depend on
the SDK) can use it as freely as the SDK does: each fact here is defined once for all of them.
"""

from __future__ import annotations

import importlib.resources
from datetime import timedelta, timezone
from pathlib import Path

__all__ = ["CHINA_TIME", "openapi_path"]

CHINA_TIME = timezone(timedelta(hours=8), "UTC+08:00")
"""The service's clock: every time string it sends or accepts is China Standard Time (UTC+8)."""

_CHECKOUT_SPEC = Path(__file__).resolve().parents[2] / "openapi.yaml"


def openapi_path() -> Path:
    """Where ``openapi.yaml`` is: inside the wheel (``scnet_hpc/openapi.yaml``) or at the root of
    a checkout. Raises ``FileNotFoundError`` naming both places when neither has it."""
    packaged = importlib.resources.files("scnet_hpc").joinpath("openapi.yaml")
    if packaged.is_file():
        return Path(str(packaged))
    if _CHECKOUT_SPEC.is_file():
        return _CHECKOUT_SPEC
    raise FileNotFoundError(
        f"openapi.yaml was not found: neither scnet_hpc/openapi.yaml in the installed package "
        f"nor {_CHECKOUT_SPEC} in a checkout exists; reinstall scnet-hpc"
    )
