"""The ``scnet_hpc`` logger and the one redaction every log line, repr and error message uses.

Redaction has two layers so that a secret cannot slip through one forgotten call site:
shape-based (anything that looks like a JWT or a 64-hex-digit HMAC signature) and value-based
(every secret key and token the process has been given is registered here, whatever it looks
like). The registry is process-wide because error messages are built far from the client that
holds the secret.
"""

from __future__ import annotations

import json
import logging
import re
import shlex
import threading
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlencode

__all__ = [
    "MASK",
    "http_logger",
    "logger",
    "redact",
    "redact_identities",
    "register_identity",
    "register_secret",
    "render_curl",
]

logger = logging.getLogger("scnet_hpc")
logger.addHandler(logging.NullHandler())
#: One DEBUG line per request, rendered as a curl command with secrets masked (for --debug).
http_logger = logging.getLogger("scnet_hpc.http")

MASK = "***"
_SHAPES = re.compile(
    # a JWT, or any piece of one (a cut-off body): base64url of '{"' starts with eyJ
    r"eyJ[A-Za-z0-9_-]{8,}(?:\.[A-Za-z0-9_-]*){0,2}"
    r"|(?<![0-9A-Za-z])[0-9a-fA-F]{64}(?![0-9A-Za-z])"  # hex HMAC-SHA256 signature
)
#: Header names whose values are never shown.
SECRET_HEADERS = frozenset({"token", "signature", "accesskey", "authorization"})
_MIN_SECRET = 4  # shorter strings would mask ordinary words

_lock = threading.Lock()
_secrets: frozenset[str] = frozenset()
#: User names and access keys: not secret in a log line the user reads, but masked wherever
#: answers leave the process for someone else (recordings, ``_recording``).
_identities: frozenset[str] = frozenset()


def register_secret(value: str | None) -> None:
    """Remember ``value`` so that ``redact`` masks it wherever it appears from now on."""
    global _secrets
    if value and len(value) >= _MIN_SECRET and value not in _secrets:
        with _lock:
            _secrets = _secrets | {value}


def redact(text: str) -> str:
    """``text`` with registered secrets and JWT- or signature-shaped strings replaced by ***."""
    for secret in _secrets:
        if secret in text:
            text = text.replace(secret, MASK)
    return _SHAPES.sub(MASK, text)


def register_identity(value: str | None) -> None:
    """Remember a user name or access key, so that ``redact_identities`` masks it."""
    global _identities
    value = value.strip() if isinstance(value, str) else value
    if value and value not in _identities:
        with _lock:
            _identities = _identities | {value}


def redact_identities(text: str, extra: frozenset[str] = frozenset()) -> str:
    """``redact(text)``, and every registered (or ``extra``) identity masked where it stands
    as a whole word (``/public/home/demo`` loses ``demo``; ``demonstrate`` keeps it)."""
    text = redact(text)
    # Longest first, so that a name containing another is masked whole.
    for value in sorted(_identities | extra, key=len, reverse=True):
        if value in text:
            pattern = rf"(?<![0-9A-Za-z_-]){re.escape(value)}(?![0-9A-Za-z_-])"
            text = re.sub(pattern, MASK, text)
    return text


def render_curl(
    method: str,
    url: str,
    *,
    params: Mapping[str, Any] | None = None,
    headers: Mapping[str, str] | None = None,
    json_body: Any = None,
    form: Mapping[str, Any] | None = None,
) -> str:
    """The request as a curl command line, secrets masked (what ``--debug`` prints)."""
    if params:
        url = f"{url}?{urlencode({k: _wire(v) for k, v in params.items()})}"
    parts = ["curl", "-X", method.upper(), shlex.quote(url)]
    for name, value in (headers or {}).items():
        shown = MASK if name.lower() in SECRET_HEADERS else value
        parts += ["-H", shlex.quote(f"{name}: {shown}")]
    if json_body is not None:
        parts += ["--data-raw", shlex.quote(json.dumps(json_body, ensure_ascii=False))]
    for name, value in (form or {}).items():
        parts += ["--data-urlencode", shlex.quote(f"{name}={_wire(value)}")]
    return redact(" ".join(parts))


def _wire(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)
