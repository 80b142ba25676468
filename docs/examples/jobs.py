"""Jobs: submit, watch, wait, cancel, list, history."""

from scnet_hpc import Client, JobSpec, JobState, JobStatus

with Client.from_env() as client:
    # --8<-- [start:submit]
    spec = JobSpec(
        command="sleep 5; echo done",
        queue="debug",
        walltime="00:10:00",  # or seconds (600), or a timedelta
        job_name="first",
        nodes=1,
        ppn=1,
    )
    job = client.submit(spec)
    print("submitted", job.id, "on scheduler", job.scheduler_id)
    # --8<-- [end:submit]

    # --8<-- [start:wait]
    def show(status: JobStatus | None) -> None:
        print("  now:", status.state if status else "not listed yet")

    final = job.wait(timeout=600, on_status=show)
    print(job.id, final.state, "exit", final.exit_code)
    if final.state is not JobState.COMPLETED:
        raise SystemExit(f"job {job.id} ended {final.state}")
    # --8<-- [end:wait]

    # --8<-- [start:cancel]
    long_job = client.submit(JobSpec(command="sleep 3600", queue="debug", walltime="00:30:00"))
    print(long_job.cancel())  # the service's message per scheduler id
    print(long_job.wait(timeout=600).state)  # JobState.CANCELLED
    # --8<-- [end:cancel]
    assert long_job.state is JobState.CANCELLED

    # --8<-- [start:list]
    for row in client.jobs():  # realtime: active and recently finished jobs
        print(row.job_id, row.job_name, row.job_status, JobState.from_code(row.job_status))
    for row in client.history(days=1):  # finished jobs that ended in the last day
        print(row.job_id, row.job_name, JobStatus.from_history_row(row).state)
    failed = client.history(days=1, state=JobState.FAILED)
    print(len(failed), "failed jobs yesterday and today")
    # --8<-- [end:list]

    # --8<-- [start:handle]
    again = client.job(job.id)  # a handle on a job submitted elsewhere
    print(again.refresh().state, again.output(), end="")
    # --8<-- [end:handle]
