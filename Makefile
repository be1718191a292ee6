# One entry point for readers of the README, for CI and for maintainers.
# `make serve` and `make test` install what a fresh machine lacks, then run.

PYTHON ?= python3
# Material prints an end-of-life banner on every run; it is not a build warning.
export NO_MKDOCS_2_WARNING := 1
VENV := .venv
BIN := $(VENV)/bin
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
CHROMIUM := /usr/bin/chromium

.PHONY: serve build test validate lint bench hostile clean install browser graphviz offline pdf

# The virtual environment is rebuilt when the pins change.
$(BIN)/.installed: requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check --require-hashes -r requirements.txt
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@

install: $(BIN)/.installed graphviz

# Debian's Graphviz lays out the tree flowcharts at build time, measuring text in Liberation Sans (Arial's metrics),
# which the stylesheet then draws the labels in.
graphviz:
	@dpkg -s graphviz fonts-liberation2 >/dev/null 2>&1 || { $(SUDO) apt-get update -q && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -q graphviz fonts-liberation2; }

# Debian's Chromium drives the browser tests (never `playwright install`).
browser:
	@[ -x $(CHROMIUM) ] || { $(SUDO) apt-get update -q && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium; }

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

# --dirty: a save rebuilds only the pages it changes (publish/rebuild.py); `make build` always builds everything.
# SERVE_ADDR=127.0.0.1:8811 to serve on another port.
SERVE_ADDR ?= 127.0.0.1:8000
serve: install
	$(BIN)/mkdocs serve --dirty -a $(SERVE_ADDR)

# Exactly `mkdocs build --strict` (any warning fails the build), written into $(1).building beside $(1) and moved
# into place only when it has finished: a failed or killed build leaves the last good $(1) (or none), never a
# partial one. The old folder goes aside for the instant between the two renames, then is removed.
define atomic_build
	rm -rf $(1).building $(1).old
	$(2) $(BIN)/mkdocs build --strict --site-dir $(1).building || { rm -rf $(1).building; exit 1; }
	if [ -d $(1) ]; then mv $(1) $(1).old; fi
	mv $(1).building $(1)
	rm -rf $(1).old
endef

build: install
	$(call atomic_build,site)

# The offline copy: the same site as plain files (page.html rather than page/), search included, to zip and
# hand out. Material's offline plugin is switched on by OFFLINE; the online site keeps its directory URLs.
offline: install
	$(call atomic_build,site-offline,OFFLINE=true)

validate: install
	$(BIN)/python -m working_together validate

lint: install
	$(BIN)/ruff check plugins tests benchmarks
	$(BIN)/ruff format --check plugins tests benchmarks

test: install browser node_modules/.installed lint
	$(BIN)/pytest

# Measurements, not tests: results are written to benchmarks/*.json and benchmarks/RESULTS.md.
# BENCH_ARGS="--multipliers 10 --runs 1" for a quicker run on a busy machine.
# Lighthouse and the navigator timing drive Chromium, and Lighthouse comes from npm: both are installed first.
bench: build browser node_modules/.installed
	$(BIN)/python benchmarks/page_weight.py
	$(BIN)/python benchmarks/search_recall.py
	$(BIN)/python benchmarks/edit_loop.py
	cd benchmarks && ../$(BIN)/python run.py $(BENCH_ARGS)
	$(MAKE) hostile

# Hostile copies of the content, validated and built: tracebacks, hangs and leaks must be 0 (exit 1 otherwise).
# HOSTILE_ARGS="--corpora 60 --builds 6" for a quicker run; results in benchmarks/mutation_campaign.json.
hostile: install
	$(BIN)/python benchmarks/mutation_campaign.py $(HOSTILE_ARGS)

clean:
	rm -rf site site-offline pdf site.building site.old site-offline.building site-offline.old

# The practitioner summary and each whole edition as PDFs in pdf/, printed by Debian's Chromium.
pdf: build browser
	rm -rf pdf
	$(BIN)/python -m working_together.publish.pdf site pdf
