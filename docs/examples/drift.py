"""Drift: record the answers a program receives, then check them against openapi.yaml."""

import tempfile
from pathlib import Path

from scnet_hpc import Client
from scnet_hpc.drift import check_directory

recordings = Path(tempfile.mkdtemp()) / "recordings"

# --8<-- [start:record]
with Client.from_env() as client:
    recorded = client.with_options(record_dir=recordings)  # or SCNET_RECORD_DIR=recordings
    recorded.queues()
    recorded.jobs()
    recorded.history(days=1)

report = check_directory(recordings)  # what `python -m scnet_hpc.drift recordings` prints
print(report.responses, "answers;", "no drift" if report.clean else "drift:")
for name, operation in report.operations.items():
    for entry in operation.entries.values():
        finding = entry.finding
        print(name, finding.kind, finding.path, finding.expected, "->", finding.got)
# --8<-- [end:record]
assert report.clean, report.to_json()
assert report.responses >= 3, report.responses
