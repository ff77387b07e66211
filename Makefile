# Innovasjon i offentlig sektor. `make help` lists the targets.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
export PORT

.PHONY: help install run serve backup restore test test-docker test-fast lint format bench lock clean \
	browser-repeat requirements-run requirements-serve requirements-test requirements-docker

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

# The Debian packages a command needs, checked before anything else (bin/system-requirements): run as
# root on Debian or Ubuntu, what is missing is installed; otherwise one message says what to install.
requirements-run requirements-serve requirements-test requirements-docker:
	@bin/system-requirements $(@:requirements-%=%)

$(BIN)/.installed: requirements-dev.txt
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements-dev.txt
	@touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund
	@touch $@

# Inter cut down to what the site prints, which STATICFILES_DIRS serves; again when a lock or the
# script changes. The stamp sits outside the served folder.
FONTS := build/fonts/.built
$(FONTS): bin/build_fonts.py $(BIN)/.installed node_modules/.installed
	$(BIN)/python bin/build_fonts.py
	@touch $@

MESSAGES := locale/nb/LC_MESSAGES/django.mo locale/nb/LC_MESSAGES/djangojs.mo locale/en/LC_MESSAGES/django.mo
$(MESSAGES) &: $(MESSAGES:.mo=.po) bin/compile_messages.py $(BIN)/.installed
	$(BIN)/python bin/compile_messages.py

install: requirements-run $(BIN)/.installed node_modules/.installed $(FONTS) $(MESSAGES) ## Install Python and npm packages from the lock files, build the fonts and our translations

run: requirements-run install ## Serve the site with its content on 127.0.0.1:$PORT (SQLite unless DATABASE_URL is set)
	$(BIN)/python manage.py migrate --no-input
	$(BIN)/python manage.py createcachetable
	$(BIN)/python manage.py load_seed_content
	$(BIN)/python manage.py set_local_site_address
	$(BIN)/python manage.py create_local_users
	$(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

serve: requirements-$(if $(filter none,$(PROXY)),run,serve) install ## Production settings: nginx on 127.0.0.1:$PORT in front of gunicorn (PROXY=none: gunicorn alone)
	DJANGO_SETTINGS_MODULE=innovasjon.settings.production ./bin/serve-local

backup: ## pg_dump (custom format) and the media files into $BACKUP_DIR/<time>/ (PostgreSQL only)
	./bin/backup

restore: ## Load BACKUP=backups/<time> into the empty database in DATABASE_URL and into MEDIA_ROOT
	./bin/restore "$(BACKUP)"

# PYTEST_ARGS narrows a run: CI's SQLite pass leaves out what it ran on PostgreSQL. Two processes,
# each given whole modules in the order tests/conftest.py sets: the browser tier last on each
# (--no-loadscope-reorder keeps that order). TEST_WORKERS=0 runs in one process.
PYTEST_ARGS ?=
TEST_WORKERS ?= 2
test: requirements-test install lint ## Lint, then the whole test suite
	$(BIN)/pytest -n $(TEST_WORKERS) --dist loadscope --no-loadscope-reorder $(PYTEST_ARGS)

test-docker: requirements-docker install ## Build the images, run the compose stack, check the deploy, take it down (docs/deploy.md)
	./bin/test-docker

test-fast: install ## The inner loop: no lint, no browser, no servers of their own; stops at the first failure
	$(BIN)/pytest -n $(TEST_WORKERS) -x -q -m "not browser and not servers" $(PYTEST_ARGS)

lint: install ## ruff check, ruff format --check, the import contracts, no missing migrations
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports --no-cache --no-logo
	DJANGO_SETTINGS_MODULE=innovasjon.settings.test $(BIN)/python manage.py makemigrations --check --dry-run

format: install ## Fix what ruff can fix
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

RUNS ?= 10
browser-repeat: requirements-test install ## The browser suite RUNS (10) times on PostgreSQL and SQLite, pinned to a busy CPU
	RUNS=$(RUNS) ./bin/browser-repeat

bench: install ## gunicorn under wrk on PostgreSQL and Redis, queries and page weights (docs/benchmarks.md)
	$(BIN)/python -m bench

lock: install ## Recompile the lock files after changing pyproject.toml
	$(BIN)/pip-compile --quiet --strip-extras --generate-hashes --no-emit-index-url --no-emit-find-links --allow-unsafe -o requirements.txt pyproject.toml
	$(BIN)/pip-compile --quiet --strip-extras --generate-hashes --no-emit-index-url --no-emit-find-links --allow-unsafe --extra dev -o requirements-dev.txt pyproject.toml

clean: ## Remove the virtualenv, node_modules, built fonts, collected static files and caches
	rm -rf $(VENV) node_modules build/fonts staticfiles .pytest_cache .ruff_cache
