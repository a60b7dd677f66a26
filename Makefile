# notice-lookup developer commands. `make demo` and `make test` work on a fresh machine:
# they create .venv and install the project (pinned by constraints.txt) when needed.

SHELL := /bin/bash
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
BUF := tools/node_modules/.bin/buf
PYTEST_ARGS ?=

.PHONY: demo test eval check lint format typecheck proto proto-check buf system-deps venv lock bench clean

$(STAMP): pyproject.toml constraints.txt scripts/python.sh
	@set -e; if [ ! -x $(PY) ]; then "$$(scripts/python.sh)" -m venv $(VENV); fi
	$(PY) -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(PY) -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[dev,bench]'
	@touch $(STAMP)

venv: $(STAMP)

## The main job: a server on the embedded default (SQLite) with sample data, three checks.
demo: $(STAMP)
	$(PY) scripts/demo.py

## The whole test suite, with the throwaway PostgreSQL (and Redis) it starts itself.
test: $(STAMP) system-deps
	$(PY) -m pytest $(PYTEST_ARGS)

system-deps:
	@scripts/ensure-system-deps.sh

## Static checks: ruff, mypy, generated code up to date, buf lint and wire compatibility.
check: lint typecheck proto-check

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(STAMP)
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

typecheck: $(STAMP)
	$(VENV)/bin/mypy

proto: $(STAMP)
	$(PY) scripts/gen_proto.py

$(BUF): tools/package.json tools/package-lock.json
	cd tools && npm ci --no-audit --no-fund --loglevel=error
	@touch $(BUF)

buf: $(BUF)

proto-check: $(STAMP) $(BUF)
	$(PY) scripts/gen_proto.py --check
	$(BUF) lint
	$(BUF) breaking --against proto/released/noticelookup-v1.binpb

## Pin the versions of everything installed into .venv (after changing dependencies).
lock: $(STAMP)
	$(PY) -m pip freeze --exclude-editable --disable-pip-version-check | grep -v '^-e ' > constraints.txt

## Name matching recall/precision on the labelled pairs (test split), per category.
eval: $(STAMP)
	$(VENV)/bin/notice-lookup evaluate $(EVAL_ARGS)

bench: $(STAMP)
	@scripts/ensure-system-deps.sh --bench
	$(PY) -m bench.run $(BENCH_ARGS)

clean:
	rm -rf data/demo .pytest_cache .mypy_cache .ruff_cache
