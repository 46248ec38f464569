# `make demo` and `make test` work on a fresh machine with only Python 3.11 installed.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
SAMPLES := src/whodid/data/samples

.PHONY: install install-runtime demo serve test bench docs clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# What the demo needs: whodid and its runtime dependencies, no extras (docs/install.md has the sizes).
# Reinstalled whenever the project's metadata changes.
$(VENV)/.runtime: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

# Everything the test suite exercises: the runtime plus the web, watch, pandas, graph, plot and test extras.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $@ $(VENV)/.runtime

install-runtime: $(VENV)/.runtime
install: $(VENV)/.installed

demo: install-runtime
	rm -f demo.duckdb demo.duckdb.wal
	$(BIN)/whodid ingest $(SAMPLES) --db demo.duckdb
	$(BIN)/whodid query --summary articles --db demo.duckdb
	$(BIN)/whodid analyze $(SAMPLES)/russia-ukraine-talks.txt --report

# the web app over the demo database (adds the web extra)
serve: install-runtime
	$(BIN)/python -m pip install --quiet -e ".[web]"
	test -f demo.duckdb || $(MAKE) demo
	$(BIN)/whodid serve --db demo.duckdb

test: install
	$(BIN)/python -m pytest -q

bench: install
	$(BIN)/python benchmarks/throughput.py

# docs/cli.md from the commands' --help
docs: install-runtime
	$(BIN)/python scripts/cli_reference.py

clean:
	rm -rf $(VENV) demo.duckdb demo.duckdb.wal .pytest_cache
