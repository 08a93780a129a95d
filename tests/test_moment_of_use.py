"""The screen at the moment of use, on a phone and a laptop: a result never stands beside
answers it was not made from, and the error summary keeps the reader on the page with every
message in place, the question in view below the sticky header."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from checkers import CHECKERS

from .browser_helpers import RESULT, answer, submit_and_wait

pytestmark = pytest.mark.browser

ALLEGATION = {
    "harmed_or_may_have_harmed": False,
    "possible_criminal_offence": False,
    "risk_of_harm": False,
    "removed_due_to_risk": False,
}


def in_view_below_header(page: Page, selector: str) -> bool:
    return page.evaluate(
        """s => { const box = document.querySelector(s).getBoundingClientRect();
                  const header = document.querySelector('.md-header').getBoundingClientRect();
                  return box.top >= header.bottom - 1 && box.top < innerHeight; }""",
        selector,
    )


def test_a_changed_answer_marks_the_result_out_of_date(checker_screen, site):
    page = checker_screen("allegations")
    answer(page, "allegations", ALLEGATION)
    assert submit_and_wait(page, "allegations") == "not_allegation"
    result = page.locator("[data-checker-result]")
    expect(result).not_to_have_attribute("data-stale", "true")
    answer(page, "allegations", {"harmed_or_may_have_harmed": True})
    # At once, before any press: the old result is marked, and the line above it says what to
    # do (outside the result's live region, so the result is not read out again).
    note = page.locator("[data-stale-note]")
    expect(result).to_have_attribute("data-stale", "true")
    expect(note).to_be_visible()
    expect(note).to_have_text("Your answers have changed: press Check again")
    assert page.evaluate(
        "() => !document.querySelector('[data-stale-note]').closest('[aria-live]')"
    )
    assert page.evaluate(
        "() => { const n = document.querySelector('[data-stale-note]');"
        " const r = document.querySelector('[data-checker-result]');"
        " return !!(n.compareDocumentPosition(r) & Node.DOCUMENT_POSITION_FOLLOWING)"
        " && !r.closest('[aria-live]'); }"
    )
    # Said once: the line is a status region of its own (role=status).
    expect(note).to_have_attribute("role", "status")
    page.evaluate(
        """() => { window.__said = 0; new MutationObserver(() => window.__said++).observe(
             document.querySelector('[data-stale-note]'),
             {childList: true, characterData: true, subtree: true}); }"""
    )
    answer(page, "allegations", {"risk_of_harm": True})  # a second change says nothing new
    page.wait_for_timeout(200)
    assert page.evaluate("window.__said") == 0
    # Checking again gives a result for the answers shown, no longer marked.
    assert submit_and_wait(page, "allegations") == "allegation"
    expect(result).not_to_have_attribute("data-stale", "true")
    expect(note).to_be_hidden()


def test_the_error_summary_keeps_the_reader_on_the_page(checker_screen, site):
    page = checker_screen("notifiable-incident")
    answer(page, "notifiable-incident", {"child_died": False, "abuse_or_neglect": "known"})
    page.locator("form[data-checker] button[type=submit]").click()
    summary = page.locator("[data-error-summary]")
    expect(summary).to_be_visible(timeout=60_000)
    address = page.url
    page.evaluate("window.__samePage = true")  # gone if the page were swapped or reloaded
    links = summary.locator("a")
    expect(links).to_have_count(3)
    for i in range(3):
        link = links.nth(i)
        field = link.get_attribute("href").split("#", 1)[1]
        link.click()
        page.wait_for_timeout(300)
        assert page.evaluate("window.__samePage === true"), "the page was swapped"
        assert page.url == address
        expect(summary).to_be_visible()
        expect(page.locator("[data-error-for]:not([hidden])")).to_have_count(3)
        expect(page.locator(f"#{field}")).to_be_focused()
        group = page.locator(f"#{field}").locator("xpath=ancestor::*[@data-field][1]")
        group_id = group.get_attribute("id")
        assert in_view_below_header(page, f"#{group_id}"), group_id
    expect(page.locator(RESULT)).to_have_count(0)


def test_every_message_names_what_is_missing(checker_screen, site):
    page = checker_screen("notifiable-incident")
    answer(page, "notifiable-incident", {"child_died": False})
    page.locator("form[data-checker] button[type=submit]").click()
    expect(page.locator("[data-error-for='seriously_harmed']")).to_have_text(
        "Select yes, no or not sure: has the child been seriously harmed?", timeout=60_000
    )
    expect(page.locator("[data-error-for='abuse_or_neglect']")).to_have_text(
        "Select known, suspected, not known or suspected, or not sure: is abuse or neglect "
        "known or suspected?"
    )


def test_a_filled_in_link_shows_the_check_before_python_has_started(screen: Page, site):
    """A handout's QR code opens the page at the check and its status line, not at the top,
    while Python is still on its way (here held back until the test lets it go)."""
    from checkers.web.encoding import fragment

    from .answers import example_answers

    page = screen
    held = []
    page.route("**/python.zip", lambda route: held.append(route))
    checker = CHECKERS["allegations"]
    page.goto(site.url + checker.page + fragment(checker, example_answers("allegations")))
    page.wait_for_function("() => document.querySelector('form[data-checker][data-bound]')")
    assert page.locator(RESULT).count() == 0  # Python has not answered yet
    expect(page.locator("[data-checker-status]")).to_be_in_viewport()
    expect(page.locator("[data-checker-status]")).to_contain_text("Starting the checker")
    # The check's buttons are on screen above it (the check, not the top of the page).
    expect(page.locator("form[data-checker] button[type=submit]")).to_be_in_viewport()
    for route in held:
        route.continue_()
    page.unroute("**/python.zip")
    page.wait_for_selector(RESULT, timeout=60_000)


def hand_off_from_serious_harm(page: Page, site, abuse_or_neglect: str) -> None:
    """A child has died: answer the serious-harm check and follow its result's link to the
    notifiable-incident check."""
    page.goto(site.url + CHECKERS["serious-harm"].page)
    answer(page, "serious-harm", {"abuse_or_neglect": abuse_or_neglect, "child_died": True,
                                  "interagency_concerns": "yes", "death_in_custody": False})  # fmt: skip
    submit_and_wait(page, "serious-harm")
    page.locator(".checker-note a").first.click()
    page.wait_for_url("**/notifiable-incidents/**")


def test_a_hand_off_between_checks_asks_for_what_is_left_not_an_error(screen: Page, site):
    """The serious-harm result's link opens the notifiable-incident check with what serious
    harm knows; the two questions it does not ask, and that decide here (a child has died,
    abuse or neglect not suspected), are asked for, without the error summary or the red of an
    error the reader did not make; answering them finishes the check."""
    page = screen
    hand_off_from_serious_harm(page, site, "not_suspected")
    finish = page.locator("[data-to-finish]")
    expect(finish).to_be_visible(timeout=60_000)
    expect(finish).to_contain_text("Answer these 2 questions to finish the check")
    expect(finish.locator("a")).to_have_text(
        ["Was the child looked after?", "Was the child in a regulated setting or service?"]
    )
    expect(page.locator("[data-error-summary]")).to_be_hidden()
    expect(page.locator("[data-error-for]:not([hidden])")).to_have_count(0)
    expect(page.locator(".checker-question--error")).to_have_count(0)
    finish.locator("a").first.click()
    expect(page.locator("#notifiable-incident-looked_after-yes")).to_be_focused()
    answer(page, "notifiable-incident", {"looked_after": False, "regulated_setting": False})
    assert submit_and_wait(page, "notifiable-incident") == "not_notifiable"
    expect(finish).to_be_hidden()


def test_a_hand_off_whose_outcome_is_settled_answers_at_once(screen: Page, site):
    """When the answers a link carries settle the outcome whatever the questions it leaves
    blank, the arriving check answers at once and names the blank questions, without an error
    or a list of things to finish."""
    page = screen
    hand_off_from_serious_harm(page, site, "known")
    result = page.locator('[data-checker-section="notifiable-incident"] ' + RESULT)
    expect(result).to_be_visible(timeout=60_000)
    expect(result.locator(".checker-outcome")).to_contain_text("This is a notifiable incident")
    blank = result.locator(".checker-unanswered")
    expect(blank).to_contain_text("2 questions not answered yet, but no answer to them")
    expect(blank.locator("a")).to_have_text(
        ["Was the child looked after?", "Was the child in a regulated setting or service?"]
    )
    expect(page.locator("[data-to-finish]")).to_be_hidden()
    expect(page.locator("[data-error-summary]")).to_be_hidden()
    expect(page.locator(".checker-question--error")).to_have_count(0)


def test_a_result_is_read_out_short_and_reached_with_one_tab(checker_screen, site):
    """The live region reads the headline and one line (not the whole result, which is outside
    it); from the button just pressed, one Tab reaches "Go to the result", which moves the
    focus to the result without leaving the page."""
    page = checker_screen("allegations")
    answer(page, "allegations", {**ALLEGATION, "harmed_or_may_have_harmed": True,
                                 "removed_due_to_risk": True, "reported_on": "2019-03-01"})  # fmt: skip
    submit_and_wait(page, "allegations")
    said = page.locator("[data-checker-live]")
    headline = page.locator(".checker-outcome").inner_text()
    expect(said).to_have_attribute("aria-live", "polite")
    text = said.inner_text()
    assert headline in text and len(text) <= 400, text
    # and the one line a listener needs, first as on the screen: the warning about the date
    assert text.startswith("Warning: The date you gave") and "on or after 4 July 2018" in text
    # On the screen too the warning stands above the headline, and so above its deadline.
    warning, outcome = (
        page.locator(f"{RESULT} {s}").bounding_box()["y"]
        for s in (".checker-warning", ".checker-outcome")
    )
    assert warning < outcome
    assert page.locator("[aria-live] [data-checker-result]").count() == 0
    expect(page.locator("form[data-checker='allegations'] button[type=submit]")).to_be_focused()
    page.keyboard.press("Tab")
    go = page.locator("[data-go-to-result]")
    expect(go).to_be_focused()
    url = page.url
    page.keyboard.press("Enter")
    expect(page.locator("#allegations-result")).to_be_focused()
    assert page.url.split("#")[0] == url.split("#")[0]
    expect(page.locator(RESULT)).to_be_visible()
    page.locator("form[data-checker='allegations'] button[type=reset]").click()
    expect(go).to_be_hidden()
    expect(said).to_have_text("")


def test_a_keyboard_user_skips_to_the_check_and_every_link_has_a_name(screen: Page, site):
    page = screen  # a fresh page: the first Tab goes from the top
    page.goto(site.url + CHECKERS["serious-harm"].page)
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    skip = page.locator("a.md-skip", has_text="Skip to the check")
    expect(skip).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("#serious-harm-title")).to_be_focused()
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.closest('[data-checker-section]') !== null")
    assert focused, "the next Tab is inside the check"
    names = page.evaluate(
        """[...document.querySelectorAll('a.headerlink, a.para-link')]
             .map(a => a.getAttribute('aria-label') || '')"""
    )
    assert names and all(n.startswith("Link to ") for n in names), names


def test_nothing_floats_over_a_question_or_the_buttons(checker_screen, site):
    """Scrolling down a check and back up a little (when Material shows its "Back to top"
    button) leaves every question and button of the check uncovered."""
    page = checker_screen("serious-harm")
    page.wait_for_selector("form[data-checker][data-bound]")
    page.locator(".checker-buttons").scroll_into_view_if_needed()
    page.mouse.wheel(0, 600)
    page.wait_for_timeout(300)
    page.mouse.wheel(0, -300)
    page.wait_for_timeout(500)
    covered = page.evaluate(
        """() => [...document.querySelectorAll('.checker-question, .checker-buttons button')]
             .filter(e => { const r = e.getBoundingClientRect();
                            if (r.bottom < 0 || r.top > innerHeight) return false;
                            for (const [x, y] of [[r.left + 4, r.top + 4], [r.right - 4, r.top + 4],
                                                  [r.left + 4, r.bottom - 4]]) {
                              const hit = document.elementFromPoint(x, y);
                              if (hit && hit.closest('.md-top')) return true; }
                            return false; })
             .map(e => e.id || e.textContent.trim())"""
    )
    assert covered == []
    expect(page.locator(".md-top")).to_have_count(0)


def test_a_results_sources_are_headings_over_their_items_not_a_tag_on_each(checker_screen, site):
    """The allegations result rests mostly on the January 2015 proposed text: one heading says
    so over each run of its items, no item repeats it, and the key under the result explains
    each heading used."""
    page = checker_screen("allegations")
    answer(page, "allegations", {**ALLEGATION, "harmed_or_may_have_harmed": True})
    submit_and_wait(page, "allegations")
    result = page.locator(RESULT)
    headings = result.locator(".checker-from").all_inner_texts()
    assert "From the January 2015 proposed text" in headings
    items = result.locator(".checker-actions li, .checker-reasons li").all_inner_texts()
    assert items and not [i for i in items if "proposed text)" in i], items
    expect(result.locator(".checker-sources")).to_contain_text(
        "From the January 2015 proposed text"
    )
    # Not boxes within boxes: on a phone the result has nearly the screen's width for its text
    # (it had 80% of it: 314 of 390 px).
    width, screen_width = page.evaluate(
        "[document.querySelector('[data-checker-result]').clientWidth, innerWidth]"
    )
    assert width >= 0.88 * screen_width or screen_width > 600, (width, screen_width)
