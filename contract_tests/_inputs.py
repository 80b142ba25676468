"""Make generated requests meaningful: real identifiers for some, odd credentials for others.

Purely generated requests almost never name the server's scheduler, user or jobs, so they would
all end in the same business error and the success path (and its response schema) would go
untested. ``shaper`` builds a schemathesis ``flatmap_case`` hook: Hypothesis also draws whether
to map identifiers to the discovered ones (scheduler id, cluster user, queue, job ids seen in
this run) and, for positive cases, which credential to send (mostly the valid token; sometimes
an expired, tampered, ``Bearer``-prefixed, platform or other-region token). Negative cases keep
their invalid parts untouched (ids are mapped only in the other parts) and get the valid token,
so that validation, not authentication or a business rule, answers.
Draws shrink towards "valid token, identifiers mapped": the most realistic request.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from hypothesis import strategies as st
from requests.structures import CaseInsensitiveDict
from schemathesis import Case, GenerationMode
from schemathesis.core.parameters import ParameterLocation
from schemathesis.generation.meta import TestPhase

from scnet_hpc._service import CHINA_TIME

from ._files import FILE_OPS, shape_file_body, shape_file_query
from ._signing import sign_in_headers
from ._target import Facts

__all__ = [
    "CHINA",
    "TOKEN_KINDS",
    "history_window",
    "operation_id",
    "safe_job",
    "secured",
    "set_token",
    "shaper",
]

CHINA = CHINA_TIME  # the service's clock, defined once in scnet_hpc._service
# Token kinds with their share (percent) among positive generated cases.
TOKEN_KINDS: tuple[tuple[str, int], ...] = (
    ("valid", 78),
    ("tampered", 5),
    ("bearer", 3),
    ("expired", 6),
    ("platform", 4),
    ("other_region", 4),
)
MAP_IDS_PERCENT = 65
# Stateful sequences only go anywhere when the first step succeeds: map nearly always.
MAP_IDS_PERCENT_STATEFUL = 90


def _bucket(draw: int, table: tuple[tuple[str, int], ...]) -> str:
    for name, share in table:
        if draw < share:
            return name
        draw -= share
    return table[0][0]


def history_window(now: float, days: int = 7) -> tuple[str, str]:
    """A ``[startTime, endTime]`` that contains every job of the last ``days`` (China time)."""
    fmt = "%Y-%m-%d %H:%M:%S"
    current = dt.datetime.fromtimestamp(now, CHINA)
    return (current - dt.timedelta(days=days)).strftime(fmt), (
        current + dt.timedelta(days=1)
    ).strftime(fmt)


def safe_job(facts: Facts, name: str, seconds: int = 5) -> dict[str, Any]:
    """A job that cannot cost anything: one core, a short ``sleep``, the smallest queue."""
    work_dir = f"{facts.home.rstrip('/')}/scnet-contract-tests"
    return {
        "strJobManagerID": facts.scheduler_id,
        "mapAppJobInfo": {
            "GAP_CMD_FILE": f"sleep {seconds}",
            "GAP_NNODE": "1",
            "GAP_NODE_STRING": "",
            "GAP_SUBMIT_TYPE": "cmd",
            "GAP_JOB_NAME": name,
            "GAP_WORK_DIR": work_dir,
            "GAP_QUEUE": facts.safe_queue,
            "GAP_NPROC": "",
            "GAP_PPN": "1",
            "GAP_WALL_TIME": "00:05:00",
            "GAP_APPNAME": "BASE",
            "GAP_STD_OUT_FILE": f"{work_dir}/std.out.%j",
            "GAP_STD_ERR_FILE": f"{work_dir}/std.err.%j",
        },
    }


def token_for(kind: str, facts: Facts) -> str:
    """The credential of ``kind``; kinds this target cannot provide fall back to the valid token."""
    token = {
        "expired": facts.expired_token,
        "platform": facts.platform_token,
        "other_region": facts.other_region_token,
        "tampered": facts.token[:-2] + ("AA" if not facts.token.endswith("AA") else "BB"),
        "bearer": f"Bearer {facts.token}",
    }.get(kind)
    return token or facts.token


def set_token(case: Case[Any], token: str) -> None:
    headers = CaseInsensitiveDict(case.headers or {})
    headers["token"] = token
    case.headers = headers


def operation_id(case: Case[Any]) -> str:
    return str(case.operation.definition.raw.get("operationId", case.operation.label))


def secured(case: Case[Any]) -> bool:
    """Whether the operation takes the ``token`` header (all but ``issue_tokens``)."""
    return bool(case.operation.definition.raw.get("security", [{"token": []}]))


def _pick(index: int, values: list[str], fallback: Any) -> Any:
    return values[index % len(values)] if values else fallback


def _map_ids(
    case: Case[Any],
    facts: Facts,
    pick: int,
    now: Callable[[], float],
    *,
    stateful: bool = False,
    keep: frozenset[ParameterLocation] = frozenset(),
) -> None:
    """Replace identifiers by the server's own, except in the ``keep`` locations (the parts a
    negative case made invalid on purpose); other generated values stay as they are."""
    sid, user = facts.scheduler_id, facts.cluster_user
    queue = _pick(pick, facts.queues, facts.safe_queue)
    job = _pick(pick, facts.job_ids, None)
    op = operation_id(case)
    if ParameterLocation.PATH not in keep:
        ids = {"username": user, "jobmanagerId": str(sid), "jobId": job}
        if facts.group_id is not None and str(facts.region_id).isdigit():  # a member's jobs
            ids.update(clusterUserName=user, clusterId=int(facts.region_id), groupId=facts.group_id)
        _map_path(case, op, ids)
    if op in FILE_OPS:
        if ParameterLocation.QUERY not in keep and case.query:
            query = dict(case.query)
            shape_file_query(op, query, facts, pick)
            case.query = query
        if ParameterLocation.BODY not in keep:
            case.body = shape_file_body(op, case.body, facts, pick)
        return
    if ParameterLocation.QUERY not in keep:
        _map_query(case, op, sid, user, queue, job, now)
    if ParameterLocation.BODY not in keep:
        _map_body(case, op, facts, job, schedulable=stateful or bool(pick % 2))
    if op == "issue_tokens" and ParameterLocation.HEADER not in keep and facts.credentials:
        # A correct signature for a third of them; the rest keep generated (wrong) signatures.
        signed = sign_in_headers(*facts.credentials, now=now())
        headers = CaseInsensitiveDict(case.headers or {})
        headers.update(signed if pick % 3 == 0 else {"user": signed["user"]})
        case.headers = headers
    password_login = facts.password_login if pick % 3 == 0 else None  # right for a third
    if op == "issue_tokens_password" and ParameterLocation.HEADER not in keep and password_login:
        user_name, password, org_id = password_login
        headers = CaseInsensitiveDict(case.headers or {})
        headers.update(user=user_name, password=password, orgId=org_id)
        case.headers = headers


def _map_path(case: Case[Any], op: str, values: dict[str, Any]) -> None:
    path = dict(case.path_parameters or {})
    for name, value in values.items():
        if name in path and value is not None:
            path[name] = value
    if op == "submit_job":
        path.update(apptype="BASIC", appname="BASE")
    if path:
        case.path_parameters = path


def _map_query(
    case: Case[Any],
    op: str,
    sid: int,
    user: str,
    queue: str,
    job: str | None,
    now: Callable[[], float],
) -> None:
    query = dict(case.query or {})
    replacements: dict[str, Any] = {
        "strJobManagerID": str(sid),
        "strClusterIDList": sid,
        "strClusterNameList": str(sid),
        "userName": user,
        "strUser": user,
        "strJobOwner": user,
        "strQueueName": queue,
        "queue": queue,
        "strJobId": job,
        "jobId": job,
    }
    for name, value in replacements.items():
        if name in query and value is not None:
            query[name] = value
    if op == "list_history_jobs":
        query["startTime"], query["endTime"] = history_window(now())
    if query:
        case.query = query


def _map_body(
    case: Case[Any], op: str, facts: Facts, job: str | None, *, schedulable: bool
) -> None:
    body = case.body
    if not isinstance(body, dict):
        return
    sid, user = facts.scheduler_id, facts.cluster_user
    if op == "submit_job":
        generated = body.get("mapAppJobInfo")
        info: dict[str, Any] = dict(generated) if isinstance(generated, dict) else {}
        safe = safe_job(facts, "contract-fuzz")["mapAppJobInfo"]
        # Some mapped submits get a schedulable core; the rest keep every generated value.
        kept = ("GAP_CMD_FILE", "GAP_JOB_NAME") if schedulable else tuple(info)
        case.body = {
            **body,
            "strJobManagerID": sid,
            "mapAppJobInfo": {**safe, **{k: v for k, v in info.items() if k in kept}},
        }
    elif op == "cancel_jobs" and job is not None:
        case.body = {**body, "strJobInfoMap": f"{sid},{user}:{job}:"}
    elif op == "read_file_content":
        case.body = {**body, "dirPath": f"{facts.home}/scnet-contract-tests/std.out.{job or 1}"}


def _spare_the_accounting_database(case: Case[Any], now: Callable[[], float]) -> None:
    """History lookups over wide windows or without ``acctTime`` take seconds to minutes on the
    live service (jobmanager.md): against a remote server every valid one gets a narrow window
    and an ``acctTime``, so the suite stays a polite client."""
    op = operation_id(case)
    if case.meta is not None and case.meta.is_negative_at(ParameterLocation.QUERY):
        return
    if op == "list_history_jobs":
        start, end = history_window(now(), days=1)
        case.query = {**(case.query or {}), "startTime": start, "endTime": end}
    elif op == "get_history_job":
        stamp = dt.datetime.fromtimestamp(now(), CHINA).strftime("%Y-%m-%d %H:%M:%S")
        case.query = {**(case.query or {}), "acctTime": stamp}


def shaper(
    get_facts: Callable[[], Facts], now: Callable[[], float], *, remote: bool = False
) -> Callable[[Any, Case[Any]], st.SearchStrategy[Case[Any]]]:
    """The ``flatmap_case`` hook; ``get_facts`` is asked when a case is shaped (the schema exists
    before the suite signs in); ``now`` is the server's clock (for time windows); ``remote``: the
    server is shared (not the embedded mock, not loopback)."""

    def apply(case: Case[Any], token_draw: int, map_draw: int, pick: int) -> Case[Any]:
        facts = get_facts()
        meta = case.meta
        positive = meta is None or meta.generation.mode == GenerationMode.POSITIVE
        # A negative header means schemathesis dropped or mangled the token on purpose: keep it.
        if secured(case) and not (
            meta is not None and meta.is_negative_at(ParameterLocation.HEADER)
        ):
            kind = _bucket(token_draw, TOKEN_KINDS) if positive else "valid"
            set_token(case, token_for(kind, facts))
        stateful = meta is not None and meta.phase.name == TestPhase.STATEFUL
        negative = frozenset(
            loc for loc, c in (meta.components if meta else {}).items() if c.mode.is_negative
        )
        if map_draw < (MAP_IDS_PERCENT_STATEFUL if stateful else MAP_IDS_PERCENT):
            _map_ids(case, facts, pick, now, stateful=stateful, keep=negative)
        if remote:
            _spare_the_accounting_database(case, now)
        return case

    def flatmap_case(context: Any, case: Case[Any]) -> st.SearchStrategy[Case[Any]]:
        return st.builds(
            apply,
            st.just(case),
            st.integers(0, 99),
            st.integers(0, 99),
            st.integers(0, 1_000),
        )

    return flatmap_case
