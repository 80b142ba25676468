"""The history detail declares the billing and usage members public sources type (issue 13)."""

from __future__ import annotations

from typing import Any

import pytest

from .spec_doc import validator_at

DETAIL = validator_at("/components/schemas/HistoryJobDetail")

# A live accounting record (github.com/wiltonMotta/scnet-chat references/history-jobs-api.md,
# the platform's history list with showAllData=true), trimmed to what the detail shares.
LIVE: dict[str, Any] = {
    "acctTime": "2026-03-24T12:58:56.000+0000", "jobId": "110200796",
    "jobmanagerId": 1573088268, "jobName": "sleep_job", "jobState": "statT", "queue": "comp",
    "taskType": "HPC", "scale": "A", "isSinglejob": False, "nodeNumUsed": 1, "procNumUsed": 1,
    "dcuNumUsed": 0, "gpuNumUsed": 0, "jobQueueTimeUsed": 0, "jobMluNum": 0, "reqMlu": 0,
    "jobExecGpus": None, "jobExecCpus": None, "jobExecDcus": None, "jobExecMlus": None,
    "cpuNuclearHour": "0.1392", "cpuNuclearSec": "501", "cpuUnitPrice": 1,
    "dcuCardHour": "0", "dcuCardSec": "0", "dcuUnitPrice": 1, "gpuCardHour": "0",
    "gpuCardSec": "0", "gpuUnitPrice": 1, "efficiencyCpu": "100.00%", "exclusiveCputime": 0,
    "exclusiveMem": 0, "exclusiveWalltime": 0, "shareCputime": 501, "shareMem": 3972,
    "shareWalltime": 501, "goldenable": "true", "historyQueuerate": "1.0", "startCount": "",
    "someFutureMember": {"kept": True},
}  # fmt: skip


def test_the_live_record_matches_the_declared_members() -> None:
    assert not list(DETAIL.iter_errors(LIVE))


@pytest.mark.parametrize(
    ("member", "flipped"),
    [("cpuNuclearHour", 0.1392), ("cpuNuclearSec", 501), ("cpuUnitPrice", "1"),
     ("goldenable", True), ("historyQueuerate", 1.0), ("shareCputime", "501"),
     ("exclusiveWalltime", 0.5), ("scale", 1), ("startCount", 0), ("gpuCardHour", 0)],
)  # fmt: skip
def test_a_type_flip_of_a_billing_member_is_caught(member: str, flipped: Any) -> None:
    assert list(DETAIL.iter_errors({**LIVE, member: flipped})), member


def test_exec_lists_accept_both_sources_types() -> None:
    for value in (None, [], ["node1:0-3"], "node1"):
        assert not list(DETAIL.iter_errors({**LIVE, "jobExecCpus": value})), value
