"""No source maps: Material's maps point at sources the site does not ship, and Pyodide's
module names a map the site does not copy. Both are removed, with the comments naming them, so
no browser asks for a file that is not there."""

from __future__ import annotations

from pathlib import Path

from build_scripts.prepass.runtime import without_source_map


def remove(site: Path) -> None:
    for path in site.rglob("*.map"):
        path.unlink()
    for path in [*site.rglob("*.js"), *site.rglob("*.mjs"), *site.rglob("*.css")]:
        text = path.read_text(encoding="utf-8")
        if without_source_map(text) != text:
            path.write_text(without_source_map(text), encoding="utf-8")
