#!/usr/bin/env bash
# Everything a fresh Debian machine needs to build, serve and test the site:
# a virtual environment from requirements.lock, the npm packages from package-lock.json,
# and Debian's Chromium for the browser tests (installed when absent and we are root).
# CHROMIUM points at another Chromium; SKIP_BROWSER=1 skips the browser entirely.
set -euo pipefail
cd "$(dirname "$0")/../.."

PYTHON="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
if ! cmp -s requirements.lock .venv/.installed-lock 2>/dev/null; then
  .venv/bin/python -m pip install --quiet --upgrade pip
  .venv/bin/python -m pip install --quiet -r requirements.lock
  cp requirements.lock .venv/.installed-lock
fi

if ! cmp -s package-lock.json node_modules/.installed-lock 2>/dev/null; then
  npm ci --no-audit --no-fund --loglevel=error
  cp package-lock.json node_modules/.installed-lock
fi

if [ "${SKIP_BROWSER:-0}" != "1" ]; then
  chromium="${CHROMIUM:-/usr/bin/chromium}"
  if [ ! -x "$chromium" ]; then
    if [ -z "${CHROMIUM:-}" ] && [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
      echo "setup: installing Debian's chromium (the browser tests need it)" >&2
      apt-get update -qq
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
    else
      echo "setup: no Chromium at $chromium; install Debian's chromium or set CHROMIUM" >&2
      exit 1
    fi
  fi
fi
