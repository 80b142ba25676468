"""What a job's command "does" in the simulated engine: run time, output and exit status.

Only a handful of shell commands mean something here (``sleep``, ``echo``, ``seq``, ``hostname``,
``pwd``, ``whoami``, ``date``, ``true``, ``false``, ``exit``); everything else runs silently and
succeeds. That is enough to write jobs with a known duration, output and exit status in tests
(``sleep 600``, ``seq 2500``, ``echo hi; exit 3``) while any real script still "works".
"""

from __future__ import annotations

import re
import shlex
from dataclasses import dataclass

__all__ = ["MAX_OUTPUT_LINES", "Program", "simulate"]

#: A job prints at most this many lines (keeps a `seq 100000000` job from eating the mock's memory).
MAX_OUTPUT_LINES = 100_000
_SLEEP_UNITS = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}
_SLEEP = re.compile(r"^(\d+(?:\.\d+)?)([smhd]?)$")
_SPLIT = re.compile(r"\s*(?:;|&&|\n)\s*")


@dataclass(frozen=True)
class Program:
    runtime: int  # seconds the job would run without a time limit
    exit_code: int
    stdout: tuple[str, ...]
    stderr: tuple[str, ...]


def simulate(
    command: str, *, default_runtime: int, node: str, user: str, work_dir: str, start: str
) -> Program:
    """Interpret ``command`` (``;``, ``&&`` and newlines separate commands)."""
    runtime = 0.0
    slept = False
    exit_code = 0
    out: list[str] = []
    err: list[str] = []
    for part in _SPLIT.split(command):
        if not part or part.startswith("#"):
            continue
        try:
            words = shlex.split(part, comments=True)
        except ValueError:  # unbalanced quotes: the shell would fail too
            err.append(f"/bin/sh: syntax error: unterminated quoted string: {part[:80]}")
            exit_code = 2
            break
        if not words:
            continue
        to_err = any(w in (">&2", "1>&2") for w in words)
        words = [w for w in words if w not in (">&2", "1>&2")]
        name, args = words[0], words[1:]
        sink = err if to_err else out
        if name == "sleep" and args:
            m = _SLEEP.match(args[0])
            if m:
                runtime += float(m.group(1)) * _SLEEP_UNITS[m.group(2)]
                slept = True
        elif name == "echo":
            sink.append(" ".join(a for a in args if a != "-e"))
        elif name == "seq" and args:
            _seq(args, sink)
        elif name == "hostname":
            sink.append(node)
        elif name == "pwd":
            sink.append(work_dir)
        elif name == "whoami":
            sink.append(user)
        elif name == "date":
            sink.append(start)
        elif name == "false":
            exit_code = 1
            break
        elif name == "exit":
            exit_code = _int(args[0]) % 256 if args else 0
            break
    if not slept:
        runtime = default_runtime
    del out[MAX_OUTPUT_LINES:]
    return Program(
        runtime=max(0, round(runtime)), exit_code=exit_code, stdout=tuple(out), stderr=tuple(err)
    )


def _seq(args: list[str], sink: list[str]) -> None:
    numbers = [_int(a) for a in args[:2]]
    first, last = (1, numbers[0]) if len(numbers) == 1 else (numbers[0], numbers[1])
    room = MAX_OUTPUT_LINES - len(sink)
    last = min(last, first + room - 1)
    sink.extend(str(i) for i in range(first, last + 1))


def _int(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        return 0
