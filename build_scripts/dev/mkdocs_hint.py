"""A hook named in mkdocs.yml for one case only: `mkdocs serve` or `mkdocs build` run by hand on
the checkout. Those cannot fill the pages' generated parts (the checks' forms, the charts, the
glossary: the build's pre-pass makes them in a scratch folder of its own), and would stop on a
traceback about a missing snippet; this says in one line what to run instead. The build's own
configuration (build_scripts/build.py's derived_config) leaves the hook out: nothing the build
does depends on it."""

from __future__ import annotations

from mkdocs.exceptions import Abort

HINT = (
    "this site's pages need its build: run `make watch` to preview it as you edit "
    "(or `make build`, then `make serve`); see README, 'Writing and changing pages'"
)


def on_startup(command: str, dirty: bool) -> None:
    raise Abort(HINT)
