"""What a job's command "does" in the simulated engine: run time, output and exit status.

Only a handful of shell commands mean something here (``sleep``, ``echo``, ``seq``, ``hostname``,
``pwd``, ``whoami``, ``date``, ``true``, ``false``, ``exit``); everything else runs silently and
succeeds. That is enough to write jobs with a known duration, output and exit status in tests
(``sleep 600``, ``seq 2500``, ``echo hi; exit 3``) while any real script still "works".
What they print may be redirected to a file (``echo x > out/r.txt``, ``seq 3 >> log``): the
engine writes it there, in the user's file tree.

Output is timed: each printed line carries the second (after the job's start) at which the
program prints it, i.e. the sleeps before it, so ``sleep 20; echo x`` shows ``x`` only 20 s
into the run, as a real job's output file would.
"""

from __future__ import annotations

import re
import shlex
from dataclasses import dataclass

from ...clock import china_time

__all__ = ["MAX_OUTPUT_LINES", "Output", "Program", "simulate"]

#: A job prints at most this many lines (keeps a `seq 100000000` job from eating the mock's memory).
MAX_OUTPUT_LINES = 100_000
_SLEEP_UNITS = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}
_SLEEP = re.compile(r"^(\d+(?:\.\d+)?)([smhd]?)$")
_SPLIT = re.compile(r"\s*(?:;|&&|\n)\s*")


_DATE = "%a %b %d %H:%M:%S CST %Y"  # what `date` prints in the job's (China) locale


@dataclass(frozen=True)
class Output:
    """Lines one command printed, ``at`` seconds after the job started, to stdout or stderr,
    or to the file ``target`` (``> FILE`` replaces it, ``>> FILE`` appends; a relative path is
    relative to the work dir)."""

    at: int
    to_stderr: bool
    lines: list[str]
    target: str | None = None
    append: bool = False


@dataclass(frozen=True)
class Program:
    runtime: int  # seconds the job would run without a time limit
    exit_code: int
    output: tuple[Output, ...]  # in the order printed (so ``at`` never decreases)


def simulate(
    command: str, *, default_runtime: int, node: str, user: str, work_dir: str, start: float
) -> Program:
    """Interpret ``command`` (``;``, ``&&`` and newlines separate commands) for a job that
    starts at epoch ``start``."""
    runtime = 0.0
    slept = False
    exit_code = 0
    output: list[Output] = []
    room = MAX_OUTPUT_LINES

    def sink(to_stderr: bool, target: str | None = None, append: bool = False) -> list[str]:
        at = round(runtime)
        last = output[-1] if output else None
        if target is not None or last is None or last.target is not None:
            output.append(Output(at, to_stderr, [], target, append))
        elif last.at != at or last.to_stderr != to_stderr:
            output.append(Output(at, to_stderr, []))
        return output[-1].lines

    for part in _SPLIT.split(command):
        if not part or part.startswith("#"):
            continue
        try:
            words = shlex.split(part, comments=True)
        except ValueError:  # unbalanced quotes: the shell would fail too
            sink(True).append(f"/bin/sh: syntax error: unterminated quoted string: {part[:80]}")
            exit_code = 2
            break
        if not words:
            continue
        to_err = any(w in (">&2", "1>&2") for w in words)
        words = [w for w in words if w not in (">&2", "1>&2")]
        words, target, append = _redirection(words)
        if not words:
            continue
        name, args = words[0], words[1:]
        if name == "sleep" and args:
            m = _SLEEP.match(args[0])
            if m:
                runtime += float(m.group(1)) * _SLEEP_UNITS[m.group(2)]
                slept = True
        elif name in _PRINTS and room > 0:
            lines = sink(to_err, target, append)
            before = len(lines)
            if name == "echo":
                lines.append(" ".join(a for a in args if a != "-e"))
            elif name == "seq":
                _seq(args, lines, room)
            else:
                known = {"hostname": node, "pwd": work_dir, "whoami": user}
                now = china_time(start + round(runtime), _DATE)
                lines.append(known.get(name, now))
            room -= len(lines) - before
        elif name == "false":
            exit_code = 1
            break
        elif name == "exit":
            exit_code = _int(args[0]) % 256 if args else 0
            break
    if not slept:
        runtime = default_runtime
    return Program(runtime=max(0, round(runtime)), exit_code=exit_code, output=tuple(output))


_PRINTS = frozenset({"echo", "seq", "hostname", "pwd", "whoami", "date"})
_REDIRECT = re.compile(r"^(1?>>?)(.*)$")


def _redirection(words: list[str]) -> tuple[list[str], str | None, bool]:
    """``words`` without a ``> FILE`` / ``>> FILE`` (also ``>FILE``), and where they go."""
    kept: list[str] = []
    target: str | None = None
    append = False
    i = 0
    while i < len(words):
        m = _REDIRECT.match(words[i])
        if m is None:
            kept.append(words[i])
            i += 1
            continue
        name = m.group(2)
        if not name and i + 1 < len(words):
            i += 1
            name = words[i]
        if name:
            target, append = name, m.group(1).endswith(">>")
        i += 1
    return kept, target, append


def _seq(args: list[str], sink: list[str], room: int) -> None:
    numbers = [_int(a) for a in args[:2]] or [0]
    first, last = (1, numbers[0]) if len(numbers) == 1 else (numbers[0], numbers[1])
    last = min(last, first + room - 1)
    sink.extend(str(i) for i in range(first, last + 1))


def _int(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        return 0
