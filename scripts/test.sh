#!/usr/bin/env bash
# The whole test suite: set up (Chromium included), lint, then every test, browser journeys too.
# DATABASE_URL selects the database (embedded SQLite when unset).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh --browser
export DJANGO_SETTINGS_MODULE=config.settings.test
production() {
  DJANGO_SECRET_KEY="$(.venv/bin/python -c 'import secrets; print(secrets.token_urlsafe(64))')" \
    DJANGO_SETTINGS_MODULE=config.settings.production DJANGO_ALLOWED_HOSTS=assure.example.org "$@"
}
# The static files, collected as a production install collects them: the manifest storage fails
# when a built asset names a file that is not there (which would make every page answer 500).
# Most of the time goes on compressing, so it runs while the checks below do. The production
# stack test (tests/test_production_stack.py) serves from this folder rather than collect again.
export ASSURE_TEST_STATIC_ROOT
ASSURE_TEST_STATIC_ROOT="$(mktemp -d -t assure-static-XXXXXX)"
trap 'rm -rf "$ASSURE_TEST_STATIC_ROOT"' EXIT
production env ASSURE_STATIC_ROOT="$ASSURE_TEST_STATIC_ROOT" \
  .venv/bin/python manage.py collectstatic --no-input -v 0 &
collecting=$!
.venv/bin/ruff check --quiet .
.venv/bin/ruff format --check --quiet .
.venv/bin/python manage.py makemigrations --check --dry-run -v 0
.venv/bin/python manage.py library_validate
production .venv/bin/python manage.py check --deploy --fail-level WARNING
wait "$collecting" || { echo "collectstatic failed with the production settings" >&2; exit 1; }
# The slowest tests are listed at the end, so the suite's cost can be found as it grows.
.venv/bin/python -m pytest -n "${ASSURE_TEST_WORKERS:-2}" --durations=30 "$@"
