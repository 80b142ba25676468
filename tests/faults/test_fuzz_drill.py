"""Fuzz drill: at least 1,000 schemathesis *negative* cases (requests that break the contract)
against the mock, and not one 5xx.

One test walks every operation of openapi.yaml with its own Hypothesis run, so the total number
of cases is counted exactly (and printed) whatever subset pytest selects. Failures are collected
rather than raised, so one bad answer does not stop the others from being looked at. A 200 must
still be a JSON envelope with a ``code``: the mock may refuse bad input, but never with garbage.
Set ``SCNET_FUZZ_SEED`` to explore other cases; the default seed keeps CI repeatable.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from typing import Any

import schemathesis
from hypothesis import HealthCheck, given, seed, settings
from schemathesis import Case, GenerationMode

from scnet_hpc._service import openapi_path
from scnet_hpc.mock import Clock, create_app

SPEC = openapi_path()
EXAMPLES_PER_OPERATION = 60  # 19 operations: up to 1,140 cases
MINIMUM_CASES = 1000
SEED = int(os.environ.get("SCNET_FUZZ_SEED", "20240607"))


def _judge(case: Case, response: Any) -> str | None:
    """Why this answer is wrong, or None."""
    where = f"{case.method} {case.formatted_path}"
    if response.status_code >= 500:
        return f"{where}: HTTP {response.status_code}: {response.text[:200]!r}"
    if response.status_code == 200:
        try:
            body = json.loads(response.content)
        except ValueError:
            return f"{where}: HTTP 200 with a body that is not JSON: {response.text[:200]!r}"
        if not isinstance(body, dict) or "code" not in body:
            return f"{where}: HTTP 200 without an envelope: {response.text[:200]!r}"
    return None


def _answer(response: Any) -> str:
    if response.status_code != 200:
        return f"HTTP {response.status_code}"
    try:
        return f"code {json.loads(response.content).get('code')}"
    except (ValueError, AttributeError):
        return "HTTP 200, not an envelope"


def _fuzz(
    operation: Any,
    examples: int,
    token: str,
    counts: dict[str, int],
    problems: list[str],
    answers: Counter[str],
) -> None:
    """One Hypothesis run of negative cases for one operation."""
    label = operation.label
    counts[label] = 0

    @seed(SEED)
    @settings(
        max_examples=examples,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(case=operation.as_strategy(GenerationMode.NEGATIVE))
    def fuzz(case: Case) -> None:
        # Cases that generate their own (bad) token keep it; the rest get a valid one, so that
        # they reach the operation's own validation rather than stopping at sign-in.
        headers = {} if "token" in (case.headers or {}) else {"token": token}
        response = case.call(headers=headers)
        counts[label] += 1
        answers[_answer(response)] += 1
        problem = _judge(case, response)
        if problem:
            problems.append(problem)

    fuzz()


def run_fuzz(
    app: Any, examples: int = EXAMPLES_PER_OPERATION
) -> tuple[dict[str, int], list[str], Counter[str]]:
    """Cases per operation, the problems found, and the answers seen (status / envelope code)."""
    token = app.state.mock.mint_token()
    schema = schemathesis.openapi.from_path(SPEC)
    schema.app = app
    counts: dict[str, int] = {}
    problems: list[str] = []
    answers: Counter[str] = Counter()
    for result in schema.get_all_operations():
        _fuzz(result.ok(), examples, token, counts, problems, answers)
    return counts, problems, answers


def test_negative_fuzzing_never_gets_a_5xx() -> None:
    counts, problems, answers = run_fuzz(create_app(clock=Clock(speed=0)))
    total = sum(counts.values())
    fivexx = sum(": HTTP 5" in p for p in problems)
    print(f"\nfuzz drill: {total} negative cases over {len(counts)} operations; 5xx: {fivexx}")
    print(f"fuzz drill answers: {dict(answers.most_common())}")
    assert not problems, "\n".join(problems[:20])
    assert total >= MINIMUM_CASES, f"only {total} negative cases ran: {counts}"
    assert all(counts.values()), f"operations without a negative case: {counts}"


def test_the_drill_catches_5xx_and_garbage() -> None:
    """The same drill against a mock that answers some requests with a 502 or a non-JSON body."""
    faulty = create_app(clock=Clock(speed=0), faults="http502 rate=0.05; nonjson rate=0.05; seed=3")
    _, problems, _ = run_fuzz(faulty, examples=10)
    assert any(": HTTP 502:" in p for p in problems)
    assert any("not JSON" in p for p in problems)
