"""Text from the server, made safe to print on a terminal.

A ``msg``, a job name or a queue name comes from the server and goes to the user's terminal: an
escape sequence in it (``\\x1b[2J`` clears the screen, OSC 52 writes the clipboard, a bare
``\\r`` overwrites the line) would act instead of being read. ``printable`` drops ANSI escape
sequences whole and shows every other control character as a visible escape (``\\x07``), so
that something odd is seen rather than silently lost. Tab and newline stay (tables wrap on
them; error lines collapse all whitespace); Chinese and every other printable text is untouched.
"""

from __future__ import annotations

import re

__all__ = ["printable"]

#: CSI (``ESC [`` or C1 ``\x9b``) ... final byte; OSC/DCS/SOS/PM/APC strings up to their
#: terminator (or the end); two-byte ``ESC x`` sequences.
_ESCAPE_SEQUENCE = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]?"
    r"|(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"
    r"|\x1b[ -~]?"
)
#: C0 (but tab and newline), DEL, C1, and the bidirectional overrides/isolates that reorder
#: what is shown ("Trojan Source").
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """``text`` without escape sequences, its other control characters shown as escapes."""
    return _CONTROL.sub(_visible, _ESCAPE_SEQUENCE.sub("", text))


def _visible(match: re.Match[str]) -> str:
    char = match.group()
    if char in "\r\x0b\x0c":
        return " "  # line-moving whitespace: a space keeps the words apart
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
