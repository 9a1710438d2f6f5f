#!/usr/bin/env bash
# Installs everything Assure needs, idempotently: Python 3.13 in .venv with the pinned packages,
# the front-end assets built from npm's lock file, and (with --browser) Debian's Chromium for
# the browser tests. Safe to run again; it only does what is missing or out of date.
set -euo pipefail
cd "$(dirname "$0")/.."

want_browser=0
for arg in "$@"; do [ "$arg" = "--browser" ] && want_browser=1; done

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

apt_install() {
  export DEBIAN_FRONTEND=noninteractive
  as_root apt-get update -qq >/dev/null
  as_root apt-get install -y -qq "$@" >/dev/null
}

# 1. Python 3.13 (.python-version), from pyenv where the machine has it.
python_bin=""
for candidate in "$(command -v pyenv >/dev/null 2>&1 && pyenv prefix 3.13.0 2>/dev/null)/bin/python3.13" \
                 "$HOME/.pyenv/versions/3.13.0/bin/python3.13" "$(command -v python3.13 || true)"; do
  if [ -x "$candidate" ]; then python_bin="$candidate"; break; fi
done
if [ -z "$python_bin" ]; then
  if command -v pyenv >/dev/null 2>&1; then
    say "Installing Python 3.13.0 with pyenv"
    pyenv install -s 3.13.0
    python_bin="$(pyenv prefix 3.13.0)/bin/python3.13"
  else
    say "Installing Python 3.13 from Debian"
    apt_install python3.13 python3.13-venv
    python_bin="$(command -v python3.13)"
  fi
fi

# 2. The virtualenv and the pinned packages (reinstalled only when the lock file changed).
if [ ! -x .venv/bin/python ] || ! .venv/bin/python -c 'import sys; assert sys.version_info[:2] == (3, 13)' 2>/dev/null; then
  say "Creating .venv with $("$python_bin" --version)"
  rm -rf .venv
  "$python_bin" -m venv .venv
fi
stamp=.venv/.requirements.sha
want=$(cat requirements.lock requirements-dev.txt requirements.txt | sha256sum | cut -d' ' -f1)
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  say "Installing Python packages"
  .venv/bin/python -m pip install -q --disable-pip-version-check --upgrade pip 2>&1 | grep -v '^WARNING: Location' || true
  .venv/bin/python -m pip install -q --disable-pip-version-check -r requirements.lock 2>&1 | grep -v '^WARNING: Location' || true
  .venv/bin/python -c 'import django, allauth, playwright' 
  echo "$want" > "$stamp"
fi

# 3. Front-end assets: GOV.UK Frontend, htmx and axe-core from npm's lock file.
if ! command -v npm >/dev/null 2>&1; then
  say "Installing Node.js and npm from Debian"
  apt_install nodejs npm
fi
fstamp=frontend/node_modules/.lock.sha
fwant=$(cat frontend/package-lock.json frontend/build.mjs frontend/src/* | sha256sum | cut -d' ' -f1)
if [ "$(cat "$fstamp" 2>/dev/null)" != "$fwant" ] || [ ! -f assure/core/static/assure/assure.css ]; then
  say "Building front-end assets"
  (cd frontend && npm ci --no-audit --no-fund --loglevel=error >/dev/null && node build.mjs >/dev/null)
  echo "$fwant" > "$fstamp"
fi

# 4. Pango and fonts, which WeasyPrint lays out PDF reports with.
if ! ldconfig -p 2>/dev/null | grep -q "libpangoft2-1.0.so.0" || ! fc-list 2>/dev/null | grep -qi "liberation"; then
  say "Installing Pango and fonts for PDF reports"
  apt_install libpango-1.0-0 libpangoft2-1.0-0 fontconfig fonts-liberation
fi

# 5. Chromium for the browser tests.
if [ "$want_browser" = 1 ] && ! command -v chromium >/dev/null 2>&1; then
  say "Installing Chromium from Debian"
  apt_install chromium fonts-liberation
fi
mkdir -p var
