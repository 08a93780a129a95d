"""The bytes a first visit sends are deterministic (the build is reproducible and the host
sends the build's Brotli copies), so the budget of issue #16 is a test, not a benchmark: a
checker page sends at most 4 MB, Python included; a page without a checker at most 300 KB,
and nothing of Python. Counted in real Chromium, the checker's worker included, as sent."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser

from build_scripts.dev.bench import BYTES_GOAL, first_visit
from checkers import CHECKERS

pytestmark = pytest.mark.browser

WITHOUT_A_CHECKER = ["", "draft-and-final/", "glossary/", "for-trainers/", "privacy/"]


@pytest.mark.parametrize("checker_id", sorted(CHECKERS))
def test_a_first_visit_to_a_checker_page_sends_at_most_4_mb(browser: Browser, site, checker_id):
    sent = first_visit(browser, site.url, CHECKERS[checker_id].page)
    assert [url for url in sent if url.endswith("/python.zip")]  # Python did start
    total = sum(sent.values())
    print(f"\n{checker_id}: {total / 1e6:.2f} MB")
    assert total <= BYTES_GOAL["checker page"]


@pytest.mark.parametrize("path", WITHOUT_A_CHECKER)
def test_a_page_without_a_checker_sends_at_most_300_kb_and_no_python(browser, site, path):
    sent = first_visit(browser, site.url, path)
    assert [url for url in sent if "/assets/py" in url] == []
    total = sum(sent.values())
    print(f"\n/{path}: {total / 1e3:.0f} kB")
    assert total <= BYTES_GOAL["page without a checker"]
