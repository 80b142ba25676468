"""Fuzz drill of issue 12 against the Slurm engine: hostile job specs (hostile_specs.py) over
HTTP from one user while another user keeps reading. Zero 5xx, zero ``internal_error``, 10001
only as the scheduler's own refusal, and the other user is served throughout."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from scnet_hpc.mock import Clock, create_app
from scnet_hpc.mock.testing import serve

from .hostile_specs import hostile_specs
from .slurm_helpers import OPERATIONS, job_info, slurm_deployment, user_home

pytestmark = pytest.mark.slurm

SUBMIT = OPERATIONS["submit_job"][1].format(apptype="BASIC", appname="BASE")
LIST = OPERATIONS["list_jobs"][1]
CANCEL = OPERATIONS["cancel_jobs"][1]


class Reader(threading.Thread):
    """The other user, listing their jobs and the queues until told to stop."""

    def __init__(self, base: str, token: str, scheduler_id: int) -> None:
        super().__init__(daemon=True)
        self.base, self.token, self.scheduler_id = base, token, scheduler_id
        self.stop = threading.Event()
        self.answers = 0
        self.problems: list[str] = []

    def run(self) -> None:
        with httpx.Client(base_url=self.base, headers={"token": self.token}, timeout=60) as c:
            while not self.stop.is_set():
                try:
                    r = c.get(LIST, params={"strClusterIDList": self.scheduler_id})
                    if r.status_code != 200 or r.json()["code"] != "0":
                        self.problems.append(f"{r.status_code} {r.text[:200]}")
                    self.answers += 1
                except httpx.HTTPError as exc:
                    self.problems.append(repr(exc))
                time.sleep(0.02)


@pytest.fixture
def served(slurm_env: dict[str, str], tmp_path: Path) -> Iterator[tuple[str, Any]]:
    app = create_app(slurm_deployment(tmp_path), clock=Clock(), engine="slurm")
    with serve(app) as base:
        yield base, app.state.mock


def test_hostile_specs_get_clear_answers_and_the_other_user_is_served(served, tmp_path):
    base, mock = served
    home = str(user_home(tmp_path, "demo"))
    reader = Reader(base, mock.mint_token("other"), mock.scheduler_id)
    reader.start()
    accepted: list[str] = []
    failures: list[str] = []
    try:
        with httpx.Client(base_url=base, headers={"token": mock.mint_token("demo")}) as demo:
            for label, overrides in hostile_specs(home):
                info = job_info(Path(home), "echo fuzz", **overrides)
                body = {"strJobManagerID": mock.scheduler_id, "mapAppJobInfo": info}
                r = demo.post(SUBMIT, json=body, timeout=120)
                if r.status_code != 200:
                    failures.append(f"{label}: HTTP {r.status_code}")
                    continue
                answer = r.json()
                code, msg = answer["code"], str(answer["msg"])
                if code == "0":
                    accepted.append(answer["data"])
                elif code in ("10003", "10004"):
                    if "param_" not in msg:
                        failures.append(f"{label}: {code} without naming the field: {msg}")
                elif code == "10001" and msg.startswith("exitcode:1, errorinfo: "):
                    pass  # the scheduler's own refusal, in its words
                else:
                    failures.append(f"{label}: {code} {msg[:300]}")
            if accepted:
                info = ";".join(f"{mock.scheduler_id},demo:{j}:" for j in accepted)
                demo.request(
                    "DELETE", CANCEL, data={"jobMethod": "5", "strJobInfoMap": info}, timeout=120
                )
    finally:
        reader.stop.set()
        reader.join(timeout=60)
    assert not failures, "\n".join(failures)
    assert not reader.problems, reader.problems[:5]
    assert reader.answers >= 10  # it was served during the drill, not only after
    assert not Path("/etc/x").exists()
    assert not Path("/etc/cron.d/evil").exists()
