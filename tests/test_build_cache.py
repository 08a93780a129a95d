"""The build cache shared by every checkout on the machine: outside the checkout, moved by
$BUILD_CACHE, and pruned only of entries unused for a week beyond the most recent few, so
that a build from another checkout never loses an entry it is using."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from build_scripts import cache

ROOT = Path(__file__).resolve().parent.parent
DAY = 24 * 3600


def test_it_is_outside_the_checkout_unless_moved(tmp_path):
    def where(**env: str) -> Path:
        script = "from build_scripts import cache; print(cache.CACHE)"
        # (no bytecode written into the checkout by this bare environment's Python)
        bare = {"PATH": os.environ["PATH"], "PYTHONDONTWRITEBYTECODE": "1", **env}
        out = subprocess.run([sys.executable, "-c", script], cwd=ROOT, check=True, text=True,
                             capture_output=True, env=bare)  # fmt: skip
        return Path(out.stdout.strip())

    home = tmp_path / "home"
    assert where(HOME=str(home)) == home / ".cache" / "working-together-2015" / "build"
    assert where(HOME=str(home), XDG_CACHE_HOME=str(tmp_path / "xdg")).parent.parent == (
        tmp_path / "xdg"
    )
    assert where(HOME=str(home), BUILD_CACHE=str(tmp_path / "moved")) == tmp_path / "moved"
    assert not cache.CACHE.resolve().is_relative_to(ROOT) or "BUILD_CACHE" in os.environ


def test_pruning_keeps_the_recent_and_the_few_last_used(tmp_path):
    now = time.time()
    ages = {"a": 0, "b": 1, "c": 9, "d": 10, "e": 11, "f": 12}  # days since last used
    for name, days in ages.items():
        (tmp_path / name).mkdir()
        (tmp_path / name / "file").write_text(name)
        os.utime(tmp_path / name, (now - days * DAY, now - days * DAY))
    gone = cache.prune(tmp_path, keep=3)
    # a, b and c are the three last used; d, e and f are beyond them and a week unused.
    assert sorted(p.name for p in gone) == ["d", "e", "f"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a", "b", "c"]
    # Within the week, nothing goes, however many there are.
    (tmp_path / "g").touch()
    os.utime(tmp_path / "c", (now - 2 * DAY, now - 2 * DAY))
    assert cache.prune(tmp_path, keep=1) == []


def test_an_entry_used_again_counts_as_recent(tmp_path):
    entry = tmp_path / "old"
    entry.mkdir()
    old = time.time() - 30 * DAY
    os.utime(entry, (old, old))
    cache.used(entry)
    assert cache.prune(tmp_path, keep=0) == []


def test_a_missing_folder_has_nothing_to_prune(tmp_path):
    assert cache.prune(tmp_path / "none") == []
