"""Checks on the built pages: citations against the ids each page really has, and nothing
left unfilled."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from build_scripts.prepass.cited_pages import all_citations, page_of

# What a page holds when a step did not run: an include the generator left as text, or one of
# the placeholders of earlier versions of this build.
UNFILLED = re.compile(r"--8&lt;--|--8<--|data-checker-embed|data-compare=|data-glossary|"
                      r"data-worked-examples")  # fmt: skip


class _Ids(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name == "id" and value:
                self.ids.add(value)


def ids(html: str) -> set[str]:
    parser = _Ids()
    parser.feed(html)
    return parser.ids


def built_page(site: Path, page: str) -> Path:
    return site / page / "index.html" if page else site / "index.html"


def broken_citations(site: Path) -> list[str]:
    problems = []
    found: dict[Path, set[str]] = {}
    for where, cite in sorted(all_citations().items()):
        path = built_page(site, page_of(cite))
        anchor = cite.partition("#")[2]
        if not path.exists():
            problems.append(f"{where}: {cite}: no built page {path.relative_to(site)}")
            continue
        if path not in found:
            found[path] = ids(path.read_text(encoding="utf-8"))
        if anchor not in found[path]:
            problems.append(f"{where}: {cite}: no id {anchor!r} in {path.relative_to(site)}")
    return problems


def unfilled(site: Path, pages: list[Path]) -> list[str]:
    problems = []
    for page in pages:
        m = UNFILLED.search(page.read_text(encoding="utf-8"))
        if m:
            problems.append(f"{page.relative_to(site)}: unfilled {m.group(0)!r}")
    return problems
