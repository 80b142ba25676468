"""Shared pieces of the fault drills, imported relatively by the drill tests.

``start_drill(stack, faults)`` serves a mock with those fault rules under uvicorn and returns a
``Drill``: the app (its request counter is the ground truth for how often the SDK tried), and a
factory for SDK clients with a short timeout, a known retry count, a transport that counts
attempts from the client's side, and a sleep that records the backoff delays instead of waiting
them out.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field
from typing import Any

import httpx

from scnet_hpc import Client, JobSpec, RetryPolicy
from scnet_hpc.mock import Clock, create_app
from scnet_hpc.mock.testing import serve

#: read timeout of every drill client (connect is capped by the SDK at the same value)
TIMEOUT = 0.5
#: retries of every drill client unless a drill says otherwise
RETRIES = 2


class CountingTransport(httpx.HTTPTransport):
    """Counts requests as the client sends them (also those that never reach a server)."""

    def __init__(self) -> None:
        super().__init__()
        self.sent: list[tuple[str, str]] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.sent.append((request.method, request.url.path))
        return super().handle_request(request)


@dataclass
class Drill:
    app: Any
    base_url: str
    sleeps: list[float] = field(default_factory=list)
    transport: CountingTransport = field(default_factory=CountingTransport)

    @property
    def mock(self) -> Any:
        return self.app.state.mock

    def client(
        self,
        *,
        retries: int | RetryPolicy = RETRIES,
        timeout: float = TIMEOUT,
        base_url: str | None = None,
    ) -> Client:
        mock = self.mock
        return Client(
            base_url or self.base_url,
            mock.mint_token(),
            cluster_user=mock.demo.cluster_user,
            home_path=mock.demo.home,
            scheduler_id=mock.scheduler_id,
            timeout=timeout,
            retries=retries,
            transport=self.transport,
            sleep=self.sleeps.append,
        )

    def attempts(self, method: str, operation_id: str) -> int:
        """How many requests for the operation reached the mock (counted before any fault)."""
        count: int = self.mock.requests[(method, operation_id)]
        return count

    def jobs_in_mock(self) -> int:
        sid = self.mock.scheduler_id
        return len(self.mock.engine.realtime_jobs(sid)) + len(self.mock.engine.history_jobs(sid))


def start_drill(stack: contextlib.ExitStack, faults: str | None) -> Drill:
    """A mock with these fault rules, served until ``stack`` closes."""
    app = create_app(clock=Clock(speed=0), faults=faults)
    base_url = stack.enter_context(serve(app))
    return Drill(app, base_url)


def job_spec() -> JobSpec:
    return JobSpec(command="sleep 60", queue="normal", walltime=3600, job_name="drill")
