"""The build cache: content-addressed, so every checkout on the machine shares it (a fresh
clone's first build reuses the Python runtime and the large compressed copies an earlier one
made, instead of spending about 40 s remaking them). $BUILD_CACHE moves it; by default it is
under ~/.cache/working-together-2015/build/ ($XDG_CACHE_HOME where set), outside the checkout.

Entries are named after the digest of what they hold and are written whole (made beside their
place, then renamed), so two builds at once, from any checkouts, see either nothing or all of
one. An entry is kept while it is in use: only those unused for a week, beyond the most
recently used few, are removed."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

DEFAULT = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
CACHE = Path(os.environ.get("BUILD_CACHE") or DEFAULT / "working-together-2015" / "build")

UNUSED_FOR = 7 * 24 * 3600  # seconds
KEEP = 4  # the most recently used entries of a folder, kept however old


def used(entry: Path) -> None:
    """Mark `entry` as used now (its time decides when pruning may remove it)."""
    os.utime(entry)


def prune(folder: Path, keep: int = KEEP, unused_for: float = UNUSED_FOR) -> list[Path]:
    """Remove the entries of `folder` unused for `unused_for` seconds, beyond the `keep` most
    recently used, and return them. A build using an older entry (another checkout's) at the
    same moment is safe while that entry is among them or was used within the week."""
    if not folder.is_dir():
        return []
    entries = sorted(folder.iterdir(), key=_last_used, reverse=True)
    now = time.time()
    gone = [e for e in entries[keep:] if now - _last_used(e) > unused_for]
    for entry in gone:
        if entry.is_dir():
            shutil.rmtree(entry, ignore_errors=True)
        else:
            entry.unlink(missing_ok=True)
    return gone


def _last_used(entry: Path) -> float:
    try:
        return entry.stat().st_mtime
    except FileNotFoundError:  # removed by another build meanwhile
        return 0.0
