# scnet-hpc developer entry points (`make help` lists them). Every target sets up what it needs
# (the .venv with the pinned dependencies) on its own, so a fresh clone needs nothing but
# python3 (>= 3.11) and make. A target's `## ` comment is its line in `make help`.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
PORT   ?= 8000
ENGINE ?= simulated

GENERATED_PKG := generated/scnet_hpc_api

.PHONY: help venv generate check-generated lint typecheck check test unit-test contract-test \
        mock bench drift slurm-up slurm-down test-slurm examples docs dist clean

help: ## this list
	@awk 'BEGIN { FS = ":.*## " } /^[a-z][a-z-]*:.*## / { printf "make %-16s %s\n", $$1, $$2 }' \
		$(MAKEFILE_LIST)

venv: $(STAMP) ## create .venv with the pinned development tools (every target does this first)

# Exact versions come from requirements/constraints.txt only; pyproject.toml names what we need.
$(STAMP): pyproject.toml requirements/constraints.txt
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "the development tools need Python >= 3.11 (set PYTHON=...)")'
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c requirements/constraints.txt -e '.[dev]'
	@touch $@

# openapi-python-client formats with ruff (from the venv, found on PATH) and the ruff
# configuration in pyproject.toml, so it must run in place (see docs/toolchain.md); the folder
# is removed first because --overwrite keeps stray top-level files. With
# `--meta none` it writes no py.typed; we add the PEP 561 marker here so that the wheel's
# scnet_hpc_api is typed for downstream mypy, and check-generated guards it like the rest.
generate: $(STAMP) ## regenerate generated/ from openapi.yaml
	rm -rf $(GENERATED_PKG)
	PATH="$(abspath $(BIN)):$$PATH" $(BIN)/openapi-python-client generate \
		--path openapi.yaml --config openapi-python-client.yaml \
		--meta none --output-path $(GENERATED_PKG) --overwrite --fail-on-warning
	@rm -rf $(GENERATED_PKG)/.ruff_cache
	@echo "# Marker file for PEP 561" > $(GENERATED_PKG)/py.typed

# Regenerate in place, then ask git: catches changed, new and vanished files alike.
check-generated: generate ## fail if generated/ is out of sync with openapi.yaml
	@changes="$$(git status --porcelain -- generated)"; \
	if [ -n "$$changes" ]; then \
		echo "generated/ is out of sync with openapi.yaml (run 'make generate' and commit):"; \
		echo "$$changes"; git --no-pager diff --stat -- generated; exit 1; \
	else echo "check-generated: generated/ matches openapi.yaml"; fi

lint: $(STAMP) ## ruff check and ruff format --check
	$(BIN)/ruff check src tests contract_tests bench examples scripts docs/examples docs/hooks
	$(BIN)/ruff format --check src tests contract_tests bench examples scripts docs/examples docs/hooks

typecheck: $(STAMP) ## mypy --strict src
	$(BIN)/mypy --strict src

unit-test: $(STAMP) ## the tests under tests/ (slurm-marked ones skip without a cluster)
	$(BIN)/python -m pytest tests

# The main job: property-based contract tests. Embedded mock by default; set SCNET_BASE_URL
# (and SCNET_TOKEN, or SCNET_USER/SCNET_ACCESS_KEY/SCNET_SECRET_KEY) to test a server over HTTP.
contract-test: $(STAMP) ## contract tests (schemathesis) against the embedded mock, or SCNET_BASE_URL
	$(BIN)/python -m pytest contract_tests

# Everything but Slurm, without root: what a contributor runs before pushing.
check: $(STAMP) ## lint, types, generated check, tests, contract tests (not slurm), examples, docs, dist
	@MAKE="$(MAKE)" PYTHON=$(BIN)/python scripts/check.sh check

# Everything CI runs (the README's test command): `check`, then test-slurm (root and apt).
test: $(STAMP) ## everything CI runs: check, then test-slurm (needs root)
	@MAKE="$(MAKE)" PYTHON=$(BIN)/python scripts/check.sh test

examples: $(STAMP) ## run examples/ against a fresh mock each
	$(BIN)/python examples/run_all.py

mock: $(STAMP) ## serve the mock deployment on 127.0.0.1:$PORT (ENGINE=simulated|slurm)
	$(BIN)/python -m scnet_hpc.mock --host 127.0.0.1 --port $(PORT) --engine $(ENGINE)

bench: $(STAMP) ## benchmarks; figures printed and written to reports/bench.json
	$(BIN)/python -m bench

drift: $(STAMP) ## check recorded answers (BODIES=dir, from SCNET_RECORD_DIR) against openapi.yaml
	@test -n "$(BODIES)" || { echo "make drift: set BODIES=dir (a directory SCNET_RECORD_DIR or scnet-hpc --record wrote)" >&2; exit 2; }
	$(BIN)/python -m scnet_hpc.drift "$(BODIES)" $(if $(JSON),--json)

slurm-up: ## start a local single-node Slurm for ENGINE=slurm (root; installs Debian's packages)
	@scripts/slurm-up.sh

slurm-down: ## stop the daemons slurm-up started
	@scripts/slurm-down.sh

# Real jobs on a real scheduler: slurm-up, the slurm-marked tests, the contract suite over HTTP
# against `python -m scnet_hpc.mock --engine slurm`, slurm-down (always). Needs root.
test-slurm: $(STAMP) ## slurm tests + contract suite against ENGINE=slurm (needs root)
	@PYTHON=$(BIN)/python scripts/slurm-test.sh

# The documentation site (mkdocs.yml, docs/) into site/; strict: any warning (a broken link, a
# missing reference) fails the build. docs/cli.md is written from the CLI itself during the build.
docs: $(STAMP) ## build the documentation site into site/ (strict: a warning fails it)
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict --clean --site-dir site

# The sdist and the wheel into dist/ (emptied first), then what a packager checks: metadata
# renders, contents (openapi.yaml in, no tests or caches), installs in a fresh venv, --version.
dist: $(STAMP) ## build the sdist and wheel into dist/ and check them (scripts/check-dist.py)
	rm -rf dist
	@mkdir -p reports
	@echo "python -m build --outdir dist . (log: reports/dist-build.log)"
	@$(BIN)/python -m build --outdir dist . >reports/dist-build.log 2>&1 || \
		{ tail -n 40 reports/dist-build.log; exit 1; }
	$(BIN)/python scripts/check-dist.py dist

clean: ## remove .venv, reports/, site/, dist/ and tool caches
	rm -rf $(VENV) reports site dist .pytest_cache .mypy_cache .ruff_cache
