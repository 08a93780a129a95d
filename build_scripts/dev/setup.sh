#!/usr/bin/env bash
# Everything a fresh Debian machine needs to build, serve and test the site:
# a virtual environment from requirements.lock, the npm packages from package-lock.json,
# Debian's Chromium for the browser tests, and for the host tests Debian's nginx with its
# Brotli module, apache2 and caddy, and npm's wrangler (each installed when absent; Debian's
# when we are root).
# CHROMIUM points at another Chromium; SKIP_BROWSER=1 skips the browser and nginx entirely.
set -euo pipefail
cd "$(dirname "$0")/../.."

PYTHON="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
if ! cmp -s requirements.lock .venv/.installed-lock 2>/dev/null; then
  # The pip that comes with the venv; every package is checked against the lock's hashes.
  .venv/bin/python -m pip install --quiet --require-hashes -r requirements.lock
  cp requirements.lock .venv/.installed-lock
fi

if ! cmp -s package-lock.json node_modules/.installed-lock 2>/dev/null; then
  npm ci --no-audit --no-fund --loglevel=error
  cp package-lock.json node_modules/.installed-lock
fi

apt_install() {
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    echo "setup: installing Debian's $*" >&2
    [ -n "${APT_UPDATED:-}" ] || { apt-get update -qq; APT_UPDATED=1; }
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
  else
    echo "setup: $* missing; install Debian's $* (as root)" >&2
    exit 1
  fi
}

# Graphviz's dot draws the decision flowcharts at build time.
if ! command -v dot >/dev/null; then
  apt_install graphviz
fi

if [ "${SKIP_BROWSER:-0}" != "1" ]; then
  # nginx serves the built site in tests/test_host.py with deploy/nginx/'s configuration.
  if [ ! -x /usr/sbin/nginx ] || [ ! -e /usr/lib/nginx/modules/ngx_http_brotli_static_module.so ]; then
    apt_install nginx-light libnginx-mod-http-brotli-static
  fi
  # Apache (the build's .htaccess) and Caddy (deploy/caddy/) in tests/test_other_hosts.py.
  # Each is started by the tests on a loopback port with a configuration of their own, never
  # as a service.
  if [ ! -x /usr/sbin/apache2 ] || [ ! -x /usr/bin/caddy ]; then
    apt_install apache2 caddy
  fi
  # Cloudflare Pages' local server (npm wrangler, on npm's Node 22) in tests/test_other_hosts.py,
  # from tests/hosts/ into .cache/hosts/: on the project's own PATH, Node 22 would replace the
  # Node the build runs on.
  if ! cmp -s tests/hosts/package-lock.json .cache/hosts/.installed-lock 2>/dev/null; then
    mkdir -p .cache/hosts
    cp tests/hosts/package.json tests/hosts/package-lock.json .cache/hosts/
    npm ci --prefix .cache/hosts --no-audit --no-fund --loglevel=error
    cp tests/hosts/package-lock.json .cache/hosts/.installed-lock
  fi
  chromium="${CHROMIUM:-/usr/bin/chromium}"
  if [ ! -x "$chromium" ]; then
    if [ -n "${CHROMIUM:-}" ]; then
      echo "setup: no Chromium at $chromium; install Debian's chromium or set CHROMIUM" >&2
      exit 1
    fi
    apt_install chromium
  fi
fi
