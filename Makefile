# `make demo` and `make test` work on a fresh machine with only Python 3.11 installed.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
SAMPLES := src/whodid/data/samples

.PHONY: install demo test bench clean

# Reinstall whenever the project's metadata changes.
$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $@

install: $(VENV)/.installed

demo: install
	rm -f demo.duckdb demo.duckdb.wal
	$(BIN)/whodid ingest $(SAMPLES) --db demo.duckdb
	$(BIN)/whodid query --summary articles --db demo.duckdb
	$(BIN)/whodid analyze $(SAMPLES)/russia-ukraine-talks.txt --report

test: install
	$(BIN)/python -m pytest -q

bench: install
	$(BIN)/python benchmarks/throughput.py

clean:
	rm -rf $(VENV) demo.duckdb demo.duckdb.wal .pytest_cache
