"""What a job's command "does" in the simulated engine: run time, output and exit status.

Only a handful of shell commands mean something here (``sleep``, ``echo``, ``seq``, ``hostname``,
``pwd``, ``whoami``, ``date``, ``true``, ``false``, ``exit``); everything else runs silently and
succeeds. That is enough to write jobs with a known duration, output and exit status in tests
(``sleep 600``, ``seq 2500``, ``echo hi; exit 3``) while any real script still "works".
What they print may be redirected to a file (``echo x > out/r.txt``, ``seq 3 >> log``): the
engine writes it there, in the user's file tree.

Nothing a command says can make the interpretation unbounded: run time is capped just past the
longest walltime (``sleep 1e400`` runs "forever", i.e. until its walltime ends it, as on
Slurm), output is capped in lines and bytes per job, and only the first ``MAX_COMMANDS``
commands are interpreted.

Output is timed: each printed line carries the second (after the job's start) at which the
program prints it, i.e. the sleeps before it, so ``sleep 20; echo x`` shows ``x`` only 20 s
into the run, as a real job's output file would.
"""

from __future__ import annotations

import re
import shlex
from dataclasses import dataclass

from ...clock import china_time
from ...deployment.model import MAX_WALLTIME

__all__ = [
    "MAX_COMMANDS",
    "MAX_OUTPUT_BYTES",
    "MAX_OUTPUT_LINES",
    "MAX_RUNTIME",
    "Output",
    "Program",
    "simulate",
]

#: A job prints at most this many lines (keeps a `seq 100000000` job from eating the mock's memory).
MAX_OUTPUT_LINES = 100_000
#: ... and at most this many bytes (``seq`` of 4000-digit numbers, ``pwd`` of a huge work dir).
MAX_OUTPUT_BYTES = 8 * 1024 * 1024
#: Commands interpreted per job; later ones run silently (a 1 MiB script of ``true;`` would
#: otherwise hold the engine for a second).
MAX_COMMANDS = 10_000
#: The longest a program runs: past any walltime, so an endless one always times out.
MAX_RUNTIME = MAX_WALLTIME + 1
_SLEEP_UNITS = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}
_SLEEP = re.compile(r"^(\d+(?:\.\d+)?)([smhd]?)$")
_QUOTING = re.compile(r"[\\'\"#]")
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
    room_bytes = MAX_OUTPUT_BYTES

    def sink(to_stderr: bool, target: str | None = None, append: bool = False) -> list[str]:
        at = round(runtime)
        last = output[-1] if output else None
        if target is not None or last is None or last.target is not None:
            output.append(Output(at, to_stderr, [], target, append))
        elif last.at != at or last.to_stderr != to_stderr:
            output.append(Output(at, to_stderr, []))
        return output[-1].lines

    for part in _SPLIT.split(command, maxsplit=MAX_COMMANDS)[:MAX_COMMANDS]:
        if not part or part.startswith("#"):
            continue
        try:  # shlex only where quoting matters: it is 100x slower than split() on a 1 MiB script
            words = shlex.split(part, comments=True) if _QUOTING.search(part) else part.split()
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
            if m:  # float("9" * 400) is inf: capped, never rounded
                runtime = min(runtime + float(m.group(1)) * _SLEEP_UNITS[m.group(2)], MAX_RUNTIME)
                slept = True
        elif name in _PRINTS and room > 0 and room_bytes > 0:
            printed: list[str] = []
            if name == "echo":
                printed.append(" ".join(a for a in args if a != "-e"))
            elif name == "seq":
                _seq(args, printed, room, room_bytes)
            else:
                known = {"hostname": node, "pwd": work_dir, "whoami": user}
                now = china_time(start + round(runtime), _DATE)
                printed.append(known.get(name, now))
            size = sum(len(line) + 1 for line in printed)
            if size > room_bytes:  # what does not fit is cut, like a full disk would
                printed, size = _fit(printed, room_bytes)
            if printed or target is not None:  # ``> FILE`` empties the file even with no text
                sink(to_err, target, append).extend(printed)
            room -= len(printed)
            room_bytes -= size
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


def _seq(args: list[str], sink: list[str], room: int, room_bytes: int) -> None:
    numbers = [_int(a) for a in args[:2]] or [0]
    first, last = (1, numbers[0]) if len(numbers) == 1 else (numbers[0], numbers[1])
    last = min(last, first + room - 1)
    for i in range(first, last + 1):
        line = str(i)
        room_bytes -= len(line) + 1
        if room_bytes < 0:
            return
        sink.append(line)


def _fit(lines: list[str], room_bytes: int) -> tuple[list[str], int]:
    """The first lines that fit in ``room_bytes`` (the last one cut), and their size."""
    kept: list[str] = []
    size = 0
    for line in lines:
        if size + len(line) + 1 > room_bytes:
            rest = room_bytes - size - 1
            if rest > 0:
                kept.append(line[:rest])
                size += rest + 1
            break
        kept.append(line)
        size += len(line) + 1
    return kept, size


def _int(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        return 0
