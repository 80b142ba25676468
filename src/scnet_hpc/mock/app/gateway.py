"""What the gateway in front of the service does before (and instead of) the API: find which
operation a request is for, and answer unknown paths and methods with nginx's HTML pages.

Both the application and the fault middleware need these; keeping them here lets ``faults`` be
imported only on demand without importing the application back.
"""

from __future__ import annotations

import re
from typing import Any

from starlette.requests import Request
from starlette.responses import HTMLResponse, Response

from .spec import path_regex

__all__ = ["OperationIndex", "gateway_page", "not_allowed", "not_found"]


class OperationIndex:
    """(method, path) → operationId (and what the application serves it with), for what runs
    before or instead of Starlette's routing. Paths without parameters are one dict lookup;
    templated ones are tried in the order added."""

    def __init__(self) -> None:
        self._static: dict[tuple[str, str], tuple[str, Any]] = {}
        self._templated: list[tuple[str, re.Pattern[str], str, Any]] = []

    def add(self, method: str, path: str, operation_id: str, target: Any = None) -> None:
        if "{" in path:
            self._templated.append((method, path_regex(path), operation_id, target))
        else:
            self._static.setdefault((method, path), (operation_id, target))

    def match(self, method: str, path: str) -> tuple[str, Any, dict[str, str]] | None:
        """``(operationId, target, path parameters)`` of the operation, or None."""
        method = "GET" if method == "HEAD" else method
        found = self._static.get((method, path))
        if found is not None:
            return found[0], found[1], {}
        for m, pattern, operation_id, target in self._templated:
            if m == method:
                hit = pattern.match(path)
                if hit:
                    return operation_id, target, hit.groupdict()
        return None

    def resolve(self, method: str, path: str) -> str | None:
        found = self.match(method, path)
        return found[0] if found is not None else None


def gateway_page(status: int, reason: str) -> str:
    """The kind of page an nginx gateway answers with: HTML, not an envelope."""
    title = f"{status} {reason}"
    return (
        f"<html>\r\n<head><title>{title}</title></head>\r\n<body>\r\n"
        f"<center><h1>{title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n"
    )


async def not_found(request: Request, exc: Exception) -> Response:
    return HTMLResponse(gateway_page(404, "Not Found"), status_code=404)


async def not_allowed(request: Request, exc: Exception) -> Response:
    headers = getattr(exc, "headers", None) or {}
    return HTMLResponse(gateway_page(405, "Not Allowed"), status_code=405, headers=headers)
