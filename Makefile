# pgi-analysis: `make report` builds everything from data/; `make test` checks it.
# Both set up their own environment: the active virtualenv (or the conda env `pgi-analysis`)
# if there is one, else ./.venv.

PYTHON ?= python3
ENV := $(or $(VIRTUAL_ENV),$(if $(filter pgi-analysis,$(CONDA_DEFAULT_ENV)),$(CONDA_PREFIX)),$(CURDIR)/.venv)
BIN := $(ENV)/bin
INSTALLED := $(ENV)/.pgi-analysis-installed

.DEFAULT_GOAL := help
.PHONY: help report test test-fast lab bench tidy clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

$(INSTALLED): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(ENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e ".[dev]"
	touch $@

report: $(INSTALLED) ## rebuild what changed: tables, notebooks, figures, HTML pages, workbook
	$(BIN)/pgi-analysis report

tidy: $(INSTALLED) ## rewrite only the tidy tables in data/processed/
	$(BIN)/pgi-analysis tidy

test: $(INSTALLED) ## everything: lint, unit and integration tests, strict nbval, the walkthrough
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python -m pytest -n auto

test-fast: $(INSTALLED) ## unit tests only (no kernels, notebooks or report runs): seconds
	$(BIN)/python -m pytest tests -m "not integration" -q -n auto

lab: $(INSTALLED) ## open JupyterLab on the project's environment
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e ".[dev,lab]"
	$(BIN)/jupyter lab notebooks/

bench: $(INSTALLED) ## run the benchmarks in benchmarks/
	$(BIN)/python benchmarks/run.py

clean: ## remove the local environment (outputs are committed and stay)
	rm -rf .venv
