"""The ASGI application: one route per operation of openapi.yaml, all sharing one request pipeline.

Pipeline for every operation: count the request, read the body (capped), check the token, validate
parameters and body against the operation's schemas, run the handler, wrap the result in the
envelope. Any failure on the way becomes an error envelope with a documented code in an HTTP 200;
an unexpected exception is logged here and answered ``10001`` (never a 5xx or a traceback).
Unknown paths and wrong methods get the 404/405 a gateway gives.

Region routing: the first region of the deployment serves its job API at the root
(``/hpc/openapi/v2/...``), every other region under ``/regions/<id>``; ``center`` hands out those
URLs built from the request's own scheme, host and port, so they work on any port and under an
in-process test client.
"""

from __future__ import annotations

import contextlib
import importlib
import inspect
import logging
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qsl

from starlette._utils import get_route_path
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route
from starlette.types import ASGIApp, Receive, Scope, Send

from ..clock import Clock
from ..deployment.model import SLURM_DEPLOYMENT, Deployment, RegionSpec, load_deployment
from ..engines.base import Engine, engine_blocks
from ..engines.simulated.engine import SimulatedEngine
from ..files.handlers import FILE_HANDLERS
from ..files.multipart import read_multipart
from .context import Ctx
from .errors import INTERNAL, NO_ACCESS, ApiError, envelope, error_envelope, invalid, json_bytes
from .gateway import OperationIndex, not_allowed, not_found
from .handlers.account import ACCOUNT_HANDLERS
from .handlers.cluster import CLUSTER_HANDLERS
from .handlers.cores import CORE_HANDLERS
from .handlers.jobs import JOB_HANDLERS
from .handlers.platform import PLATFORM_HANDLERS
from .handlers.platform_jobs import PLATFORM_JOB_HANDLERS
from .spec import Operation, load_spec
from .state import MockState
from .tokens import Identity
from .validation import MAX_BODY, validate_request

if TYPE_CHECKING:
    from .faults import FaultConfig

__all__ = ["ENGINE_DEPLOYMENTS", "ENGINE_MODULES", "create_app"]

log = logging.getLogger("scnet_hpc.mock")
Handler = Callable[[Ctx], Any]
_HANDLERS: dict[str, Handler] = {
    **PLATFORM_HANDLERS,
    **JOB_HANDLERS,
    **CLUSTER_HANDLERS,
    **ACCOUNT_HANDLERS,
    **PLATFORM_JOB_HANDLERS,
    **CORE_HANDLERS,
    **FILE_HANDLERS,
}
#: Engines by name: module and factory ``(deployment, clock) -> Engine`` for the non-built-in ones.
ENGINE_MODULES = {"slurm": "scnet_hpc.mock.engines.slurm.engine"}
#: The deployment an engine serves when none is given (else the default deployment).
ENGINE_DEPLOYMENTS = {"slurm": SLURM_DEPLOYMENT}


class _CountRequests:
    """Outermost: counts every request per (method, operation) before anything can fail it."""

    def __init__(self, app: ASGIApp, state: MockState, index: OperationIndex) -> None:
        self.app, self.state, self.index = app, state, index

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            operation_id = self.index.resolve(scope["method"], get_route_path(scope))
            if operation_id is not None:
                self.state.count(scope["method"], operation_id)
        await self.app(scope, receive, send)


class _Disconnected(Exception):
    """The client went away before its body arrived: nobody to answer."""


async def _read_body(receive: Receive) -> bytes:
    chunks: list[bytes] = []
    size = 0
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            raise _Disconnected
        chunk: bytes = message.get("body", b"")
        if chunk:
            size += len(chunk)
            if size > MAX_BODY:
                raise invalid("body", f"larger than {MAX_BODY} bytes")
            chunks.append(chunk)
        if not message.get("more_body", False):
            return chunks[0] if len(chunks) == 1 else b"".join(chunks)


def _headers(scope: Scope) -> dict[str, str]:
    """Request headers by lower-case name; the first of repeated ones wins (as Starlette's)."""
    found: dict[str, str] = {}
    for name, value in scope["headers"]:
        found.setdefault(name.decode("latin-1").lower(), value.decode("latin-1"))
    return found


def _query(scope: Scope) -> dict[str, str]:
    """Query parameters (Starlette's parsing); the first of repeated ones wins (as Spring's)."""
    raw: bytes = scope.get("query_string", b"")
    query: dict[str, str] = {}
    if raw:
        for key, value in parse_qsl(raw.decode("latin-1"), keep_blank_values=True):
            query.setdefault(key, value)
    return query


def _authenticate(
    state: MockState, op: Operation, region: RegionSpec | None, token: str | None
) -> Identity | None:
    if not op.secured:
        return None
    if op.id == "renew_token":
        grace = state.deployment.settings.renew_grace
        return state.tokens.identify(token, allow_expired_for=grace)
    identity = state.tokens.identify(token)
    if region is not None and identity.region_id != region.id:
        raise ApiError(NO_ACCESS, "没有权限访问接口: the token is not for this region")
    return identity


class _Endpoint:
    """The request pipeline of one path (all its methods), as a plain ASGI app: Starlette's
    routing reaches it on the slow path (fault injection on), ``_MockApp`` directly."""

    def __init__(
        self, state: MockState, ops: dict[str, Operation], region: RegionSpec | None
    ) -> None:
        self.state, self.ops, self.region = state, ops, region
        # An engine whose calls may block (a real scheduler's commands) runs the handler in a
        # worker thread, so one slow call never stalls the event loop and every other client.
        self.offload = engine_blocks(state.engine)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        method = scope["method"]
        op = self.ops["GET" if method == "HEAD" else method]
        form = None
        try:
            streamed = op.body_type == "multipart"  # uploads: parts are spooled to disk
            body = b"" if streamed else await _read_body(receive)
            headers = _headers(scope)
            identity = _authenticate(self.state, op, self.region, headers.get("token"))
            query = _query(scope)
            checked = validate_request(
                op,
                path=scope.get("path_params", {}),
                query=query,
                headers=headers,
                body=body,
            )
            parsed = checked.body
            if streamed:
                limit = self.state.files.upload_limit
                parsed, form = await read_multipart(Request(scope, receive), op, query, limit)
            ctx = Ctx(
                state=self.state,
                op=op,
                params=checked.params,
                body=parsed,
                scope=scope,
                region=self.region,
                identity=identity,
            )
            handler = _HANDLERS[op.id]
            if self.offload and not inspect.iscoroutinefunction(handler):
                result = await run_in_threadpool(handler, ctx)
            else:
                result = handler(ctx)
            if inspect.isawaitable(result):
                result = await result
            if isinstance(result, Response):  # a download: bytes, not an envelope
                await result(scope, receive, send)
                return
            answer = json_bytes(envelope(result))
        except _Disconnected:
            return
        except ApiError as error:
            answer = json_bytes(error_envelope(error))
        except Exception:
            log.exception("%s %s (%s) failed", method, scope["path"], op.id)
            answer = json_bytes(error_envelope(ApiError(INTERNAL, "internal_error")))
        finally:
            if form is not None:
                await form.close()
        await send(
            {
                "type": "http.response.start",
                "status": 200,
                "headers": [
                    (b"content-length", str(len(answer)).encode()),
                    (b"content-type", b"application/json"),
                ],
            }
        )
        await send({"type": "http.response.body", "body": answer})


class _MockApp(Starlette):
    """Starlette, with the API's operations dispatched before its middleware and routing: one
    dict lookup (a few regexes for templated paths) instead of trying every route, and no
    Request/Response objects on the way. Everything else (404/405 pages, ``/openapi.yaml``,
    lifespan, and every request while faults are injected) goes through Starlette."""

    fast: OperationIndex | None = None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if self.fast is not None and scope["type"] == "http":
            found = self.fast.match(scope["method"], get_route_path(scope))
            if found is not None:
                operation_id, endpoint, params = found
                self.state.mock.count(scope["method"], operation_id)
                scope["path_params"] = params
                await endpoint(scope, receive, send)
                return
        await super().__call__(scope, receive, send)


def _routes(state: MockState, index: OperationIndex) -> list[Route]:
    by_path: dict[str, tuple[RegionSpec | None, dict[str, Operation]]] = {}
    for op in state.spec.operations.values():
        homes = [None] if op.platform else list(state.deployment.regions)
        for region in homes:
            path = (state.region_prefix(region.id) if region else "") + op.path
            by_path.setdefault(path, (region, {}))[1][op.method] = op
    routes = []
    for path, (region, ops) in by_path.items():
        endpoint = _Endpoint(state, ops, region)
        for method, op in ops.items():
            index.add(method, path, op.id, endpoint)
        routes.append(Route(path, endpoint, methods=list(ops)))
    spec_text = state.spec.text

    async def openapi(request: Request) -> Response:
        return Response(spec_text, media_type="application/yaml")

    routes.append(Route("/openapi.yaml", openapi, methods=["GET"]))
    return routes


def _engine(engine: str | Engine, deployment: Deployment, clock: Clock) -> Engine:
    if isinstance(engine, Engine):
        return engine
    if engine == "simulated":
        return SimulatedEngine(deployment, clock)
    if engine in ENGINE_MODULES:
        try:
            module = importlib.import_module(ENGINE_MODULES[engine])
        except ModuleNotFoundError:
            raise ValueError(f"the {engine!r} engine is not available yet") from None
        created: Engine = module.create_engine(deployment, clock)
        return created
    raise ValueError(f"unknown engine {engine!r}: use 'simulated' or {sorted(ENGINE_MODULES)}")


def create_app(
    deployment: str | Path | Deployment | None = None,
    *,
    clock: Clock | None = None,
    engine: str | Engine = "simulated",
    faults: FaultConfig | str | None = None,
) -> Starlette:
    """The mock deployment as an ASGI app (see the package docstring for how to use it)."""
    if deployment is None and isinstance(engine, str):
        deployment = ENGINE_DEPLOYMENTS.get(engine)
    if not isinstance(deployment, Deployment):
        deployment = load_deployment(deployment)
    clock = clock or Clock()
    the_engine = _engine(engine, deployment, clock)
    fault_config = None
    if faults is not None:
        # Imported only when asked for: property-based tests harvest string literals from the
        # modules a process has loaded, and must never find the fault switch's words.
        from .faults import FaultConfig, FaultMiddleware

        fault_config = FaultConfig.parse(faults) if isinstance(faults, str) else faults
    state = MockState(deployment, clock, the_engine, load_spec(), fault_config)
    index = OperationIndex()
    routes = _routes(state, index)
    middleware = [Middleware(_CountRequests, state=state, index=index)]
    if fault_config is not None and fault_config.rules:
        middleware.append(Middleware(FaultMiddleware, config=fault_config, index=index))

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        try:
            yield
        finally:
            the_engine.close()
            # Not state.files.close(): in-process clients run the lifespan around every call;
            # the file tree's temporary root goes with the app (FileService's finalizer).

    app = _MockApp(
        routes=routes,
        middleware=middleware,
        exception_handlers={404: not_found, 405: not_allowed},
        lifespan=lifespan,
    )
    app.router.redirect_slashes = False
    app.state.mock = state
    if fault_config is None or not fault_config.rules:
        app.fast = index
    return app
