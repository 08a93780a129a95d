"""Step 3 of the build, after the site generator: work on the built HTML in site/, whichever
generator made it.

- every numbered paragraph gets a visible permalink and a copy button, every heading's link a
  name, and a page with a check a skip link to it;
- a page with a check asks for the runtime's big downloads from its head and names its files
  there (preload.py); every page loads the page script from its head (page_script.py);
- every page gets a Content-Security-Policy meta tag: the policy the host sends as a header
  (build_scripts/host/headers.py), with the hashes of the inline scripts of every page;
- the host configurations that live in the site's own folder are written for the address it is
  built for (build_scripts/host/: Apache's .htaccess, Netlify's and Cloudflare Pages'
  _headers, IIS's web.config);
- the page script is bundled from its modules (docs/js/page/) into js/checkers.js;
- the Pyodide runtime, the wheel, the standard library archive and the snapshot are copied
  in; source maps are removed;
- the service worker (sw.js) is made with Workbox;
- the web app manifest and its icons are written (manifest.py);
- compressed copies (.br, .gz) are made for the host to serve, and the archive and the
  snapshot are left as their compressed copies only (pack.py), so that no file is over 20 MiB;
- the build fails if a citation points at an id no built page has, or if a page still holds
  something the pre-pass should have filled (an include the generator did not process).
"""

from __future__ import annotations

from pathlib import Path

from build_scripts.host.headers import site_hashes
from build_scripts.prepass import generated
from build_scripts.prepass.runtime import Runtime

from . import (
    anchors,
    compress,
    csp,
    host_files,
    install,
    manifest,
    navigation,
    pack,
    page_script,
    paragraph_links,
    preload,
    service_worker,
    source_maps,
)


class PostpassError(Exception):
    pass


def ship_packed(site: Path, made: Runtime) -> None:
    """The archive and the snapshot as .gz (and .br) copies only (pack.py), a refusal said
    as one line like the other steps'."""
    try:
        pack.ship_packed(site, made)
    except pack.PackError as exc:
        raise PostpassError(f"post-pass: {exc}") from exc


def pages(site: Path) -> list[Path]:
    """Every built HTML page except the search engine's and the runtime's own files."""
    return sorted(p for p in site.rglob("*.html") if "assets" not in p.relative_to(site).parts)


def run(
    site: Path, made: Runtime, work: Path, site_url: str, compressed_copies: bool = True
) -> None:
    """`work` is the build's work folder, where the pre-pass wrote handouts and charts;
    `site_url` the address the site is built for (the hosts' files in it need its path)."""
    problems = anchors.unfilled(site, pages(site)) + anchors.broken_citations(site)
    if problems:
        raise PostpassError("\n  ".join(["post-pass:", *problems]))
    install.handouts(site, generated(work) / "handouts")  # pages too: they get the policy below
    for page in pages(site):
        html = navigation.add(paragraph_links.add(page.read_text(encoding="utf-8")))
        html = page_script.into_head(preload.add(html, page, site, made))
        page.write_text(html, encoding="utf-8")
    hashes = site_hashes(site)  # one policy for the whole site, as the host's header is
    for page in pages(site):
        page.write_text(csp.add_policy(page.read_text(encoding="utf-8"), hashes), encoding="utf-8")
    install.runtime(site, made)
    install.flowcharts(site, generated(work) / "flowcharts")
    if problems := page_script.write(site):
        raise PostpassError("\n  ".join(["post-pass:", *problems]))
    service_worker.write(site)
    source_maps.remove(site)
    host_files.write(site, hashes, site_url)
    manifest.write(site, site_url)
    if compressed_copies:
        compress.compress_site(site)  # it copies what the steps above made
    ship_packed(site, made)
    if large := pack.too_large(site):
        raise PostpassError("\n  ".join(["post-pass: files too large for some hosts:", *large]))
