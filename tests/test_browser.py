"""The built site in real Chromium (Playwright): rendering, instant navigation, the checkers
end to end, bad input, filled-in links, safe failure, printing, and no request off the origin."""

from __future__ import annotations

import hashlib
import re
from urllib.parse import urlencode, urlparse

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from playwright.sync_api import Page, expect

from build_scripts.postpass.pack import unpacked
from checkers import CHECKERS, api
from checkers.web.encoding import FORM_VALUES

from .browser_helpers import (
    RESULT,
    answer,
    press_and_expect_no_result,
    submit_and_wait,
    with_runtime_digest,
)

pytestmark = pytest.mark.browser

NOTIFIABLE = {  # "Has the child been seriously harmed?" is not asked once the child has died
    "child_died": True,
    "abuse_or_neglect": "suspected",
    "looked_after": False,
    "regulated_setting": False,
}
SERIOUS = {
    "abuse_or_neglect": "known",
    "child_died": False,
    "life_threatening_injury": True,
    "serious_or_long_term_impairment": False,
    "interagency_concerns": "unclear",
    "death_in_custody": False,
}
ALLEGATION = {
    "harmed_or_may_have_harmed": False,
    "possible_criminal_offence": True,
    "risk_of_harm": False,
    "removed_due_to_risk": True,
}


def off_origin(page: Page, site) -> list[str]:
    """Start recording every request that does not go to the site's own origin."""
    origin = urlparse(site.url).netloc
    seen: list[str] = []
    page.on(
        "request",
        lambda r: (
            seen.append(r.url)
            if urlparse(r.url).netloc != origin and not r.url.startswith(("data:", "blob:"))
            else None
        ),
    )
    return seen


def test_home_renders(page: Page, site):
    page.goto(site.url)
    expect(page).to_have_title(re.compile("Working Together 2015"))
    expect(page.locator("[data-status-banner]")).to_be_visible()
    expect(page.locator("h1")).to_contain_text("Working Together 2015, paragraph by paragraph")
    expect(page.locator("#status")).to_be_attached()


def test_instant_navigation_keeps_the_page_alive(page: Page, site):
    page.goto(site.url)
    page.evaluate("window.__stillHere = 'yes'")
    page.locator("nav.md-nav--primary a", has_text="Notifiable incidents").first.click()
    page.wait_for_url("**/notifiable-incidents/")
    expect(page.locator("h1")).to_contain_text("Notifiable incidents")
    assert page.evaluate("window.__stillHere") == "yes"  # no full reload


def test_checker_end_to_end_and_across_instant_navigation(page: Page, site):
    wasm = []  # requests for the WebAssembly runtime (the worker also sends one HEAD)
    page.on(
        "request",
        lambda r: wasm.append(r.url) if r.url.endswith(".wasm") and r.method == "GET" else None,
    )
    leaks = off_origin(page, site)
    page.goto(site.url + "notifiable-incidents/")
    answer(page, "notifiable-incident", {**NOTIFIABLE, "aware_on": "2015-12-23"})
    assert submit_and_wait(page, "notifiable-incident") == "notifiable"
    result = page.locator("[data-checker-result]")
    expect(result).to_contain_text("Monday 4 January 2016")
    expect(result.locator("a[href$='notifiable-incidents/#criteria']").first).to_be_visible()

    # A second answer on the same page.
    answer(page, "notifiable-incident", {"child_died": False, "seriously_harmed": False})
    page.locator("form[data-checker] button[type=submit]").click()
    expect(result).to_have_attribute("data-outcome", "not_notifiable")

    # The head's preload and the worker's own request, which reuses it (one download:
    # tests/test_early_start.py counts them at the server).
    assert len(wasm) == 2, wasm
    # Instant navigation to another checker page: Python is not started again.
    started_with = list(wasm)
    page.evaluate("window.__stillHere = 'yes'")
    page.locator("nav.md-nav--primary a", has_text="Serious harm").first.click()
    page.wait_for_url("**/serious-harm/")
    answer(page, "serious-harm", SERIOUS)
    assert submit_and_wait(page, "serious-harm") == "must"
    assert page.evaluate("window.__stillHere") == "yes"
    assert wasm == started_with
    assert leaks == []


def test_browser_gives_the_same_result_as_cpython(checker_page):
    page = checker_page("allegations")
    answer(page, "allegations", {**ALLEGATION, "reported_on": "2015-04-02"})
    assert submit_and_wait(page, "allegations") == "allegation"
    expected = api.assess("allegations", {**ALLEGATION, "reported_on": "2015-04-02"})
    shown = page.locator("[data-checker-result]").inner_text()
    assert expected["summary"] in shown
    for item in expected["reasons"] + expected["actions"]:
        assert item["text"] in shown


def test_bad_input_shows_errors_and_keeps_answers(checker_page):
    page = checker_page("notifiable-incident")
    answer(page, "notifiable-incident", {"child_died": False, "abuse_or_neglect": "known"})
    page.locator("form[data-checker] button[type=submit]").click()
    summary = page.locator("[data-error-summary]")
    expect(summary).to_be_visible(timeout=60_000)
    expect(summary).to_contain_text("There is a problem")
    expect(summary).to_be_focused()
    assert summary.locator("li").count() == 3
    expect(page.locator("[data-error-for='seriously_harmed']")).to_have_text(
        "Select yes, no or not sure: has the child been seriously harmed?"
    )
    expect(page.locator("[data-error-for='child_died']")).to_be_hidden()
    expect(page.locator("input[name=child_died][value=no]")).to_be_checked()
    expect(page.locator("input[name=abuse_or_neglect][value=known]")).to_be_checked()
    # The summary's links take the reader to the field.
    summary.locator("a").first.click()
    expect(page.locator("input[name=seriously_harmed]").first).to_be_focused()
    expect(page.locator(RESULT)).to_have_count(0)


def test_contradiction_is_shown_next_to_the_field(checker_page):
    page = checker_page("serious-harm")
    answer(page, "serious-harm", {**SERIOUS, "child_died": False, "death_in_custody": True})
    page.locator("form[data-checker] button[type=submit]").click()
    error = page.locator("[data-error-for='death_in_custody']")
    expect(error).to_be_visible(timeout=60_000)
    expect(error).to_contain_text("cannot be yes when the child has not died")


def test_serious_harm_links_to_a_filled_in_notifiable_check(page: Page, site):
    page.goto(site.url + "serious-harm/")
    answer(page, "serious-harm", SERIOUS)
    submit_and_wait(page, "serious-harm")
    page.locator("[data-checker-result] .checker-note a").click()
    page.wait_for_url("**/notifiable-incidents/#checker=*")
    expect(page.locator("input[name=seriously_harmed][value=yes]")).to_be_checked()
    expect(page.locator("input[name=abuse_or_neglect][value=known]")).to_be_checked()
    # Seriously harmed, abuse known: notifiable whatever looked_after and regulated_setting
    # are, so the check answers, naming them as not answered; never guessed, never an error.
    expect(page.locator(RESULT)).to_have_attribute("data-outcome", "notifiable", timeout=60_000)
    expect(page.locator(".checker-unanswered")).to_contain_text("Was the child looked after?")
    expect(page.locator("input[name=looked_after]:checked")).to_have_count(0)
    expect(page.locator("[data-error-for='looked_after']")).to_be_hidden()


def test_copied_link_opens_the_same_answers_in_a_new_browser(page: Page, site, browser):
    page.goto(site.url + "notifiable-incidents/")
    answer(page, "notifiable-incident", {**NOTIFIABLE, "aware_on": "2015-12-23"})
    submit_and_wait(page, "notifiable-incident")
    url_before = page.url
    page.locator("[data-copy-answers]").click()
    expect(page.locator("[data-copy-field]")).not_to_have_value("")  # made by Python
    link = page.locator("[data-copy-field]").input_value()
    assert page.url == url_before  # answering and copying never touch the address bar
    assert urlparse(link).query == ""
    assert "2015-12-23" not in link and "aware_on" not in link
    fresh = browser.new_context().new_page()
    fresh.goto(link)
    fresh.wait_for_selector(RESULT, timeout=60_000)
    assert fresh.locator("[data-checker-result]").get_attribute("data-outcome") == "notifiable"
    # The reader is told the answers are the link's, not theirs.
    expect(fresh.locator("[data-checker-status]")).to_contain_text("filled in from the link")
    for name, value in NOTIFIABLE.items():
        v = ("yes" if value else "no") if isinstance(value, bool) else value
        expect(fresh.locator(f"input[name={name}][value={v}]")).to_be_checked()
    fresh.context.close()


@pytest.mark.parametrize(
    "fragment",
    [
        "#checker=notifiable-incident&child_died=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E",
        "#checker=notifiable-incident&onclick=alert(1)",
        "#checker=notifiable-incident&child_died=yes&child_died=<script>alert(1)</script>",
    ],
)
def test_malformed_fragment_is_ignored_with_a_message(page: Page, site, fragment):
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(site.url + "notifiable-incidents/" + fragment)
    status = page.locator("[data-checker-status]")
    expect(status).to_contain_text("ignored", timeout=60_000)  # Python reads the fragment
    assert page.locator("form[data-checker] input:checked").count() == 0
    assert page.locator("img[src=x]").count() == 0
    assert dialogs == []


def test_a_link_for_another_check_changes_nothing_and_says_why(page: Page, site):
    page.goto(site.url + "notifiable-incidents/#checker=allegations&harmed_or_may_have_harmed=yes")
    expect(page.locator("[data-checker-status]")).to_contain_text(
        "for a different check", timeout=60_000
    )
    assert page.locator("form[data-checker] input:checked").count() == 0
    expect(page.locator("[data-checker-result]")).to_be_hidden()


def test_when_python_cannot_load_the_page_says_so(page: Page, site):
    page.route("**/*.wasm", lambda route: route.abort())
    page.goto(site.url + "notifiable-incidents/")
    status = page.locator("[data-checker-status]")
    expect(status).to_contain_text("could not start", timeout=60_000)
    expect(page.locator("#criteria")).to_be_visible()  # the guidance stays
    answer(page, "notifiable-incident", NOTIFIABLE)
    page.locator("form[data-checker] button[type=submit]").click()
    expect(status).to_contain_text("could not start")


def test_pages_without_a_checker_load_no_python(page: Page, site):
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    for path in ("", "changes/", "glossary/", "draft-and-final/"):
        page.goto(site.url + path)
        page.wait_for_load_state("networkidle")
    assert not [u for u in requests if "pyodide" in u or u.endswith((".whl", ".wasm"))]


@pytest.mark.parametrize("checker_id", list(CHECKERS))
def test_keyboard_only(checker_page, checker_id):
    """Tab through the form; in each group of options press the right arrow once (which
    selects the second option), type into text fields, and press Enter on the button."""
    checker = CHECKERS[checker_id]
    page = checker_page(checker_id)
    page.locator(f"form[data-checker='{checker_id}'] input").first.focus()
    chosen: dict[str, object] = {}
    for _ in range(80):
        kind, name = page.evaluate("[document.activeElement.type, document.activeElement.name]")
        if kind == "radio" and name not in chosen:
            page.keyboard.press("ArrowRight")
            chosen[name] = page.evaluate("document.activeElement.value")
        elif kind == "text" and not name:
            page.keyboard.type("Keyboard Trust")
        elif kind == "submit":
            page.keyboard.press("Enter")
            break
        page.keyboard.press("Tab")
    page.wait_for_selector(RESULT, timeout=60_000)
    result = page.locator("[data-checker-result]")
    # Announced once, by the live region; the focus stays on the button that was pressed.
    assert page.locator("[data-checker-live]").get_attribute("aria-live") == "polite"
    expect(page.locator(f"form[data-checker='{checker_id}'] button[type=submit]")).to_be_focused()
    assert_headline_in_view(page)
    answers = {}
    for q in checker.questions:
        if q.id in chosen:
            answers[q.id] = FORM_VALUES[chosen[q.id]] if q.kind == "bool" else chosen[q.id]
    # A question asked only on another answer is skipped (hidden) when that answer rules it out.
    assert set(answers) >= {
        q.id for q in checker.questions if q.required and not checker.not_asked(q, answers)
    }
    expect(result).to_have_attribute("data-outcome", api.assess(checker_id, answers)["outcome"])


def assert_headline_in_view(page: Page) -> None:
    """The result's headline is on screen, below the sticky header, not under it."""
    box = page.evaluate(
        """() => { const h = document.querySelector('.checker-outcome').getBoundingClientRect();
                   const header = document.querySelector('.md-header').getBoundingClientRect();
                   return [h.top, h.bottom, header.bottom, innerHeight]; }"""
    )
    top, bottom, header_bottom, height = box
    assert header_bottom <= top and bottom <= height, box


@pytest.mark.parametrize("viewport", [(390, 844), (1366, 768)], ids=["phone", "laptop"])
@pytest.mark.parametrize("checker_id", list(CHECKERS))
def test_the_result_headline_lands_in_view(checker_page, checker_id, viewport):
    from .answers import example_answers

    page = checker_page(checker_id, viewport)
    answer(page, checker_id, example_answers(checker_id))
    submit_and_wait(page, checker_id)
    page.wait_for_timeout(200)
    assert_headline_in_view(page)
    # The progress line sits by the buttons, where the reader is.
    buttons = page.locator(f"form[data-checker='{checker_id}'] .checker-buttons")
    status = page.locator(f"form[data-checker='{checker_id}'] [data-checker-status]")
    assert status.count() == 1
    assert page.evaluate(
        "([b, s]) => b.nextElementSibling === s",
        [buttons.element_handle(), status.element_handle()],
    )


def test_a_second_press_while_checking_does_nothing(page: Page, site):
    """Presses while a check is under way send nothing more."""
    page.add_init_script(
        """(() => { const post = Worker.prototype.postMessage; window.__calls = [];
             Worker.prototype.postMessage = function (message, ...rest) {
               if (message && message.call) window.__calls.push(message.call);
               return post.call(this, message, ...rest); }; })()"""
    )
    page.goto(site.url + "allegations/")
    answer(page, "allegations", {**ALLEGATION})
    button = page.locator("form[data-checker='allegations'] button[type=submit]")
    button.evaluate("b => { b.click(); b.click(); b.click(); }")  # all before any reply
    page.wait_for_selector(RESULT, timeout=60_000)
    expect(button).not_to_have_attribute("aria-disabled", "true")
    assert page.evaluate("window.__calls").count("handle_form") == 1


def test_whistleblowing_plan_prints(checker_page):
    from checkers.whistleblowing import ITEMS

    page = checker_page("whistleblowing")
    answers = {i.id: i.id not in ("in_training", "regular_review") for i in ITEMS}
    page.locator("[data-organisation]").fill("Anytown Youth Club")
    answer(page, "whistleblowing", answers)
    assert submit_and_wait(page, "whistleblowing") == "gaps"
    page.evaluate("window.print = () => {}")  # the button's work, without a print dialog
    page.locator("[data-print-plan]").click()
    expect(page.locator("[data-plan-organisation]")).to_have_text("Anytown Youth Club")
    assert page.url.find("Anytown") == -1
    page.emulate_media(media="print")
    expect(page.locator("form[data-checker]")).to_be_hidden()
    expect(page.locator(".md-header")).to_be_hidden()
    plan = page.locator("[data-checker-result]")
    expect(plan).to_be_visible()
    expect(plan).to_contain_text("The policy is not integrated into training.")
    expect(plan).to_contain_text("The policy has no regular review.")
    expect(page.locator(".plan-heading")).to_be_visible()
    pdf = page.pdf(format="A4")
    assert pdf[:4] == b"%PDF"
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == 1  # a clean one-page plan


def test_a_first_visit_starts_python_from_the_smallest_download(page: Page, site):
    """Normally, from the site's own archive: no snapshot, no wheel, none of Pyodide's own
    standard library, and the progress line reaches the whole download."""
    requested: list[str] = []
    page.context.on("request", lambda request: requested.append(request.url))
    page.goto(site.url + "notifiable-incidents/")
    answer(page, "notifiable-incident", NOTIFIABLE)
    assert submit_and_wait(page, "notifiable-incident") == "notifiable"
    assert page.evaluate("document.documentElement.dataset.pythonStart") == "normal"
    # (Pyodide's two scripts are asked for twice: fetched to be checked, then imported from
    # the cache; tests/test_byte_budget.py counts the bytes really sent.)
    python = sorted({url.rsplit("/", 1)[1] for url in requested if "/assets/py" in url})
    assert python == sorted(["pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm",
                             "pyodide-lock.json", "python.zip"])  # fmt: skip
    # What the worker counted, decompressed, is the total the progress line divides by.
    downloaded = page.evaluate("document.documentElement.dataset.pythonBytes")
    assert downloaded == page.locator("form[data-checker]").get_attribute("data-download-bytes")


def test_a_half_typed_date_is_an_error_not_dropped(checker_page):
    page = checker_page("notifiable-incident")
    answer(page, "notifiable-incident", NOTIFIABLE)
    date = page.locator("input[name=aware_on]")
    date.focus()
    page.keyboard.type("12")  # the day only
    page.locator("form[data-checker] button[type=submit]").click()
    error = page.locator("[data-error-for='aware_on']")
    expect(error).to_be_visible(timeout=60_000)
    expect(error).to_contain_text("Enter a real date")
    expect(page.locator("input[name=child_died][value=yes]")).to_be_checked()


def test_paragraph_copy_link(page: Page, site):
    # The site's Permissions-Policy lets it write to the clipboard, never read it: what is
    # written is recorded as it goes in.
    page.add_init_script(
        """const write = navigator.clipboard.writeText.bind(navigator.clipboard);
           navigator.clipboard.writeText = (t) => { window.__copied = t; return write(t); };"""
    )
    page.context.grant_permissions(["clipboard-write"])
    page.goto(site.url + "serious-harm/")
    button = page.locator("[data-copy-para='scr-para-7']")
    expect(button).to_be_visible()
    button.click()
    expect(button).to_have_text("Copied")
    assert page.evaluate("window.__copied") == site.url + "serious-harm/#scr-para-7"
    link = page.locator("#scr-para-7 a.para-link")
    assert link.get_attribute("href").endswith("#scr-para-7")


def test_the_reader_sees_that_python_is_loading(page: Page, site):
    def slow(route):
        page.wait_for_timeout(1500)
        route.continue_()

    page.route("**/python.zip", slow)
    page.goto(site.url + "serious-harm/")
    status = page.locator("[data-checker-status]")
    expect(status).to_contain_text("Starting the checker")
    expect(status).to_be_hidden(timeout=60_000)  # gone once Python is ready


def archive_of(site) -> bytes:
    return unpacked(next(site.dir.glob("assets/py/*/python.zip.gz")).with_suffix(""))


def test_a_fault_inside_python_is_reported_not_guessed(page: Page, site):
    """A checker that raises (a bug, not bad input) gives a clear message and no result."""
    import io
    import zipfile

    real = zipfile.ZipFile(io.BytesIO(archive_of(site)))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for item in real.infolist():
            if not item.filename.startswith("checkers/"):
                archive.writestr(item, real.read(item))
        archive.writestr("checkers/__init__.py", "")
        archive.writestr("checkers/api.py", "def handle_form(message):\n    raise RuntimeError\n")
    faulty = buffer.getvalue()
    page.route("**/python.zip", lambda route: route.fulfill(body=faulty))
    # The page must name the faulty archive's digest, or the worker would refuse to run it.
    page.route("**/allegations/", lambda route: route.fulfill(
        response=(response := route.fetch()),
        body=with_runtime_digest(response.text(), "python.zip", hashlib.sha256(faulty).hexdigest()),
    ))  # fmt: skip
    press_and_expect_no_result(page, site.url + "allegations/", "allegations", ALLEGATION,
                               "Something went wrong inside the checker")  # fmt: skip


def test_a_changed_archive_stops_the_checker_clearly(page: Page, site):
    """The archive Python imports from, with one rule changed on the host (a bank holiday
    moved inside the compiled checkers), is refused: no result, a clear message."""
    original = archive_of(site)
    changed = original.replace(b"2015-12-28", b"2015-12-29", 1)
    assert changed != original
    page.route("**/python.zip", lambda route: route.fulfill(body=changed))
    press_and_expect_no_result(page, site.url + "allegations/", "allegations", ALLEGATION,
                               "could not start")  # fmt: skip


def test_without_javascript_the_questions_and_guidance_still_read(browser, site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site.url + "serious-harm/")
    expect(page.locator("#definition")).to_be_visible()
    assert "This checker needs JavaScript" in page.locator("section.checker").inner_text()
    expect(page.locator("legend", has_text="Has the child died?")).to_be_visible()
    # Nothing can be submitted: answers must never end up in a URL.
    page.locator("input[name=child_died][value=yes]").check()
    assert page.locator("form[data-checker]").get_attribute("method") == "dialog"
    expect(page.locator("form[data-checker] button[type=submit]")).to_be_hidden()
    page.locator("input[name=child_died][value=yes]").press("Enter")
    page.wait_for_timeout(300)
    assert page.url == site.url + "serious-harm/"
    context.close()


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])  # fmt: skip
@given(
    pairs=st.lists(st.tuples(st.text(max_size=20), st.text(max_size=30)), min_size=1, max_size=4)
)
def test_any_fragment_is_compared_never_inserted(checker_page, pairs):
    """Random fragments: the form is either filled with its own values or left alone with a
    message; no markup, script or handler from the fragment ever reaches the page."""
    page = checker_page("notifiable-incident")  # Python already started: one page for all
    page.on("dialog", lambda d: pytest.fail(f"a dialog opened: {d.message}"))
    scripts = page.evaluate("document.querySelectorAll('script:not([src])').length")
    fragment = "checker=notifiable-incident&" + urlencode(pairs)
    # Followed on the page (checker_page left the address without a fragment, so this one is a
    # change): wait until Python has read it and the form is filled or the page says why not.
    page.evaluate("f => { location.hash = f; }", fragment)
    page.wait_for_function(
        """() => { const line = document.querySelector("[data-checker-status]");
                   return (line.dataset.state === "ready" && !line.hidden)
                     || document.querySelector("form[data-checker] input:checked"); }""",
        timeout=60_000,
    )
    valid = {
        (q.id, v)
        for q in CHECKERS["notifiable-incident"].questions
        for v in (["yes", "no"] if q.kind == "bool" else [c.value for c in q.choices])
    }
    checked = page.eval_on_selector_all(
        "form[data-checker] input:checked", "els => els.map(e => [e.name, e.value])"
    )
    assert {tuple(c) for c in checked} <= valid
    if any(pair not in valid for pair in pairs):
        assert checked == []
    handlers = "[onerror],[onload],[onclick],[onfocus],[onmouseover],iframe,object,embed"
    assert page.evaluate(f"document.querySelectorAll('{handlers}').length") == 0
    assert page.evaluate("document.querySelectorAll('script:not([src])').length") == scripts


@pytest.mark.browser
def test_not_sure_in_the_page_gives_what_the_answers_settle(checker_page):
    answers = {
        "abuse_or_neglect": "suspected",
        "child_died": False,
        "life_threatening_injury": None,
        "serious_or_long_term_impairment": None,
        "interagency_concerns": "yes",
        "death_in_custody": False,
    }
    page = checker_page("serious-harm")
    answer(page, "serious-harm", answers)
    assert submit_and_wait(page, "serious-harm") == "undetermined"
    result = page.locator("[data-checker-result]")
    expect(result).to_contain_text("if yes, a serious case review must be commissioned")
    # Where each rule comes from, and the standing statement, are in the result (and print).
    expect(result).to_contain_text("January 2015 proposed text")
    expect(result).to_contain_text("These are the rules of Working Together to Safeguard")
    expect(result).to_contain_text("Not sure")  # read back under "Your answers"


@pytest.mark.browser
def test_no_policy_hides_the_questions_about_it_and_credits_nothing(checker_page):
    page = checker_page("whistleblowing")
    answer(page, "whistleblowing", {"procedures_clear": True})  # answered while shown
    answer(page, "whistleblowing", {"policy_in_place": False})
    expect(page.locator("#whistleblowing-procedures_clear-group")).to_be_hidden()
    assert submit_and_wait(page, "whistleblowing") == "gaps"
    expect(page.locator("[data-checker-result]")).to_contain_text("0 of 10 items met")
    # Changing the answer back shows the question again, as it was.
    answer(page, "whistleblowing", {"policy_in_place": True})
    expect(page.locator("#whistleblowing-procedures_clear-yes")).to_be_checked()


@pytest.mark.browser
def test_a_date_outside_the_period_warns_in_the_page(checker_page):
    page = checker_page("allegations")
    answer(
        page,
        "allegations",
        {
            "harmed_or_may_have_harmed": True,
            "possible_criminal_offence": False,
            "risk_of_harm": False,
            "removed_due_to_risk": False,
            "reported_on": "2019-03-01",
        },
    )
    assert submit_and_wait(page, "allegations") == "allegation"
    expect(page.locator(".checker-warning")).to_contain_text("on or after 4 July 2018")


def test_copying_a_paragraph_link_is_said_aloud(page: Page, site):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto(site.url + "serious-harm/")
    button = page.locator("[data-copy-para]").first
    button.click()
    said = button.locator("xpath=..").locator("[data-copy-said]")
    assert said.get_attribute("aria-live") == "polite"
    expect(said).to_have_text("Link copied")
    expect(button).to_have_text("Copied")


def test_the_error_summary_is_an_alert(checker_page):
    page = checker_page("allegations")
    page.locator("form[data-checker='allegations'] button[type=submit]").click()
    summary = page.locator("[data-error-summary]")
    expect(summary).to_be_visible(timeout=60_000)
    assert summary.get_attribute("role") == "alert"


@pytest.mark.parametrize("viewport", [(390, 844), (1366, 768)], ids=["phone", "laptop"])
def test_a_reader_finds_the_checks(browser, site, viewport):
    """From the home page's "Check a case", and in the first screen of each topic page."""
    page = browser.new_page(viewport={"width": viewport[0], "height": viewport[1]})
    page.goto(site.url)
    entries = page.locator("#check-a-case ~ ul").first.locator("li")
    assert entries.count() == len(CHECKERS)
    for checker in CHECKERS.values():
        link = page.locator(f"#check-a-case ~ ul a[href$='{checker.page}#check']")
        expect(link).to_have_text(checker.title)
    for checker in CHECKERS.values():
        page.goto(site.url + checker.page)
        note = page.locator(".admonition", has_text="There is a check on this page")
        assert note.bounding_box()["y"] + note.bounding_box()["height"] <= viewport[1]
        note.locator("a[href$='#check']").click()
        expect(page.locator(f"form[data-checker='{checker.id}']")).to_be_in_viewport()
    page.close()


@pytest.mark.browser
def test_once_the_child_has_died_the_harm_questions_are_not_asked(checker_page):
    page = checker_page("serious-harm")
    harms = ["life_threatening_injury", "serious_or_long_term_impairment", "child_recovered"]
    answer(page, "serious-harm", {"child_died": False, "life_threatening_injury": True})
    answer(page, "serious-harm", {"child_died": True})
    for name in harms:
        expect(page.locator(f"#serious-harm-{name}-group")).to_be_hidden()
    # "Not sure" is an answer to whether abuse or neglect is known or suspected.
    answer(
        page,
        "serious-harm",
        {"abuse_or_neglect": None, "interagency_concerns": "no", "death_in_custody": True},
    )
    assert submit_and_wait(page, "serious-harm") == "undetermined"
    result = page.locator("[data-checker-result]")
    expect(result).to_contain_text("Either way a serious case review follows")
    expect(result).not_to_contain_text("potentially life-threatening injury")
    # "Not sure" to the child's death asks the harm questions again, as they were answered.
    answer(page, "serious-harm", {"child_died": None})
    expect(page.locator("#serious-harm-life_threatening_injury-yes")).to_be_checked()
