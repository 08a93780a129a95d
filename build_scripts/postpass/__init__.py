"""Step 3 of the build, after the site generator: work on the built HTML in site/, whichever
generator made it.

- every numbered paragraph gets a visible permalink and a copy button;
- every page gets a Content-Security-Policy meta tag with the hashes of its own inline
  scripts (so this runs last on each page);
- the Pyodide runtime, the wheel and the snapshot are copied in;
- the build fails if a citation points at an id no built page has, or if a page still holds
  something the pre-pass should have filled (an include the generator did not process).
"""

from __future__ import annotations

from pathlib import Path

from build_scripts.prepass.runtime import Wheel

from . import anchors, csp, install, paragraph_links


class PostpassError(Exception):
    pass


def pages(site: Path) -> list[Path]:
    """Every built HTML page except the search engine's and the runtime's own files."""
    return sorted(p for p in site.rglob("*.html") if "assets" not in p.relative_to(site).parts)


def run(site: Path, wheel: Wheel) -> None:
    problems = anchors.unfilled(site, pages(site)) + anchors.broken_citations(site)
    if problems:
        raise PostpassError("\n  ".join(["post-pass:", *problems]))
    for page in pages(site):
        html = page.read_text(encoding="utf-8")
        html = csp.add_policy(paragraph_links.add(html))
        page.write_text(html, encoding="utf-8")
    install.runtime(site, wheel)
