"""Regions: which ones a user has (from sign-in) and where one's job API lives (from ``center``).

``center`` answers with service URLs that already end in their service segment (``.../hpc``)
while the documented paths start with it (``/hpc/openapi/v2/...``); joining them blindly gives
``/hpc/hpc/...``. ``hpc_base_url`` strips the segment once, here.
"""

from __future__ import annotations

from dataclasses import dataclass

from scnet_hpc_api.models import CenterInfo, ServiceUrl
from scnet_hpc_api.types import Unset

from .errors import ConfigurationError

__all__ = ["Region", "RegionInfo", "hpc_base_url", "region_info", "strip_service_suffix"]


@dataclass(frozen=True)
class Region:
    """A region the user may use, as sign-in lists it. ``available`` is false when the platform
    sent no token for it (account stopped or in arrears there)."""

    id: str
    name: str
    available: bool


@dataclass(frozen=True)
class RegionInfo:
    """What ``center`` says about one region: its job API, cluster user and home directory."""

    id: str
    name: str
    hpc_url: str
    cluster_user: str
    home_path: str
    efile_url: str | None = None


def strip_service_suffix(url: str, segment: str = "hpc") -> str:
    """``https://host/hpc`` → ``https://host`` (documented paths already start with ``/hpc``)."""
    url = url.rstrip("/")
    suffix = f"/{segment}"
    return url[: -len(suffix)] if url.endswith(suffix) else url


def _enabled(urls: list[ServiceUrl] | Unset) -> list[str]:
    if isinstance(urls, Unset):
        return []
    return [u.url for u in urls if str(u.enable).strip().lower() == "true" and u.url]


def hpc_base_url(info: CenterInfo) -> str:
    """The first enabled ``hpcUrls`` entry, without its ``/hpc`` suffix."""
    enabled = _enabled(info.hpc_urls)
    if not enabled:
        raise ConfigurationError(
            f"region {info.id} ({info.name}) has no enabled job API URL (hpcUrls): it is not a "
            "job target"
        )
    return strip_service_suffix(enabled[0], "hpc")


def region_info(center: CenterInfo | list[CenterInfo]) -> RegionInfo:
    """``center``'s data (an object; a one-element array is tolerated) as a ``RegionInfo``."""
    if isinstance(center, list):
        if not center:
            raise ConfigurationError("center returned no region")
        center = center[0]
    efile = _enabled(center.efile_urls)
    return RegionInfo(
        id=str(center.id),
        name=center.name,
        hpc_url=hpc_base_url(center),
        cluster_user=center.cluster_user_info.user_name,
        home_path=center.cluster_user_info.home_path,
        efile_url=strip_service_suffix(efile[0], "efile") if efile else None,
    )
