"""Every operation answers ``"0"`` to a correct request, and the success envelope conforms.

Generated requests reach success only some of the time; these make sure each operation's
success path is exercised at least once with a request built from the discovered facts.
Writes are a cheap ``sleep`` job in the smallest queue, always cancelled again.
"""

from __future__ import annotations

from typing import Any

import pytest

from ._checks import envelope_of
from ._files import (
    FILE_OPS,
    PROBE_BYTES,
    known_good_parts,
    merge_parts,
    scratch_file,
    setup_requests,
)
from ._known_good import known_good, unavailable
from ._settings import Writes
from ._spec import operation_ids
from ._suite import FILE_WRITES, SESSION_OPS, WRITE_OPS, session_suite


def data_of(operation_id: str, **override: Any) -> Any:
    """Send the known-good request (all checks apply) and return ``data``; must be ``"0"``."""
    suite = session_suite()
    response = suite.exercise(
        known_good(suite, operation_id, **override), source="scripted", prepare=False
    )
    body = envelope_of(response) or {}
    assert body.get("code") == "0", (
        f"{operation_id}: a correct request was answered {body.get('code')!r} "
        f"({suite.target.secrets.mask(str(body.get('msg')))[:200]})"
    )
    return body.get("data")


def skip_unless_allowed(operation_id: str) -> None:
    writes = session_suite().settings.writes
    if operation_id in WRITE_OPS and writes is Writes.NONE:
        pytest.skip(f"{operation_id} changes jobs: read-only run (set SCNET_CONTRACT_WRITES=1)")
    if operation_id in FILE_WRITES and writes is Writes.NONE:
        pytest.skip(f"{operation_id} changes files: read-only run (set SCNET_CONTRACT_WRITES=1)")
    if operation_id in SESSION_OPS and writes is Writes.NONE:
        pytest.skip(
            f"{operation_id} mints credentials: read-only run (set SCNET_CONTRACT_WRITES=1)"
        )
    reason = unavailable(session_suite().target.get_facts(), operation_id)
    if reason is not None:
        pytest.skip(reason)


def submit_safe_job() -> str:
    job_id = data_of("submit_job")
    assert isinstance(job_id, str), job_id
    assert job_id, "submit answered an empty job id"
    session_suite().target.get_facts().remember_job(job_id)
    return job_id


def cancel(job_id: str) -> Any:
    facts = session_suite().target.get_facts()
    body = {
        "jobMethod": "5",
        "strJobInfoMap": f"{facts.scheduler_id},{facts.cluster_user}:{job_id}:",
    }
    return data_of("cancel_jobs", body=body)


@pytest.mark.parametrize("operation_id", sorted(operation_ids()))
def test_known_good_request_succeeds(operation_id: str) -> None:
    skip_unless_allowed(operation_id)
    if operation_id in FILE_OPS:
        check_file_operation(operation_id)
    elif operation_id in WRITE_OPS:
        job_id = submit_safe_job()
        answer = cancel(job_id)  # the cleanup is itself the cancel_jobs check
        assert str(session_suite().target.get_facts().scheduler_id) in answer, answer
    else:
        data_of(operation_id)


def check_file_operation(operation_id: str) -> None:
    """File operations: what the known-good request needs first, then the request itself."""
    suite = session_suite()
    facts = suite.target.get_facts()
    scratch = scratch_file(facts)
    for setup, parts in setup_requests(facts, operation_id, scratch):
        data_of(setup, **parts)
    if operation_id == "download_file":
        response = suite.exercise(known_good(suite, operation_id), source="scripted", prepare=False)
        assert response.status_code == 200, response.status_code
        assert response.content == PROBE_BYTES, response.content[:200]
        return
    override = known_good_parts(facts, operation_id, scratch)
    data_of(operation_id, **(merge_parts(facts) if operation_id == "merge_chunks" else override))
