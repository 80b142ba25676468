"""Submit a job, wait for it (printing each state change), and print its output.

    make mock                              # terminal 1
    python examples/submit_and_wait.py     # terminal 2

Exits 0 when the job completed, 1 otherwise.
"""

from __future__ import annotations

import sys

from _common import client_from_env, queue

from scnet_hpc import JobSpec, JobState, JobStatus, ScnetError
from scnet_hpc.environment import read_env


def main() -> int:
    timeout = float(read_env(settings=["example_timeout"]).get("example_timeout") or 600)
    spec = JobSpec(
        command="echo hello from scnet-hpc; hostname",
        queue=queue(),
        walltime="00:05:00",  # also accepts seconds or a timedelta
        job_name="example-submit-and-wait",
    )
    with client_from_env() as client:
        job = client.submit(spec)  # never retried automatically: a submit is not idempotent
        print(f"submitted job {job.id} to scheduler {job.scheduler_id}")

        last: list[JobState | None] = [None]

        def show(status: JobStatus | None) -> None:
            if status is not None and status.state is not last[0]:
                print(f"  {status.state.value} (from the {status.source} list)")
                last[0] = status.state

        # wait() polls with growing intervals, tolerates the seconds before a new job is
        # listed, and follows the job into history once it leaves the realtime list.
        status = job.wait(timeout=timeout, on_status=show)
        print(f"job {job.id} finished: {status.state.value}, exit code {status.exit_code}")
        print("--- output ---")
        print(job.output(), end="")
    return 0 if status.state is JobState.COMPLETED else 1


if __name__ == "__main__":
    try:
        sys.exit(main())
    except ScnetError as exc:  # every SDK error; its message never carries a secret
        print(f"error: {exc}", file=sys.stderr)
        sys.exit(1)
