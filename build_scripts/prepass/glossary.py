"""The glossary page, made from includes/abbreviations.md — the one list of abbreviations,
which is also appended to every page so each abbreviation shows its meaning as a tooltip."""

from __future__ import annotations

import re
from pathlib import Path

SOURCE = Path(__file__).resolve().parents[2] / "includes" / "abbreviations.md"
ENTRY = re.compile(r"^\*\[([^\]]+)\]:\s*(.+)$")


def entries() -> list[tuple[str, str]]:
    found = []
    for line in SOURCE.read_text(encoding="utf-8").splitlines():
        m = ENTRY.match(line)
        if m:
            found.append((m.group(1), m.group(2).strip()))
    # Plurals ("LSCBs") are there for the tooltips; the glossary lists each term once.
    terms = {term for term, _ in found}
    return sorted(
        ((t, d) for t, d in found if not (t.endswith("s") and t[:-1] in terms)),
        key=lambda e: e[0].lower(),
    )


def render_markdown() -> str:
    rows = [
        f'| <span id="{term.lower()}">{term}</span> | {meaning} |' for term, meaning in entries()
    ]
    return "| Abbreviation | Meaning |\n| --- | --- |\n" + "\n".join(rows) + "\n"
