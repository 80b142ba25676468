"""The SDK end to end against the Slurm engine: ``scnet_hpc.Client`` signs in with the demo
access key and drives the mock over real HTTP (uvicorn on loopback) while Slurm runs the jobs.

What ``wait()`` saw is read back from the responses the client received (a recording
transport), so the test shows that the states it went through were Slurm's own.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from scnet_hpc import Client, JobRejectedError, JobSpec, JobState, PollSchedule
from scnet_hpc.mock import Clock, create_app
from scnet_hpc.mock.testing import free_port, serve

from .slurm_helpers import slurm_deployment, user_home, wait_for

pytestmark = pytest.mark.slurm

NPROC = os.cpu_count() or 1
#: poll every 0.2 s: a short job's queued and running states are both seen
FAST = PollSchedule(initial=0.2, factor=1.0, floor=0.2, fraction=0.0, ceiling=0.2)


class Recording(httpx.BaseTransport):
    """A real HTTP transport that keeps every (request, decoded body) pair."""

    def __init__(self) -> None:
        self.inner = httpx.HTTPTransport()
        self.seen: list[tuple[httpx.Request, object]] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = self.inner.handle_request(request)
        content = response.read()
        try:
            self.seen.append((request, json.loads(content)))
        except ValueError:
            self.seen.append((request, None))
        return httpx.Response(
            response.status_code, headers=response.headers, content=content, request=request
        )

    def job_states(self, job_id: str) -> list[str]:
        """Distinct Slurm states in the realtime details of ``job_id`` the client received."""
        states: list[str] = []
        for request, body in self.seen:
            if request.url.path.endswith(f"/jobs/{job_id}") and isinstance(body, dict):
                data = body.get("data")
                if isinstance(data, dict):
                    state = data["jobInitAttr"]["JobState"]
                    if not states or states[-1] != state:
                        states.append(state)
        return states

    def close(self) -> None:
        self.inner.close()


@pytest.fixture
def home(tmp_path: Path) -> Path:
    return user_home(tmp_path, "demo")


@pytest.fixture
def recording() -> Iterator[Recording]:
    transport = Recording()
    yield transport
    transport.close()


@pytest.fixture
def client(slurm_env: dict[str, str], tmp_path: Path, recording: Recording) -> Iterator[Client]:
    app = create_app(slurm_deployment(tmp_path, extra_user=False), clock=Clock(), engine="slurm")
    demo = app.state.mock.demo
    with serve(app) as base:
        sdk = Client.from_access_key(
            demo.user,
            demo.access_key,
            demo.secret_key,
            auth_url=base,
            platform_url=base,
            transport=recording,
        )
        with sdk:
            yield sdk
            active = [j.job_id for j in sdk.jobs() if j.job_status != "statC"]
            if active:
                sdk.cancel(active)


def test_echo_and_hostname_wait_sees_real_states_and_output_matches(client, recording, home):
    assert client.region_info().home_path == str(home)
    job = client.submit(
        JobSpec(command="echo hello from slurm\nhostname\nsleep 2", queue="debug", walltime=300)
    )
    status = job.wait(timeout=120, poll=FAST)
    assert status.state is JobState.COMPLETED
    assert status.source == "realtime"
    seen = recording.job_states(job.id)
    assert seen[-1] == "COMPLETED"
    assert "RUNNING" in seen  # the job runs 2 s; wait() polled it while it ran
    assert seen == [s for s in ("PENDING", "RUNNING", "COMPLETED") if s in seen]
    assert status.stdout_path == f"{home}/std.out.{job.id}"  # the SDK's default output path
    assert job.output() == f"hello from slurm\n{socket.gethostname()}\n"
    assert Path(status.stdout_path).read_text() == job.output()  # the file Slurm wrote
    assert job.output("stderr") == ""


def test_sleep_600_is_cancelled_and_shows_as_cancelled_in_history(client):
    job = client.submit(JobSpec(command="sleep 600", queue="debug", walltime="00:20:00"))
    wait_for(lambda: job.refresh().state is JobState.RUNNING)
    answer = job.cancel()
    assert f"delete the jobs [demo:{job.id}:] successfully!" in answer[str(job.scheduler_id)]
    assert job.refresh().state is JobState.CANCELLED
    rows = [h for h in client.history(days=1, job_id=job.id)]
    assert [(h.job_id, h.job_state) for h in rows] == [(job.id, "statD")]
    detail = client.history_job(job.id)
    assert detail is not None
    assert detail.job_state == "statD"
    assert JobState.from_code(detail.job_state) is JobState.CANCELLED


def test_more_cpus_than_the_partition_has_is_a_typed_rejection(client):
    spec = JobSpec(command="echo", queue="debug", walltime=60, nprocs=NPROC + 1)
    with pytest.raises(JobRejectedError) as caught:
        client.submit(spec)
    assert caught.value.code == "10001"
    assert caught.value.msg == (
        "exitcode:1, errorinfo: sbatch: error: Batch job submission failed: "
        "More processors requested than permitted"
    )


def test_python_m_scnet_hpc_mock_serves_the_slurm_deployment(slurm_env):
    """What `make mock ENGINE=slurm` runs: the shipped slurm deployment, the real partitions."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    proc = subprocess.Popen(
        [sys.executable, "-m", "scnet_hpc.mock", "--engine", "slurm", "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env={**os.environ, **slurm_env},
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                if httpx.get(base + "/openapi.yaml", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert proc.poll() is None, proc.communicate()[0]
            assert time.monotonic() < deadline, "the mock did not come up"
            time.sleep(0.05)
        with Client.from_access_key(
            "demo", "demo-access-key", "demo-secret-key", auth_url=base, platform_url=base
        ) as sdk:
            assert [c.text for c in sdk.clusters()] == ["scnetlocal"]
            assert {q.queue_name for q in sdk.queues()} == {"debug", "normal"}
            assert sdk.region_info().home_path == "/var/lib/scnet-hpc-mock/home/scnet-demo"
    finally:
        proc.terminate()
        output = proc.communicate(timeout=10)[0]
    assert "(slurm engine" in output
