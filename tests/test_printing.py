"""Every checker's result prints as a record for the case file, on one A4 page (a plan with
columns to write in, on two at most): the heading
with the organisation's name (typed, never sent) and the date, the site's address, the answers
given (expanded), the outcome, the actions with their dates, the reasons, each citation as a
full address, and the standing statement that these are the 2015 rules. The whistleblowing
plan has columns to fill in by hand. Every worked example is printed to PDF in Chromium."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from build_scripts.prepass.worked_examples import load
from checkers import CHECKERS, api
from checkers.period import STATUS

from .browser_helpers import answer, submit_and_wait

pytestmark = pytest.mark.browser


def visible_text(page: Page) -> str:
    return " ".join(page.locator("body").inner_text().split())


@pytest.mark.parametrize("example", load(), ids=lambda e: e["id"])
def test_each_result_prints_on_one_a4_page(checker_page, site, example):
    checker = CHECKERS[example["checker"]]
    page = checker_page(checker.id)
    page.locator(f"form[data-checker='{checker.id}'] [data-organisation]").fill("Anytown Trust")
    answer(page, checker.id, example["answers"])
    submit_and_wait(page, checker.id)
    page.evaluate("window.print = () => {}")  # the button's work, without a print dialog
    page.locator("[data-print-plan]").click()
    assert "Anytown" not in page.url
    page.emulate_media(media="print")
    text = visible_text(page)
    expected = api.assess(checker.id, example["answers"])
    assert checker.print_title in text and "Anytown Trust" in text
    assert re.search(r"\d{1,2} [A-Z][a-z]+ 20\d\d", text), "the date the record was made"
    assert site.url in text, "the site's address"
    assert " ".join(expected["summary"].split()) in text
    assert " ".join(STATUS.split()) in text, "the standing statement"
    for item in [*expected["actions"], *expected["reasons"], *expected["warnings"]]:
        assert " ".join(item["text"].split()) in text
    expect(page.locator("details.checker-answers")).to_have_attribute("open", "")
    for q in checker.questions:
        if q.id in example["answers"] and not checker.not_asked(q, example["answers"]):
            assert " ".join(q.text.split()) in text, q.id
    # Each citation as a full address, printed after its link.
    hrefs = page.locator("[data-checker-result] a[href^='http']").evaluate_all(
        "els => els.map(e => [e.getAttribute('href'), getComputedStyle(e, '::after').content])"
    )
    assert hrefs and all(after == f'" <{href}>"' for href, after in hrefs), hrefs[:2]
    pdf = page.pdf(format="A4")
    assert pdf[:4] == b"%PDF"
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    # A record is one page; a plan to write on (9 pt at the least, rows 12 mm high to write
    # in) may take a second, and so may a case's record (every check that applies to it).
    assert pages <= (2 if checker.plan_columns or checker.id == "case" else 1), pages


PLANS = [c.id for c in CHECKERS.values() if c.plan_columns]


@pytest.mark.parametrize("checker_id", PLANS)
def test_a_checklists_plan_has_columns_to_fill_in(checker_page, site, checker_id):
    example = next(
        e for e in load() if e["checker"] == checker_id and e["expected"]["outcome"] == "gaps"
    )
    page = checker_page(checker_id)
    answer(page, checker_id, example["answers"])
    submit_and_wait(page, checker_id)
    table = page.locator("table.plan-table")
    expect(table).to_be_hidden()  # on screen the plan is a list
    page.evaluate("window.print = () => {}")
    page.locator("[data-print-plan]").click()
    page.emulate_media(media="print")
    expect(table).to_be_visible()
    expect(page.locator("ol.checker-actions")).to_be_hidden()
    headers = table.locator("th").all_inner_texts()
    assert headers == ["Action", "Owner", "Target date"]
    rows = table.locator("tbody tr")
    assert rows.count() == len(api.assess(checker_id, example["answers"])["actions"])
    assert rows.first.locator("td").nth(1).inner_text() == ""
    # Where each action comes from: numbered notes under the table, not addresses in the cells.
    cells = table.locator("tbody td:first-child").all_inner_texts()
    assert all("http" not in c and re.search(r"\[\d+\]$", c) for c in cells), cells
    notes = page.locator("ol.plan-notes li").all_inner_texts()
    assert notes and all(site.url in n for n in notes), notes
    marks = {int(m) for c in cells for m in re.findall(r"\[(\d+)\]$", c)}
    assert marks == set(range(1, len(notes) + 1))
    # Room to write in (12 mm is 45.4 CSS px), and nothing printed under 9 pt (12 CSS px).
    heights = rows.evaluate_all("rs => rs.map(r => r.getBoundingClientRect().height)")
    assert min(heights) >= 45, heights
    smallest = page.locator("[data-checker-result]").evaluate(
        """el => Math.min(...[...el.querySelectorAll('*')].filter(e => e.offsetParent !== null
             && [...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim()))
             .map(e => parseFloat(getComputedStyle(e).fontSize)))"""
    )
    assert smallest >= 12, smallest
    pdf = page.pdf(format="A4")
    print(f"{checker_id} plan pages:", len(re.findall(rb"/Type\s*/Page[^s]", pdf)))
