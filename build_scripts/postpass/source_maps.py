"""No source maps: Material's maps point at sources the site does not ship, and Pyodide's
module names a map the site does not copy. Both are removed, with the comments naming them, so
no browser asks for a file that is not there."""

from __future__ import annotations

import re
from pathlib import Path

COMMENT = re.compile(r"\n?(?://# sourceMappingURL=\S+|/\*# sourceMappingURL=\S+ \*/)\s*$")


def stripped(text: str) -> str:
    """The text without a closing comment naming its source map."""
    return COMMENT.sub("\n", text)


def remove(site: Path) -> None:
    for path in site.rglob("*.map"):
        path.unlink()
    for path in [*site.rglob("*.js"), *site.rglob("*.mjs"), *site.rglob("*.css")]:
        text = path.read_text(encoding="utf-8")
        if stripped(text) != text:
            path.write_text(stripped(text), encoding="utf-8")
