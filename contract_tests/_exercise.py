"""Send one case, run every check on the answer, record it: the step every test shares.

Generated, stateful and scripted requests all go through ``Suite.exercise`` so that they are
paced, checked and counted alike, and so that a failure always surfaces as a ``ContractFailure``
whose message is masked and ends with a ``curl`` that reproduces it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from schemathesis import BaseSchema, Case, GenerationMode, Response
from schemathesis.core.failures import FailureGroup
from schemathesis.core.parameters import ParameterLocation

from ._checks import ContractChecks, declared_bytes, envelope_of
from ._files import replenish
from ._inputs import TOKEN_KINDS, operation_id, secured, set_token, token_for
from ._record import Recorder
from ._settings import Settings
from ._target import IN_PROCESS_URL, Target

__all__ = ["ContractFailure", "Suite", "answer_code"]

#: Where ``make mock`` listens: in-process reproductions are written against it.
MAKE_MOCK_URL = "http://127.0.0.1:8000"


class ContractFailure(AssertionError):
    """One or more checks failed for a request; the message is masked and has a ``curl``."""


def answer_code(response: Response) -> str:
    body = envelope_of(response)
    code = body.get("code") if body is not None else None
    return code if isinstance(code, str) else f"HTTP {response.status_code}"


@dataclass
class Suite:
    settings: Settings
    target: Target
    schema: BaseSchema
    checks: ContractChecks
    recorder: Recorder

    # ------------------------------------------------------------------ sending

    def prepare(self, case: Case[Any]) -> None:
        """Give a case the valid token unless it deliberately carries another credential."""
        meta = case.meta
        if not secured(case) or (
            meta is not None and meta.is_negative_at(ParameterLocation.HEADER)
        ):
            return
        facts = self.target.get_facts()
        chosen = {token_for(kind, facts) for kind, _ in TOKEN_KINDS}
        current = case.headers.get("token") if case.headers else None
        if current not in chosen:
            set_token(case, facts.token)

    def send(self, case: Case[Any], **kwargs: Any) -> Response:
        self.target.pacer.wait()
        return case.call(base_url=self.target.url_for(case.path), **kwargs)

    # ------------------------------------------------------------------ checking

    def curl(self, case: Case[Any], response: Response) -> str:
        command = case.as_curl_command(
            headers=dict(response.request.headers),
            verify=response.verify,
            base_url=self.target.url_for(case.path),
        )
        return self.masked(command)

    def masked(self, text: str) -> str:
        """``text`` without credentials; in-process URLs point at ``make mock`` instead."""
        return self.target.secrets.mask(text.replace(IN_PROCESS_URL, MAKE_MOCK_URL))

    def validate(self, case: Case[Any], response: Response, scenario: Any = None) -> None:
        """Run the default and contract checks; ``scenario`` is a state machine's recorder."""
        try:
            case.validate_response(
                response,
                additional_checks=self.checks.all(),
                transport_kwargs={"base_url": self.target.url_for(case.path)},
                recorder=scenario,
            )
        except FailureGroup as group:
            curl = self.curl(case, response)
            answer = response.content[:300].decode("utf-8", "replace")
            for failure in group.exceptions:
                title = str(getattr(failure, "title", type(failure).__name__))
                title = title.removeprefix("Custom check failed: ").strip("`")
                message = self.masked(
                    f"{getattr(failure, 'message', '')}\n\n"
                    f"Answer: HTTP {response.status_code} {answer}"
                )
                self.recorder.record_failure(case.operation.label, title, message, curl)
            raise ContractFailure(self.masked(str(group))) from None

    def record(self, case: Case[Any], response: Response, source: str) -> None:
        meta = case.meta
        negative = meta is not None and meta.generation.mode == GenerationMode.NEGATIVE
        # A download's bytes are its success (the one answer that is not an envelope).
        code = "0" if declared_bytes(case, response) else answer_code(response)
        phase = meta.phase.name.value if meta is not None else ""
        self.recorder.record_case(
            case.operation.label, source=source, negative=negative, code=code, phase=phase
        )
        if operation_id(case) == "submit_job" and code == "0":
            body = envelope_of(response) or {}
            if isinstance(body.get("data"), str):
                self.target.get_facts().remember_job(body["data"])

    def exercise(self, case: Case[Any], *, source: str = "fuzz", prepare: bool = True) -> Response:
        """Prepare, send, record and check ``case``; ContractFailure if any check fails.

        Scripted tests pass ``prepare=False``: their credentials are exactly what they set.
        """
        if prepare:
            self.prepare(case)
            replenish(self.target, case)
        response = self.send(case)
        self.record(case, response, source)
        self.validate(case, response)
        return response
