"""Parsing cost: a 10,000-row realtime job list (``RealtimeJobListEnvelope``) into typed models,
against ``json.loads`` of the same bytes.

The rows are copies of a row the mock really rendered (every member it sends, ``jobInitAttr``
included), with ids, names and states varied; the body is checked against openapi.yaml's schema
once before timing, so the benchmark cannot drift away from the contract. Each timed path starts
from the bytes, so every ratio includes the ``json.loads`` it is compared with.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from typing import Any

from ._report import Report
from ._timing import median

__all__ = ["ROWS", "build_body", "run"]

ROWS = 10_000
ROUNDS = 7
_STATES = [("statR", "RUNNING"), ("statQ", "PENDING"), ("statC", "COMPLETED")]


def _sample_row() -> dict[str, Any]:
    """One realtime row exactly as the mock renders it."""
    from scnet_hpc.mock import Clock, create_app
    from scnet_hpc.mock.testing import sync_client

    from .throughput import submit_body

    app = create_app(clock=Clock(speed=0))
    mock = app.state.mock
    headers = {"token": mock.mint_token()}
    with sync_client(app) as http:
        submitted = http.post(
            "/hpc/openapi/v2/apptemplates/BASIC/BASE/job",
            json=submit_body(mock.scheduler_id),
            headers=headers,
        ).json()
        assert submitted["code"] == "0", submitted
        mock.clock.advance(5)
        page = http.get(
            "/hpc/openapi/v2/jobs", params={"strClusterIDList": mock.scheduler_id}, headers=headers
        ).json()
    row: dict[str, Any] = page["data"]["list"][0]
    return row


def build_body(rows: int = ROWS) -> bytes:
    sample = _sample_row()
    listing = []
    for i in range(rows):
        row = json.loads(json.dumps(sample))
        job_id = str(100_000 + i)
        status, slurm_state = _STATES[i % len(_STATES)]
        row.update(jobId=job_id, jobName=f"bench_{i:05d}", jobStatus=status)
        attr = row.get("jobInitAttr")
        if isinstance(attr, dict):
            attr.update(JobId=job_id, JobName=row["jobName"], JobState=slurm_state)
        listing.append(row)
    envelope = {"code": "0", "msg": "success", "data": {"total": rows, "list": listing}}
    return json.dumps(envelope, ensure_ascii=False, separators=(",", ":")).encode()


def _check_contract(body: bytes) -> None:
    """Fail loudly if the benchmark body is not a valid ``list_jobs`` answer."""
    import jsonschema
    import yaml

    from scnet_hpc._service import openapi_path

    spec_path = openapi_path()
    spec = yaml.safe_load(spec_path.read_text())
    schema = {
        "$ref": "#/components/schemas/RealtimeJobListEnvelope",
        "components": spec["components"],
    }
    jsonschema.Draft202012Validator(schema).validate(json.loads(body))


def _time(parse: Callable[[bytes], object], body: bytes, rounds: int) -> float:
    samples = []
    for _ in range(rounds):
        started = time.perf_counter()
        parse(body)
        samples.append(time.perf_counter() - started)
    return median(samples)


def run(report: Report, *, quick: bool = False) -> None:
    from scnet_hpc_api.models import RealtimeJobListEnvelope

    body = build_body()
    _check_contract(body)
    rounds = 3 if quick else ROUNDS
    report.setting(
        "parse_body", f"{ROWS} realtime rows, {len(body) / 2**20:.1f} MiB, {rounds} rounds (median)"
    )

    def generated(content: bytes) -> object:
        return RealtimeJobListEnvelope.from_dict(json.loads(content))

    paths: dict[str, Callable[[bytes], object]] = {"json_loads": json.loads, "generated": generated}
    try:
        from scnet_hpc._envelope import unwrap
    except ImportError as exc:  # the SDK is optional for this benchmark
        sdk_missing = f"scnet_hpc._envelope not importable: {exc}"
    else:
        from scnet_hpc._spec import engine_name

        sdk_missing = ""
        report.setting("sdk_validator", f"{engine_name()} (scnet_hpc._spec)")
        paths["sdk"] = lambda content: unwrap("list_jobs", content)
        paths["sdk_no_validation"] = lambda content: unwrap("list_jobs", content, validate=False)

    # Interleave the paths within each round so that drift (frequency, cache) hits all alike.
    samples: dict[str, list[float]] = {name: [] for name in paths}
    for _ in range(rounds):
        for name, parse in paths.items():
            samples[name].append(_time(parse, body, 1))
    seconds = {name: median(values) for name, values in samples.items()}
    base = seconds["json_loads"]
    report.figure("parse_ms_json_loads", base * 1e3)
    report.figure("parse_ms_generated", seconds["generated"] * 1e3)
    report.figure("parse_vs_json_loads", seconds["generated"] / base)
    if sdk_missing:
        for name in ("parse_sdk_vs_json_loads", "parse_sdk_no_validation_vs_json_loads"):
            report.unavailable(name, sdk_missing)
    else:
        report.figure("parse_ms_sdk", seconds["sdk"] * 1e3)
        report.figure("parse_sdk_vs_json_loads", seconds["sdk"] / base)
        report.figure("parse_sdk_no_validation_vs_json_loads", seconds["sdk_no_validation"] / base)
    report.details["parse_seconds"] = samples
