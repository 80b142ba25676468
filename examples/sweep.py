"""A sweep: submit ten jobs at once with ``AsyncClient.submit_many``, then report each as it
finishes with ``as_completed`` (one list request per poll covers all ten).

    make mock                      # terminal 1
    python examples/sweep.py       # terminal 2

Exits 0 when every job completed, 1 otherwise.
"""

from __future__ import annotations

import asyncio
import sys

from _common import client_from_env, queue

from scnet_hpc import AsyncClient, JobSpec, JobState, ScnetError, SubmitManyError
from scnet_hpc.environment import read_env


async def main() -> int:
    timeout = float(read_env(settings=["example_timeout"]).get("example_timeout") or 600)
    specs = [
        JobSpec(command=f"sleep {5 + 3 * i}; echo point {i}", queue=queue(), walltime=300,
                job_name=f"example-sweep-{i}")
        for i in range(10)
    ]  # fmt: skip
    async with client_from_env(AsyncClient) as client:
        try:
            jobs = await client.submit_many(specs, concurrency=4)  # never retried
        except SubmitManyError as error:  # the other specs still went in
            for index, failure in error.failed:
                print(f"spec {index} was not submitted: {failure}")
            jobs = [job for _, job in error.submitted]
        print(f"submitted {len(jobs)} jobs: {', '.join(job.id for job in jobs)}")
        completed = 0
        async for job in client.as_completed(jobs, timeout=timeout):
            assert job.status is not None
            print(f"job {job.id} finished: {job.status.state.value}")
            completed += job.status.state is JobState.COMPLETED
    print(f"{completed} of {len(specs)} completed")
    return 0 if completed == len(specs) else 1


if __name__ == "__main__":
    try:
        sys.exit(asyncio.run(main()))
    except ScnetError as exc:  # every SDK error; its message never carries a secret
        print(f"error: {exc}", file=sys.stderr)
        sys.exit(1)
