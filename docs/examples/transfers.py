"""Files: upload, list, download and remove through the region's file service, then the whole
round trip (upload inputs, run, bring the outputs home) in one call."""

import tempfile
from pathlib import Path

from scnet_hpc import Client, JobSpec, RemoteFileExistsError

with Client.from_env() as client, tempfile.TemporaryDirectory() as local:
    data = Path(local) / "data.txt"
    data.write_text("one\ntwo\nthree\n")
    home = client.region_info().home_path
    # --8<-- [start:files]
    folder = f"{home}/docs-demo"
    client.files.mkdir(folder)  # parents too, like mkdir -p
    client.files.upload(data, folder)  # large files go in chunks; a failed chunk is re-sent
    try:
        client.files.upload(data, folder)  # overwrite=False is the default
    except RemoteFileExistsError as exc:
        print("already there:", exc)
    print([entry.name for entry in client.files.ls(folder)])
    client.files.download(f"{folder}/data.txt", Path(local) / "copy.txt")  # resumes with Range
    print(client.files.read_text(f"{folder}/data.txt"))
    client.files.rm(folder, recursive=True)
    # --8<-- [end:files]
    assert (Path(local) / "copy.txt").read_bytes() == data.read_bytes()
    # --8<-- [start:run]
    result = client.run(
        JobSpec(
            command="mkdir -p out; wc -l data.txt; echo counted > out/count.txt",
            queue="debug",
            walltime="00:05:00",
        ),
        inputs=[data],  # uploaded into a fresh work folder under the home
        outputs=["out/*.txt"],  # globs relative to that folder
        download_to=Path(local) / "results",  # stdout, stderr and the outputs land here
        timeout=600,
    )
    print(result.status.state, [str(path) for path in result.files])
    # --8<-- [end:run]
    assert (Path(local) / "results" / "out" / "count.txt").is_file(), result.files
