VENV ?= .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test lint format bench install install-dev worker messages backup restore

$(PY):
	python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip

$(VENV)/.installed: pyproject.toml | $(PY)
	$(PY) -m pip install -q -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml package-lock.json | $(PY)
	$(PY) -m pip install -q -e '.[dev]'
	npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
	touch $@ $(VENV)/.installed

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

## make run: migrate, load the default library and the demo clinic, serve on http://127.0.0.1:8000
run: export DJANGO_DEBUG ?= true
run: install
	$(PY) manage.py migrate --no-input
	$(PY) manage.py load_library
	$(PY) manage.py seed_demo
	$(PY) manage.py runserver $(HOST):$(PORT)

## make test: the whole suite, one process per core (set DATABASE_URL / CELERY_BROKER_URL to run it on PostgreSQL and Redis)
TEST_WORKERS ?= auto
test: install-dev
	$(PY) -m pytest -n $(TEST_WORKERS) --dist loadscope

lint: install-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install-dev
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

messages: install-dev
	DJANGO_DEBUG=true $(PY) manage.py makemessages -l da -l en --ignore='.venv/*' --ignore='tests/*' --no-obsolete
	DJANGO_DEBUG=true $(PY) manage.py compilemessages --ignore='.venv/*'

## make backup: the database and MEDIA_ROOT into one archive in BACKUP_DIR (default backups/)
backup: export DJANGO_DEBUG ?= true
backup: install
	$(PY) manage.py backup

## make restore BACKUP=backups/osteoactive-....tar.gz: replaces the database and MEDIA_ROOT
restore: export DJANGO_DEBUG ?= true
restore: install
	@test -n "$(BACKUP)" || (echo "usage: make restore BACKUP=path/to/backup.tar.gz" >&2; exit 2)
	$(PY) manage.py restore "$(BACKUP)"

worker: install
	$(VENV)/bin/celery -A osteoactive worker --loglevel=INFO --concurrency=1

bench: install-dev
	$(PY) -m bench
