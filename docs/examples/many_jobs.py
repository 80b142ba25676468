"""Many jobs: submit a batch, then take each as it finishes, or all at once."""

from scnet_hpc import Client, JobSpec, SubmitManyError

with Client.from_env() as client:
    # --8<-- [start:sync]
    specs = [
        JobSpec(command=f"sleep {n}; echo {n}", queue="debug", walltime=600, job_name=f"sweep-{n}")
        for n in range(1, 6)
    ]
    try:
        jobs = client.submit_many(specs, concurrency=4)
    except SubmitManyError as error:  # the others went in; nothing was retried
        print("not submitted:", [index for index, _ in error.failed])
        jobs = [job for _, job in error.submitted]

    for job in client.as_completed(jobs, timeout=3600):  # in the order they finish
        print(job.id, job.state)

    statuses = client.wait_all(jobs, timeout=3600)  # every final status, in order
    print([status.state.value for status in statuses])
    # --8<-- [end:sync]
    assert all(status.state.value == "completed" for status in statuses)
