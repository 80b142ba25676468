"""What the gateway in front of the service does before (and instead of) the API: find which
operation a request is for, and answer unknown paths and methods with nginx's HTML pages.

Both the application and the fault middleware need these; keeping them here lets ``faults`` be
imported only on demand without importing the application back.
"""

from __future__ import annotations

import re

from starlette.requests import Request
from starlette.responses import HTMLResponse, Response

from .spec import path_regex

__all__ = ["OperationIndex", "gateway_page", "not_allowed", "not_found"]


class OperationIndex:
    """(method, path) → operationId, for middleware that runs before routing."""

    def __init__(self) -> None:
        self._routes: list[tuple[str, re.Pattern[str], str]] = []

    def add(self, method: str, path: str, operation_id: str) -> None:
        self._routes.append((method, path_regex(path), operation_id))

    def resolve(self, method: str, path: str) -> str | None:
        method = "GET" if method == "HEAD" else method
        for m, pattern, operation_id in self._routes:
            if m == method and pattern.match(path):
                return operation_id
        return None


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
