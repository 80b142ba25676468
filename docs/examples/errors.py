"""Errors: one hierarchy, caught by meaning; retries set per client or per call."""

from scnet_hpc import (
    ApiError,
    Client,
    InvalidJobSpec,
    JobRejectedError,
    JobTimeoutError,
    RetryPolicy,
    ScnetError,
    TransportError,
)
from scnet_hpc.errors import RemoteFileNotFoundError

with Client.from_env() as client:
    # --8<-- [start:catch]
    from scnet_hpc import JobSpec

    try:
        JobSpec(command="hostname", queue="debug", walltime="25:99:00", nodes=1, node_list="a01")
    except InvalidJobSpec as error:  # checked before anything is sent; every problem at once
        print(error)

    try:
        client.submit(JobSpec(command="hostname", queue="debug", walltime="10:00:00"))
    except JobRejectedError as error:  # the scheduler said no; sbatch's own words
        print(error.code, error.msg)

    try:
        client.read_text(f"{client.region_info().home_path}/no-such-file")
    except RemoteFileNotFoundError as error:  # also a FileNotFoundError
        print("missing:", error.code)

    job = client.submit(JobSpec(command="sleep 600", queue="debug", walltime="00:20:00"))
    try:
        job.wait(timeout=5)
    except JobTimeoutError as error:  # the job goes on running: cancel it or wait again
        print(error)
        job.cancel()
    # --8<-- [end:catch]

    # --8<-- [start:retries]
    patient = client.with_options(
        retries=RetryPolicy(max_retries=5, backoff_initial=1.0, backoff_max=30.0),
        timeout=120,
    )
    print(len(patient.history(days=30)), "jobs in 30 days")
    strict = client.with_options(retries=0)  # no repeats at all
    try:
        strict.clusters()
    except TransportError as error:  # network or gateway: worth trying again later
        print("unreachable:", error)
    except ApiError as error:  # the service answered with an error code
        print(error.code, error.msg)
    except ScnetError as error:  # everything else the SDK raises
        print(error)
    # --8<-- [end:retries]
