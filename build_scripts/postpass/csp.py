"""A Content-Security-Policy meta tag for each built page.

Only this site's own origin is allowed. Pyodide needs 'wasm-unsafe-eval' to compile
WebAssembly (and never 'unsafe-eval'). Material puts a few small inline scripts in each page;
they are allowed by their SHA-256 hashes, worked out here from the page itself.
"""

from __future__ import annotations

import base64
import hashlib
import re

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)([^>]*)>(.*?)</script>", re.S)

POLICY = (
    "default-src 'self'; "
    "script-src 'self' 'wasm-unsafe-eval' {hashes}; "
    "style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self'; connect-src 'self'; worker-src 'self'; "
    "manifest-src 'self'; media-src 'self'; frame-src 'none'; object-src 'none'; "
    "base-uri 'self'; form-action 'self'"
)


def script_hashes(html: str) -> list[str]:
    hashes = []
    for attrs, body in INLINE_SCRIPT.findall(html):
        if "application/json" in attrs:
            continue  # data, not code: never executed
        digest = hashlib.sha256(body.encode("utf-8")).digest()
        hashes.append(f"'sha256-{base64.b64encode(digest).decode()}'")
    return sorted(set(hashes))


def policy(html: str) -> str:
    return POLICY.format(hashes=" ".join(script_hashes(html))).replace("  ", " ")


def add_policy(html: str) -> str:
    tag = f'<meta http-equiv="Content-Security-Policy" content="{policy(html)}">'
    # Before any script, so that it governs all of them.
    return re.sub(r"(<meta charset=[^>]*>)", lambda m: m.group(1) + "\n    " + tag, html, count=1)
