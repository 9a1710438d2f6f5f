#!/usr/bin/env bash
# The whole test suite: set up (Chromium included), lint, then every test, browser journeys too.
# DATABASE_URL selects the database (embedded SQLite when unset).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh --browser
export DJANGO_SETTINGS_MODULE=config.settings.test
.venv/bin/ruff check --quiet .
.venv/bin/ruff format --check --quiet .
.venv/bin/python manage.py makemigrations --check --dry-run -v 0
.venv/bin/python manage.py library_validate
DJANGO_SECRET_KEY="$(.venv/bin/python -c 'import secrets; print(secrets.token_urlsafe(64))')" \
  DJANGO_SETTINGS_MODULE=config.settings.production DJANGO_ALLOWED_HOSTS=assure.example.org \
  .venv/bin/python manage.py check --deploy --fail-level WARNING
exec .venv/bin/python -m pytest -n "${ASSURE_TEST_WORKERS:-2}" "$@"
