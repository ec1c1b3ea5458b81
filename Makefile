# Two commands set everything up on a fresh Debian machine with Python 3.11, as root:
#   make run    install, migrate, load the demo and serve http://127.0.0.1:8000
#   make test   install what tests need and run the whole suite, browser tests included
# Both are safe to run again.

SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
RALPH_VENV := .venv-ralph
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
MANAGE := $(PY) manage.py
HOST ?= 127.0.0.1
PORT ?= 8000
# Debian packages a fresh machine may lack: gettext compiles translations, node and npm install the
# front-end packages, fonts-dejavu-core is the certificate font (it covers ɓ ɗ ƴ ŋ ɲ ɛ ɔ), chromium
# runs the browser tests, poppler-utils and zbar-tools read certificates back (text and QR code),
# espeak-ng speaks the demo's audio clip (a French synthetic placeholder; seed_demo skips it without);
# the fault tests (tests/faults) start private PostgreSQL and Redis servers they may stop at will;
# nginx runs the shipped site (deploy/nginx/lms.conf) in front of gunicorn (tests/deploy);
# stress-ng loads the CPUs while `make flake-hunt` runs the timing-sensitive tests again and again.
APT_RUN := gettext nodejs npm fonts-dejavu-core espeak-ng
APT_TEST := chromium poppler-utils zbar-tools postgresql redis-server nginx stress-ng pgbouncer
# `make test` runs the suite in this many processes (pytest-xdist), each with its own test database,
# Celery queue and worker, and cache key prefix (tests/conftest.py); PYTEST_WORKERS=0 runs it in one.
PYTEST_WORKERS ?= 2
PYTEST_XDIST := $(if $(filter-out 0,$(PYTEST_WORKERS)),-n $(PYTEST_WORKERS) --dist loadgroup)
FLAKE_RUNS ?= 10

BENCH_ARGS ?=

.PHONY: bench run test flake-hunt install install-dev system-deps system-deps-test messages compilemessages lint format serve clean backup restore

# The address served, for links and certificates' QR codes (PUBLIC_BASE_URL in .env or the environment wins).
export LMS_SERVED_AT := http://$(HOST):$(PORT)

run: install
	$(MANAGE) migrate --noinput
	$(MANAGE) collectstatic --noinput --verbosity 0
	$(MANAGE) certificate_keys
	$(MANAGE) seed_demo
	@echo "Serving on http://$(HOST):$(PORT)/ (Ctrl+C to stop)"
	$(MANAGE) runserver $(HOST):$(PORT)

test: install-dev system-deps-test
	$(PY) -m pytest $(PYTEST_XDIST) $(PYTEST_ARGS)

# The browser tests and the real-worker tests FLAKE_RUNS times each under stress-ng, a pass/fail line
# per run and a tally; fails when any run failed. Needs PostgreSQL and Redis (.ci/flake-hunt says which).
flake-hunt: install-dev system-deps-test
	RUNS=$(FLAKE_RUNS) PYTEST_XDIST="$(PYTEST_XDIST)" .ci/flake-hunt

# Every script in bench/ and one table (figure, baseline, ratio, target, met); quick by default,
# `make bench BENCH_ARGS=--full` for the documented figures. Uses the machine's PostgreSQL and Redis on
# 127.0.0.1 where a bench needs them (uniquely named databases and keys, removed afterwards).
bench: install-dev system-deps-test
	$(PY) bench/run_all.py $(BENCH_ARGS)

install: system-deps $(VENV)/.installed node_modules/.installed compilemessages

install-dev: install $(VENV)/.installed-dev $(RALPH_VENV)/.installed

system-deps:
	@missing=""; \
	command -v msgfmt >/dev/null || missing="$$missing gettext"; \
	command -v npm >/dev/null || missing="$$missing nodejs npm"; \
	[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing="$$missing fonts-dejavu-core"; \
	command -v espeak-ng >/dev/null || missing="$$missing espeak-ng"; \
	$(PYTHON) -c "import ensurepip, venv" 2>/dev/null || missing="$$missing python3-venv"; \
	if [ -n "$$missing" ]; then \
		echo "Installing Debian packages:$$missing"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	fi

system-deps-test:
	@if [ ! -x /usr/bin/chromium ] || ! command -v pdftotext >/dev/null || ! command -v zbarimg >/dev/null \
		|| ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || ! command -v redis-server >/dev/null \
		|| [ ! -x /usr/sbin/nginx ] || ! command -v stress-ng >/dev/null || [ ! -x /usr/sbin/pgbouncer ]; then \
		echo "Installing Debian packages: $(APT_TEST)"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(APT_TEST); \
	fi

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: requirements.txt | $(VENV)/bin/python
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements-dev.txt requirements.txt | $(VENV)/bin/python
	$(PIP) install --quiet -r requirements-dev.txt
	touch $@

# Ralph, the learning record store the xAPI tests start (tests/xapi/conftest.py), in its own
# virtualenv: its pinned dependencies (FastAPI, pydantic settings…) must not move ours.
$(RALPH_VENV)/.installed: requirements-ralph.txt
	$(PYTHON) -m venv $(RALPH_VENV)
	$(RALPH_VENV)/bin/pip install --quiet --upgrade pip
	$(RALPH_VENV)/bin/pip install --quiet -r requirements-ralph.txt
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

compilemessages: $(VENV)/.installed
	$(MANAGE) compilemessages --ignore=.venv --ignore=$(RALPH_VENV) --ignore=node_modules --verbosity 0

# For developers: refresh the catalogues after changing strings, then translate locale/fr.
messages: $(VENV)/.installed
	$(MANAGE) makemessages -l fr --ignore=.venv --ignore=$(RALPH_VENV) --ignore=node_modules --ignore=staticfiles --ignore=media --no-obsolete

lint: install-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/djhtml --check $$(git ls-files '*.html')
	$(MANAGE) check --fail-level WARNING
	$(MANAGE) makemigrations --check --dry-run
	$(PY) .ci/mypy_baseline.py
	$(PY) .ci/sizes.py
	$(VENV)/bin/lint-imports
	$(PY) .ci/private_imports.py

format: install-dev
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .
	$(VENV)/bin/djhtml $$(git ls-files '*.html')

# Database dump and media archive in a new folder under backups/ (docs/operations.md).
backup:
	$(MANAGE) backup

# Restore a backup into the configured database, which must be empty: make restore BACKUP=backups/lms-…
restore:
	@test -n "$(BACKUP)" || { echo "Usage: make restore BACKUP=backups/lms-YYYYMMDD-HHMMSS-…"; exit 2; }
	$(MANAGE) restore "$(BACKUP)"

clean:
	rm -rf $(VENV) $(RALPH_VENV) node_modules staticfiles db.sqlite3
