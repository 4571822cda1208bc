# The README's two commands: `make run` and `make test`. Both set up the environment first if needed.
VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip
STAMP := $(VENV)/.installed
PYTHON ?= python3

.PHONY: setup run test ingest bench lint clean

setup: $(STAMP)

# torch first, exactly 2.13.0: that version installs the local CPU wheel (anything else pulls CUDA).
$(STAMP): pyproject.toml constraints.txt
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet torch==2.13.0
	$(PIP) install --quiet -c constraints.txt -e '.[ui,llm,dev]'
	touch $(STAMP)

# Index the corpus (only what changed), then start the app on 127.0.0.1:7860.
run: setup
	$(VENV)/bin/assistant ingest
	$(PY) app.py

test: setup
	$(PY) -m pytest

ingest: setup
	$(VENV)/bin/assistant ingest

bench: setup
	$(PY) bench/ingest.py
	$(PY) bench/retrieval.py
	$(PY) bench/tables.py

lint: setup
	$(VENV)/bin/ruff check assistant app.py bench tests
	$(VENV)/bin/mypy assistant

clean:
	rm -rf $(VENV) index/build-* index/CURRENT
