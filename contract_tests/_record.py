"""What the run did, per operation: cases sent, how they were answered, what failed.

The recorder feeds the Markdown summary and JUnit XML (``_report``). Failures are kept once per
kind (operation x check); for each kind the reproduction is the last example seen, which after
Hypothesis has shrunk a failure is the smallest one it found.
"""

from __future__ import annotations

import threading
from collections import Counter
from dataclasses import dataclass, field

__all__ = ["FailureRecord", "OperationStats", "Recorder"]


@dataclass
class OperationStats:
    label: str
    cases: int = 0
    positive: int = 0
    negative: int = 0
    by_source: Counter[str] = field(default_factory=Counter)  # fuzz / stateful / scripted
    by_phase: Counter[str] = field(default_factory=Counter)  # examples / coverage / fuzzing / ...
    codes: Counter[str] = field(default_factory=Counter)  # envelope code, or "HTTP <status>"
    # Generated (source "fuzz") cases only: "positive", "negative", "succeeded" (code 0).
    generated: Counter[str] = field(default_factory=Counter)

    @property
    def succeeded(self) -> int:
        return self.codes["0"]

    def generation_shortfalls(self, examples: int) -> list[str]:
        """What the generated requests of this operation lacked (empty: enough of each kind):
        ``examples`` from the fuzzing phase alone (the examples and coverage phases add more),
        valid and invalid ones, and some answered code 0 (or the success schema goes untested)."""
        fuzzing = self.by_phase["fuzzing"]
        problems = []
        if fuzzing < examples:
            problems.append(f"{fuzzing} cases in the fuzzing phase, fewer than {examples}")
        if not self.generated["positive"]:
            problems.append("no positive (schema-valid) case")
        if not self.generated["negative"]:
            problems.append("no negative (schema-violating) case")
        if not self.generated["succeeded"]:
            problems.append(
                f"no generated case was answered code 0 (codes: {dict(self.codes)}): "
                "the input shaping (_inputs) does not reach success"
            )
        return problems


@dataclass
class FailureRecord:
    operation: str
    check: str
    message: str  # masked
    curl: str  # masked
    seen: int = 1


@dataclass
class Recorder:
    operations: dict[str, OperationStats] = field(default_factory=dict)
    failures: dict[tuple[str, str], FailureRecord] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def stats(self, label: str) -> OperationStats:
        with self._lock:
            return self.operations.setdefault(label, OperationStats(label))

    def record_case(
        self, label: str, *, source: str, negative: bool, code: str, phase: str = ""
    ) -> None:
        stats = self.stats(label)
        with self._lock:
            stats.cases += 1
            stats.by_source[source] += 1
            if phase:
                stats.by_phase[phase] += 1
            if negative:
                stats.negative += 1
            else:
                stats.positive += 1
            stats.codes[code] += 1
            if source == "fuzz":
                stats.generated["negative" if negative else "positive"] += 1
                if code == "0":
                    stats.generated["succeeded"] += 1

    def record_failure(self, operation: str, check: str, message: str, curl: str) -> None:
        with self._lock:
            key = (operation, check)
            existing = self.failures.get(key)
            if existing is None:
                self.failures[key] = FailureRecord(operation, check, message, curl)
            else:
                existing.seen += 1
                existing.message, existing.curl = message, curl

    @property
    def total_cases(self) -> int:
        return sum(s.cases for s in self.operations.values())

    def operations_run(self) -> list[OperationStats]:
        return [s for s in self.operations.values() if s.cases]
