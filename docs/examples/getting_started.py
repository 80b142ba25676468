"""Getting started: sign in with access keys, list queues, run one job, read its output."""

import os

from scnet_hpc import Client, JobSpec

# Where `make mock` serves; against a real region leave auth_url/platform_url out.
MOCK = os.environ.get("SCNET_AUTH_URL", "http://127.0.0.1:8000")

with Client.from_access_key(
    "demo", "demo-access-key", "demo-secret-key", auth_url=MOCK, platform_url=MOCK
) as client:
    print("queues:", [q.queue_name for q in client.queues()])
    job = client.submit(JobSpec(command="echo hello; hostname", queue="debug", walltime="00:05:00"))
    status = job.wait(timeout=600)
    print(job.id, status.state.value)
    print(job.output(), end="")
    assert status.state.value == "completed"
