"""Every citation a checker gives must point at an anchor that exists in docs/.

Anchors are read from the Markdown with markdown-it-py: explicit heading ids (`## Title {#id}`)
and the ids of HTML blocks (`<div class="para" id="...">`). A citation is "page/#anchor",
where page/ is docs/page.md.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from markdown_it import MarkdownIt

from checkers import CHECKERS
from checkers.citations import ALL as CITATIONS

ATTR_ID = re.compile(r"\{[^}]*#([\w-]+)[^}]*\}\s*$")
HTML_ID = re.compile(r'\sid="([\w-]+)"')


@cache
def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark")


def anchors(markdown: str) -> set[str]:
    found: set[str] = set()
    for token in _parser().parse(markdown):
        if token.type == "inline":
            m = ATTR_ID.search(token.content)
            if m:
                found.add(m.group(1))
        elif token.type == "html_block":
            found.update(HTML_ID.findall(token.content))
    return found


def page_file(docs: Path, page: str) -> Path:
    page = page.strip("/")
    return docs / ("index.md" if page == "" else f"{page}.md")


def all_citations() -> dict[str, str]:
    """Every citation used anywhere: the shared table and each question's own."""
    out = {f"citations.{name}": value for name, value in CITATIONS.items()}
    for checker in CHECKERS.values():
        for q in checker.questions:
            if q.cite:
                out[f"{checker.id}.{q.id}"] = q.cite
    return out


def broken(docs: Path) -> list[str]:
    problems = []
    cache_: dict[Path, set[str]] = {}
    for where, cite in sorted(all_citations().items()):
        page, _, anchor = cite.partition("#")
        path = page_file(docs, page)
        if not path.exists():
            problems.append(f"{where}: {cite}: no page {path.relative_to(docs)}")
            continue
        if path not in cache_:
            cache_[path] = anchors(path.read_text(encoding="utf-8"))
        if anchor not in cache_[path]:
            problems.append(f"{where}: {cite}: no anchor #{anchor} in {path.relative_to(docs)}")
    return problems
