"""The page script, <site>/js/checkers.js: the ES modules of docs/js/page/ (one concern each,
typed in JSDoc and checked by `tsc`) bundled by Rollup into one classic script. One request
for the page, and it still runs from file://, where browsers load no modules, so that it can
say why the checkers cannot run there. The modules themselves are not shipped.

Every page loads it from its head, `async` and with a high fetch priority (the generator puts
it at the end of the body, after Material's bundle): on a page with a check it starts Python's
worker while the rest of the page is still arriving, and binds the page once it has been read
(docs/js/page/checkers.js)."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SOURCES = ROOT / "docs" / "js" / "page"
ENTRY = SOURCES / "checkers.js"
ROLLUP = ROOT / "node_modules" / "rollup" / "dist" / "bin" / "rollup"


def write(site: Path) -> list[str]:
    """Bundle the modules into the site; the problems, if it could not."""
    target = site / "js" / "checkers.js"
    target.parent.mkdir(parents=True, exist_ok=True)
    # (an IIFE: the modules' top-level names stay out of the page's global scope)
    command = ["node", str(ROLLUP), str(ENTRY), "--format", "iife", "--file", str(target),
               "--silent", "--failAfterWarnings"]  # fmt: skip
    out = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    return [] if out.returncode == 0 else [f"bundling the page script failed: {out.stderr}"]


# The generator's tag for it (mkdocs.yml's extra_javascript), with the page's path to it.
TAG = re.compile(r'\s*<script src="([^"]*js/checkers\.js)"></script>')


def into_head(html: str) -> str:
    """The page with its page script loaded from the head (unchanged if it has none)."""
    tag = TAG.search(html)
    if not tag:
        return html
    html = html[: tag.start()] + html[tag.end() :]
    early = f'<script src="{tag.group(1)}" async fetchpriority="high"></script>'
    return html.replace("</head>", f"    {early}\n  </head>", 1)
