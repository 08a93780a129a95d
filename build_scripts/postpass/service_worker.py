"""The site's service worker, sw.js at the site root, made with Workbox by
`make_service_worker.mjs`: what it caches, and why, is said there. It caches files for ever
exactly where the host does (`IMMUTABLE_PATHS`), so the two cannot disagree."""

from __future__ import annotations

import json
import subprocess
import tempfile
from pathlib import Path

from build_scripts.host.headers import IMMUTABLE_PATHS

MAKER = Path(__file__).with_name("make_service_worker.mjs")
ROOT = Path(__file__).resolve().parents[2]


def write(site: Path) -> None:
    with tempfile.NamedTemporaryFile("w", suffix=".json") as patterns:
        json.dump(list(IMMUTABLE_PATHS), patterns)
        patterns.flush()
        subprocess.run(
            ["node", str(MAKER), str(site / "sw.js"), patterns.name],
            check=True,
            cwd=ROOT,
            capture_output=True,
        )
