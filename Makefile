# Two commands matter: `make run` (the dashboard) and `make test` (the whole suite).
# Each sets up its own virtual environment, so a fresh clone needs only Python 3.11+ and make.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
PORT   ?= 8501

.PHONY: run test lint bench accuracy screenshots clean

# The first run installs the dependencies (a few minutes): pip shows its progress, so the
# wait is never silent.
$(BIN)/python:
	@echo "Creating the virtual environment in $(VENV) (first run only)"
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --progress-bar on --upgrade pip

# Stamp files: reinstall only when pyproject.toml changes.
$(VENV)/.installed-run: pyproject.toml | $(BIN)/python
	@echo "Installing the app and its dependencies into $(VENV) (first run: a few minutes)"
	$(BIN)/python -m pip install --progress-bar on -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	@echo "Installing the app with its test extras into $(VENV) (first run: a few minutes)"
	$(BIN)/python -m pip install --progress-bar on -e '.[test]'
	touch $@ $(VENV)/.installed-run

run: $(VENV)/.installed-run
	@echo "Starting the dashboard at http://localhost:$(PORT) (another port: make run PORT=8600)"
	$(BIN)/streamlit run dashboard/app.py --server.port $(PORT)

test: $(VENV)/.installed-test
	$(BIN)/ruff check .
	$(BIN)/python -m pytest

# The code is ruff-clean (`ruff check`); it is not machine-formatted, so no `ruff format`.
lint: $(VENV)/.installed-test
	$(BIN)/ruff check .

bench: $(VENV)/.installed-run
	$(BIN)/python scripts/bench_extract.py
	$(BIN)/python scripts/bench_app.py
	$(BIN)/python scripts/bench_store.py

accuracy: $(VENV)/.installed-run
	@if [ -d ../shared/articles ]; then $(BIN)/python scripts/accuracy.py ../shared/articles \
	  tests/fixtures/trips tests/fixtures/blind/set2 tests/fixtures/blind/set3 \
	  tests/fixtures/blind/set4 tests/fixtures/blind/set5 tests/fixtures/blind/set6 \
	  tests/fixtures/blind/set7 tests/fixtures/blind/set8 tests/fixtures/blind/set9 \
	  tests/fixtures/blind/set10 tests/fixtures/blind/set11 tests/fixtures/blind/set12 \
	  tests/fixtures/blind/set13 tests/fixtures/blind/set14 tests/fixtures/blind/set15 \
	  tests/fixtures/blind/set16 tests/fixtures/blind/set17 tests/fixtures/blind/set18 \
	  tests/fixtures/blind/set19 tests/fixtures/blind/set20 tests/fixtures/blind/set21 \
	  tests/fixtures/blind/set22 tests/fixtures/blind/set23 tests/fixtures/blind/set24 \
	  tests/fixtures/blind/set25 tests/fixtures/blind/set26 tests/fixtures/blind/set27 \
	  tests/fixtures/blind/set28 tests/fixtures/blind/set29 tests/fixtures/blind/set30 \
	  tests/fixtures/blind/set31; \
	else echo "../shared/articles not found (the team's development articles): skipped"; \
	  $(BIN)/python scripts/accuracy.py tests/fixtures/trips tests/fixtures/blind/set2 \
	  tests/fixtures/blind/set3 tests/fixtures/blind/set4 tests/fixtures/blind/set5 \
	  tests/fixtures/blind/set6 tests/fixtures/blind/set7 tests/fixtures/blind/set8 \
	  tests/fixtures/blind/set9 tests/fixtures/blind/set10 tests/fixtures/blind/set11 \
	  tests/fixtures/blind/set12 tests/fixtures/blind/set13 tests/fixtures/blind/set14 \
	  tests/fixtures/blind/set15 tests/fixtures/blind/set16 tests/fixtures/blind/set17 \
	  tests/fixtures/blind/set18 tests/fixtures/blind/set19 tests/fixtures/blind/set20 \
	  tests/fixtures/blind/set21 tests/fixtures/blind/set22 tests/fixtures/blind/set23 \
	  tests/fixtures/blind/set24 tests/fixtures/blind/set25 tests/fixtures/blind/set26 \
	  tests/fixtures/blind/set27 tests/fixtures/blind/set28 tests/fixtures/blind/set29 \
	  tests/fixtures/blind/set30 tests/fixtures/blind/set31; fi

screenshots: $(VENV)/.installed-test
	$(BIN)/python scripts/screenshots.py

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
