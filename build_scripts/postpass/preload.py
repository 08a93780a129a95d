"""Python's start, begun from the head of every page with a check.

The checker's worker fetches Pyodide's two scripts and then its WebAssembly: a chain of round
trips before the largest file even starts. A page with a check asks for those three files from
its head instead, so they download while the page renders; the worker's own requests for them
then find them in the browser's HTTP cache (the files are served as immutable from
content-named folders), or join them while they are still arriving. (Chromium warns in the
console that the page itself did not use them: it cannot see a worker's use.)

The head also names the runtime's files, as the form does (`<meta name="python-runtime">`
with the form's data-pyodide, data-python, data-snapshot and data-runtime-sha256), so that the
page script, which runs from the head (page_script.py), starts the worker before the page's
body has even been read.

- `as="fetch"` and `crossorigin`: the worker fetches each file with `fetch()` (same origin,
  credentials "same-origin"), and a preload is reused only by a request of the same kind;
- `fetchpriority="low"`: the page's own style sheets and scripts go first, so that a slow
  connection shows the page no later than before;
- allowed by the policy's `connect-src 'self'` (a preload is governed as the fetch it
  stands for).

The archive (python.zip) is not preloaded: it ships as compressed copies only, and a host that
does not send one in its place answers 404 for its own address (see pack.py), which would be an
error on every checker page there. Pyodide asks for it itself, alongside the WebAssembly.
A page without a check preloads nothing: it never starts Python.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from build_scripts.prepass.runtime import Runtime

# In the order the worker needs them; the WebAssembly is most of the bytes.
PRELOADED = ("pyodide.asm.wasm", "pyodide.mjs", "pyodide.asm.mjs")
HAS_CHECK = re.compile(r"<form\b[^>]*\bdata-checker=[^>]*>")
# The form's attributes that name the runtime's files (checkers/web/form.py).
RUNTIME_ATTRIBUTES = ("data-pyodide", "data-python", "data-snapshot", "data-runtime-sha256")


def links(made: Runtime, root: str) -> list[str]:
    """The preload tags, for a page `root` away from the site's root ("" or "../" and so on)."""
    pyodide = made.addresses()["pyodide"]
    return [
        f'<link rel="preload" href="{root}{pyodide}{name}" as="fetch" crossorigin'
        ' fetchpriority="low">'
        for name in PRELOADED
    ]


def runtime_meta(form_tag: str) -> str:
    """The head's description of the runtime: the form's own attributes, as written."""
    found = [re.search(rf'\s{name}="[^"]*"', form_tag) for name in RUNTIME_ATTRIBUTES]
    if not all(found):
        raise ValueError(f"a checker's form names no runtime: {form_tag[:120]}")
    return '<meta name="python-runtime" content=""' + "".join(m.group(0) for m in found) + ">"


def add(html: str, page: Path, site: Path, made: Runtime) -> str:
    """`html` (the page at `page` in `site`), with the preloads and the runtime's description
    if it has a check."""
    form = HAS_CHECK.search(html)
    if not form:
        return html
    root = os.path.relpath(site, page.parent).replace(os.sep, "/") + "/"
    root = "" if root == "./" else root
    tags = "".join(f"\n    {tag}" for tag in [*links(made, root), runtime_meta(form.group(0))])
    return html.replace("</head>", tags + "\n  </head>", 1)
