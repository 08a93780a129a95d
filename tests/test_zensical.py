"""The move to Zensical, Material for MkDocs' successor, stays cheap: the same pre-pass and
post-pass around a Zensical build give a site whose checkers answer in Chromium as they do in
the MkDocs build. What Zensical does differently is listed in the README ("Moving to
Zensical")."""

from __future__ import annotations

import threading

import pytest
from playwright.sync_api import Page

from build_scripts import postpass
from build_scripts.postpass import anchors
from build_scripts.prepass.worked_examples import load
from checkers import CHECKERS, api

from .browser_helpers import answer, submit_and_wait
from .conftest import build_site, free_port

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def zensical_site(tmp_path_factory):
    from build_scripts.dev.serve import make_server

    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    target = tmp_path_factory.mktemp("zensical") / "site"
    # (no .br/.gz copies: what they are is the MkDocs build's to test, and the host's)
    build_site(target, url, generator="zensical", compressed_copies=False)
    server = make_server(target, port)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield type("Site", (), {"dir": target, "url": url})
    server.shutdown()


def test_every_page_is_filled_and_protected(zensical_site):
    pages = postpass.pages(zensical_site.dir)
    assert len(pages) > 15
    assert anchors.unfilled(zensical_site.dir, pages) == []
    assert anchors.broken_citations(zensical_site.dir) == []
    for path in pages:
        html = path.read_text(encoding="utf-8")
        assert 'http-equiv="Content-Security-Policy"' in html, path
    # built with --no-compressed-copies: the packed files' .gz copies only (postpass/pack.py)
    assert not list(zensical_site.dir.rglob("*.br"))
    gz = sorted(p.name for p in zensical_site.dir.rglob("*.gz"))
    assert gz == ["python.zip.gz", "snapshot.bin.gz"]


@pytest.mark.parametrize("checker_id", list(CHECKERS))
def test_each_checker_answers_in_chromium(page: Page, zensical_site, checker_id):
    outside = []
    page.on(
        "request",
        lambda r: outside.append(r.url) if not r.url.startswith(zensical_site.url) else None,
    )
    example = next(e for e in load() if e["checker"] == checker_id)
    page.goto(zensical_site.url + CHECKERS[checker_id].page)
    answer(page, checker_id, example["answers"])
    outcome = submit_and_wait(page, checker_id)
    assert outcome == api.assess(checker_id, example["answers"])["outcome"]
    assert outside == []
