"""The host configurations that live in the site's own folder, made from the one header set
(build_scripts/host/headers.py) with the hashes of the built pages' inline scripts: Apache's
`.htaccess`. (nginx's and Caddy's live in the server's configuration: deploy/.)"""

from __future__ import annotations

from pathlib import Path

from build_scripts.host import apache


def write(site: Path, hashes: list[str], site_url: str) -> None:
    (site / ".htaccess").write_text(apache.render(hashes, site_url), encoding="utf-8")
