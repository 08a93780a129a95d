"""Nothing leaves the browser: every page visited and every checker submitted, with the
site's Content-Security-Policy in force, sends no request off the origin and breaks no rule
of the policy; free text never reaches a URL; a copy opened from file:// says it cannot run."""

from __future__ import annotations

from urllib.parse import urlparse

import pytest
from playwright.sync_api import Page, expect

from checkers import CHECKERS

from .answers import example_answers
from .browser_helpers import answer, submit_and_wait
from .test_accessibility import page_paths

pytestmark = pytest.mark.browser

ANSWERS = {checker_id: example_answers(checker_id) for checker_id in CHECKERS}
DATES = {v for answers in ANSWERS.values() for v in answers.values() if isinstance(v, str)
         and v[:2] == "20"}  # fmt: skip

CSP_LISTENER = """() => {
  window.__cspViolations = [];
  document.addEventListener("securitypolicyviolation",
    (e) => window.__cspViolations.push(e.violatedDirective + " " + e.blockedURI));
}"""


def test_every_page_and_every_checker_stays_on_the_origin(page: Page, site):
    origin = urlparse(site.url).netloc
    requests: list[str] = []
    page.context.on("request", lambda r: requests.append(r.url))
    console: list[str] = []
    page.on("console", lambda m: console.append(m.text) if m.type == "error" else None)
    page.add_init_script(f"({CSP_LISTENER})()")

    # Every page as it loads, Python kept from starting (its worker refused: it starts below,
    # once per checker, where the worker's own requests are seen).
    page.route("**/js/checker-worker.js", lambda route: route.abort())
    for path in page_paths(site):
        page.goto(site.url + path)
        page.wait_for_load_state("networkidle")
        assert page.evaluate("window.__cspViolations") == [], path
    page.unroute("**/js/checker-worker.js")
    for checker_id, answers in ANSWERS.items():
        page.goto(site.url + CHECKERS[checker_id].page)
        if CHECKERS[checker_id].print_title:
            page.locator("[data-organisation]").fill("Private Name Ltd")
        answer(page, checker_id, answers)
        submit_and_wait(page, checker_id)
        page.locator(f"form[data-checker='{checker_id}'] [data-copy-answers]").click()
        assert page.evaluate("window.__cspViolations") == [], checker_id
        assert "Private Name" not in page.url and not any(d in page.url for d in DATES)

    off = [u for u in requests if urlparse(u).netloc not in (origin, "")
           and not u.startswith(("data:", "blob:"))]  # fmt: skip
    assert off == []
    assert len(requests) > 50
    assert not [c for c in console if "Content Security Policy" in c], console
    # Free text and dates never reach a request either.
    assert DATES, "the examples give dates to look for"
    assert not [u for u in requests if "Private" in u or any(d in u for d in DATES)]


def test_a_copy_opened_from_disk_says_the_checker_cannot_run(page: Page, site):
    page.goto((site.dir / "notifiable-incidents" / "index.html").as_uri())
    status = page.locator("[data-checker-status]")
    expect(status).to_contain_text("file://")
    expect(page.locator("#criteria")).to_be_visible()
