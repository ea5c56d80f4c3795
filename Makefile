# hakusho: `make site` builds the site (and the offline bundle), `make test` runs the tests.
# Each target installs what it needs into .venv first: make site needs Python 3.11 and make,
# make test Node (npm) as well, and installs Debian's chromium when run as root.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cat requirements.txt | cksum | cut -d' ' -f1)
export NO_MKDOCS_2_WARNING := 1
# Dates in the output (sitemap, zip entries) come from the commit, so builds repeat.
export SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || echo 315532800)
# Compile each module once, into build/pycache: this machine sets
# PYTHONDONTWRITEBYTECODE, and Python then compiled the builder at every run.
unexport PYTHONDONTWRITEBYTECODE
export PYTHONPYCACHEPREFIX := $(CURDIR)/build/pycache

TOOLS  := tests/tools/node_modules/.installed
CHROMIUM := /usr/bin/chromium

.PHONY: site docs test serve clean browser bench

$(STAMP): requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

# The builder writes build/docs; MkDocs turns it into site/. It runs again only
# when its inputs or its own code changed (the mark lives in build/docs, so that
# a removed docs folder is built again).
DOCS_MARK := build/docs/.built
$(DOCS_MARK): $(STAMP) $(shell find content builder -type f -not -path '*/__pycache__/*' 2>/dev/null)
	$(BIN)/python -m builder build
	touch $@

docs: $(DOCS_MARK)

site: docs
	$(BIN)/python -m mkdocs build --strict --quiet -f build/mkdocs.yml
	@echo "site: $(CURDIR)/site/index.html"
	rm -rf dist/offline
	HAKUSHO_OFFLINE=true $(BIN)/python -m mkdocs build --strict --quiet -f build/mkdocs.yml -d $(CURDIR)/dist/offline
	$(BIN)/python -m builder.bundle dist/offline dist/hakusho-offline.zip

test: $(STAMP) $(TOOLS) browser
	$(BIN)/python -m pytest -q

# The workflow linter, pinned by tests/tools/package-lock.json.
$(TOOLS): tests/tools/package.json tests/tools/package-lock.json
	npm ci --prefix tests/tools --no-audit --no-fund --silent
	touch $(TOOLS)

# Browser tests use Debian's Chromium; as root (as in CI) install it when missing.
browser:
	@test -x $(CHROMIUM) || { [ "$$(id -u)" = 0 ] && (apt-get update -qq && apt-get install -y -qq chromium >/dev/null); } || \
	  echo "note: $(CHROMIUM) not found and not root; the browser tests will be skipped (apt-get install chromium)"

# Rebuilds the docs folder on edits to content/ or builder/; MkDocs reloads the page.
serve: docs
	$(BIN)/python -m builder watch & trap "kill $$!" EXIT; \
	$(BIN)/python -m mkdocs serve --livereload -f build/mkdocs.yml

# Figures, not pass/fail: see README's Performance section.
bench: $(STAMP)
	$(BIN)/python bench/run.py

clean:
	rm -rf build site dist
