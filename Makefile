# scnet-hpc developer entry points. Every target sets up what it needs (the .venv with the
# pinned dependencies) on its own, so a fresh clone needs nothing but python3 (>= 3.11) and make.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
PORT   ?= 8000
ENGINE ?= simulated

GENERATED_PKG := generated/scnet_hpc_api

.PHONY: help venv generate check-generated lint typecheck test unit-test contract-test mock \
        bench slurm-up slurm-down test-slurm examples clean

help:
	@echo "make contract-test   contract tests (schemathesis) against the embedded mock, or SCNET_BASE_URL"
	@echo "make test            everything CI runs: lint, types, generated-code check, unit + contract tests, examples, test-slurm"
	@echo "make generate        regenerate generated/ from openapi.yaml"
	@echo "make check-generated fail if generated/ is out of sync with openapi.yaml"
	@echo "make mock            serve the mock deployment on 127.0.0.1:\$$PORT (ENGINE=simulated|slurm)"
	@echo "make bench           benchmarks; figures printed and written to reports/bench.json"
	@echo "make slurm-up / slurm-down   a local single-node Slurm for ENGINE=slurm"
	@echo "make test-slurm      slurm tests + contract suite against ENGINE=slurm (needs root)"

venv: $(STAMP)

$(STAMP): pyproject.toml requirements/constraints.txt
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "the development tools need Python >= 3.11 (set PYTHON=...)")'
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c requirements/constraints.txt -e '.[dev]'
	@touch $@

# openapi-python-client formats with ruff (from the venv, found on PATH) and the ruff
# configuration in pyproject.toml, so it must run in place (see shared/toolchain-notes.md).
generate: $(STAMP)
	PATH="$(abspath $(BIN)):$$PATH" $(BIN)/openapi-python-client generate \
		--path openapi.yaml --config openapi-python-client.yaml \
		--custom-template-path generator-templates \
		--meta none --output-path $(GENERATED_PKG) --overwrite --fail-on-warning
	@rm -rf $(GENERATED_PKG)/.ruff_cache

# Regenerate in place, then ask git: catches changed, new and vanished files alike.
check-generated: generate
	@changes="$$(git status --porcelain -- generated)"; \
	if [ -n "$$changes" ]; then \
		echo "generated/ is out of sync with openapi.yaml (run 'make generate' and commit):"; \
		echo "$$changes"; git --no-pager diff --stat -- generated; exit 1; \
	else echo "check-generated: generated/ matches openapi.yaml"; fi

lint: $(STAMP)
	$(BIN)/ruff check src tests contract_tests bench examples
	$(BIN)/ruff format --check src tests contract_tests bench examples

typecheck: $(STAMP)
	$(BIN)/mypy --strict src

unit-test: $(STAMP)
	$(BIN)/python -m pytest tests

# The main job: property-based contract tests. Embedded mock by default; set SCNET_BASE_URL
# (and SCNET_TOKEN, or SCNET_USER/SCNET_ACCESS_KEY/SCNET_SECRET_KEY) to test a server over HTTP.
contract-test: $(STAMP)
	$(BIN)/python -m pytest contract_tests

# Everything CI runs (the README's test command). The slurm-marked tests need a running
# cluster: they run in test-slurm (which starts and stops one), not in the plain pytest step.
test: $(STAMP) lint typecheck check-generated
	$(BIN)/python -m pytest -m "not slurm" tests contract_tests
	$(MAKE) --no-print-directory examples
	$(MAKE) --no-print-directory test-slurm

examples: $(STAMP)
	$(BIN)/python examples/run_all.py

mock: $(STAMP)
	$(BIN)/python -m scnet_hpc.mock --host 127.0.0.1 --port $(PORT) --engine $(ENGINE)

bench: $(STAMP)
	$(BIN)/python -m bench

slurm-up:
	@scripts/slurm-up.sh

slurm-down:
	@scripts/slurm-down.sh

# Real jobs on a real scheduler: slurm-up, the slurm-marked tests, the contract suite over HTTP
# against `python -m scnet_hpc.mock --engine slurm`, slurm-down (always). Needs root.
test-slurm: $(STAMP)
	@PYTHON=$(BIN)/python scripts/slurm-test.sh

clean:
	rm -rf $(VENV) reports .pytest_cache .mypy_cache .ruff_cache
