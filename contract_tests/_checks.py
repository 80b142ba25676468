"""Envelope-aware checks: what "correct" means for an API that answers everything with HTTP 200.

schemathesis judges refusals by HTTP status; this API refuses with an HTTP 200 error envelope.
So ``ignored_auth``, ``missing_required_header`` and ``negative_data_rejection`` are disabled in
``schemathesis.toml`` and replaced here by checks that read ``code``. Every other default check
stays on (schema conformance of the body, no 5xx, status and content-type conformance, ...).

Codes accepted for refused credentials (``AUTH_CODES``) follow the contract: ``10008`` is what the
live service answers to an expired token (``Error10008``), ``10009`` is the documented "no
permission / check failed" code and ``10003`` "missing parameters". The mock answers a missing
token with 10003, a malformed one with 10009 and an expired one with 10008; a server may answer
any code of the set for its kind, never ``"0"``.
"""

from __future__ import annotations

import email.policy
import functools
import json
from collections.abc import Callable
from email.parser import BytesParser
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import best_match
from schemathesis import Case, CheckContext, GenerationMode, Response
from schemathesis.core.failures import AcceptedNegativeData
from schemathesis.core.parameters import ParameterLocation
from schemathesis.generation.meta import CoveragePhaseData, CoverageScenario, TestPhase
from schemathesis.specs.openapi.checks import (
    is_unexpected_http_status_case,
    negative_data_rejection,
)

from ._inputs import operation_id, secured
from ._spec import documented_codes, raw_spec
from ._target import Facts

__all__ = [
    "AUTH_CODES",
    "INPUT_CODES",
    "ContractChecks",
    "declared_bytes",
    "envelope_of",
    "expected_codes",
]

INPUT_CODES = frozenset({"10003", "10004"})  # 参数不全 / 参数无效
AUTH_CODES: dict[str, frozenset[str]] = {
    "missing": frozenset({"10003", "10008", "10009"}),
    "malformed": frozenset({"10008", "10009"}),
    "expired": frozenset({"10008"}),
    "stale": frozenset({"10008"}),  # expired too long ago to renew
    # A valid token of the wrong scope: the platform token or another region's, on a job call.
    "platform": frozenset({"10008", "10009"}),
    "other_region": frozenset({"10008", "10009"}),
}
# Platform operations that take any valid token of the user (platform or region).
PLATFORM_OPS = frozenset(
    {"get_center", "get_token_state", "renew_token", "get_user", "list_group_members",
     "list_member_jobs", "list_platform_jobs", "list_platform_history_jobs"}
)  # fmt: skip
SIGN_IN_OPS = frozenset({"issue_tokens", "issue_tokens_password"})
SIGN_IN_REFUSED = "10009"  # 校验失败: the sign-in page's code for a failed check


def expected_codes(operation_id: str, kind: str, *, token_age_known: bool) -> frozenset[str] | None:
    """Codes a correct server may answer when a request carries a ``kind`` token.

    None: that token is acceptable for the operation (the valid token; any valid token for the
    platform operations that ask about the token itself).
    """
    if kind == "valid":
        return None
    if operation_id in PLATFORM_OPS and kind in ("platform", "other_region"):
        if operation_id == "get_center" and kind == "platform":
            # Live behaviour (documented on the operation): 10001 to the platform token.
            return frozenset({"10001"}) | AUTH_CODES["platform"]
        return None
    if operation_id == "renew_token" and kind == "expired":
        # Expired within the renewal grace: renewal is what it is for. Over HTTP the age of
        # SCNET_EXPIRED_TOKEN is unknown, so refusal is accepted too.
        return frozenset({"0"}) | (frozenset() if token_age_known else AUTH_CODES["expired"])
    return AUTH_CODES[kind]


def envelope_of(response: Response) -> dict[str, Any] | None:
    """The JSON object of an HTTP 200 answer, or None (not 200, not JSON, not an object)."""
    if response.status_code != 200:
        return None
    try:
        body = json.loads(response.content)
    except ValueError:
        return None
    return body if isinstance(body, dict) else None


def _sent_token(response: Response) -> str | None:
    value = response.request.headers.get("token")
    return value if isinstance(value, str) else None


def _route_breaking(case: Case[Any]) -> bool:
    """Path values a gateway may route elsewhere (``/``, ``%``, dot segments, control chars)."""
    for value in (case.path_parameters or {}).values():
        text = str(value)
        if text in (".", "..") or any(c in text for c in "/%?#\\") or not text.isprintable():
            return True
    return False


@functools.cache
def _branch_validators(operation_id: str) -> tuple[Draft202012Validator, Draft202012Validator]:
    """(success envelope, error envelope) validators of an operation's HTTP 200 answer."""
    spec = raw_spec()
    label = next(
        item[m] for item in spec["paths"].values() for m in item
        if isinstance(item[m], dict) and item[m].get("operationId") == operation_id
    )  # fmt: skip
    branches = label["responses"]["200"]["content"]["application/json"]["schema"]["oneOf"]
    error_ref = "#/components/schemas/ErrorEnvelope"
    success_ref = next(b["$ref"] for b in branches if b["$ref"] != error_ref)

    def validator(ref: str) -> Draft202012Validator:
        return Draft202012Validator({"$ref": ref, "components": spec["components"]})

    return validator(success_ref), validator(error_ref)


def _link_repaired_body(case: Case[Any]) -> bool:
    """A stateful step whose only invalid part was the body, and a link's ``requestBody``
    overwrote the invalid member: what was sent is valid (file parts count as text)."""
    meta = case.meta
    if meta is None or meta.phase.name != TestPhase.STATEFUL:
        return False
    negative = {loc for loc, c in meta.components.items() if c.mode.is_negative}
    if negative != {ParameterLocation.BODY} or not isinstance(case.body, dict):
        return False
    validator = _body_schema(case, case.media_type)
    if validator is None:
        return False
    sent = {k: ("" if isinstance(v, bytes) else v) for k, v in case.body.items()}
    return validator.is_valid(sent)


def _resolved(node: Any) -> Any:
    while isinstance(node, dict) and isinstance(node.get("$ref"), str):
        target: Any = raw_spec()
        for key in node["$ref"].lstrip("#/").split("/"):
            target = target[key]
        node = target
    return node


def _link_repaired_query(case: Case[Any]) -> bool:
    """A stateful step whose only invalid part was the query, and what was sent is valid: the
    declared parameters (a link may have set them) validate, and the rest are undeclared names,
    which the API ignores (as Spring does)."""
    meta = case.meta
    if meta is None or meta.phase.name != TestPhase.STATEFUL:
        return False
    negative = {loc for loc, c in meta.components.items() if c.mode.is_negative}
    if negative != {ParameterLocation.QUERY}:
        return False
    query = dict(case.query or {})
    for raw in case.operation.definition.raw.get("parameters", []):
        param = _resolved(raw)
        if param.get("in") != "query":
            continue
        name = param["name"]
        if name not in query:
            if param.get("required"):
                return False
            continue
        schema = param.get("schema", {})
        value = query[name]
        if isinstance(value, str):
            value = _coerced(value, _resolved(schema))
        validator = Draft202012Validator({**schema, "components": raw_spec()["components"]})
        if not validator.is_valid(value):
            return False
    return True


def _body_schema(case: Case[Any], media: str | None) -> Draft202012Validator | None:
    content = (case.operation.definition.raw.get("requestBody") or {}).get("content", {})
    schema = (content.get(media or next(iter(content), "")) or {}).get("schema")
    if schema is None:
        return None
    return Draft202012Validator({**schema, "components": raw_spec()["components"]})


def _coerced(text: str, schema: Any) -> Any:
    """Multipart text as a Java server binds it to the member's declared type."""
    kind = schema.get("type") if isinstance(schema, dict) else None
    if kind == "integer" and text.lstrip("-").isdigit():
        return int(text)
    if kind == "boolean" and text.lower() in ("true", "false"):
        return text.lower() == "true"
    return text


def _sent_multipart_is_valid(case: Case[Any], response: Response) -> bool:
    """A multipart body carries only text and files, so many mutations (an object or a number
    for a text or file member) arrive as valid text: judge what was sent, not what was drawn."""
    sent = response.request
    media = str(sent.headers.get("Content-Type", ""))
    if not media.lower().startswith("multipart/form-data") or not isinstance(sent.body, bytes):
        return False
    validator = _body_schema(case, "multipart/form-data")
    if validator is None:
        return False
    message = BytesParser(policy=email.policy.HTTP).parsebytes(
        f"Content-Type: {media}\r\n\r\n".encode("latin-1") + sent.body
    )
    if not message.is_multipart():
        return False
    props = _properties(validator)
    fields: dict[str, Any] = {}
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        if not isinstance(name, str) or name in fields:
            continue
        raw = part.get_payload(decode=True)
        payload = raw if isinstance(raw, bytes) else b""
        if part.get_filename() is not None:
            fields[name] = ""
        else:
            fields[name] = _coerced(payload.decode("utf-8", "replace"), props.get(name))
    return validator.is_valid(fields)


def _properties(validator: Draft202012Validator) -> dict[str, Any]:
    schema: Any = validator.schema
    if "$ref" in schema:
        node: Any = schema
        for key in str(schema["$ref"]).lstrip("#/").split("/"):
            node = node[key]
        schema = node
    props = schema.get("properties", {}) if isinstance(schema, dict) else {}
    return props if isinstance(props, dict) else {}


def declared_bytes(case: Case[Any], response: Response) -> bool:
    """Whether the answer is bytes (``application/octet-stream``) the operation declares for
    this status."""
    media = (response.headers.get("content-type") or [""])[0]
    if media.split(";", 1)[0].strip().lower() != "application/octet-stream":
        return False
    declared = case.operation.definition.raw.get("responses", {}).get(str(response.status_code))
    return isinstance(declared, dict) and "application/octet-stream" in declared.get("content", {})


# (query parameter, row field) pairs whose filter a list must honour exactly.
_EXACT_FILTERS = {
    "list_jobs": (
        ("strJobId", "jobId"), ("strJobStat", "jobStatus"), ("strQueueName", "queue"),
        ("strJobOwner", "user"),
    ),
    "list_history_jobs": (
        ("jobId", "jobId"), ("jobState", "jobState"), ("queue", "queue"), ("strUser", "userName"),
    ),
}  # fmt: skip


def _page_problems(op: str, query: dict[str, str], page: dict[str, Any]) -> list[str]:
    rows = [r for r in page.get("list") or [] if isinstance(r, dict)]
    problems = []
    limit = query.get("limit", "")
    if limit.isdigit() and int(limit) > 0 and len(rows) > int(limit):
        problems.append(f"limit={limit} but {len(rows)} rows")
    total = page.get("total")
    if isinstance(total, int) and total < len(rows):
        problems.append(f"total={total} is less than the {len(rows)} rows of this page")
    for param, field in _EXACT_FILTERS[op]:
        wanted = query.get(param)
        if wanted is None or wanted == "":
            continue
        wrong = [r.get(field) for r in rows if str(r.get(field)) != wanted]
        if wrong:
            problems.append(f"{param}={wanted!r} but rows have {field} {wrong[:3]!r}")
    if op == "list_history_jobs" and "startTime" in query and "endTime" in query:
        field = "jobQueueTime" if query.get("isQueryByQueueTime") == "true" else "jobEndTime"
        start, end = query["startTime"].strip(), query["endTime"].strip()
        outside = [r.get(field) for r in rows if not (start <= str(r.get(field, "")) <= end)]
        if outside:
            problems.append(f"window [{start}, {end}] but rows have {field} {outside[:3]!r}")
    return problems


def _coverage_scenario(case: Case[Any]) -> CoverageScenario | None:
    data = case.meta.phase.data if case.meta is not None else None
    return data.scenario if isinstance(data, CoveragePhaseData) else None


class ContractChecks:
    """The custom checks, bound to what the suite knows about the server (its tokens).

    Each method is a schemathesis check ``(ctx, response, case)``; its name is what reports show.
    """

    def __init__(self, facts: Facts) -> None:
        self.facts = facts

    def all(self) -> list[Callable[[CheckContext, Response, Case[Any]], bool | None]]:
        return [
            self.envelope_present,
            self.envelope_conforms,
            self.msg_present,
            self.code_documented,
            self.auth_enforced,
            self.invalid_input_rejected,
            self.required_header_enforced,
            self.valid_request_accepted,
            self.answer_matches_request,
            self.credentials_not_echoed,
        ]

    # ------------------------------------------------------------------ shape

    def envelope_present(
        self, ctx: CheckContext, response: Response, case: Case[Any]
    ) -> bool | None:
        """A request the API serves is answered HTTP 200 with a ``{code, msg, data}`` object
        (or with bytes, where the operation declares them: a download's 200 and 206)."""
        if response.status_code != 200 and not declared_bytes(case, response):
            meta = case.meta
            if is_unexpected_http_status_case(case):
                return None  # wrong method / content type: a gateway 404/405 is fine
            if meta is not None and meta.is_negative_at(ParameterLocation.PATH):
                return None  # an invalid path segment may not reach the operation at all
            if response.status_code in (404, 405) and _route_breaking(case):
                return None
            raise AssertionError(
                f"{case.operation.label} answered HTTP {response.status_code} to a well-formed "
                "request; this API answers every request it serves with HTTP 200 and an envelope"
            )
        if declared_bytes(case, response):
            return None  # a download: the one answer that is bytes, not an envelope
        body = envelope_of(response)
        if body is None:
            raise AssertionError("HTTP 200 without a JSON object body: not an envelope")
        code = body.get("code")
        if not isinstance(code, str):
            raise AssertionError(
                f"envelope `code` must be a string, got {type(code).__name__} {code!r}"
            )
        return None

    def envelope_conforms(
        self, ctx: CheckContext, response: Response, case: Case[Any]
    ) -> bool | None:
        """The envelope matches its branch: the success schema for ``"0"``, else ErrorEnvelope.

        schemathesis's own schema check also runs; it can only say that the body matches
        neither branch of the ``oneOf``. This one names the field and the rule it breaks.
        """
        body = envelope_of(response)
        if body is None or not isinstance(body.get("code"), str):
            return None
        success, error = _branch_validators(operation_id(case))
        branch, validator = ("success", success) if body["code"] == "0" else ("error", error)
        problem = best_match(validator.iter_errors(body))
        if problem is not None:
            where = problem.json_path.replace("$", "body", 1)
            raise AssertionError(
                f"code {body['code']!r} {branch} envelope does not match the contract at "
                f"{where}: {problem.message[:300]}"
            )
        return None

    def msg_present(self, ctx: CheckContext, response: Response, case: Case[Any]) -> bool | None:
        """Every envelope, success or error, carries a string ``msg``."""
        body = envelope_of(response)
        if body is not None and not isinstance(body.get("msg"), str):
            got = "no `msg`" if "msg" not in body else f"`msg` = {body['msg']!r}"
            raise AssertionError(f"envelope has {got}; the contract requires a string `msg`")
        return None

    def code_documented(
        self, ctx: CheckContext, response: Response, case: Case[Any]
    ) -> bool | None:
        """``code`` is one of ``components/schemas/ErrorCode``."""
        body = envelope_of(response)
        code = body.get("code") if body else None
        if isinstance(code, str) and code not in documented_codes():
            raise AssertionError(
                f"code {code!r} is not a documented code (ErrorCode: "
                f"{', '.join(sorted(documented_codes(), key=int))})"
            )
        return None

    # ------------------------------------------------------------------ refusals

    def _auth_expectation(
        self, case: Case[Any], response: Response
    ) -> tuple[str, frozenset[str]] | None:
        """(token kind, accepted codes) when the credential sent must be refused, else None."""
        if not secured(case):
            return None
        kind = self.facts.token_kind(_sent_token(response))
        codes = expected_codes(
            operation_id(case), kind, token_age_known=self.facts.stale_token is not None
        )
        return None if codes is None else (kind, codes)

    def auth_enforced(self, ctx: CheckContext, response: Response, case: Case[Any]) -> bool | None:
        """A missing, malformed, expired or wrong-scope token gets the documented refusal."""
        expected = self._auth_expectation(case, response)
        body = envelope_of(response)
        if expected is None or body is None:
            return None
        kind, codes = expected
        code = body.get("code")
        if code not in codes:
            verdict = "was accepted" if code == "0" else f"was answered code {code!r}"
            raise AssertionError(
                f"a request with a {kind.replace('_', ' ')} token {verdict}; expected code "
                f"{' or '.join(sorted(codes))}"
            )
        return None

    def invalid_input_rejected(
        self, ctx: CheckContext, response: Response, case: Case[Any]
    ) -> bool | None:
        """Input that violates the schema gets 10003/10004, never ``"0"``.

        Whether a negative case really reached the server invalid (serialisation can make some
        mutations valid again, undeclared query parameters are ignored by design) is decided by
        schemathesis's own ``negative_data_rejection``, fed with the envelope's verdict.
        """
        meta = case.meta
        body = envelope_of(response)
        if meta is None or meta.generation.mode != GenerationMode.NEGATIVE or body is None:
            return None
        if (
            _link_repaired_body(case)
            or _link_repaired_query(case)
            or _sent_multipart_is_valid(case, response)
        ):
            return None
        accepted = set(INPUT_CODES)
        auth = self._auth_expectation(case, response)
        if auth is not None:
            accepted |= auth[1] - {"0"}
        if operation_id(case) in SIGN_IN_OPS:
            accepted.add(SIGN_IN_REFUSED)
        code = body.get("code")
        surrogate = Response(
            status_code=400 if code in accepted else 200,
            headers=response.headers,
            content=response.content,
            request=response.request,
            elapsed=response.elapsed,
            verify=response.verify,
        )
        try:
            negative_data_rejection(ctx, surrogate, case)
        except AcceptedNegativeData as exc:
            detail = str(exc.message).split("\n")[-1]
            raise AssertionError(
                f"schema-violating input was answered code {code!r} "
                f"(msg {str(body.get('msg'))[:120]!r}); expected one of "
                f"{', '.join(sorted(accepted))}. {detail}"
            ) from None
        return None

    def required_header_enforced(
        self, ctx: CheckContext, response: Response, case: Case[Any]
    ) -> bool | None:
        """A request without a required header (sign-in headers, ``token``) is refused."""
        data = case.meta.phase.data if case.meta is not None else None
        body = envelope_of(response)
        if (
            _coverage_scenario(case) != CoverageScenario.MISSING_PARAMETER
            or not isinstance(data, CoveragePhaseData)
            or data.parameter_location != ParameterLocation.HEADER
            or body is None
        ):
            return None
        accepted = {"10003"}
        if data.parameter == "token":
            accepted |= AUTH_CODES["missing"]
        if operation_id(case) in SIGN_IN_OPS:
            accepted.add(SIGN_IN_REFUSED)
        code = body.get("code")
        if code not in accepted:
            raise AssertionError(
                f"request without the required header `{data.parameter}` was answered code "
                f"{code!r}; expected {' or '.join(sorted(accepted))}"
            )
        return None

    # ------------------------------------------------------------------ acceptance

    def _names_own_resources(self, case: Case[Any]) -> bool | None:
        """Whether a valid request of this operation must succeed (None: no such rule)."""
        f = self.facts
        path, query = case.path_parameters or {}, case.query or {}
        sid, user = str(f.scheduler_id), f.cluster_user
        rules: dict[str, Callable[[], bool]] = {
            "get_center": lambda: True,
            "get_token_state": lambda: True,
            "renew_token": lambda: True,
            "list_clusters": lambda: True,
            "get_job": lambda: True,  # an unknown job is `data: null`, not an error
            "list_user_queues": lambda: (
                path.get("username") == user and str(query.get("strJobManagerID")) == sid
            ),
            "list_queue_details": lambda: str(query.get("strJobManagerID")) == sid,
            "get_user_limits": lambda: str(query.get("strJobManagerID")) == sid,
            "list_jobs": lambda: (
                str(query.get("strClusterIDList")) == sid and query.get("strJobOwner", user) == user
            ),
            "get_job_state_stats": lambda: query.get("userName") == user,
            "get_queue_job_stats": lambda: query.get("userName") == user,
            "get_used_walltime": lambda: path.get("username") == user,
            "get_storage_quota": lambda: path.get("username") == user,
            "list_files": lambda: query.get("path", f.home) in (f.home, f.home.rstrip("/") + "/"),
        }
        rule = rules.get(operation_id(case))
        return None if rule is None else rule()

    def valid_request_accepted(
        self, ctx: CheckContext, response: Response, case: Case[Any]
    ) -> bool | None:
        """A schema-valid request, with the valid token, about the caller's own scheduler and
        user, is answered ``"0"`` (the envelope counterpart of ``positive_data_acceptance``)."""
        meta = case.meta
        body = envelope_of(response)
        if (
            body is None
            or meta is None
            or meta.generation.mode != GenerationMode.POSITIVE
            or any(c.mode != GenerationMode.POSITIVE for c in meta.components.values())
            or is_unexpected_http_status_case(case)
            or self.facts.token_kind(_sent_token(response)) != "valid"
            or not self._names_own_resources(case)
        ):
            return None
        if body.get("code") != "0":
            raise AssertionError(
                f"a valid request about the caller's own resources was refused with code "
                f'{body.get("code")!r} (msg {str(body.get("msg"))[:160]!r}); expected "0"'
            )
        return None

    # ------------------------------------------------------------------ semantics

    def answer_matches_request(
        self, ctx: CheckContext, response: Response, case: Case[Any]
    ) -> bool | None:
        """A successful answer honours what was asked: filters, page size, the id in the path.

        The schema cannot say this; the parameter descriptions do. Checked: the realtime and
        history lists (``limit``, ``total``, id / state / queue / owner filters, the time
        window) and the two details (the job asked for is the job answered).
        """
        body = envelope_of(response)
        if body is None or body.get("code") != "0" or case.meta is None:
            return None
        if case.meta.generation.mode != GenerationMode.POSITIVE:
            return None
        op, data = operation_id(case), body.get("data")
        query = {k: str(v) for k, v in (case.query or {}).items()}
        path = {k: str(v) for k, v in (case.path_parameters or {}).items()}
        problems: list[str] = []
        if op in ("list_jobs", "list_history_jobs") and isinstance(data, dict):
            problems += _page_problems(op, query, data)
        elif op in ("get_job", "get_history_job") and isinstance(data, dict):
            answered = data.get("jobId")
            if answered is not None and str(answered) != path.get("jobId"):
                problems.append(f"asked for job {path.get('jobId')!r}, answered job {answered!r}")
        if problems:
            raise AssertionError(
                f"{op}: the answer does not match the request: " + "; ".join(problems)
            )
        return None

    # ------------------------------------------------------------------ secrets

    def credentials_not_echoed(
        self, ctx: CheckContext, response: Response, case: Case[Any]
    ) -> bool | None:
        """The answer never repeats the credential the request carried (token, signature).

        Renewal's successful ``data`` is exempt: a server may hand back the same token with a
        longer life; what it must not do is put credentials into messages.
        """
        sent = [response.request.headers.get(name) for name in ("token", "signature")]
        text = response.content.decode("utf-8", "replace")
        body = envelope_of(response)
        if operation_id(case) == "renew_token" and body is not None and body.get("code") == "0":
            text = json.dumps({k: v for k, v in body.items() if k != "data"}, ensure_ascii=False)
        for value in sent:
            if isinstance(value, str) and len(value) >= 16 and value in text:
                raise AssertionError(
                    "the response body repeats the credential sent in the request "
                    "(it would end up in client logs)"
                )
        return None
