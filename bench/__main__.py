"""``python -m bench`` (``make bench``): run every benchmark, print, write reports/bench.json.

Options: ``--only parse,overhead,load,prism,wait,submit,files,contract`` runs some sections;
``--quick`` takes fewer rounds (for trying the harness, not for figures worth quoting);
``--out PATH`` writes elsewhere.
Exits 1 if any figure could not be measured (after printing and writing the rest).
"""

from __future__ import annotations

import argparse
import sys
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path

from . import contract, overhead, parsing, prism, submitting, throughput, transfers, waiting
from ._report import Report, machine

ROOT = Path(__file__).resolve().parents[1]

#: section -> (runner, the figures it must produce)
SECTIONS: dict[str, tuple[Callable[..., None], tuple[str, ...]]] = {
    "parse": (
        parsing.run,
        ("parse_vs_json_loads", "parse_sdk_vs_json_loads", "parse_sdk_no_validation_vs_json_loads"),
    ),
    "overhead": (
        overhead.run,
        ("overhead_generated_vs_httpx", "overhead_sdk_vs_httpx", "overhead_async_sdk_vs_httpx"),
    ),
    "load": (
        throughput.run,
        (
            "mock_rps_list_clusters",
            "mock_p99_ms_list_clusters",
            "mock_rps_submit_job",
            "mock_submit_p99_ms_no_jobs",
            "mock_submit_p99_ms_after_20k_jobs",
            "mock_submit_p99_after_20k_vs_no_jobs",
        ),
    ),
    "prism": (prism.run, (prism.FIGURE,)),
    "wait": (
        waiting.run,
        (
            "wait_requests_10min",
            "wait_lag_10min_s",
            "wait_requests_100jobs_10min",
            "wait_lag_100jobs_10min_s",
        ),
    ),
    "submit": (submitting.run, ("submit_100_async_vs_sync",)),
    "files": (
        transfers.run,
        ("upload_vs_httpx", "download_vs_httpx", "download_peak_rss_mib"),
    ),
    "contract": (contract.run, ("contract_test_seconds",)),
}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--only", default=",".join(SECTIONS), help="comma-separated sections")
    parser.add_argument("--quick", action="store_true", help="fewer rounds; not for quoting")
    parser.add_argument("--out", type=Path, default=ROOT / "reports" / "bench.json")
    args = parser.parse_args(argv)
    chosen = [name.strip() for name in args.only.split(",") if name.strip()]
    unknown = [name for name in chosen if name not in SECTIONS]
    if unknown:
        parser.error(f"unknown section(s) {', '.join(unknown)}; known: {', '.join(SECTIONS)}")

    report = Report()
    m = machine()
    report.setting(
        "machine",
        f"{m['cpu']}, {m['cores']} cores, {m['memory_gib']} GiB, {m['os']}, "
        f"{m['implementation']} {m['python']}",
    )
    if args.quick:
        report.setting("quick", "fewer rounds: figures not for quoting")
    for name in chosen:
        run, required = SECTIONS[name]
        try:
            run(report, quick=args.quick)
        except Exception as exc:  # one broken section must not hide the others' figures
            traceback.print_exc()
            for figure in required:
                if figure not in report.figures:
                    report.unavailable(figure, f"{name} failed: {type(exc).__name__}: {exc}")
        for figure in required:
            if figure not in report.figures:
                report.unavailable(figure, f"{name} did not produce it")
    report.write(args.out)
    print(f"# written: {args.out}", flush=True)
    return 1 if report.missing else 0


if __name__ == "__main__":
    sys.exit(main())
