# The two commands of the README: `make serve` and `make test`. Both set up what they need.
VENV := .venv/bin
PORT ?= 8000
# The address the site is built for: every canonical link, the sitemap, printed records, QR
# codes and chart credits use it. The default is this machine (a preview build, and its
# handouts and charts say so); to publish: make build SITE_URL=https://example.org/wt2015/
SITE_URL ?= http://127.0.0.1:$(PORT)/

.PHONY: setup setup-site build serve watch test test-fast lint bench bank-holidays mutation lock deploy-config

setup:
	@bash build_scripts/dev/setup.sh

# Building and serving need no browser.
setup-site:
	@SKIP_BROWSER=1 bash build_scripts/dev/setup.sh

# Three steps: the pre-pass, the generator as a black box, the post-pass. GENERATOR=zensical
# builds with Zensical instead of MkDocs (README: Moving to Zensical).
GENERATOR ?= mkdocs
build: setup-site
	$(VENV)/python -m build_scripts.build --site-url $(SITE_URL) --generator $(GENERATOR)

serve: build
	$(VENV)/python -m build_scripts.dev.serve --port $(PORT) --dir site

# The preview loop for authors: build, serve at PORT, rebuild on every save (README: Writing
# and changing pages).
watch: setup-site
	$(VENV)/python -m build_scripts.dev.watch --port $(PORT)

# Python (ruff) and the page script (ESLint, and tsc over its JSDoc types).
lint: setup-site
	$(VENV)/ruff check .
	$(VENV)/ruff format --check .
	npx --no-install eslint docs/js build_scripts
	npx --no-install tsc -p tsconfig.json

# The full gate (CI runs it): lint, then every test, two at a time: the site is built once per
# run (the first worker to need it builds it, with the reproducibility check's second build
# beside it; the other worker waits), and the slowest tests are printed.
test: setup lint
	$(VENV)/python -m pytest -q -n 2 --dist loadfile --durations=15

# The loop to run while working: lint, and every test that needs no build, browser or Pyodide.
test-fast: setup-site lint
	$(VENV)/python -m pytest -q -n 2 -m "not build and not browser and not pyodide" --durations=5

bench: setup build
	$(VENV)/python -m build_scripts.dev.bench

bank-holidays: setup
	$(VENV)/python -m build_scripts.dev.update_bank_holidays

# Mutation testing of checkers/ (takes about an hour on 2 cores); prints the score.
mutation: setup
	rm -rf mutants
	$(VENV)/mutmut run --max-children 2 > .mutmut.log 2>&1 || (tail -c 3000 .mutmut.log; exit 1)
	$(VENV)/python -m build_scripts.dev.mutation_report

# Re-pin every Python package with hashes, keeping the versions in requirements.lock (edit a pin
# there first to change one). pip-tools runs in a scratch environment of its own.
lock:
	python3 -m venv .lock-env && .lock-env/bin/pip install --quiet pip-tools
	cp requirements.lock .lock-env/requirements.in
	cd .lock-env && PIP_CONSTRAINT= bin/pip-compile --quiet --generate-hashes --allow-unsafe \
	  --strip-extras --no-header --annotation-style=line -o requirements.out requirements.in
	{ head -2 requirements.lock; grep -v '^--\|^#' .lock-env/requirements.out | sed '1{/^$$/d}' \
	  | sed 's| -r requirements.in,||; s|# via -r requirements.in$$|# via requirements.lock (a direct pin)|'; } > requirements.lock.new
	mv requirements.lock.new requirements.lock && rm -rf .lock-env

# The nginx configuration in deploy/, from a fresh build (a test fails when it is out of date).
deploy-config: build  # SITE_URL=… for a sub-path: its paths go into the configurations
	$(VENV)/python -m build_scripts.host.nginx --site site > deploy/nginx/working-together-2015.conf
	$(VENV)/python -m build_scripts.host.caddy --site site > deploy/caddy/Caddyfile
