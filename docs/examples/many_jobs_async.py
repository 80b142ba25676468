"""Many jobs with asyncio: AsyncClient has the same methods."""

import asyncio

from scnet_hpc import AsyncClient, JobSpec


async def sweep() -> None:
    async with AsyncClient.from_env() as client:
        specs = [JobSpec(command=f"echo {a}", queue="debug", walltime=600) for a in range(10)]
        jobs = await client.submit_many(specs, concurrency=8)
        async for job in client.as_completed(jobs, timeout=6 * 3600):
            print(job.id, job.state)
        print("outputs:", sorted([(await job.output()).strip() for job in jobs], key=int))


asyncio.run(sweep())
