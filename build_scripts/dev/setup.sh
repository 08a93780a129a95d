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
  # The hosts' own local servers in tests/test_other_hosts.py: npm's wrangler (Cloudflare
  # Pages) and netlify-cli (with deno), on npm's Node 22, from tests/hosts/. They go to a
  # folder of their own (on the project's PATH Node 22 would replace the Node the build runs
  # on), kept for the machine like Debian's packages and named after the lock's digest, so
  # that a new clone finds them installed; .cache/hosts points at it.
  hosts_lock="$(sha256sum tests/hosts/package-lock.json | cut -c1-16)"
  hosts="${HOST_TOOLS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/working-together-2015}/hosts-$hosts_lock"
  # Two set-ups at once (two clones on one machine) take turns: the second waits for the
  # first's install under the lock instead of deleting it half made.
  mkdir -p "$(dirname "$hosts")"
  (
    flock 9
    if [ ! -e "$hosts/.installed" ]; then
      echo "setup: installing the hosts' local servers (tests/hosts/) into $hosts" >&2
      rm -rf "$hosts" && mkdir -p "$hosts"
      cp tests/hosts/package.json tests/hosts/package-lock.json "$hosts/"
      npm ci --prefix "$hosts" --no-audit --no-fund --loglevel=error >/dev/null
      touch "$hosts/.installed"
    fi
  ) 9>"$hosts.lock"
  mkdir -p .cache && ln -sfn "$hosts" .cache/hosts
  chromium="${CHROMIUM:-/usr/bin/chromium}"
  if [ ! -x "$chromium" ]; then
    if [ -n "${CHROMIUM:-}" ]; then
      echo "setup: no Chromium at $chromium; install Debian's chromium or set CHROMIUM" >&2
      exit 1
    fi
    apt_install chromium
  fi
fi
