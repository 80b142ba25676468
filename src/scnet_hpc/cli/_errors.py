"""Turning any failure into one line on stderr and an exit code a script can branch on.

A CLI that prints a traceback makes its user read our code to find out that their queue name
was wrong. Every exception that reaches the top is classified here: the SDK's error classes by
meaning, click's usage errors, Ctrl-C, and — as a last resort — anything else, which is our
bug and says so (``--debug`` shows the traceback). Every line goes through the SDK's redaction.
"""

from __future__ import annotations

import enum
import re
import traceback

import click

from scnet_hpc import errors, redact
from scnet_hpc.error_codes import meaning

from ._terminal import printable

__all__ = ["JOB_SPEC_OPTIONS", "CliError", "ExitCode", "describe", "format_traceback"]


class ExitCode(enum.IntEnum):
    """Exit statuses of ``scnet-hpc`` (documented in its ``--help``)."""

    OK = 0
    INTERNAL = 1  # a bug in scnet-hpc: unexpected exception
    USAGE = 2  # bad command line, bad input, configuration (nothing was sent)
    API = 3  # the service answered with an error code (or does not know the job)
    TRANSPORT = 4  # no answer: connection failed, gateway HTTP status
    TIMEOUT = 5  # a request, the service (10013) or `wait --timeout` ran out of time
    CONTRACT = 6  # the answer does not match openapi.yaml
    JOB_FAILED = 7  # the job finished, but not as completed (failed, cancelled, timeout)
    INTERRUPTED = 130  # Ctrl-C


class CliError(Exception):
    """A failure the CLI itself detects; ``message`` is printed after ``error: ``."""

    def __init__(self, message: str, code: ExitCode = ExitCode.USAGE) -> None:
        super().__init__(message)
        self.message = message
        self.code = code


#: The longest error line printed (a server ``msg`` can be megabytes).
MAX_LINE = 2000

#: ``JobSpec`` field -> the ``submit`` option that sets it, so errors name what the user typed.
JOB_SPEC_OPTIONS = {
    "command": "COMMAND",
    "queue": "--queue",
    "walltime": "--walltime",
    "nodes": "--nodes",
    "node_list": "--node-list",
    "ppn": "--ppn",
    "nprocs": "--nprocs",
    "job_name": "--name",
    "work_dir": "--work-dir",
    "gpus": "--gpus",
    "dcus": "--dcus",
    "memory": "--memory",
    "exclusive": "--exclusive",
    "stdout": "--stdout",
    "stderr": "--stderr",
    "array_size": "--array-size",
    "app_name": "--app-name",
    "extra": "--set",
}


def describe(exc: BaseException) -> tuple[str, ExitCode]:
    """The one-line message (without ``error: ``) and exit code for ``exc``."""
    message, code = _classify(exc)
    # One line without escape sequences, of a size a terminal can show, whatever the server sent.
    line = " ".join(printable(message).split())
    if len(line) > MAX_LINE:
        line = f"{line[:MAX_LINE]}... ({len(line) - MAX_LINE} more characters)"
    return redact(line), code


def _classify(exc: BaseException) -> tuple[str, ExitCode]:
    if isinstance(exc, CliError):
        return exc.message, exc.code
    if isinstance(exc, KeyboardInterrupt | click.exceptions.Abort):
        return "interrupted", ExitCode.INTERRUPTED
    if isinstance(exc, click.ClickException):
        return _click_message(exc), ExitCode.USAGE
    if isinstance(exc, errors.ScnetError):
        return _sdk_message(exc)
    if isinstance(exc, OSError):
        # Reading a --script file, the profile, the token cache: the user's files.
        where = f": {exc.filename}" if exc.filename else ""
        return f"{exc.strerror or type(exc).__name__}{where}", ExitCode.USAGE
    return (
        f"internal error: {type(exc).__name__}: {exc} (this is a bug in scnet-hpc; "
        "run with --debug for the traceback)",
        ExitCode.INTERNAL,
    )


def _click_message(exc: click.ClickException) -> str:
    message = exc.format_message()
    ctx = getattr(exc, "ctx", None)
    if isinstance(exc, click.UsageError) and ctx is not None:
        message += f" (try '{ctx.command_path} --help')"
    return message


def _sdk_message(exc: errors.ScnetError) -> tuple[str, ExitCode]:
    if isinstance(exc, errors.JobRejectedError):
        return rejected_message(exc), ExitCode.API
    if isinstance(exc, errors.AuthenticationError) and exc.operation == "issue_tokens":
        return _sign_in_refused(exc), ExitCode.API
    if isinstance(exc, errors.ApiError):
        text = f"{_code(exc)} {exc.operation}: {exc.msg or '(no message)'}"
        if isinstance(exc, errors.TokenExpiredError):
            text += " (the token has expired: run 'scnet-hpc login' or set a new SCNET_TOKEN)"
        if isinstance(exc, errors.OperationTimeoutError):
            return text, ExitCode.TIMEOUT  # the service ran out of time (10013)
        return text, ExitCode.API
    if isinstance(exc, errors.InvalidJobSpec):
        problems = "; ".join(f"{_option_name(name)}: {why}" for name, why in exc.problems)
        return f"invalid job: {problems}", ExitCode.USAGE
    if isinstance(exc, errors.JobTimeoutError):
        return str(exc), ExitCode.TIMEOUT
    if isinstance(exc, errors.RequestTimeoutError):
        return f"timed out: {exc}", ExitCode.TIMEOUT
    if isinstance(exc, errors.HttpStatusError):
        return f"the gateway answered HTTP {exc.status_code}: {exc}", ExitCode.TRANSPORT
    if isinstance(exc, errors.TransportError):
        return f"cannot reach the service: {exc}", ExitCode.TRANSPORT
    if isinstance(exc, errors.ContractViolation):
        return str(exc), ExitCode.CONTRACT
    if isinstance(exc, errors.JobNotFoundError):
        return str(exc), ExitCode.API
    # ConfigurationError, InvalidArgumentError and anything else caught before sending.
    return str(exc), ExitCode.USAGE


def _code(exc: errors.ApiError) -> str:
    return f"[{exc.code} {meaning(exc.code) or 'error'}]"


#: What the live service puts before the scheduler's stderr in a refusal.
_REFUSAL_PREFIX = re.compile(r"^\s*exitcode\s*:\s*-?\d+\s*,\s*errorinfo\s*:\s*", re.IGNORECASE)


def rejected_message(exc: errors.JobRejectedError, queue_limit: str | None = None) -> str:
    """What sbatch said first, then what to do; the code (10001) last, as a detail.

    The service reports a refusal as ``10001 internal error``: leading with that reads like a
    server bug, when the fix is almost always in the submit options.
    """
    said = _REFUSAL_PREFIX.sub("", exc.msg or "").strip() or "(no message)"
    advice = "run 'scnet-hpc queues' to see the queues you may use and their limits"
    if queue_limit is not None:
        advice = f"{queue_limit}; {advice}"
    return f"the scheduler rejected the job: {said} ({advice}) [{exc.operation}, code {exc.code}]"


def _sign_in_refused(exc: errors.AuthenticationError) -> str:
    said = exc.msg or "(no message)"
    if "timestamp" in said.lower():
        advice = "check this computer's clock: the signature carries the time"
    else:
        advice = "check the access key and secret key (and the user name they belong to)"
    return f"sign-in refused: {advice}. The service said: {said} {_code(exc)}"


def _option_name(field: str) -> str:
    """``walltime`` -> ``--walltime``; ``extra['GAP_X']`` -> ``--set GAP_X``."""
    if field.startswith("extra[") and field.endswith("]"):
        return f"--set {field[6:-1].strip(chr(39))}"
    return JOB_SPEC_OPTIONS.get(field, field)


def format_traceback(exc: BaseException) -> str:
    """The traceback ``--debug`` prints, redacted (and made printable) like everything else."""
    return redact(printable("".join(traceback.format_exception(exc))))
