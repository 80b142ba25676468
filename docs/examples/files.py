"""Files: a job's output, and any text file in your home, read through the job API."""

from scnet_hpc import Client, JobSpec

with Client.from_env() as client:
    home = client.region_info().home_path
    job = client.submit(
        JobSpec(
            command="seq 1 3; echo oops >&2; false",
            queue="debug",
            walltime=600,
            work_dir=f"{home}/files-demo",
            stdout=f"{home}/files-demo/out.%j",
        )
    )
    status = job.wait(timeout=600)
    print(status.state, status.stdout_path)  # FAILED: `false` exits 1
    # --8<-- [start:read]
    print(job.output())  # stdout, every page: "1\n2\n3\n"
    print(job.output("stderr"))
    assert status.stdout_path is not None
    text = client.read_text(status.stdout_path)  # any text file you may read, whole
    first = client.read_file(status.stdout_path, page=1)  # one 1000-line page
    last = client.read_file(status.stdout_path, direction="UP")  # ... counted from the end
    # --8<-- [end:read]
    assert text.split() == ["1", "2", "3"], text
    print(first, last)
