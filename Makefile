# Thin targets over the project's tools. `make serve` and `make test` are the
# two commands a reader needs; both set everything up on first use.

# Material prints a banner about its successor on every build; keep logs readable.
export NO_MKDOCS_2_WARNING := 1

VENV   := .venv
BIN    := $(VENV)/bin
PY_OK  := $(VENV)/.installed
JS_OK  := node_modules/.installed
ASSETS := overrides/assets/vendor/.built

.PHONY: serve test build offline bench links datasets round grade lint clean setup

serve: setup ## Build the site and serve it on http://127.0.0.1:8000/
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

test: setup ## Run every test: build, notebooks, exercises, datasets, browser
	$(BIN)/pytest

build: setup ## Build the site into site/
	$(BIN)/mkdocs build

offline: setup ## Build site-offline/: no request to any other host, ever
	PYODIDE_PACKAGES_URL="$(PYODIDE_PACKAGES_URL)" $(BIN)/mkdocs build --site-dir site-offline

bench: setup ## Build, Python-in-the-browser and Lighthouse figures, one table (medians)
	$(BIN)/python scripts/bench.py

links: build ## List the site's links to other hosts and ask each one (needs a network)
	$(BIN)/python scripts/site_links.py site --check

datasets: setup ## Regenerate the synthetic CSVs in datasets/
	$(BIN)/python scripts/make_datasets.py

KIND ?= laptop

round: setup ## Start a practice round in a new folder: make round DIR=path [ARGS="--scenario churn"]
	@test -n "$(DIR)" || { echo "usage: make round DIR=path/to/a/new/folder [KIND=laptop] [ARGS='--scenario fraud|merchants|churn --seed N']" >&2; exit 2; }
	$(BIN)/python scripts/rounds.py new $(KIND) "$(DIR)" $(ARGS)

grade: setup ## Grade a practice round: make grade DIR=path
	@test -n "$(DIR)" || { echo "usage: make grade DIR=path/to/the/round" >&2; exit 2; }
	$(BIN)/python scripts/rounds.py grade "$(DIR)"

lint: setup
	$(BIN)/ruff check . && $(BIN)/ruff format --check . && $(BIN)/codespell

clean:
	rm -rf site site-offline .cache overrides/assets/vendor

setup: $(PY_OK) $(ASSETS)

$(VENV)/bin/python:
	@python="$$(scripts/find-python.sh)" && "$$python" -m venv $(VENV)

$(PY_OK): $(VENV)/bin/python requirements.lock pyproject.toml
	$(BIN)/python -m pip install -qq --upgrade pip==25.3
	$(BIN)/python -m pip install -qq -r requirements.lock
	$(BIN)/python -m pip install -qq --no-deps -e .
	@touch $@

$(JS_OK): package-lock.json
	@command -v npm >/dev/null || { echo "error: the site's front-end assets need Node.js 20 and npm; install them (e.g. 'apt-get install nodejs npm') and try again" >&2; exit 1; }
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

# What the browser's Python runs (scripts/build_wheel.py packs it into one wheel).
WHEEL_SOURCES := examples/exercises/exercise_harness.py \
	$(shell find examples/rounds/roundkit examples/rounds/sandbox examples/rounds/integration \
		examples/rounds/bugsquash -type f -not -path '*/__pycache__/*')

# Pyodide and CodeMirror from node_modules, the guide's wheel in the served lock,
# then the start-up snapshot made from both.
$(ASSETS): $(JS_OK) $(PY_OK) scripts/vendor_assets.mjs scripts/build_wheel.py \
		scripts/make_snapshot.mjs docs/assets/exercise/guide-package.js $(WHEEL_SOURCES)
	node scripts/vendor_assets.mjs
	$(BIN)/python scripts/build_wheel.py
	node scripts/make_snapshot.mjs
	@touch $@
