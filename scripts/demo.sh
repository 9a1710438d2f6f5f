#!/usr/bin/env bash
# The demo: set up, create a fresh embedded SQLite database, load the West Mercia demo region,
# print the demo sign-ins and serve Assure on http://127.0.0.1:8000/.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
export DJANGO_SETTINGS_MODULE=config.settings.base
export DATABASE_URL="${DATABASE_URL:-sqlite:///$PWD/var/demo.sqlite3}"
export ASSURE_DEMO=1
if [[ "$DATABASE_URL" == sqlite:///* ]]; then rm -f "${DATABASE_URL#sqlite:///}"; fi
.venv/bin/python manage.py migrate --no-input -v 0
.venv/bin/python manage.py createcachetable
.venv/bin/python manage.py library_load -v 0 >/dev/null
.venv/bin/python manage.py load_demo
exec .venv/bin/python manage.py runserver --insecure "${ASSURE_DEMO_ADDRESS:-127.0.0.1:8000}"
