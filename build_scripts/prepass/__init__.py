"""Step 1 of the build, before the site generator runs: everything made from the checkers and
the sources that a page includes.

- every citation names a page that exists (its anchor is checked after the build, against the
  ids in the built page);
- the checkers wheel, the standard library archive and the Pyodide snapshot;
- the generated fragments in includes/generated/ of the build's own work folder (never the
  checkout), which pages include with `pymdownx.snippets` (`--8<-- "includes/generated/NAME"`):
  the glossary, the worked examples, the draft and final comparisons, each checker's form, the
  home page's list of checks and the note at the top of each page that has one. They are
  content, so the generator indexes them for search like the rest of the page. The work folder
  also holds a copy of the repository's includes/ (abbreviations, source lines), so that one
  snippets base path serves both.
"""

from __future__ import annotations

import shutil
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from checkers import CHECKERS
from checkers.web.form import render_form

from . import (
    checks,
    draft_and_final,
    flowcharts,
    glossary,
    handouts,
    runtime,
    slides,
    worked_examples,
)
from .cited_pages import missing_pages

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
INCLUDES = ROOT / "includes"
INCLUDE = '--8<-- "includes/generated/{name}"'


class PrepassError(Exception):
    pass


def include_line(name: str) -> str:
    return INCLUDE.format(name=name)


def form_name(checker_id: str) -> str:
    return f"checker-{checker_id}.html"


def fragments(made: runtime.Runtime) -> dict[str, str]:
    """Each generated file's name and text."""
    out = {
        "glossary.md": glossary.render_markdown(),
        "worked-examples.md": worked_examples.render_markdown(),
    }
    for comparison_id in draft_and_final.COMPARISONS:
        out[f"compare-{comparison_id}.html"] = draft_and_final.render(comparison_id)
    out["check-a-case.md"] = checks.home_list()
    files = made.addresses()
    digests = made.digests()
    for checker in CHECKERS.values():
        out[f"check-on-this-page-{checker.id}.md"] = checks.on_this_page(checker)
        out[form_name(checker.id)] = render_form(
            checker,
            base="../" * checker.page.count("/"),  # the page's URL is <root>/<page>
            files=files,
            digests=digests,
            download_bytes=made.download_bytes(),
        )
    return out


def check_forms_are_on_their_pages(docs: Path = DOCS) -> list[str]:
    """Each checker's page includes its form, the note at its top and (for a decision) its
    flowchart; the home page lists the checks."""
    problems = []
    for checker in CHECKERS.values():
        page = docs / f"{checker.page.strip('/')}.md"
        text = page.read_text(encoding="utf-8")
        names = [form_name(checker.id), f"check-on-this-page-{checker.id}.md"]
        if checker.id in flowcharts.DECISION_CHECKERS:
            names.append(f"flowchart-{checker.id}.html")
        for name in names:
            if include_line(name) not in text:
                problems.append(f"docs/{page.relative_to(docs)} does not include {name}")
    if include_line("check-a-case.md") not in (docs / "index.md").read_text(encoding="utf-8"):
        problems.append("docs/index.md does not include check-a-case.md")
    return problems


def generated(work: Path) -> Path:
    """Where the pre-pass writes what pages include, inside a build's work folder."""
    return work / "includes" / "generated"


def write_flowcharts(site_url: str, out: Path) -> dict[str, dict[bool, list[str]]]:
    """Each decision checker's chart for its page, its SVG and PNG downloads and its slides
    (whose links are full addresses: a downloaded chart is read away from the site); the
    slides made, by checker."""
    made = {}
    for checker_id in flowcharts.DECISION_CHECKERS:
        made[checker_id] = slides.write_slides(checker_id, site_url, out / "flowcharts")
        depth = CHECKERS[checker_id].page.count("/")
        html = flowcharts.figure(checker_id, "../" * depth, site_url, made[checker_id])
        (out / f"flowchart-{checker_id}.html").write_text(html, encoding="utf-8")
        flowcharts.write_downloads(checker_id, site_url, out / "flowcharts")
    return made


def run(site_url: str, work: Path, fragments_made: bool = False) -> runtime.Runtime:
    """Check the pages, make the runtime (or take it from the cache), and write every
    fragment into `work`, a fresh folder of this build's own. `fragments_made`: `work` holds
    the fragments of an earlier run from the same checkers, examples and includes (`make
    watch` after an edit to a page): they are kept, and only the checks and the runtime run."""
    problems = missing_pages(DOCS) + check_forms_are_on_their_pages()
    if problems:
        raise PrepassError("\n  ".join(["pre-pass:", *problems]))
    if fragments_made:
        return runtime.build_runtime()
    # The runtime is made mostly by Node (a minute from nothing), the charts by Python (about
    # 20 s): side by side, on two cores.
    with ThreadPoolExecutor(max_workers=1) as pool:
        making = pool.submit(runtime.build_runtime)
        shutil.copytree(INCLUDES, work / "includes", ignore=shutil.ignore_patterns("generated"))
        out = generated(work)
        out.mkdir(parents=True)
        slides_made = write_flowcharts(site_url, out)
        made = making.result()
    for name, text in fragments(made).items():
        (out / name).write_text(text, encoding="utf-8")
    for address, page in handouts.all_handouts(site_url).items():
        (out / address).parent.mkdir(parents=True, exist_ok=True)
        (out / address).write_text(page, encoding="utf-8")
    (out / "handout-list.html").write_text(handouts.trainers_list(), encoding="utf-8")
    (out / "flowchart-list.html").write_text(
        flowcharts.trainers_list(slides_made), encoding="utf-8"
    )
    return made
