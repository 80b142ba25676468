"""Generated requests for every operation: ≥ 100 positive and negative cases each.

Each case is shaped (``_inputs``), sent, and judged by every default schemathesis check plus the
envelope-aware ones (``_checks``). Operations that must not get generated requests against this
target are listed as skipped with the reason.

Whether an operation got enough cases is judged in the same test item that generated them
(``conftest.pytest_runtest_call`` asks ``OperationStats.generation_shortfalls``), so that the
check cannot depend on which tests ran before it.
"""

from __future__ import annotations

from typing import Any

import pytest
from schemathesis import Case

from ._spec import operation_ids
from ._suite import (
    fuzz_schema,
    fuzzed_operation_ids,
    not_fuzzed_reason,
    session_schema,
    session_settings,
    session_suite,
)

FUZZ_SCHEMA = fuzz_schema(session_schema(), session_settings())


@FUZZ_SCHEMA.parametrize()
def test_operation(case: Case[Any]) -> None:
    session_suite().exercise(case)


@pytest.mark.parametrize("operation_id", sorted(operation_ids()))
def test_operation_is_fuzzed_here(operation_id: str) -> None:
    """Every operation gets generated requests unless a stated reason (settings) excludes it."""
    reason = not_fuzzed_reason(operation_id, session_settings())
    if reason:
        pytest.skip(reason)
    assert operation_id in fuzzed_operation_ids(FUZZ_SCHEMA), (
        f"{operation_id} gets no generated requests here, and no setting says why"
    )
