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
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp, Receive, Scope, Send

from ..clock import Clock
from ..deployment.model import SLURM_DEPLOYMENT, Deployment, RegionSpec, load_deployment
from ..engines.base import Engine
from ..engines.simulated.engine import SimulatedEngine
from ..files.handlers import FILE_HANDLERS
from ..files.multipart import read_multipart
from .context import Ctx
from .errors import INTERNAL, NO_ACCESS, ApiError, envelope, error_envelope, invalid
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
            operation_id = self.index.resolve(scope["method"], scope["path"])
            if operation_id is not None:
                self.state.count(scope["method"], operation_id)
        await self.app(scope, receive, send)


async def _read_body(request: Request) -> bytes:
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > MAX_BODY:
            raise invalid("body", f"larger than {MAX_BODY} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


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


def _endpoint(
    state: MockState, ops: dict[str, Operation], region: RegionSpec | None
) -> Callable[[Request], Awaitable[Response]]:
    async def endpoint(request: Request) -> Response:
        op = ops["GET" if request.method == "HEAD" else request.method]
        form = None
        try:
            streamed = op.body_type == "multipart"  # uploads: parts are spooled to disk
            body = b"" if streamed else await _read_body(request)
            identity = _authenticate(state, op, region, request.headers.get("token"))
            query: dict[str, str] = {}
            for key, value in request.query_params.multi_items():
                query.setdefault(key, value)
            checked = validate_request(
                op, path=request.path_params, query=query, headers=request.headers, body=body
            )
            parsed = checked.body
            if streamed:
                parsed, form = await read_multipart(request, op, query, state.files.upload_limit)
            ctx = Ctx(
                state=state,
                op=op,
                params=checked.params,
                body=parsed,
                base_url=str(request.base_url).rstrip("/"),
                region=region,
                identity=identity,
            )
            result = _HANDLERS[op.id](ctx)
            if inspect.isawaitable(result):
                result = await result
            if isinstance(result, Response):  # a download: bytes, not an envelope
                return result
            return JSONResponse(envelope(result))
        except ApiError as error:
            return JSONResponse(error_envelope(error))
        except Exception:
            log.exception("%s %s (%s) failed", request.method, request.url.path, op.id)
            return JSONResponse(error_envelope(ApiError(INTERNAL, "internal_error")))
        finally:
            if form is not None:
                await form.close()

    return endpoint


def _routes(state: MockState, index: OperationIndex) -> list[Route]:
    by_path: dict[str, tuple[RegionSpec | None, dict[str, Operation]]] = {}
    for op in state.spec.operations.values():
        homes = [None] if op.platform else list(state.deployment.regions)
        for region in homes:
            path = (state.region_prefix(region.id) if region else "") + op.path
            by_path.setdefault(path, (region, {}))[1][op.method] = op
            index.add(op.method, path, op.id)
    routes = [
        Route(path, _endpoint(state, ops, region), methods=list(ops))
        for path, (region, ops) in by_path.items()
    ]
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

    app = Starlette(
        routes=routes,
        middleware=middleware,
        exception_handlers={404: not_found, 405: not_allowed},
        lifespan=lifespan,
    )
    app.router.redirect_slashes = False
    app.state.mock = state
    return app
