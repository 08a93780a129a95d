"""Two builds of the same commit are byte for byte the same, the archive Python imports from,
the Pyodide snapshot and the service worker included: the first two are served as immutable
under a content address, and the page checks their SHA-256 digests, so a build that
drifted would break caches and checks alike."""

from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
from html import unescape
from pathlib import Path

from build_scripts.postpass.pack import unpacked
from checkers import CHECKERS

from . import twin_build
from .conftest import ROOT


def digests(root: Path) -> dict[str, str]:
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def test_two_builds_at_once_are_identical_and_leave_the_checkout_as_it_was(site):
    """Two builds run at the same time, into two folders: the session's own, in this checkout,
    and its twin, started beside it (tests/twin_build.py) in a copy of the checkout in another
    folder (a longer path, another time zone), making its Python files from nothing in a
    cache of its own. They give the same site byte for byte, the snapshot included, and this
    checkout is left as it was (but for the runtime's content-addressed cache). On a fresh
    clone (CI) the session's build makes its Python files from nothing too."""
    twin = site.twin
    assert twin, "the site fixture starts the twin build in a run that holds this test"
    assert twin_build.wait(twin) == 0
    # The twin's checkout, which nothing but its build touched: exactly as it was.
    assert twin_build.files_under(Path(twin["checkout"])) == twin["checkout_before"]
    # This checkout, shared with every other test of the run: nothing new but the runtime's
    # cache and the bytecode Python writes for whichever test process first imports a module
    # (a Python run without PYTHONDONTWRITEBYTECODE; not the build's doing).
    new = set(twin_build.checkout_status()) - set(twin["before"])
    assert {line for line in new if not line.endswith("/__pycache__/")} <= {"!! .cache/"}
    first, again = digests(site.dir), digests(Path(twin["site"]))
    assert sorted(first) == sorted(again)
    assert [path for path in first if first[path] != again[path]] == []
    made = sorted((Path(twin["cache"]) / "runtime").rglob("*.*"))
    assert sorted(p.suffix for p in made) == [".bin", ".whl", ".zip"]  # really made afresh


def test_the_pages_record_the_digests_of_what_they_load(site):
    """Every runtime file, Pyodide's included, is recorded on each form with its SHA-256, and
    sits in a folder named after its own bytes (Pyodide's: after all of theirs)."""
    files = [
        p for folder in ("assets/py", "assets/pyodide") for p in site.dir.glob(f"{folder}/*/*")
    ]
    # each file by its own address: the archive and the snapshot ship as copies only
    served = sorted({p.with_suffix("") if p.suffix == ".gz" else p for p in files
                     if p.suffix != ".br" and not (p.suffix == ".gz" and p.with_suffix("").exists())})  # fmt: skip
    names = sorted(p.name for p in served)
    assert names == sorted(["python.zip", "snapshot.bin", "pyodide.mjs", "pyodide.asm.mjs",
                            "pyodide.asm.wasm", "pyodide-lock.json"])  # fmt: skip
    digests = {p.relative_to(site.dir).as_posix(): sha256(p) for p in served}
    for path in served:
        if path.parent.parent.name == "py":
            assert digests[path.relative_to(site.dir).as_posix()].startswith(path.parent.name)
    pyodide = [sha for address, sha in sorted(digests.items()) if "/pyodide/" in address]
    (pyodide_folder,) = {p.parent.name for p in served if p.parent.parent.name == "pyodide"}
    assert hashlib.sha256("".join(pyodide).encode()).hexdigest().startswith(pyodide_folder)
    for checker in CHECKERS.values():
        html = (site.dir / checker.page / "index.html").read_text(encoding="utf-8")
        recorded = re.findall(r'data-runtime-sha256="([^"]+)"', html)
        assert len(recorded) == 2, checker.id  # the form's, and the head's copy (preload.py)
        for digests_recorded in recorded:
            assert json.loads(unescape(digests_recorded)) == digests, checker.id


def sha256(path: Path) -> str:
    return hashlib.sha256(unpacked(path)).hexdigest()


def test_the_build_dates_its_pages_by_the_last_commit_not_the_day_it_runs(site):
    """Two builds either side of midnight once gave two sitemaps: the date a page carries is
    the last commit's (or SOURCE_DATE_EPOCH's), whatever the day of the build."""
    out = subprocess.run(
        ["git", "log", "-1", "--format=%cd", "--date=format-local:%Y-%m-%d"],
        cwd=ROOT, capture_output=True, text=True, env={**os.environ, "TZ": "UTC"},
    )  # fmt: skip
    assert out.returncode == 0, out.stderr
    sitemap = (site.dir / "sitemap.xml").read_text(encoding="utf-8")
    dates = set(re.findall(r"<lastmod>([^<]+)</lastmod>", sitemap))
    assert dates == {out.stdout.strip()}


def test_source_date_epoch_wins_over_the_commit(monkeypatch):
    from build_scripts.build import source_date_epoch

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1420070400")
    assert source_date_epoch() == "1420070400"
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    assert source_date_epoch().isdigit()
