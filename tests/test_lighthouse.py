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
    """Every Lighthouse report (a run per page and form factor: about 8 s each here)."""
    pages = ["", *sorted({c.page for c in CHECKERS.values()})]
    run = subprocess.run(
        ["node", str(ROOT / "tests" / "lighthouse_run.mjs"), CHROMIUM]
        + [site.url + page for page in pages],
        capture_output=True, text=True, timeout=900, check=True,
    )  # fmt: skip
    return json.loads(run.stdout)


def test_every_page_scores_100_for_accessibility_best_practices_and_seo(
    reports, site, record_property
):
    for report in reports:  # printed at the end of the run (conftest.py)
        scores = " ".join(f"{name} {score}" for name, score in report["scores"].items())
        page = report["url"].removeprefix(site.url) or "(home)"
        record_property("printed", f"Lighthouse {report['formFactor']:7} {scores}: {page}")
    assert len(reports) == 2 * (1 + len({c.page for c in CHECKERS.values()}))
    below = [r for r in reports if set(r["scores"].values()) != {100}]
    assert not below, json.dumps(below, indent=1)
