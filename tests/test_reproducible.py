"""Two builds of the same commit are byte for byte the same, the archive Python imports from,
the Pyodide snapshot and the service worker included: the first two are served as immutable
under a content address, and the page checks their SHA-256 digests, so a build that
drifted would break caches and checks alike."""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
from html import unescape
from pathlib import Path

from checkers import CHECKERS

from .conftest import ROOT


def digests(root: Path) -> dict[str, str]:
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def checkout_status() -> set[str]:
    """Every changed, untracked and ignored path of the checkout, as git lists them."""
    out = subprocess.run(
        ["git", "status", "--porcelain", "--ignored"], cwd=ROOT, capture_output=True, text=True
    )
    assert out.returncode == 0, out.stderr
    return set(out.stdout.splitlines())


def checkout_copy(target: Path) -> Path:
    """The checkout's files as they are now (tracked and new, not ignored), in another folder,
    with the same npm packages."""
    out = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"],
        cwd=ROOT, capture_output=True, check=True,
    )  # fmt: skip
    for name in out.stdout.decode().split("\0"):
        if name and (ROOT / name).is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, target / name)
    (target / "node_modules").symlink_to(ROOT / "node_modules")
    return target


def test_two_builds_at_once_are_identical_and_leave_the_checkout_as_it_was(site, tmp_path):
    """Two builds run at the same time, into two folders: one in this checkout, the other in a
    copy of it in another folder (a longer path, another time zone), making its Python files
    from nothing in a cache of its own. Both give the session's site byte for byte, the
    snapshot included, and this checkout is left as it was (but for the runtime's
    content-addressed cache)."""
    from build_scripts.build import source_date_epoch

    before = checkout_status()
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1", "SOURCE_DATE_EPOCH": source_date_epoch()}
    fresh = tmp_path / "cache"
    elsewhere = checkout_copy(tmp_path / "another checkout, in a folder with a longer name")
    builds = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "build_scripts.build",
                "--out",
                str(tmp_path / name),
                "--site-url",
                site.url,
            ],
            cwd=cwd,
            env=env | extra,
        )
        for name, cwd, extra in (
            ("a", ROOT, {}),
            ("b", elsewhere, {"BUILD_CACHE": str(fresh), "TZ": "America/New_York"}),
        )
    ]
    assert [b.wait(timeout=900) for b in builds] == [0, 0]
    assert checkout_status() - before <= {"!! .cache/"}
    first = digests(site.dir)
    for name in ("a", "b"):
        again = digests(tmp_path / name)
        assert sorted(first) == sorted(again)
        assert [path for path in first if first[path] != again[path]] == [], name
    made = sorted((fresh / "runtime").rglob("*.*"))
    assert sorted(p.suffix for p in made) == [".bin", ".whl", ".zip"]  # really made afresh


def test_the_pages_record_the_digests_of_what_they_load(site):
    """Every runtime file, Pyodide's included, is recorded on each form with its SHA-256, and
    sits in a folder named after its own bytes (Pyodide's: after all of theirs)."""
    served = sorted(
        p for folder in ("assets/py", "assets/pyodide") for p in site.dir.glob(f"{folder}/*/*")
        if p.suffix not in (".br", ".gz")
    )  # fmt: skip
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
        (recorded,) = re.findall(r'data-runtime-sha256="([^"]+)"', html)
        assert json.loads(unescape(recorded)) == digests, checker.id


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


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
