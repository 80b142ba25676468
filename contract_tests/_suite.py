"""Assemble the suite once per session: settings → target → schema with hooks → checks.

Test modules call ``session_suite()`` at import time because ``@schema.parametrize()`` needs the
schema while pytest collects. ``build_suite`` is also used by the can-fail tests to run the very
same machinery against a deliberately broken mock.
"""

from __future__ import annotations

import contextlib
import functools
import time
from collections.abc import Iterator
from typing import Any

import schemathesis
from schemathesis import BaseSchema, GenerationMode

from ._checks import ContractChecks
from ._exercise import Suite
from ._files import FILE_WRITE_OPS, prepare_fixture
from ._inputs import shaper
from ._record import Recorder
from ._settings import Settings, Writes
from ._spec import CONFIG_PATH, SPEC_PATH, operation_ids
from ._target import Target, open_target

__all__ = [
    "FILE_WRITES",
    "SESSION_OPS",
    "WRITE_OPS",
    "build_schema",
    "build_suite",
    "close_session_suite",
    "fuzz_schema",
    "not_fuzzed_reason",
    "session_suite",
]

# Operations that change something: never generated against a live deployment.
WRITE_OPS = frozenset({"submit_job", "cancel_jobs"})
# File operations that change the caller's files (same rule as WRITE_OPS).
FILE_WRITES = FILE_WRITE_OPS
# Operations that mint credentials; renewing may retire the token the run relies on.
SESSION_OPS = frozenset({"issue_tokens", "renew_token"})


def not_fuzzed_reason(operation_id: str, settings: Settings) -> str | None:
    """Why generated requests must not be sent to this operation here, or None."""
    if settings.writes is Writes.FUZZ:
        return None
    if operation_id in WRITE_OPS:
        what = "changes jobs"
    elif operation_id in FILE_WRITES:
        what = "changes files"
    elif operation_id in SESSION_OPS:
        what = "mints credentials (generated sign-ins could lock the account)"
    else:
        return None
    scripted = (
        "covered by scripted requests"
        if settings.writes is Writes.SCRIPTED
        else ("scripted requests need SCNET_CONTRACT_WRITES=1")
    )
    return (
        f"{operation_id} {what}: generated requests only with SCNET_CONTRACT_WRITES=fuzz "
        f"(disposable servers such as `make mock`); {scripted}"
    )


def fuzz_schema(schema: BaseSchema, settings: Settings) -> BaseSchema:
    """``schema`` without the operations that must not get generated requests here."""
    excluded = [op for op in operation_ids() if not_fuzzed_reason(op, settings)]
    return schema.exclude(operation_id=excluded) if excluded else schema


def build_schema(target: Target) -> BaseSchema:
    """openapi.yaml bound to ``target``, with this repository's config and input shaping."""
    settings = target.settings
    config = schemathesis.Config.from_path(CONFIG_PATH)
    config.update(seed=settings.seed, max_failures=None)
    schema = schemathesis.openapi.from_path(SPEC_PATH, config=config)
    if target.app is not None:
        schema.app = target.app
    schema.config.generation.update(
        modes=[GenerationMode.POSITIVE, GenerationMode.NEGATIVE],
        max_examples=settings.examples,
    )
    mock = target.mock
    now = mock.clock.now if mock is not None else time.time
    schema.hook("flatmap_case")(shaper(target.get_facts(), now, remote=settings.remote))
    return schema


@contextlib.contextmanager
def build_suite(settings: Settings, app: Any = None) -> Iterator[Suite]:
    with open_target(settings, app=app) as target:
        facts = target.get_facts()
        if settings.writes is not Writes.NONE:
            prepare_fixture(target)  # the files generated file requests point at
        yield Suite(
            settings=settings,
            target=target,
            schema=build_schema(target),
            checks=ContractChecks(facts),
            recorder=Recorder(),
        )


_STACK = contextlib.ExitStack()


@functools.cache
def session_suite() -> Suite:
    """The suite of this pytest session, against the configured target."""
    return _STACK.enter_context(build_suite(Settings.from_env()))


def close_session_suite() -> None:
    _STACK.close()
