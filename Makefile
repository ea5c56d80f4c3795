# hakusho: `make site` builds the site (and the offline bundle), `make test` runs the tests.
# Each target installs what it needs into .venv first: make site needs Python 3.11 and make,
# make test Node (npm) as well, and installs Debian's chromium and fonts-noto-cjk when run as root.
# `make site ENGINE=properdocs|zensical` builds with another engine (MkDocs is the default),
# each installed from its own pinned requirements into its own virtualenv.
# `make workflows` runs publish.yml and preview.yml with act against stand-ins for GitHub.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cat requirements.txt | cksum | cut -d' ' -f1)
# make test's packages (requirements-test.txt: requirements.txt's and the tests' and checks')
TEST_STAMP := $(VENV)/.installed-test-$(shell cat requirements.txt requirements-test.txt | cksum | cut -d' ' -f1)
export NO_MKDOCS_2_WARNING := 1
# Dates in the output (sitemap, zip entries) come from the commit, so builds repeat.
export SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || echo 315532800)
# Compile each module once, into build/pycache: this machine sets
# PYTHONDONTWRITEBYTECODE, and Python then compiled the builder at every run.
# (With a prefix Python reads no __pycache__ beside the sources, so pip installs
# with --no-compile: what it would compile would never be read.)
unexport PYTHONDONTWRITEBYTECODE
export PYTHONPYCACHEPREFIX := $(CURDIR)/build/pycache

# The site generator. The builder, the bundler and the tests run in .venv
# (requirements.txt, MkDocs included); another engine has its own virtualenv.
ENGINE ?= mkdocs
ENGINES := mkdocs properdocs zensical
ifeq ($(filter $(ENGINE),$(ENGINES)),)
$(error ENGINE=$(ENGINE): expected one of $(ENGINES))
endif
ENGINE_VENV := $(if $(filter mkdocs,$(ENGINE)),$(VENV),.venv-$(ENGINE))
ENGINE_STAMP := $(if $(filter mkdocs,$(ENGINE)),$(STAMP),$(ENGINE_VENV)/.installed)
EBIN := $(ENGINE_VENV)/bin

TOOLS  := tests/tools/node_modules/.installed
# act, which runs the GitHub workflows here (make workflows, and a test)
ACT    := .venv-workflows/.installed
CHROMIUM := /usr/bin/chromium

.PHONY: site docs test test-venv serve clean browser bench engines workflows workflows-ready runner-tools lock

# Each virtualenv holds exactly its lock: requirements*.txt is every package, dependencies too, at
# one version with the hashes of its files (made from requirements*.in by `make lock`); pip refuses
# a file whose hash differs, and a virtualenv is made afresh when its lock changes, so that nothing
# of an older lock stays (tests/test_locks.py holds pip freeze to the lock).
# pip runs from the wheel Python ships for ensurepip, not from a copy in each virtualenv: making a
# virtualenv with pip in it took 4-5 s of CPU (8-14 s on this machine, loaded) for a tool it never
# needs again, and make test makes four, and each workflow run one more.
PIP_WHEEL = $(shell $(PYTHON) -c 'import ensurepip, glob, os; print(*glob.glob(os.path.join(os.path.dirname(ensurepip.__file__), "_bundled", "pip-*.whl")))')
VENV_NEW = $(PYTHON) -m venv --clear --without-pip
PIP_INSTALL = $(or $(PIP_WHEEL),$(error $(PYTHON) has no ensurepip wheel of pip (Debian: apt-get install python3-venv)))/pip install --quiet --disable-pip-version-check --no-compile --require-hashes

$(STAMP): requirements.txt
	$(VENV_NEW) $(VENV)
	$(BIN)/python $(PIP_INSTALL) -r requirements.txt
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

# make test's .venv: requirements-test.txt, which holds requirements.txt's packages at the same
# versions (make lock compiles it against requirements.txt) and those of the tests and code checks.
# make site alone installs none of these: the workflow runs, which build from nothing, install less.
$(TEST_STAMP): requirements.txt requirements-test.txt
	$(VENV_NEW) $(VENV)
	$(BIN)/python $(PIP_INSTALL) -r requirements-test.txt
	rm -f $(VENV)/.installed-*
	touch $(STAMP) $(TEST_STAMP)

# Another engine's virtualenv, from its own pinned requirements.
.venv-%/.installed: requirements-%.txt
	$(VENV_NEW) .venv-$*
	.venv-$*/bin/python $(PIP_INSTALL) -r $<
	touch $@

# The other engines, for the tests that build the site with each (tests/test_engines.py).
engines: .venv-properdocs/.installed .venv-zensical/.installed

# The builder writes build/docs (and the engine's config); the engine turns it
# into site/. It runs again only when its inputs or its own code changed, or
# the engine did (the mark lives in build/docs, so that a removed docs folder
# is built again).
# A deleted input leaves no file to be newer than the mark, so the list of the inputs is a
# prerequisite too: build/inputs.list is rewritten (and so newer) only when a file was added
# or deleted since the last run.
DOCS_MARK := build/docs/.built-$(ENGINE)
INPUTS := $(shell find content builder -type f -not -path '*/__pycache__/*' 2>/dev/null | LC_ALL=C sort)
INPUTS_LIST := build/inputs.list
$(shell mkdir -p build && printf '%s\n' $(INPUTS) > $(INPUTS_LIST).new && \
  { cmp -s $(INPUTS_LIST).new $(INPUTS_LIST) && rm $(INPUTS_LIST).new || mv $(INPUTS_LIST).new $(INPUTS_LIST); })
$(DOCS_MARK): $(STAMP) $(INPUTS_LIST) $(INPUTS)
	$(BIN)/python -m builder build --engine $(ENGINE)
	rm -f build/docs/.built-*
	touch $@

docs: $(DOCS_MARK)

# The engine runs as `python -m` from here, so that it can import builder.markdown_ext.
# The offline build has no site URL: its pages live at file://, and name no other.
# The two builds run side by side, one a core: they share nothing but what they read,
# give the same files as one after the other, and take half the time; either failing
# fails. Never with --quiet: MkDocs then counts no warnings, and --strict stops on none.
# $(call side_by_side,ARGS OF THE SITE'S BUILD,ARGS OF THE OFFLINE BUILD):
side_by_side = $(EBIN)/python -m $(ENGINE) build --strict $(1) & served=$$!; \
	env -u HAKUSHO_SITE_URL HAKUSHO_OFFLINE=true $(EBIN)/python -m $(ENGINE) build --strict $(2); \
	offline=$$?; wait $$served && [ $$offline = 0 ]
# The other editions (content/hakusho.yaml: editions), each after the main one, into its
# language's folder of the site and of the offline build, its URL under the site's.
# $(call editions,CONFIG PREFIX,SITE FOLDER,OFFLINE FOLDER)
editions = for cfg in $(1)-*.yml; do [ -f "$$cfg" ] || continue; lang=$${cfg\#$(1)-}; lang=$${lang%.yml}; \
	HAKUSHO_SITE_URL=$${HAKUSHO_SITE_URL:+$${HAKUSHO_SITE_URL%/}/$$lang/} \
	$(call side_by_side,-f $$cfg -d $(2)/$$lang,-f $$cfg -d $(3)/$$lang) || exit 1; done

site: docs $(ENGINE_STAMP)
ifeq ($(ENGINE),zensical)
	@# each build from its own config: Zensical names the site folder only there
	rm -rf build/zensical-site* build/zensical-offline*
	$(call side_by_side,-f zensical.yml,-f zensical-offline.yml)
	rm -rf site && mv build/zensical-site site
	rm -rf dist/offline && mkdir -p dist && mv build/zensical-offline dist/offline
	@# the other editions, each into its language's folder
	for cfg in zensical-*.yml; do case $$cfg in *-offline.yml) continue;; esac; \
	  lang=$${cfg#zensical-}; lang=$${lang%.yml}; \
	  $(call side_by_side,-f $$cfg,-f zensical-$$lang-offline.yml) || exit 1; \
	  mv build/zensical-site-$$lang site/$$lang && mv build/zensical-offline-$$lang dist/offline/$$lang; done
	@echo "site: $(CURDIR)/site/index.html"
else
	rm -rf dist/offline
	$(call side_by_side,-f build/mkdocs.yml,-f build/mkdocs.yml -d $(CURDIR)/dist/offline)
	$(call editions,build/mkdocs,$(CURDIR)/site,$(CURDIR)/dist/offline)
	@echo "site: $(CURDIR)/site/index.html"
endif
	$(BIN)/python -m builder.bundle dist/offline dist/hakusho-offline.zip

# .venv with make test's packages (for running some tests alone, as ci.yml's engine job does)
test-venv: $(TEST_STAMP)

# the virtualenvs, the node tools and the browser are independent: installed side by side.
# The test files run on workers (at most 4: each may hold a Chromium); tests/conftest.py
# builds the real site once for all of them. The longest files start first (tests/workflows/plugin/).
# One worker more than the cores: a core left idle while a worker waits (on a browser, a server,
# the disk: 2 workers kept 2 cores 60 % busy, 5:06 of CPU in 4:18) is taken by the third.
WORKERS = $(shell $(PYTHON) -c 'import os; print(min(4, (os.cpu_count() or 1) + 1))')
test:
	$(MAKE) --no-print-directory -j4 $(TEST_STAMP) $(TOOLS) browser engines workflows-ready
	$(MAKE) --no-print-directory runner-tools
	PYTHONPATH=tests/workflows/plugin $(BIN)/python -m pytest -q -n $(WORKERS) --dist loadfile -p workflows_first --no-loadscope-reorder

# publish.yml and preview.yml, run by act (requirements-workflows.txt) on this machine with no
# network, against stand-ins for GitHub: a bare origin in build/workflows/origin.git, an API that
# logs what it was sent to build/workflows/api-log.json (README: Workflows, run here).
workflows: $(ACT) runner-tools
	.venv-workflows/bin/python tests/workflows/run.py

# What the workflow runs take from outside (the actions' files, the wheels of requirements.txt),
# made ready beside the other installs (.venv's too: it needs .venv-workflows alone). A failure
# here (no snapshot of an action on this machine) is the workflow test's to report: it skips,
# saying why.
workflows-ready: $(ACT)
	-.venv-workflows/bin/python tests/workflows/run.py --prepare

# What a GitHub runner has and this machine may lack: rsync, which github-pages-deploy-action
# copies the site with. As root (as in CI), installed; after `browser`, one apt-get at a time.
runner-tools:
	@command -v rsync >/dev/null || { [ "$$(id -u)" = 0 ] && apt-get update -qq && \
	  apt-get install -y -qq rsync >/dev/null; } || \
	  echo "note: rsync not found and not root; the workflow runs cannot start (apt-get install rsync)"

# The workflow linter, pinned by tests/tools/package-lock.json.
$(TOOLS): tests/tools/package.json tests/tools/package-lock.json
	npm ci --prefix tests/tools --no-audit --no-fund --silent
	touch $(TOOLS)

# Browser tests use Debian's Chromium, and a Japanese font: without one every character
# is a box of one width, and the phone tests measure how lines wrap. As root (as in CI)
# install what is missing.
FONT := /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc
browser:
	@{ test -x $(CHROMIUM) && test -f $(FONT); } || { [ "$$(id -u)" = 0 ] && (apt-get update -qq && \
	  apt-get install -y -qq chromium fonts-noto-cjk >/dev/null); } || \
	  echo "note: $(CHROMIUM) or $(FONT) not found and not root; the browser tests will be skipped or may fail (apt-get install chromium fonts-noto-cjk)"

# Serves the site at http://127.0.0.1:8000/ and reloads the page on every save to content/,
# builder/, overrides/ or mkdocs.yml. With MkDocs, one process (python -m builder serve:
# the builder and MkDocs' build in memory); with another engine, the builder's watch
# beside the engine's own server.
serve: docs $(ENGINE_STAMP)
ifeq ($(ENGINE),mkdocs)
	$(BIN)/python -m builder serve
else ifeq ($(ENGINE),zensical)
	$(BIN)/python -m builder watch --engine zensical & trap "kill $$!" EXIT; \
	$(EBIN)/python -m zensical serve -f zensical.yml
else
	$(BIN)/python -m builder watch & trap "kill $$!" EXIT; \
	$(EBIN)/python -m $(ENGINE) serve --livereload -f build/mkdocs.yml
endif

# Measures, and writes the figures into README.md's Performance section (bench/run.py --readme).
bench: $(TEST_STAMP) engines  # the browser, as the tests: bench/search*.py drive Chromium
	$(BIN)/python bench/run.py --readme

# The locks, after a change to a requirements*.in: uv (in .venv-lock) resolves each for this Python
# and writes every package with its hashes. A version already in a lock is kept. requirements-test.in
# takes requirements.txt as constraints: it comes after it.
LOCKS := requirements requirements-test requirements-properdocs requirements-zensical requirements-workflows
lock:
	$(PYTHON) -m venv .venv-lock && .venv-lock/bin/python -m pip install --quiet --disable-pip-version-check uv==0.13.9
	for f in $(LOCKS); do .venv-lock/bin/uv pip compile $$f.in --generate-hashes --python-version 3.11.7 \
	  --no-header --quiet -o $$f.txt || exit 1; done

clean:
	rm -rf build site dist zensical.yml zensical-offline.yml .cache
