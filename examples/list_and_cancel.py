"""List your active jobs, then cancel the ones this example submitted.

    make mock                              # terminal 1
    python examples/list_and_cancel.py     # terminal 2

Submits two long-sleeping jobs named ``example-list-and-cancel``, lists the realtime jobs,
cancels the two by id, and checks that both end up cancelled. Exits 0 when they did.
"""

from __future__ import annotations

import sys

from _common import client_from_env, queue

from scnet_hpc import JobSpec, JobState, JobStatus, ScnetError
from scnet_hpc.models import RealtimeJob

NAME = "example-list-and-cancel"


def job_line(row: RealtimeJob) -> str:
    """One row of the listing; the state is read the way ``scnet-hpc jobs`` reads it."""
    state = JobStatus.from_realtime_row(row).state
    return f"{row.job_id:>10}  {state.value:<10}  {row.queue:<10}  {row.job_name}"


def main() -> int:
    with client_from_env() as client:
        spec = JobSpec(command="sleep 1200", queue=queue(), walltime="00:25:00", job_name=NAME)
        submitted = [client.submit(spec) for _ in range(2)]
        print("submitted", ", ".join(job.id for job in submitted))

        print(f"{'JOB ID':>10}  {'STATE':<10}  {'QUEUE':<10}  NAME")
        for row in client.jobs():  # every page of the realtime list
            print(job_line(row))

        mine = [row.job_id for row in client.jobs(name=NAME)]
        ids = [job.id for job in submitted if job.id in mine]
        # One message per scheduler; code 0 does not prove the jobs are gone, so look again.
        for scheduler, message in client.cancel(ids).items():
            print(f"scheduler {scheduler}: {message}")

        ok = True
        for job in submitted:
            status = job.wait(timeout=120)
            print(f"job {job.id}: {status.state.value}")
            ok = ok and status.state is JobState.CANCELLED
    return 0 if ok and len(ids) == len(submitted) else 1


if __name__ == "__main__":
    try:
        sys.exit(main())
    except ScnetError as exc:
        print(f"error: {exc}", file=sys.stderr)
        sys.exit(1)
