#!/usr/bin/env bash
# `make check` and `make test`: run the steps in order, stop at the first failure, and end with
# one verdict line naming what ran (or the step that failed), e.g.
#   make test: PASSED (lint, types, generated, 1210 tests, contract: 19 operations, ..., examples, slurm)
#
#   check  help (every target listed), lint, typecheck, check-generated,
#          pytest -m "not slurm" tests contract_tests, examples, docs (the strict site build),
#          dist (sdist + wheel built and checked): no root needed
#   test   check, then test-slurm (root and apt: a local Slurm; its install log goes to
#          reports/slurm-up.log, its contract report to reports/contract-slurm/)
#
# The pytest output is also kept in reports/pytest.log (the verdict reads its counts there).
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

what=${1:?usage: scripts/check.sh check|test}
MAKE=${MAKE:-make}
PY=${PYTHON:-.venv/bin/python}
declare -a passed=()

verdict() { # PASSED|FAILED, [failed step]
    local list
    list=$(printf '%s, ' "${passed[@]}")
    list=${list%, }
    if [ "$1" = PASSED ]; then
        echo "make $what: PASSED (${list})"
    else
        echo "make $what: FAILED at $2${list:+ (passed before it: $list)}"
    fi
}

step() { # label, command...: run it; on failure print the verdict and stop
    local label=$1
    shift
    echo "== make $what: $label"
    if ! "$@"; then
        verdict FAILED "$label"
        exit 1
    fi
    passed+=("$label")
}

pytest_step() {
    mkdir -p reports
    local color=no
    [ -t 1 ] && color=yes
    "$PY" -m pytest -m "not slurm" --color="$color" tests contract_tests | tee reports/pytest.log
    local rc=${PIPESTATUS[0]}
    # The counts for the verdict: pytest's last line, and the contract suite's own summary.
    local last counts contract
    last=$(tail -n 1 reports/pytest.log | sed 's/\x1b\[[0-9;]*m//g')
    counts=$(grep -Eo '[0-9]+ (passed|skipped|xfailed|failed|errors?)' <<<"$last" | paste -sd, - \
        | sed 's/,/, /g')
    contract=$(sed 's/\x1b\[[0-9;]*m//g' reports/pytest.log | grep -E '^contract: ' | tail -n 1)
    tests_label="tests (${counts:-no count}); ${contract:-contract: no report}"
    return "$rc"
}

help_lists_every_target() { # each .PHONY target has a `## ` line, so `make help` shows it
    local target missing=""
    for target in $(sed -n '/^\.PHONY:/,/[^\\]$/p' Makefile | sed 's/^\.PHONY://; s/\\//g'); do
        grep -qE "^$target:.*## " Makefile || missing+=" $target"
    done
    [ -z "$missing" ] || { echo "make help misses:$missing (add a '## ' comment)"; return 1; }
}

step help help_lists_every_target
step lint "$MAKE" --no-print-directory lint
step types "$MAKE" --no-print-directory typecheck
step generated "$MAKE" --no-print-directory check-generated
tests_label=tests
if ! pytest_step; then
    verdict FAILED "$tests_label"
    exit 1
fi
passed+=("$tests_label")
step examples "$MAKE" --no-print-directory examples
step docs "$MAKE" --no-print-directory docs
step dist "$MAKE" --no-print-directory dist
if [ "$what" = test ]; then
    step slurm "$MAKE" --no-print-directory test-slurm
fi
verdict PASSED
