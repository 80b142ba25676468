"""The ``scnet-hpc`` command group: global options, and the one place failures are caught."""

from __future__ import annotations

import os
import sys
from typing import Any

import click

from scnet_hpc import __version__

from ._errors import ExitCode
from ._state import CliState, common_options, get_state

__all__ = ["cli", "main"]

EPILOG = """\b
Configuration (highest first): options, SCNET_* environment variables, the profile
(--profile / SCNET_PROFILE) in --config / SCNET_CONFIG (default
~/.config/scnet-hpc/config.toml). Credentials: SCNET_TOKEN + SCNET_BASE_URL, or
SCNET_USER + SCNET_ACCESS_KEY + SCNET_SECRET_KEY, or a profile written by 'login'.

\b
Exit status: 0 ok, 1 internal error (a bug), 2 usage/bad input/configuration,
3 API error (the service answered with an error code), 4 transport (connection,
gateway HTTP status), 5 timeout, 6 answer breaks the contract, 7 job finished
but not completed (wait, submit --wait), 130 interrupted.
"""


class ScnetGroup(click.Group):
    """A group whose ``main`` turns every failure into one ``error:`` line and an exit code."""

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """The command list with each description whole (click cuts them at ~45 characters)."""
        rows = []
        for name in self.list_commands(ctx):
            command = self.get_command(ctx, name)
            if command is not None and not command.hidden:
                rows.append((name, command.get_short_help_str(limit=10_000)))
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)

    def main(
        self,
        args: Any = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        state = CliState()
        code = int(ExitCode.OK)
        try:
            try:
                result = super().main(
                    args,
                    "scnet-hpc",  # also under test runners, so hints name the real command
                    complete_var,
                    standalone_mode=False,
                    obj=state,
                    **extra,
                )
                code = result if isinstance(result, int) else 0
            except BrokenPipeError:
                # `scnet-hpc jobs | head`: the reader left; nothing to say to anyone.
                _silence_stdout()
                code = 141
            except Exception as exc:
                code = state.report(exc)
            except KeyboardInterrupt as exc:
                code = state.report(exc)
        finally:
            try:
                state.close()
            except Exception as exc:  # closing a connection pool should never fail loudly
                code = code or state.report(exc)
        if standalone_mode:
            sys.exit(code)
        return code


def _silence_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def _set_record(ctx: click.Context, _param: click.Parameter, value: str | None) -> None:
    if value is not None:
        get_state(ctx).record_dir = value


def _flag(name: str) -> Any:
    def store(ctx: click.Context, _param: click.Parameter, value: Any) -> Any:
        if value is not None:
            get_state(ctx).flags[name] = value
        return value

    return store


@click.group(
    cls=ScnetGroup,
    epilog=EPILOG,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)
@click.version_option(__version__, prog_name="scnet-hpc")
@click.option("--profile", callback=_flag("profile"), expose_value=False, help="Profile to use.")
@click.option(
    "--config",
    type=click.Path(dir_okay=False),
    callback=_flag("config"),
    expose_value=False,
    help="Profile file (default ~/.config/scnet-hpc/config.toml).",
)
@click.option(
    "--base-url",
    callback=_flag("base_url"),
    expose_value=False,
    help="The region's job API URL, for a token (SCNET_BASE_URL).",
)
@click.option("--user", callback=_flag("user"), expose_value=False, help="Platform user.")
@click.option(
    "--access-key", callback=_flag("access_key"), expose_value=False, help="Access key (AK)."
)
@click.option("--region", callback=_flag("region"), expose_value=False, help="Region id or name.")
@click.option(
    "--auth-url", callback=_flag("auth_url"), expose_value=False, help="Token service URL."
)
@click.option(
    "--platform-url", callback=_flag("platform_url"), expose_value=False, help="Platform URL."
)
@click.option(
    "--scheduler-id",
    callback=_flag("scheduler_id"),
    expose_value=False,
    help="Scheduler (cluster) id; default: the region's first.",
)
@click.option(
    "--request-timeout",
    type=float,
    callback=_flag("request_timeout"),
    expose_value=False,
    help="Seconds to wait for each answer (default 30; connect 5).",
)
@click.option(
    "--retries",
    type=click.IntRange(min=0),
    callback=_flag("retries"),
    expose_value=False,
    help="Retries of failed reads (default 3).",
)
@click.option(
    "--record",
    metavar="DIR",
    type=click.Path(file_okay=False),
    callback=_set_record,
    expose_value=False,
    help="Save every answer received in DIR, secrets and user names masked, for "
    "'python -m scnet_hpc.drift DIR' (SCNET_RECORD_DIR).",
)
@common_options
def cli() -> None:
    """scnet-hpc: jobs on SCNet / Sugon AC HPC centres (AC HPC OpenAPI v2).

    Secrets never go on the command line: give SCNET_TOKEN or SCNET_SECRET_KEY in the
    environment, or let 'scnet-hpc login' prompt for the secret key.
    """


def main(argv: list[str] | None = None) -> None:
    """The ``scnet-hpc`` console script."""
    cli.main(args=argv, prog_name="scnet-hpc")


def _register() -> None:
    from . import _account, _files, _jobs, _platform, _wait

    for command in (
        _account.login,
        _account.regions,
        _account.clusters,
        _account.queues,
        _jobs.submit,
        _jobs.jobs,
        _jobs.job,
        _wait.wait,
        _jobs.cancel,
        _jobs.history,
        _account.stats,
        _platform.cores,
        _platform.whoami,
        _jobs.output,
        _files.files,
        _files.run,
    ):
        cli.add_command(command)


_register()
__all__ += ["EPILOG", "ExitCode", "ScnetGroup"]
