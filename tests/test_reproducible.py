"""Two builds of the same commit are byte for byte the same, the archive Python imports from,
the Pyodide snapshot and the service worker included: the first two are served as immutable
under a content address, and the page checks their SHA-256 digests, so a build that
drifted would break caches and checks alike."""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
import sys
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


def test_two_builds_at_once_are_identical_and_leave_the_checkout_as_it_was(site, tmp_path):
    """Two builds run at the same time, into two folders, one of them making its Python files
    from nothing in a cache of its own: both give the session's site byte for byte, and the
    checkout is left as it was (but for the runtime's content-addressed cache)."""
    before = checkout_status()
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    fresh = tmp_path / "cache"
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
            cwd=ROOT,
            env=env | extra,
        )
        for name, extra in (("a", {}), ("b", {"BUILD_CACHE": str(fresh)}))
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
    (folder,) = site.dir.glob("assets/py/*/")
    files = {"python": folder / "python.zip", "snapshot": folder / "snapshot.bin"}
    for checker in CHECKERS.values():
        html = (site.dir / checker.page / "index.html").read_text(encoding="utf-8")
        for name, path in files.items():
            sha = hashlib.sha256(path.read_bytes()).hexdigest()
            assert f'data-{name}="assets/py/{folder.name}/{path.name}"' in html, checker.id
            assert f'data-{name}-sha256="{sha}"' in html, checker.id


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
