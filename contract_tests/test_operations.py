"""Generated requests for every operation: ≥ 100 positive and negative cases each.

Each case is shaped (``_inputs``), sent, and judged by every default schemathesis check plus the
envelope-aware ones (``_checks``). Operations that must not get generated requests against this
target are listed as skipped with the reason.
"""

from __future__ import annotations

from typing import Any

import pytest
from schemathesis import Case

from ._record import OperationStats
from ._spec import operation_ids
from ._suite import fuzz_schema, not_fuzzed_reason, session_suite

SUITE = session_suite()


@fuzz_schema(SUITE.schema, SUITE.settings).parametrize()
def test_operation(case: Case[Any]) -> None:
    SUITE.exercise(case)


@pytest.mark.parametrize("operation_id", sorted(operation_ids()))
def test_operation_is_fuzzed_here(operation_id: str) -> None:
    reason = not_fuzzed_reason(operation_id, SUITE.settings)
    if reason:
        pytest.skip(reason)


FUZZED = sorted(op for op in operation_ids() if not not_fuzzed_reason(op, SUITE.settings))


def _fuzz_stats(operation_id: str) -> OperationStats:
    label = operation_ids()[operation_id]
    if any(operation == label for operation, _ in SUITE.recorder.failures):
        pytest.skip("a check failed for this operation, which ends its generation early")
    stats = SUITE.recorder.operations.get(label)
    if stats is None or not stats.by_source["fuzz"]:
        pytest.skip("test_operation did not run for this operation in this session")
    return stats


@pytest.mark.parametrize("operation_id", FUZZED)
def test_operation_got_enough_generated_cases(operation_id: str) -> None:
    """At least SCNET_CONTRACT_EXAMPLES cases from the fuzzing phase alone (the examples and
    coverage phases add more), both valid and invalid ones."""
    stats = _fuzz_stats(operation_id)
    assert stats.by_phase["fuzzing"] >= SUITE.settings.examples, stats
    assert stats.positive > 0, "no positive (schema-valid) case was generated"
    assert stats.negative > 0, "no negative (schema-violating) case was generated"


@pytest.mark.parametrize("operation_id", FUZZED)
def test_generated_cases_reached_success(operation_id: str) -> None:
    """Generated cases must sometimes succeed, or the success schema is never tested on them."""
    stats = _fuzz_stats(operation_id)
    assert stats.succeeded > 0, (
        f"no generated case of {operation_id} was answered code 0 "
        f"(codes: {dict(stats.codes)}): the input shaping (_inputs) does not reach success"
    )
