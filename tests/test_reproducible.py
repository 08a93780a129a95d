"""Two builds of the same commit are byte for byte the same, the archive Python imports from,
the Pyodide snapshot and the service worker included: the first two are served as immutable
under a content address, and the page checks their SHA-256 digests, so a build that
drifted would break caches and checks alike."""

from __future__ import annotations

import hashlib
from pathlib import Path

from build_scripts.prepass import runtime
from checkers import CHECKERS

from .conftest import build_site


def digests(root: Path) -> dict[str, str]:
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def test_two_builds_of_the_same_commit_are_identical(site, tmp_path, monkeypatch):
    # The second build makes its Python files from nothing, in a dist/ of its own.
    monkeypatch.setattr(runtime, "DIST", tmp_path / "dist")
    again = tmp_path / "site"
    build_site(again, site.url)
    first, second = digests(site.dir), digests(again)
    assert sorted(first) == sorted(second)
    assert [path for path in first if first[path] != second[path]] == []
    made = sorted((tmp_path / "dist").rglob("*.*"))
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
