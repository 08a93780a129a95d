"""The host configurations that live in the site's own folder, made from the one header set
(build_scripts/host/headers.py) with the hashes of the built pages' inline scripts, for the
address the site is built for: Apache's `.htaccess`, Netlify's and Cloudflare Pages'
`_headers`, and IIS's `web.config`. (nginx's and Caddy's live in the server's configuration:
deploy/.) Written once the runtime is in place, as the last two name its folders."""

from __future__ import annotations

from pathlib import Path

from build_scripts.host import apache, static_hosts

NAMES = (".htaccess", "_headers", "web.config")


def write(site: Path, hashes: list[str], site_url: str) -> None:
    made = {
        ".htaccess": apache.render(hashes, site_url),
        "_headers": static_hosts.netlify_headers(site, site_url),
        "web.config": static_hosts.web_config(site, site_url),
    }
    for name, text in made.items():
        (site / name).write_text(text, encoding="utf-8")
