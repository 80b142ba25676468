"""One job-array spec against both engines, through the SDK and HTTP: the same ids, names,
states, history rows and output files whether the simulated engine runs it (frozen clock: the
SDK's sleeps move mock time) or a real Slurm does (``slurm``-marked; skipped without a cluster).
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from scnet_hpc import Client, JobSpec, JobState, PollSchedule
from scnet_hpc.mock import Clock, create_app
from scnet_hpc.mock.testing import serve

from .slurm_helpers import slurm_deployment

ENGINES = ["simulated", pytest.param("slurm", marks=pytest.mark.slurm)]
FAST = PollSchedule(initial=0.2, factor=1.0, floor=0.2, fraction=0.0, ceiling=0.2)
TASKS = 3


@pytest.fixture(params=ENGINES)
def sdk(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[Client, Path]]:
    """A Client on a mock served over loopback by the engine in ``request.param``, and the
    demo user's home."""
    engine: str = request.param
    if engine == "slurm":
        request.getfixturevalue("slurm_env")  # skips (with the reason) when no cluster is up
    clock = Clock(speed=0) if engine == "simulated" else Clock()
    app = create_app(slurm_deployment(tmp_path, extra_user=False), clock=clock, engine=engine)
    demo = app.state.mock.demo
    timing: dict[str, Any] = (
        {"clock": clock.now, "sleep": clock.advance} if engine == "simulated" else {}
    )
    with serve(app) as base:
        client = Client.from_access_key(
            demo.user,
            demo.access_key,
            demo.secret_key,
            auth_url=base,
            platform_url=base,
            **timing,
        )
        with client:
            yield client, tmp_path / "home" / "demo"
            active = [j.job_id for j in client.jobs() if j.job_status != "statC"]
            if active:
                client.cancel(active)


def array_spec(home: Path, command: str, name: str) -> JobSpec:
    return JobSpec(
        command=command,
        queue="debug",
        walltime=300,
        job_name=name,
        array_size=TASKS,
        stdout=f"{home}/arr-%A_%a.out",
    )


def test_array_tasks_are_visible_and_waitable(sdk: tuple[Client, Path]) -> None:
    client, home = sdk
    name = f"array-{uuid.uuid4().hex[:8]}"  # a real cluster lists earlier runs' jobs too
    job = client.submit(array_spec(home, "echo task $SLURM_ARRAY_TASK_ID", name))
    array_id = job.id
    assert array_id.isdigit()  # sbatch --parsable prints the array's id alone

    # visible at once: each task as A_<n>, tasks still pending grouped as A_[n-m] (squeue)
    rows = [r.job_id for r in client.jobs(name=name)]
    assert rows
    assert all(re.fullmatch(rf"{array_id}_(\d+|\[[0-9,\-%]+\])", r) for r in rows), rows
    assert re.fullmatch(rf"{array_id}_\S+", client.job(array_id).status.job_id)

    for n in range(TASKS):  # every task is waitable by its own id, pending or not
        task = client.job(f"{array_id}_{n}")
        status = task.wait(timeout=120, poll=FAST)
        assert status.state is JobState.COMPLETED, status
        assert status.stdout_path == f"{home}/arr-{array_id}_{n}.out"  # %A_%a
        assert task.output() == f"task {n}\n"  # $SLURM_ARRAY_TASK_ID

    history = {h.job_id: h for h in client.history(days=1, name=name)}
    assert sorted(history) == [f"{array_id}_{n}" for n in range(TASKS)]
    assert {h.job_state for h in history.values()} == {"statC"}
    for task_id in history:
        detail = client.history_job(task_id)
        assert detail is not None
        assert detail.job_state == "statC"


def test_cancelling_the_array_cancels_every_task(sdk: tuple[Client, Path]) -> None:
    client, home = sdk
    job = client.submit(array_spec(home, "sleep 600", "array-cancel"))
    answer = job.cancel()
    assert f"delete the jobs [demo:{job.id}:] successfully!" in answer[str(job.scheduler_id)]
    for n in range(TASKS):
        status = client.job(f"{job.id}_{n}").wait(timeout=60, poll=FAST)
        assert status.state is JobState.CANCELLED, status
    again = job.cancel()
    assert "already completing or completed" in again[str(job.scheduler_id)]
