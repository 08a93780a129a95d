"""Lighthouse on the built site: accessibility, best practices and SEO at 100 on the home page
and every checker's page, mobile and desktop. These three scores are deterministic (the same
page gives the same score on any machine), so they are asserted; performance varies with the
machine and is printed by `make bench`, not asserted."""

from __future__ import annotations

import json
import subprocess

import pytest

from checkers import CHECKERS

from .conftest import CHROMIUM, ROOT

pytestmark = [pytest.mark.browser, pytest.mark.build]


@pytest.fixture(scope="module")
def reports(site) -> list[dict]:
    pages = ["", *sorted({c.page for c in CHECKERS.values()})]
    run = subprocess.run(
        ["node", str(ROOT / "tests" / "lighthouse_run.mjs"), CHROMIUM]
        + [site.url + page for page in pages],
        capture_output=True, text=True, timeout=900, check=True,
    )  # fmt: skip
    found = json.loads(run.stdout)
    for report in found:  # printed with -s, and kept in the log of a failing run
        print(f"lighthouse {report['formFactor']:7} {report['scores']} {report['url']}")
    return found


def test_every_page_scores_100_for_accessibility_best_practices_and_seo(reports):
    assert len(reports) == 2 * (1 + len({c.page for c in CHECKERS.values()}))
    below = [r for r in reports if set(r["scores"].values()) != {100}]
    assert not below, json.dumps(below, indent=1)
