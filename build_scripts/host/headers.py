"""The HTTP headers the built site is served with: the one place they are defined.

Three things are made from it, so they cannot disagree:

- the Content-Security-Policy meta tag in every page (the post-pass), for hosts that cannot
  send headers;
- the headers `make serve` sends (build_scripts/dev/serve.py);
- the nginx configuration in deploy/nginx/ (build_scripts/host/nginx.py).

The policy allows only this site's origin. Material puts a few small inline scripts in each
page; they are allowed by their SHA-256 hashes, collected from every built page (the same
four or so on all of them), so one policy serves the whole site. Pyodide needs
'wasm-unsafe-eval' to compile WebAssembly, never 'unsafe-eval'. Sent as a header, the policy
also covers the Python worker's script (a meta tag cannot) and can forbid framing.
"""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path
from urllib.parse import urlparse

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)([^>]*)>(.*?)</script>", re.S)

POLICY = (
    "default-src 'self'; "
    "script-src 'self' 'wasm-unsafe-eval' {hashes}; "
    "style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self'; connect-src 'self'; worker-src 'self'; "
    "manifest-src 'self'; media-src 'self'; frame-src 'none'; object-src 'none'; "
    "base-uri 'self'; form-action 'self'"
)
# Only a header can say this; browsers ignore it in a meta tag.
HEADER_ONLY = "; frame-ancestors 'none'"

# Powerful features the site never uses, denied to it and to anything it could embed.
# Clipboard writing stays allowed to the site itself: "Copy link" uses it.
PERMISSIONS = (
    "accelerometer=(), autoplay=(), camera=(), display-capture=(), encrypted-media=(), "
    "fullscreen=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), midi=(), "
    "payment=(), picture-in-picture=(), publickey-credentials-get=(), screen-wake-lock=(), "
    "serial=(), usb=(), xr-spatial-tracking=(), clipboard-read=(), clipboard-write=(self)"
)

SECURITY = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Permissions-Policy": PERMISSIONS,
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "X-Frame-Options": "DENY",  # for browsers that predate frame-ancestors
}

# Files whose address changes whenever their content does are cached for a year; everything
# else is checked with the host on every use, so a new build is seen at once.
IMMUTABLE = "public, max-age=31536000, immutable"
REVALIDATE = "no-cache"
IMMUTABLE_PATHS = (
    r"^/assets/pyodide/[0-9a-f]+/",  # Pyodide's files, named after their bytes
    r"^/assets/py/[0-9a-f]+/",  # the archive and the snapshot, each named after its bytes
    r"^/assets/(?:javascripts|stylesheets)/.*\.[0-9a-f]{8}\.min\.",  # Material's hashed bundles
)

# What the host compresses ahead of time (post-pass) and serves as .br or .gz when asked. The
# standard library archive is stored uncompressed for this (Brotli over the whole archive
# beats deflate file by file), and so is the snapshot, a memory image two thirds zeros. (Not
# the wheel: pip deflates it.)
COMPRESSIBLE = (
    ".html", ".css", ".js", ".mjs", ".json", ".wasm", ".svg", ".xml", ".txt", ".zip", ".bin",
)  # fmt: skip
# The type of every kind of file the site serves (nginx's types block is made from this, and
# `make serve` uses it): WebAssembly must be application/wasm for streaming compilation, and
# .mjs is JavaScript.
CONTENT_TYPES = {
    ".html": "text/html",
    ".css": "text/css",
    ".js": "text/javascript",
    ".mjs": "text/javascript",
    ".json": "application/json",
    ".wasm": "application/wasm",
    ".zip": "application/zip",
    ".bin": "application/octet-stream",
    ".whl": "application/zip",
    ".xml": "application/xml",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".ico": "image/x-icon",
    ".txt": "text/plain",
    ".gz": "application/gzip",
    ".webmanifest": "application/manifest+json",
}


def script_hashes(html: str) -> list[str]:
    hashes = []
    for attrs, body in INLINE_SCRIPT.findall(html):
        if "application/json" in attrs:
            continue  # data, not code: never executed
        digest = hashlib.sha256(body.encode("utf-8")).digest()
        hashes.append(f"'sha256-{base64.b64encode(digest).decode()}'")
    return sorted(set(hashes))


def site_hashes(site: Path) -> list[str]:
    """The hashes of every inline script in every built page."""
    hashes: set[str] = set()
    for page in site.rglob("*.html"):
        hashes.update(script_hashes(page.read_text(encoding="utf-8")))
    return sorted(hashes)


def meta_policy(hashes: list[str]) -> str:
    return POLICY.format(hashes=" ".join(hashes)).replace("  ", " ")


def header_policy(hashes: list[str]) -> str:
    return meta_policy(hashes) + HEADER_ONLY


def base_path(site_url: str) -> str:
    """The path the site is published under: "/", or "/wt2015/" for a sub-path."""
    path = urlparse(site_url).path or "/"
    return path if path.endswith("/") else path + "/"


def built_for(site: Path) -> str:
    """The address a built site was built for (the first address in its sitemap)."""
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    found = re.search(r"<loc>\s*([^<\s]+)\s*</loc>", sitemap)
    if not found:
        raise ValueError(f"{site}/sitemap.xml names no address")
    return found.group(1)


def immutable_paths(base: str = "/") -> list[str]:
    """IMMUTABLE_PATHS for a site published under `base` (they are written from its root)."""
    return ["^" + base.rstrip("/") + p.removeprefix("^") for p in IMMUTABLE_PATHS]


def cache_control(path: str) -> str:
    """The Cache-Control for a path from the site root ("/assets/…")."""
    return IMMUTABLE if any(re.match(p, path) for p in IMMUTABLE_PATHS) else REVALIDATE


def for_every_response(hashes: list[str]) -> dict[str, str]:
    """The headers every response carries (Cache-Control apart)."""
    return {"Content-Security-Policy": header_policy(hashes), **SECURITY}
