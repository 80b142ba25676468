"""Upload an input, run a job on it in its own work folder, and bring its outputs back.

    make mock                              # terminal 1
    python examples/run_with_files.py      # terminal 2

``client.run`` does the whole round trip: a fresh folder under the home, the inputs uploaded
into it, the job submitted there, waited for, and its stdout, stderr and the files matching
``outputs`` downloaded. The job here "counts" its input and writes ``out/result.txt``.
Exits 0 when the job completed and its result came back, 1 otherwise.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from _common import client_from_env, queue

from scnet_hpc import JobSpec, JobState, ScnetError
from scnet_hpc.environment import read_env


def main() -> int:
    timeout = float(read_env(settings=["example_timeout"]).get("example_timeout") or 600)
    spec = JobSpec(
        command="mkdir -p out; wc -l data.txt; echo 3 lines > out/result.txt; echo done",
        queue=queue(),
        walltime="00:05:00",
        job_name="example-run-with-files",
    )
    with tempfile.TemporaryDirectory() as folder, client_from_env() as client:
        data = Path(folder) / "data.txt"
        data.write_text("one\ntwo\nthree\n")
        back = Path(folder) / "results"
        result = client.run(
            spec, inputs=[data], outputs=["out/*.txt"], download_to=back, timeout=timeout
        )
        print(f"job {result.job.id} ran in {result.work_dir}: {result.status.state.value}")
        for path in result.files:
            print(f"  downloaded {path.relative_to(back)} ({path.stat().st_size} bytes)")
        produced = back / "out" / "result.txt"
        if result.status.state is not JobState.COMPLETED or not produced.is_file():
            return 1
        print(f"result: {produced.read_text().strip()}")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except ScnetError as exc:
        print(f"error: {exc}", file=sys.stderr)
        sys.exit(1)
