"""Helpers for test suites that talk to the mock (no pytest import: use them from any runner).

Three ways to reach a mock app, fastest first:

* sync, in-process: ``sync_client(app)``, a ``starlette.testclient.TestClient`` (an
  ``httpx.Client`` whose transport calls the app directly; use it as a context manager so the
  app's lifespan runs). Starlette >= 1.x warns that it prefers ``httpx2`` for it; ``sync_client``
  keeps that warning out of test output;
* async, in-process: ``httpx.AsyncClient(transport=httpx.ASGITransport(app=app),
  base_url="http://mock")`` — see ``asgi_client``;
* over real HTTP: ``with serve(app) as base_url: ...`` runs uvicorn in a background thread on a
  free loopback port. Needed for anything a socket must carry: timeouts, connection pools, the
  ``drop``/``reset`` faults.

In every case ``app.state.mock`` gives the clock, the demo credentials, ids, the request counter
and token minting (see ``MockState``).
"""

from __future__ import annotations

import contextlib
import socket
import threading
import time
import warnings
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from .extra import require_extra

require_extra()

import httpx  # noqa: E402 - after the one-line message about a missing extra
import uvicorn  # noqa: E402
from starlette.applications import Starlette  # noqa: E402

from .server import uvicorn_settings  # noqa: E402

if TYPE_CHECKING:
    from starlette.testclient import TestClient

__all__ = ["asgi_client", "free_port", "serve", "signed_headers", "sync_client"]


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@contextlib.contextmanager
def serve(
    app: Starlette, *, port: int | None = None, startup_timeout: float = 10.0
) -> Iterator[str]:
    """Serve ``app`` with uvicorn on 127.0.0.1 in a daemon thread; yields the base URL.

    The server settings of ``python -m scnet_hpc.mock``, except the event loop: uvloop is set
    up as the process-wide policy, which a test process must not have changed under it."""
    settings = {**uvicorn_settings(), "loop": "asyncio", "log_level": "warning"}
    config = uvicorn.Config(app, host="127.0.0.1", port=port or free_port(), **settings)
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, name="scnet-hpc-mock", daemon=True)
    thread.start()
    deadline = time.monotonic() + startup_timeout
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            server.should_exit = True
            raise RuntimeError(f"the mock did not start on 127.0.0.1:{config.port}")
        time.sleep(0.01)
    try:
        yield f"http://127.0.0.1:{config.port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def sync_client(app: Starlette, **kwargs: Any) -> TestClient:
    """A synchronous in-process client (``TestClient``) for ``app``."""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=".*httpx2.*")
        from starlette.testclient import TestClient

    return TestClient(app, **kwargs)


def asgi_client(app: Starlette, **kwargs: Any) -> httpx.AsyncClient:
    """An async client that calls ``app`` in-process (no socket). Close it when done.

    Note: ``httpx.ASGITransport`` does not run the app's lifespan; the mock needs none to serve.
    """
    kwargs.setdefault("base_url", "http://mock")
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), **kwargs)


def signed_headers(app: Starlette, user: str | None = None) -> dict[str, str]:
    """Sign-in headers for ``POST /api/user/v3/tokens`` (demo user by default), at mock time."""
    headers: dict[str, str] = app.state.mock.sign_in_headers(user)
    return headers
