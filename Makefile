# Two commands a newcomer needs: `make lab` (open the kit) and `make test` (run every test).
# Both build the same virtual environment in .venv from nothing but Python 3.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin

.PHONY: lab test bench release clean-venv

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

# Runtime install (what a student needs).
$(VENV)/.runtime: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e .
	touch $@

# Test install: adds pytest, nbval, nbgrader, playwright, jsonschema, quantulum3.
$(VENV)/.test: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e '.[test]'
	touch $(VENV)/.runtime $@

lab: $(VENV)/.runtime
	$(BIN)/medialit lab $(LAB_ARGS)

test: $(VENV)/.test
	$(BIN)/python -m pytest

bench: $(VENV)/.test
	$(BIN)/python bench/run.py

# make release: practice release (immediate feedback); make release MODE=assessment: no keys.
MODE ?= practice
release: $(VENV)/.runtime
	$(BIN)/medialit release $(if $(filter assessment,$(MODE)),--no-keys) build/student

clean-venv:
	rm -rf $(VENV)
