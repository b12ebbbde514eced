# Quick start: `make run` then `make test`. Everything installs into .venv from PyPI.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
export PREFECT_SERVER_ANALYTICS_ENABLED := false

.PHONY: install test-deps run test lint eval bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/python pyproject.toml constraints.txt
	$(BIN)/pip install --quiet -c constraints.txt -e '.[dev,dask]'
	touch $@

install: $(VENV)/.installed

test-deps:  ## what the tests need from the system (Chromium, npm): apt-get installs what is missing
	.ci/test-deps

run: install  ## clean seeds/ into output/ through the Prefect flow
	$(BIN)/newsclean run seeds --out output

test: install test-deps  ## lint, then the whole test suite (quality floors included)
	$(BIN)/ruff check newsclean flows tests
	$(BIN)/python -m pytest

lint: install
	$(BIN)/ruff check newsclean flows tests

eval: install  ## score the seeds against the shared gold labels
	$(BIN)/newsclean eval ../shared/gold/seeds

bench: install  ## load benchmark: 10k synthetic corpus, then a 20k topical run (~1 h on 2 cores); LARGE=1: 100k runs and a 100k topical run
	$(BIN)/pip install --quiet -c constraints.txt -e '.[bench]'
	$(BIN)/python benchmarks/run.py $(if $(LARGE),--topical 100000,--skip-large) $(BENCH_ARGS)

clean:
	rm -rf output .pytest_cache .ruff_cache
