"""What the CLI tests share besides fixtures: the demo credentials, the served mock, and a runner
that invokes ``scnet-hpc`` in-process (click's CliRunner) with SCNET_* variables."""

from __future__ import annotations

import json
import time
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from click.testing import CliRunner

from scnet_hpc._service import CHINA_TIME
from scnet_hpc.cli import cli

DEMO_USER = "demo"
DEMO_ACCESS_KEY = "demo-access-key"
DEMO_SECRET_KEY = "demo-secret-key"
SCHEDULER_ID = 1638523853


@dataclass
class Mock:
    app: Any
    url: str

    def advance(self, seconds: float) -> None:
        self.app.state.mock.clock.advance(seconds)

    def china_time(self, ahead: float = 0.0) -> str:
        """Mock time (+ ``ahead`` seconds) as the API writes times (UTC+8)."""
        moment = datetime.fromtimestamp(self.state.clock.now() + ahead, CHINA_TIME)
        return moment.strftime("%Y-%m-%d %H:%M:%S")

    @property
    def state(self) -> Any:
        return self.app.state.mock


@dataclass
class Result:
    exit_code: int
    stdout: str
    stderr: str
    exception: BaseException | None

    @property
    def error_lines(self) -> list[str]:
        return [line for line in self.stderr.splitlines() if line.startswith("error: ")]

    def json(self) -> Any:
        assert self.exit_code == 0, self.stderr
        return json.loads(self.stdout)


class Cli:
    """Runs ``scnet-hpc ARGS`` in-process with ``env`` (values None remove a variable)."""

    def __init__(self, env: Mapping[str, str | None]) -> None:
        self.env = dict(env)
        self.runner = CliRunner()

    def __call__(
        self, *args: str, env: Mapping[str, str | None] | None = None, input: str | None = None
    ) -> Result:
        merged = {**self.env, **(env or {})}
        result = self.runner.invoke(cli, list(args), env=merged, input=input)
        exception = result.exception
        if isinstance(exception, SystemExit):
            exception = None
        return Result(result.exit_code, result.stdout, result.stderr, exception)

    def ok(self, *args: str, **kwargs: Any) -> Result:
        result = self(*args, **kwargs)
        assert result.exit_code == 0, f"{args}: exit {result.exit_code}: {result.stderr}"
        assert result.exception is None
        return result

    def json(self, *args: str, **kwargs: Any) -> Any:
        """``--output json`` (given before the command: submit's COMMAND takes what follows)."""
        return self.ok("--output", "json", *args, **kwargs).json()


def wait_for_the_next_second() -> None:
    """Let the real clock reach the next second, so the CLI's next sign-in signs a new
    timestamp (the mock refuses old signatures as replays)."""
    start = int(time.time())
    while int(time.time()) == start:
        time.sleep(0.02)


def ak_env(url: str) -> dict[str, str | None]:
    return {
        "SCNET_USER": DEMO_USER,
        "SCNET_ACCESS_KEY": DEMO_ACCESS_KEY,
        "SCNET_SECRET_KEY": DEMO_SECRET_KEY,
        "SCNET_AUTH_URL": url,
        "SCNET_PLATFORM_URL": url,
    }
