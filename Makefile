# The two commands: `make run` serves the graph built from seeds/ on the embedded store;
# `make test` runs lint and the whole test suite. Both bootstrap everything they need.
PYTHON ?= python3
UV_VERSION := 0.13.8
TOOLS := .tools
UV := $(TOOLS)/bin/uv
VENV := .venv
HOST ?= 127.0.0.1
PORT ?= 8000

NODE_TOOLS := $(TOOLS)/node
NEO4J_LINT_SRC := tests/stores/neo4j_lint
NEO4J_LINT := $(NODE_TOOLS)/node_modules/@neo4j-cypher/language-support/package.json

.PHONY: run test lint bench browser clean neo4j-lint-tools

run: $(VENV)/.synced $(VENV)/.compiled
	$(VENV)/bin/orgkg serve --host $(HOST) --port $(PORT)

test: $(VENV)/.synced $(VENV)/.compiled neo4j-lint-tools
	$(VENV)/bin/ruff check .
	$(VENV)/bin/pytest

lint: $(VENV)/.synced
	$(VENV)/bin/ruff check .

bench: $(VENV)/.synced $(VENV)/.compiled
	$(VENV)/bin/python -m bench

# Neo4j's Cypher front end for tests/stores/test_neo4j_frontend.py (pinned by the committed package-lock).
# Without node the test is skipped locally (and fails in CI, where .ci/run installs nodejs and npm).
neo4j-lint-tools:
	@if command -v npm >/dev/null 2>&1; then $(MAKE) --no-print-directory $(NEO4J_LINT); \
	else echo "node/npm not found: the Neo4j front-end test will be skipped (CI installs them)"; fi

$(NEO4J_LINT): $(NEO4J_LINT_SRC)/package.json $(NEO4J_LINT_SRC)/package-lock.json
	mkdir -p $(NODE_TOOLS)
	cp $(NEO4J_LINT_SRC)/package.json $(NEO4J_LINT_SRC)/package-lock.json $(NODE_TOOLS)/
	cd $(NODE_TOOLS) && npm ci --no-audit --no-fund --loglevel=error
	touch $@

$(UV):
	$(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/pip install --quiet "uv==$(UV_VERSION)"

# Bytecode is compiled once here, for the installed packages and for orgkg's own modules: where
# PYTHONDONTWRITEBYTECODE is set (as on our machines), nothing else writes it, and every orgkg process
# would compile about 450 modules again (half a second before a load or a server start does anything).
$(VENV)/.synced: pyproject.toml uv.lock Makefile | $(UV)
	UV_PROJECT_ENVIRONMENT=$(VENV) $(UV) sync --frozen --compile-bytecode --python $(PYTHON)
	touch $@

$(VENV)/.compiled: $(VENV)/.synced $(shell find graph loaders api bench -name '*.py')
	$(VENV)/bin/python -m compileall -q graph loaders api bench
	touch $@

clean:
	rm -rf $(VENV) $(TOOLS) .orgkg .pytest_cache
