"""The move to Zensical, Material for MkDocs' successor, stays cheap: the same pre-pass and
post-pass around a Zensical build give a site whose checkers answer in Chromium as they do in
the MkDocs build, that passes axe in both palettes, whose own search finds a topic, and whose
checker pages fit a phone and print without the header, navigation and footer. What Zensical does differently is listed in the README ("Moving to
Zensical")."""

from __future__ import annotations

import json
import re
import threading

import pytest
from playwright.sync_api import Page, expect

from build_scripts import postpass
from build_scripts.postpass import anchors
from build_scripts.prepass.worked_examples import load
from checkers import CHECKERS, api

from .browser_helpers import answer, submit_and_wait
from .conftest import build_site, free_port
from .test_accessibility import axe_checked, palette, violations

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


@pytest.fixture(params=["light", "dark"])
def scheme_page(browser, browser_context_args, request):
    # axe is injected as a script, which the site's CSP would refuse
    context = browser.new_context(
        **browser_context_args, bypass_csp=True, color_scheme=request.param
    )
    yield context.new_page()
    context.close()


def test_every_page_passes_axe_in_both_palettes(scheme_page: Page, zensical_site):
    """The pages axe reads in the MkDocs build (test_accessibility.axe_checked), as a reader
    first sees them, Python kept from starting as there."""
    scheme_page.route("**/js/checker-worker.js", lambda route: route.abort())
    dark = scheme_page.evaluate("matchMedia('(prefers-color-scheme: dark)').matches")
    found = {}
    for path in axe_checked(zensical_site):
        scheme_page.goto(zensical_site.url + path)
        if not path.startswith("handouts/"):  # (a handout has no palette: its CSS follows)
            assert palette(scheme_page) == ("slate" if dark else "default"), path
        if problems := violations(scheme_page):
            found[path] = problems
    assert not found, json.dumps(found, indent=1)


def test_its_search_index_holds_every_page(zensical_site):
    index = json.loads((zensical_site.dir / "search.json").read_text(encoding="utf-8"))
    entries = index["items"] if isinstance(index, dict) and "items" in index else index
    located = {str(e.get("location", e.get("url", ""))).split("#")[0] for e in entries}
    for path in postpass.pages(zensical_site.dir):
        address = path.relative_to(zensical_site.dir).parent.as_posix() + "/"
        if address.startswith(("handouts/", "404")) or path.name != "index.html":
            continue
        assert address.removeprefix("./") in located or (address == "./" and "" in located), address


def test_its_search_panel_finds_a_topic_and_opens_it(page: Page, zensical_site):
    outside = []
    page.on(
        "request", lambda r: None if r.url.startswith(zensical_site.url) else outside.append(r.url)
    )
    page.goto(zensical_site.url)
    page.get_by_role("button", name="Search").first.click()
    page.keyboard.type("custody")
    results = page.get_by_role("listbox", name="Search results")
    first = results.get_by_role("option").first
    # the results for the whole word (the panel searches as each letter arrives, and marks
    # what matched), not those for a letter or two; Playwright's locators reach into the
    # panel's shadow DOM, which document.querySelector does not
    expect(first.locator("mark").first).to_have_text(re.compile("^custody$", re.I))
    assert first.get_attribute("href") == zensical_site.url + "serious-harm/#custody"
    page.keyboard.press("Enter")
    page.wait_for_url("**/serious-harm/#custody")
    assert outside == []


@pytest.mark.parametrize("checker_id", list(CHECKERS))
def test_a_checker_page_fits_a_phone_and_prints_without_the_screens_furniture(
    page: Page, zensical_site, checker_id, tmp_path
):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(zensical_site.url + CHECKERS[checker_id].page)
    page.wait_for_selector(f"form[data-checker='{checker_id}'][data-bound]")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    form = page.locator(f"form[data-checker='{checker_id}']")
    assert form.bounding_box()["width"] <= 390
    page.screenshot(path=tmp_path / f"{checker_id}-phone.png")
    page.emulate_media(media="print")
    for furniture in (".md-header", ".md-sidebar--primary", ".md-footer", ".md-banner"):
        assert not page.locator(furniture).first.is_visible(), furniture
    assert page.locator("h1").first.is_visible()
    page.pdf(path=tmp_path / f"{checker_id}.pdf", format="A4")
