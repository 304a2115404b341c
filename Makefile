# The two commands: `make run` (serve the timeline on the seeds, with an import worker) and
# `make test` (every test).
# Both install what they need: uv from PyPI, Python packages from uv.lock, Chromium via apt-get
# (as root, for the browser tests), and a project-local PostgreSQL unless DATABASE_URL is set.

PORT ?= 8000
UV := $(shell command -v uv 2>/dev/null || echo python3 -m uv)
MANAGE := $(UV) run --frozen python manage.py

.PHONY: run test deps uv chromium db stop-db db-status lint format import serve clean-db

run: deps db
	$(MANAGE) migrate --noinput
	$(MANAGE) import_articles seeds/
	$(MANAGE) collectstatic --noinput -v 0
	@echo "Serving the timeline at http://127.0.0.1:$(PORT)/, with one import worker (Ctrl+C stops both)"
	$(UV) run --frozen python -m timeline.ops.serve --port $(PORT)

test: deps chromium db
	$(UV) run --frozen pytest

uv:
	@command -v uv >/dev/null 2>&1 || python3 -m uv --version >/dev/null 2>&1 \
		|| python3 -m pip install --quiet uv

deps: uv
	$(UV) sync --frozen --quiet

chromium:
	@if [ ! -x /usr/bin/chromium ]; then \
		if [ "$$(id -u)" = 0 ]; then \
			echo "Installing Chromium for the browser tests (apt-get)"; \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
		else \
			echo "Chromium is missing: install Debian's chromium package (sudo apt-get install chromium)"; \
		fi; \
	fi

db: uv
	@$(UV) run --frozen python -m timeline.ops.localdb start

stop-db:
	@$(UV) run --frozen python -m timeline.ops.localdb stop

db-status:
	@$(UV) run --frozen python -m timeline.ops.localdb status

lint:
	$(UV) run --frozen ruff check .
	$(UV) run --frozen ruff format --check .

format:
	$(UV) run --frozen ruff check --fix .
	$(UV) run --frozen ruff format .
