"""Assemble the suite once per session: settings → schema with hooks → target → checks.

Collecting makes no request: ``@schema.parametrize()`` needs the schema while pytest collects, so
test modules use ``session_settings()`` and ``session_schema()`` at import time, which read the
environment and openapi.yaml (and build the embedded mock app, without calling it). The suite
signs in and discovers the target on first use, when a test calls ``session_suite()``.
``build_suite`` is also used by the can-fail tests to run the very same machinery against a
deliberately broken mock.
"""

from __future__ import annotations

import contextlib
import functools
import time
from collections.abc import Callable, Iterator
from typing import Any

import schemathesis
from schemathesis import BaseSchema, GenerationMode
from schemathesis.core.result import Ok

from scnet_hpc.mock.app.leniency import widen

from ._checks import ContractChecks
from ._exercise import Suite
from ._files import FILE_WRITE_OPS, prepare_fixture
from ._inputs import shaper
from ._record import Recorder
from ._settings import Settings, Writes
from ._spec import CONFIG_PATH, operation_ids, raw_spec
from ._target import Facts, open_target

__all__ = [
    "FILE_WRITES",
    "SESSION_OPS",
    "WRITE_OPS",
    "build_schema",
    "build_suite",
    "close_session_suite",
    "fuzz_schema",
    "fuzzed_operation_ids",
    "not_fuzzed_reason",
    "session_schema",
    "session_settings",
    "session_suite",
]

# Operations that change something: never generated against a live deployment.
WRITE_OPS = frozenset({"submit_job", "cancel_jobs"})
# File operations that change the caller's files (same rule as WRITE_OPS).
FILE_WRITES = FILE_WRITE_OPS
# Operations that mint credentials; renewing may retire the token the run relies on.
SESSION_OPS = frozenset({"issue_tokens", "issue_tokens_password", "renew_token"})


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


def fuzzed_operation_ids(schema: BaseSchema) -> set[str]:
    """The operation ids ``schema`` generates requests for (what ``fuzz_schema`` kept)."""
    return {
        str(result.ok().definition.raw.get("operationId"))
        for result in schema.get_all_operations()
        if isinstance(result, Ok)
    }


def build_schema(settings: Settings, app: Any, get_facts: Callable[[], Facts]) -> BaseSchema:
    """openapi.yaml bound to ``app`` (None over HTTP), with this repository's config and input
    shaping; ``get_facts`` is first asked when a case is generated."""
    config = schemathesis.Config.from_path(CONFIG_PATH)
    config.update(seed=settings.seed, max_failures=None)
    # Widened: a request the live service accepts (x-also-accepts) is not a negative case.
    schema = schemathesis.openapi.from_dict(widen(raw_spec()), config=config)
    if app is not None:
        schema.app = app
    schema.config.generation.update(
        modes=[GenerationMode.POSITIVE, GenerationMode.NEGATIVE],
        max_examples=settings.examples,
    )
    now = app.state.mock.clock.now if app is not None else time.time
    schema.hook("flatmap_case")(shaper(get_facts, now, remote=settings.remote))
    return schema


@contextlib.contextmanager
def build_suite(
    settings: Settings, app: Any = None, schema: BaseSchema | None = None
) -> Iterator[Suite]:
    """Sign in to and discover the target; ``schema`` must be bound to the same ``app``."""
    with open_target(settings, app=app) as target:
        facts = target.get_facts()
        if settings.writes is not Writes.NONE:
            prepare_fixture(target)  # the files generated file requests point at
        yield Suite(
            settings=settings,
            target=target,
            schema=schema or build_schema(settings, target.app, target.get_facts),
            checks=ContractChecks(facts),
            recorder=Recorder(),
        )


_STACK = contextlib.ExitStack()


@functools.cache
def session_settings() -> Settings:
    """This session's settings (the environment; no request)."""
    return Settings.from_env()


@functools.cache
def _session_app() -> Any:
    """The embedded mock app of an in-process session (built, not called), or None."""
    if not session_settings().in_process:
        return None
    from scnet_hpc.mock import create_app

    return create_app()


@functools.cache
def session_schema() -> BaseSchema:
    """The schema the session's tests are generated from, built before (and without) sign-in."""
    return build_schema(
        session_settings(), _session_app(), lambda: session_suite().target.get_facts()
    )


@functools.cache
def session_suite() -> Suite:
    """The suite of this pytest session: signs in to the configured target on first use."""
    suite = build_suite(session_settings(), app=_session_app(), schema=session_schema())
    return _STACK.enter_context(suite)


def close_session_suite() -> None:
    _STACK.close()
