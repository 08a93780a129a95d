"""A Content-Security-Policy meta tag for each built page.

The policy is the one the host sends as a header (build_scripts/host/headers.py), less what only
a header can say: a host that cannot send headers still gets the page's protection.
"""

from __future__ import annotations

import re

from build_scripts.host.headers import meta_policy


def add_policy(html: str, hashes: list[str]) -> str:
    tag = f'<meta http-equiv="Content-Security-Policy" content="{meta_policy(hashes)}">'
    # Before any script, so that it governs all of them.
    return re.sub(r"(<meta charset=[^>]*>)", lambda m: m.group(1) + "\n    " + tag, html, count=1)
