# The two commands: `make run` serves the graph built from seeds/ on the embedded store;
# `make test` runs lint and the whole test suite. Both bootstrap everything they need.
PYTHON ?= python3
UV_VERSION := 0.13.8
TOOLS := .tools
UV := $(TOOLS)/bin/uv
VENV := .venv
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test lint bench browser clean

run: $(VENV)/.synced
	$(VENV)/bin/orgkg serve --host $(HOST) --port $(PORT)

test: $(VENV)/.synced
	$(VENV)/bin/ruff check .
	$(VENV)/bin/pytest

lint: $(VENV)/.synced
	$(VENV)/bin/ruff check .

bench: $(VENV)/.synced
	$(VENV)/bin/python -m bench

$(UV):
	$(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/pip install --quiet "uv==$(UV_VERSION)"

$(VENV)/.synced: pyproject.toml uv.lock | $(UV)
	UV_PROJECT_ENVIRONMENT=$(VENV) $(UV) sync --frozen --python $(PYTHON)
	touch $@

clean:
	rm -rf $(VENV) $(TOOLS) .orgkg .pytest_cache
