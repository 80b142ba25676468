"""Generated requests for every operation: ≥ 100 positive and negative cases each.

Each case is shaped (``_inputs``), sent, and judged by every default schemathesis check plus the
envelope-aware ones (``_checks``). Operations that must not get generated requests against this
target are listed as skipped with the reason.
"""

from __future__ import annotations

import pytest
from schemathesis import Case

from ._spec import operation_ids
from ._suite import fuzz_schema, not_fuzzed_reason, session_suite

SUITE = session_suite()


@fuzz_schema(SUITE.schema, SUITE.settings).parametrize()
def test_operation(case: Case) -> None:
    SUITE.exercise(case)


@pytest.mark.parametrize("operation_id", sorted(operation_ids()))
def test_operation_is_fuzzed_here(operation_id: str) -> None:
    reason = not_fuzzed_reason(operation_id, SUITE.settings)
    if reason:
        pytest.skip(reason)
