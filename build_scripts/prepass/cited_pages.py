"""Every citation a checker gives names a page of docs/. (Its anchor is checked after the
build, against the ids the built page really has: see build_scripts/postpass/anchors.py.)"""

from __future__ import annotations

from pathlib import Path

from checkers import CHECKERS
from checkers.citations import ALL as CITATIONS


def all_citations() -> dict[str, str]:
    """Every citation used anywhere, by where it is used: the shared table and each
    question's own."""
    out = {f"citations.{name}": value for name, value in CITATIONS.items()}
    for checker in CHECKERS.values():
        for q in checker.questions:
            if q.cite:
                out[f"{checker.id}.{q.id}"] = q.cite
    return out


def page_of(cite: str) -> str:
    """The page part of "page/#anchor" ("" for the home page)."""
    return cite.partition("#")[0].strip("/")


def page_file(docs: Path, page: str) -> Path:
    return docs / ("index.md" if page == "" else f"{page}.md")


def missing_pages(docs: Path) -> list[str]:
    return [
        f"{where}: {cite}: no page {page_file(docs, page_of(cite)).relative_to(docs)}"
        for where, cite in sorted(all_citations().items())
        if not page_file(docs, page_of(cite)).exists()
    ]
