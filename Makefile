# The two commands of the README: `make serve` and `make test`. Both set up what they need.
VENV := .venv/bin
PORT ?= 8000

.PHONY: setup setup-site build serve test lint bench bank-holidays

setup:
	@bash build_scripts/setup.sh

# Building and serving need no browser.
setup-site:
	@SKIP_BROWSER=1 bash build_scripts/setup.sh

build: setup-site
	SITE_URL=http://127.0.0.1:$(PORT)/ $(VENV)/mkdocs build --strict --quiet

serve: build
	$(VENV)/python -m build_scripts.serve --port $(PORT) --dir site

lint: setup
	$(VENV)/ruff check .
	$(VENV)/ruff format --check .

test: setup
	$(VENV)/ruff check .
	$(VENV)/ruff format --check .
	$(VENV)/python -m pytest -q

bench: setup build
	$(VENV)/python -m build_scripts.bench

bank-holidays: setup
	$(VENV)/python -m build_scripts.bank_holidays
