"""Stateful sequences: schemathesis chains operations along the OpenAPI links of openapi.yaml.

submit_job → get_job / list_jobs / list_history_jobs; list_jobs → get_job / cancel_jobs;
list_history_jobs → get_history_job. Ids from one answer feed the next request, and every step
is judged by all the checks. Against a live deployment the links between read-only operations
still run; those that start from a submit need ``SCNET_CONTRACT_WRITES=fuzz``.
"""

from __future__ import annotations

from typing import Any

import hypothesis
from hypothesis import HealthCheck
from schemathesis import Case, Response

from ._suite import fuzz_schema, session_schema, session_settings, session_suite

STEPS = 6


class ContractStateMachine(fuzz_schema(session_schema(), session_settings()).as_state_machine()):  # type: ignore[misc]
    def before_call(self, case: Case[Any]) -> None:
        session_suite().prepare(case)

    def get_call_kwargs(self, case: Case[Any]) -> dict[str, Any]:
        return {"base_url": session_suite().target.url_for(case.path)}

    def call(self, case: Case[Any], **kwargs: Any) -> Response:
        session_suite().target.pacer.wait()
        return case.call(**kwargs)

    def after_call(self, response: Response, case: Case[Any]) -> None:
        super().after_call(response, case)
        session_suite().record(case, response, "stateful")

    def validate_response(
        self, response: Response, case: Case[Any], additional_checks: Any = None, **kwargs: Any
    ) -> None:
        session_suite().validate(case, response, scenario=self.recorder)


TestStateful = ContractStateMachine.TestCase
TestStateful.settings = hypothesis.settings(
    max_examples=max(25, session_settings().examples // 2),
    stateful_step_count=STEPS,
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
)
