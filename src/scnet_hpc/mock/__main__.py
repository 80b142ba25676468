"""``python -m scnet_hpc.mock``: serve the mock deployment with uvicorn (``make mock`` runs it)."""

from __future__ import annotations

import argparse
import errno
import ipaddress
import os
import secrets
import socket
import sys
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from .extra import MissingExtra, require_extra

if TYPE_CHECKING:
    from .deployment.model import Deployment

FAULTS_ENV = "SCNET_MOCK_FAULTS"


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="python -m scnet_hpc.mock",
        description="Serve the scnet-hpc mock AC HPC deployment.",
    )
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8000)
    p.add_argument("--engine", default="simulated", help="simulated (default) or slurm")
    p.add_argument("--deployment", type=Path, default=None, help="deployment YAML file")
    p.add_argument(
        "--speed", type=float, default=1.0, help="mock clock speed (60 = a minute a second)"
    )
    p.add_argument(
        "--faults",
        default=None,
        help=f"fault injection rules (overrides ${FAULTS_ENV}), e.g. 'http503 rate=0.2'",
    )
    p.add_argument("--log-level", default="warning")
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        require_extra()
    except MissingExtra as exc:
        print(f"scnet_hpc.mock: {exc}", file=sys.stderr)
        return 2
    from .deployment.model import DEFAULT_DEPLOYMENT, DeploymentError, load_deployment

    try:
        sock = _listen(args.host, args.port)
    except OSError as exc:
        print(f"scnet_hpc.mock: {_bind_error(args.host, args.port, exc)}", file=sys.stderr)
        return 2
    faults = args.faults if args.faults is not None else os.environ.get(FAULTS_ENV) or None
    try:
        from .app.application import ENGINE_DEPLOYMENTS, create_app

        deployment = load_deployment(args.deployment or ENGINE_DEPLOYMENTS.get(args.engine))
        deployment, fresh = public_secrets(deployment, args.host)
        import uvicorn

        from .clock import Clock

        app = create_app(
            deployment, clock=Clock(speed=args.speed), engine=args.engine, faults=faults
        )
    except (DeploymentError, ValueError) as exc:
        sock.close()
        print(f"scnet_hpc.mock: {exc}", file=sys.stderr)
        return 2
    mock = app.state.mock
    base = f"http://{args.host}:{args.port}"
    demo = mock.demo
    shipped = args.deployment is None or args.deployment.resolve() == DEFAULT_DEPLOYMENT.resolve()
    secret = demo.secret_key if shipped or demo.user in fresh else f"(see {deployment.source})"
    print(f"scnet-hpc mock ({args.engine} engine, clock x{args.speed}) on {base}", flush=True)
    print(f"  sign in:   POST {base}/api/user/v3/tokens", flush=True)
    print(f"  user {demo.user}   access key {demo.access_key}   secret key {secret}", flush=True)
    print(
        f"  region {mock.region_id}: job API at {base}/hpc/openapi/v2/...  "
        f"scheduler id {mock.scheduler_id}",
        flush=True,
    )
    if fresh:
        print(
            f"  {args.host} is reachable beyond this machine: the demo secret keys are replaced "
            "by generated ones, printed only here and valid until the mock stops",
            flush=True,
        )
        for user, key in fresh.items():
            if user != demo.user:
                print(f"  user {user}   secret key {key}", flush=True)
    if mock.faults is not None:
        print(f"  FAULTS ON: {mock.faults.text or mock.faults}", flush=True)
    # Served on the socket bound above, so no other process can take the port in between.
    from .server import settle_heap, uvicorn_settings

    server = uvicorn.Server(
        uvicorn.Config(
            app, host=args.host, port=args.port, log_level=args.log_level, **uvicorn_settings()
        )
    )
    settle_heap()
    server.run(sockets=[sock])
    return 0


def is_loopback(host: str) -> bool:
    """Does ``host`` (what --host names) listen only on this machine?"""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def public_secrets(deployment: Deployment, host: str) -> tuple[Deployment, dict[str, str]]:
    """The deployment to serve on ``host``: as it is on loopback; beyond it, every user whose
    secret key is a shipped demo key (published in this repository) gets a fresh random one,
    so nobody who can reach the port signs in with the demo key. Returns the deployment and
    the fresh keys by user name (to print once)."""
    if is_loopback(host):
        return deployment, {}
    demo = _shipped_secret_keys()
    fresh = {u.name: secrets.token_urlsafe(24) for u in deployment.users if u.secret_key in demo}
    if not fresh:
        return deployment, {}
    users = tuple(
        replace(u, secret_key=fresh[u.name]) if u.name in fresh else u for u in deployment.users
    )
    return replace(deployment, users=users), fresh


def _shipped_secret_keys() -> set[str]:
    from .deployment.model import DEPLOYMENTS, load_deployment

    return {
        u.secret_key for path in DEPLOYMENTS.glob("*.yaml") for u in load_deployment(path).users
    }


def _listen(host: str, port: int) -> socket.socket:
    """The server's socket, bound before anything is printed: a busy port is one line, not a
    banner followed by uvicorn's traceback."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn does
        sock.bind((host, port))
    except OSError:
        sock.close()
        raise
    sock.set_inheritable(True)
    return sock


def _bind_error(host: str, port: int, exc: OSError) -> str:
    if exc.errno == errno.EADDRINUSE:
        return (
            f"port {port} on {host} is already in use (another mock?); choose another port: "
            f"make mock PORT={port + 1}, or python -m scnet_hpc.mock --port {port + 1}"
        )
    return f"cannot listen on {host}:{port}: {exc.strerror or exc}"


if __name__ == "__main__":
    sys.exit(main())
