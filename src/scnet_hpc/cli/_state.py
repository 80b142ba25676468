"""One invocation's state: the flags seen so far, the settings, the client, debug logging.

Settings and the client are made lazily, on first use, so ``--help`` and usage errors never
touch the profile file or the network, and a bad profile is reported as one error line by the
command that needed it.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any, TypeVar

import click

from scnet_hpc import Client
from scnet_hpc.environment import read_env

from ._client import make_client
from ._config import ENV_VARS, Settings, resolve
from ._debug import DebugLog
from ._errors import describe, format_traceback
from ._output import Output

__all__ = ["JOB_ID", "CliState", "common_options", "get_state"]


class JobIdType(click.ParamType):  # type: ignore[type-arg]  # generic only from click 8.2
    """A Slurm job id: digits, or ``<digits>_<digits>`` for one task of a job array.

    Checked before anything is sent, so ``wait abc`` is a usage error, not "job not found".
    """

    name = "JOB_ID"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> str:
        text = str(value).strip()
        number, _, task = text.partition("_")
        if number.isdigit() and (not task or task.isdigit()):
            return text
        self.fail(f"a job id is a number such as 35900 (or 35900_1), got {value!r}", param, ctx)


JOB_ID = JobIdType()

F = TypeVar("F", bound=Callable[..., Any])
# click >= 8.2 raises this for a group called without a command (8.1 prints help and exits 0).
_NO_ARGS_IS_HELP: tuple[type[click.UsageError], ...] = tuple(
    cls for cls in (getattr(click.exceptions, "NoArgsIsHelpError", None),) if cls is not None
)


class CliState:
    def __init__(self) -> None:
        self.flags: dict[str, Any] = {}
        self.output_flag: str | None = None
        self.debug = read_env(settings=["debug"]).get("debug", "0") not in ("0", "false", "no")
        self._settings: Settings | None = None
        self._client: Client | None = None
        #: ``--record DIR``: the client saves every answer there (``record_dir``).
        self.record_dir: str | None = None
        self._debug_log: DebugLog | None = None
        self._out = Output()
        if self.debug:
            self.start_debug()

    # ------------------------------------------------------------------ settings & client

    def settings(self, *, new_profile: bool = False, **overrides: Any) -> Settings:
        """Resolved settings (``overrides`` are flags of the running command, e.g. login's;
        ``new_profile``: the profile named by ``--profile`` may not exist yet)."""
        if overrides or new_profile:
            flags = {**self.flags, **{k: v for k, v in overrides.items() if v is not None}}
            return resolve(flags, new_profile=new_profile)
        if self._settings is None:
            self._settings = resolve(self.flags)
        return self._settings

    def client(self) -> Client:
        if self._client is None:
            self._client = make_client(self.settings(), self.record_dir)
        return self._client

    def use_client(self, client: Client) -> None:
        """Adopt a client made elsewhere (``login``), closed with the invocation."""
        self._client = client

    @property
    def out(self) -> Output:
        fmt = self.output_flag
        if fmt is None:
            try:
                fmt = self.settings().output
            except Exception:  # the command will report the bad settings itself
                fmt = "table"
        self._out.format = fmt
        return self._out

    # ------------------------------------------------------------------ secrets & debug

    def secrets(self) -> list[str | None]:
        """Every secret this invocation knows of, for masking."""
        found: list[str | None] = []
        for name in ("token", "secret_key", "access_key"):
            found += [os.environ.get(var) for var in ENV_VARS[name]]
        if self._settings is not None:
            found += [self._settings.token, self._settings.secret_key, self._settings.access_key]
        return found

    def start_debug(self) -> None:
        self.debug = True
        if self._debug_log is None:
            self._debug_log = DebugLog(lambda: self._out.stderr, self.secrets)
            self._debug_log.start()

    # ------------------------------------------------------------------ the end

    def report(self, exc: BaseException) -> int:
        """Print ``exc`` as one ``error:`` line (traceback first with --debug); its exit code."""
        stderr = self._out.stderr
        if isinstance(exc, _NO_ARGS_IS_HELP):  # bare `scnet-hpc`: the help, as click shows it
            stderr.write(exc.format_message() + "\n")
            return int(exc.exit_code)
        message, code = describe(exc)
        if self.debug and not isinstance(exc, click.ClickException):
            stderr.write(format_traceback(exc))
        stderr.write(f"error: {message}\n")
        stderr.flush()
        return int(code)

    def close(self) -> None:
        client, self._client = self._client, None
        try:
            if client is not None:
                client.close()
        finally:
            if self._debug_log is not None:
                self._debug_log.stop()
                self._debug_log = None


def get_state(ctx: click.Context | None = None) -> CliState:
    ctx = ctx or click.get_current_context()
    state = ctx.find_object(CliState)
    if state is None:  # invoked without ScnetGroup.main (e.g. a bare click test)
        state = ctx.ensure_object(CliState)
    return state


def _set_output(ctx: click.Context, _param: click.Parameter, value: str | None) -> None:
    if value is not None:
        get_state(ctx).output_flag = value


def _set_debug(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    if value:
        get_state(ctx).start_debug()


def output_option() -> Callable[[F], F]:
    return click.option(
        "-o",
        "--output",
        type=click.Choice(["table", "json"]),
        default=None,
        expose_value=False,
        callback=_set_output,
        help="table for people (default), json for programs (env SCNET_OUTPUT).",
    )


def debug_option() -> Callable[[F], F]:
    return click.option(
        "--debug",
        is_flag=True,
        default=False,
        expose_value=False,
        callback=_set_debug,
        help="Print each request as curl (secrets masked) and SDK logs to stderr; "
        "tracebacks for internal errors (env SCNET_DEBUG=1).",
    )


def common_options(f: F) -> F:
    """``--output`` and ``--debug``, accepted after every command as well as before it."""
    return output_option()(debug_option()(f))
