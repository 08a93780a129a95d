# The two commands of the README: `make serve` and `make test`. Both set up what they need.
VENV := .venv/bin
PORT ?= 8000

.PHONY: setup setup-site build serve test lint bench bank-holidays mutation

setup:
	@bash build_scripts/dev/setup.sh

# Building and serving need no browser.
setup-site:
	@SKIP_BROWSER=1 bash build_scripts/dev/setup.sh

# Three steps: the pre-pass, the generator (MkDocs) as a black box, the post-pass.
build: setup-site
	$(VENV)/python -m build_scripts.build --site-url http://127.0.0.1:$(PORT)/

serve: build
	$(VENV)/python -m build_scripts.dev.serve --port $(PORT) --dir site

lint: setup
	$(VENV)/ruff check .
	$(VENV)/ruff format --check .

test: setup
	$(VENV)/ruff check .
	$(VENV)/ruff format --check .
	$(VENV)/python -m pytest -q

bench: setup build
	$(VENV)/python -m build_scripts.dev.bench

bank-holidays: setup
	$(VENV)/python -m build_scripts.dev.update_bank_holidays

# Mutation testing of checkers/ (takes about an hour on 2 cores); prints the score.
mutation: setup
	rm -rf mutants
	$(VENV)/mutmut run --max-children 2 > .mutmut.log 2>&1 || (tail -c 3000 .mutmut.log; exit 1)
	$(VENV)/python -m build_scripts.dev.mutation_report
