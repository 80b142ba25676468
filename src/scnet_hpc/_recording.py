"""Recording every answer the SDK receives, for ``python -m scnet_hpc.drift`` to check later.

``SCNET_RECORD_DIR=dir`` (or ``record_dir=`` of a client factory or ``with_options``, or
``scnet-hpc --record dir``) makes the choke point save each HTTP answer as one JSON file::

    {"operation": "list_jobs", "status": 200, "content_type": "application/json",
     "method": "GET", "path": "/hpc/openapi/v2/jobs", "body": {...}}

The body is the decoded JSON (its text when it is not JSON). Nothing that identifies or
authenticates the user leaves the process:

* tokens, signatures, secret keys and passwords are masked as in the logs
  (``_logging.redact``), and the values of members such as ``token`` or ``password``
  (``SECRET_MEMBERS``) whatever they look like;
* user names and access keys are masked by value (``_logging.redact_identities``): the ones
  the client was given, and every value of a member that names a user (``userName``,
  ``clusterUserName``, ``owner``, ...) anywhere in a body, which then also disappears from
  paths such as ``/public/home/<user>`` in this and later recordings.

Strings stay strings, so a recording validates against the spec as the original did.

Recording never breaks a call: a file that cannot be written is a warning in the log.
"""

from __future__ import annotations

import itertools
import json
import os
import threading
import time
from pathlib import Path
from typing import Any

import httpx

from ._logging import MASK, SECRET_HEADERS, logger, redact_identities, register_identity

__all__ = ["NAME_MEMBERS", "RECORD_VERSION", "SECRET_MEMBERS", "record", "redact_body"]

RECORD_VERSION = 1
#: Members whose string values name a user or an account (openapi.yaml's vocabulary, plus the
#: request parameters that carry one).
NAME_MEMBERS = frozenset(
    {
        "userName",
        "username",
        "user",
        "strUser",
        "clusterUserName",
        "owner",
        "jobOwner",
        "strJobOwner",
        "accountName",
        "account",
        "historyAccount",
        "fullName",
    }
)

#: Members whose values are masked whatever they look like (compared in lower case): a token
#: is recorded before the SDK has read (and registered) it, and need not look like a JWT.
SECRET_MEMBERS = SECRET_HEADERS | {"secretkey", "password", "orgid"}

_counter = itertools.count()
_lock = threading.Lock()


def record(
    directory: Path, operation: str, method: str, url: str, response: httpx.Response
) -> None:
    """Save ``response`` to ``directory`` (one new file); log, never raise, when that fails."""
    try:
        content = response.content
        content_type = response.headers.get("content-type", "")
        try:
            body: Any = json.loads(content)
        except ValueError:
            body = content.decode("utf-8", "replace")
        path = httpx.URL(url).path
        names = _names_in(body)
        for name in names:  # e.g. a group member's name, later in a member-jobs path
            register_identity(name)
        document = {
            "version": RECORD_VERSION,
            "operation": operation,
            "status": response.status_code,
            "content_type": content_type,
            "method": method,
            "path": redact_identities(path, names),
            "body": redact_body(body, names),
        }
        text = json.dumps(document, ensure_ascii=False, indent=1)
        with _lock:
            number = next(_counter)
        directory.mkdir(parents=True, exist_ok=True)
        name = f"{time.time_ns()}-{os.getpid()}-{number:06d}-{operation}.json"
        (directory / name).write_text(text + "\n", encoding="utf-8")
    except Exception as exc:  # a recording must never cost the caller its answer
        logger.warning("could not record %s in %s: %s", operation, directory, exc)


def redact_body(body: Any, names: frozenset[str] = frozenset()) -> Any:
    """``body`` with secrets and identities masked in every string (keys and types kept)."""
    if isinstance(body, str):
        return redact_identities(body, names)
    if isinstance(body, list):
        return [redact_body(item, names) for item in body]
    if isinstance(body, dict):
        return {
            key: MASK
            if isinstance(value, str) and value and str(key).lower() in SECRET_MEMBERS
            else redact_body(value, names)
            for key, value in body.items()
        }
    return body


def _names_in(body: Any) -> frozenset[str]:
    found: set[str] = set()
    stack = [body]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            for key, value in item.items():
                if key in NAME_MEMBERS and isinstance(value, str):
                    if len(value.strip(MASK + " ")) >= 2:
                        found.add(value.strip())
                else:
                    stack.append(value)
        elif isinstance(item, list):
            stack.extend(item)
    return frozenset(found)
