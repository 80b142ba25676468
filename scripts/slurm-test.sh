#!/usr/bin/env bash
# `make test-slurm`: real jobs on a real scheduler (issue 6).
#
#   1. scripts/slurm-up.sh    a private single-node Slurm on loopback (root; installs
#                             Debian's packages when missing: fails loudly without root/apt);
#                             its output (apt's included) goes to reports/slurm-up.log, shown
#                             only when it fails
#   2. pytest -m slurm tests/slurm        the Slurm wrapper, engine, HTTP and SDK tests
#                             (SCNET_REQUIRE_SLURM=1: a test that would skip fails instead)
#   3. the contract suite over HTTP against `python -m scnet_hpc.mock --engine slurm`,
#      started in the background on a free loopback port and stopped by its pid; its report
#      goes to reports/contract-slurm/, beside the main run's reports/contract/
#   4. scripts/slurm-down.sh  always, also after a failure or Ctrl-C
#
# Prints how long each step took. Exit status: non-zero if any step failed.
# PYTHON (default .venv/bin/python) runs the tests and the mock.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

PY=${PYTHON:-.venv/bin/python}
LOG_DIR=${SLURM_TEST_LOG_DIR:-.slurm/test-logs}
now() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }
log() { echo "test-slurm: $*"; }

t_all=$(now)
mock_pid=""
declare -a summary=()
failed=0

stop_all() {
    if [ -n "$mock_pid" ] && kill -0 "$mock_pid" 2>/dev/null; then
        kill -TERM "$mock_pid" 2>/dev/null
        for _ in $(seq 50); do kill -0 "$mock_pid" 2>/dev/null || break; sleep 0.1; done
        kill -KILL "$mock_pid" 2>/dev/null || true
        wait "$mock_pid" 2>/dev/null || true
    fi
    mock_pid=""
    local t
    t=$(now)
    scripts/slurm-down.sh
    summary+=("slurm-down $(secs "$t") s")
    log "summary: ${summary[*]}; total $(secs "$t_all") s"
}
trap 'stop_all' EXIT
trap 'exit 130' INT TERM

step() { # name, command...: run it, record its time and outcome
    local name=$1 t rc
    shift
    t=$(now)
    log "== $name"
    "$@"
    rc=$?
    summary+=("$name $(secs "$t") s$([ "$rc" = 0 ] || echo " (FAILED, exit $rc)")")
    [ "$rc" = 0 ] || failed=1
    return "$rc"
}

UP_LOG=reports/slurm-up.log
mkdir -p reports
slurm_up() { scripts/slurm-up.sh >"$UP_LOG" 2>&1; }
if ! step slurm-up slurm_up; then
    log "ERROR: could not start the local Slurm cluster (needs root and Debian's slurm packages);"
    log "the last 30 lines of $UP_LOG:"
    tail -n 30 "$UP_LOG" >&2
    exit 1
fi
log "slurm-up output in $UP_LOG"
# shellcheck disable=SC1091
source .slurm/env
export SCNET_REQUIRE_SLURM=1
mkdir -p "$LOG_DIR"

step "slurm tests" "$PY" -m pytest -m slurm tests/slurm -q -p no:cacheprovider

contract_suite() {
    local port base mock_log=$LOG_DIR/mock-slurm.log rc
    port=$("$PY" -c 'from scnet_hpc.mock.testing import free_port; print(free_port())') || return 1
    base=http://127.0.0.1:$port
    "$PY" -m scnet_hpc.mock --engine slurm --host 127.0.0.1 --port "$port" >"$mock_log" 2>&1 &
    mock_pid=$!
    if ! "$PY" - "$base" "$mock_pid" <<'EOF'; then
import os, sys, time, httpx
base, pid = sys.argv[1], int(sys.argv[2])
deadline = time.monotonic() + 30
while time.monotonic() < deadline:
    try:
        if httpx.get(base + "/openapi.yaml", timeout=1).status_code == 200:
            sys.exit(0)
    except httpx.TransportError:
        pass
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        break
    time.sleep(0.05)
sys.exit(1)
EOF
        log "ERROR: the slurm-engine mock did not come up on $base; its output:"
        cat "$mock_log" >&2
        return 1
    fi
    log "mock (slurm engine) pid $mock_pid on $base"
    SCNET_BASE_URL=$base SCNET_CONTRACT_WRITES=${SCNET_CONTRACT_WRITES:-1} \
        "$PY" -m pytest contract_tests -q -p no:cacheprovider \
            --contract-report=reports/contract-slurm
    rc=$?
    if [ "$rc" = 5 ]; then
        log "ERROR: the contract suite collected no tests"
    fi
    if [ "$rc" != 0 ]; then
        log "mock output (last 40 lines of $mock_log):"
        tail -n 40 "$mock_log" >&2
    fi
    kill -TERM "$mock_pid" 2>/dev/null
    wait "$mock_pid" 2>/dev/null
    mock_pid=""
    return "$rc"
}
step "contract suite (slurm engine, over HTTP)" contract_suite

exit "$failed"
