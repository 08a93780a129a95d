"""What the reader has chosen stays put while they read: following a guidance link under a
question, going Back, or moving to another page with instant navigation and coming back finds
the answers and the result as they were. "Start again" clears them, and so does leaving the
site: they are held in the page's memory for the visit, never in storage."""

from __future__ import annotations

import hashlib
import io
import re
import zipfile

import pytest
from playwright.sync_api import Page, expect

from build_scripts.postpass.pack import unpacked
from checkers import CHECKERS, api
from checkers.web.encoding import fragment

from .answers import example_answers
from .browser_helpers import RESULT, answer, submit_and_wait, with_runtime_digest
from .conftest import ROOT

pytestmark = pytest.mark.browser


def chosen(page: Page, checker_id: str) -> dict[str, str]:
    return page.evaluate(
        """id => Object.fromEntries([...document.querySelectorAll(
             `form[data-checker='${id}'] input`)].filter(i => i.type === 'radio' ? i.checked
             : i.type !== 'text' && i.value).map(i => [i.name, i.value]))""",
        checker_id,
    )


def wait_bound(page: Page, checker_id: str) -> None:
    page.wait_for_selector(f"form[data-checker='{checker_id}'][data-bound]")


@pytest.mark.parametrize("checker_id", list(CHECKERS))
def test_answers_and_result_survive_a_guidance_link_and_back(page: Page, site, checker_id):
    checker = CHECKERS[checker_id]
    page.goto(site.url + checker.page)
    wait_bound(page, checker_id)
    answer(page, checker_id, example_answers(checker_id))
    outcome = submit_and_wait(page, checker_id)
    before = chosen(page, checker_id)
    headline = page.locator(".checker-outcome").inner_text()

    # A guidance link under a question, then Back.
    page.locator(f"form[data-checker='{checker_id}'] .checker-question-cite a").first.click()
    page.wait_for_timeout(300)
    page.go_back()
    wait_bound(page, checker_id)
    assert chosen(page, checker_id) == before
    expect(page.locator(RESULT)).to_have_attribute("data-outcome", outcome)
    assert page.locator(".checker-outcome").inner_text() == headline

    # Another page by instant navigation, then Back.
    page.locator("a.md-nav__link[href$='changes/']").first.click()
    page.wait_for_url("**/changes/")
    page.go_back()
    wait_bound(page, checker_id)
    assert chosen(page, checker_id) == before
    expect(page.locator(RESULT)).to_have_attribute("data-outcome", outcome)

    # Start again clears them for good.
    page.locator(f"form[data-checker='{checker_id}'] button[type=reset]").click()
    page.locator("a.md-nav__link[href$='changes/']").first.click()
    page.wait_for_url("**/changes/")
    page.go_back()
    wait_bound(page, checker_id)
    assert chosen(page, checker_id) == {}
    expect(page.locator("[data-checker-result]")).to_be_hidden()


def test_coming_back_to_a_filled_in_link_keeps_the_changed_answers(page: Page, site):
    page.goto(site.url + "allegations/#checker=allegations&harmed_or_may_have_harmed=yes"
              "&possible_criminal_offence=no&risk_of_harm=no&removed_due_to_risk=no")  # fmt: skip
    page.wait_for_selector(RESULT, timeout=60_000)
    page.locator("input[name=harmed_or_may_have_harmed][value=no]").check()
    page.locator("form[data-checker='allegations'] button[type=submit]").click()
    # The link's own result is showing already: wait for the new one.
    expect(page.locator(RESULT)).to_have_attribute("data-outcome", "not_allegation")
    page.locator("form[data-checker='allegations'] .checker-question-cite a").first.click()
    page.wait_for_timeout(300)
    page.go_back()
    wait_bound(page, "allegations")
    page.wait_for_timeout(500)  # a fragment reading, were one wrongly started, has finished
    assert chosen(page, "allegations")["harmed_or_may_have_harmed"] == "no"
    expect(page.locator(RESULT)).to_have_attribute("data-outcome", "not_allegation")


def test_leaving_the_site_clears_the_answers(page: Page, site):
    checker_id = "allegations"
    page.goto(site.url + CHECKERS[checker_id].page)
    wait_bound(page, checker_id)
    answer(page, checker_id, example_answers(checker_id))
    submit_and_wait(page, checker_id)
    page.evaluate("window.dispatchEvent(new PageTransitionEvent('pagehide'))")
    assert chosen(page, checker_id) == {}
    expect(page.locator("[data-checker-result]")).to_be_hidden()
    page.goto("about:blank")
    page.go_back()
    wait_bound(page, checker_id)
    assert chosen(page, checker_id) == {}


def test_a_result_replaced_by_errors_is_not_brought_back(page: Page, site):
    page.goto(site.url + "serious-harm/")
    wait_bound(page, "serious-harm")
    answer(page, "serious-harm", example_answers("serious-harm"))
    submit_and_wait(page, "serious-harm")
    answer(page, "serious-harm", {"child_died": False, "death_in_custody": True})
    page.locator("form[data-checker='serious-harm'] button[type=submit]").click()
    expect(page.locator("[data-error-summary]")).to_be_visible()
    expect(page.locator("[data-checker-result]")).to_be_hidden()
    page.locator("a.md-nav__link[href$='changes/']").first.click()
    page.wait_for_url("**/changes/")
    page.go_back()
    wait_bound(page, "serious-harm")
    assert chosen(page, "serious-harm")["death_in_custody"] == "yes"
    expect(page.locator("[data-checker-result]")).to_be_hidden()


# The worker's replies to the page, held back while `window.__holdReplies(data)` says so
# (asked again every 20 ms), so that a test can have something happen while Python works.
HOLD_REPLIES = """(() => {
  const Real = window.Worker;
  window.Worker = class extends Real {
    set onmessage(handler) {
      super.onmessage = (event) => {
        const deliver = () =>
          window.__holdReplies?.(event.data) ? setTimeout(deliver, 20) : handler(event);
        deliver();
      };
    }
  };
})()"""


@pytest.mark.parametrize("moment", ["reading the link", "checking the answers"])
def test_a_link_followed_as_the_page_is_rendered_again_is_answered_on_the_page(
    page: Page, site, moment
):
    """Material's instant navigation (9.8.1) renders a freshly loaded page again on the first
    link within it that the page follows: its stream of addresses has no first value, so the
    first one counts as a new page. A filled-in link followed then is begun on one form and
    finished after that form has gone; the answers and the result must be on the form the
    reader sees. Python's reply is held until the page has been rendered again, at each of
    the two moments a reply is awaited."""
    checker_id = "notifiable-incident"
    answers = {"child_died": False, "seriously_harmed": True, "abuse_or_neglect": "known",
               "looked_after": False, "regulated_setting": False}  # fmt: skip
    expected = api.assess(checker_id, answers)["outcome"]
    page.add_init_script(HOLD_REPLIES)
    page.goto(site.url + CHECKERS[checker_id].page)
    wait_bound(page, checker_id)
    page.wait_for_function("() => document.documentElement.dataset.pythonStart")
    page.evaluate(
        """busyOnly => {
             const old = document.querySelector("form[data-checker]");
             const since = performance.now();
             window.__old = old;
             window.__holdReplies = (data) => data.type === "reply" && old.isConnected
               && (!busyOnly || old.dataset.busy) && performance.now() - since < 10000;
           }""",
        moment == "checking the answers",
    )
    page.evaluate("h => { location.hash = h; }", fragment(CHECKERS[checker_id], answers))
    page.wait_for_selector(RESULT, timeout=30_000)
    assert page.evaluate("!window.__old.isConnected"), "the page was not rendered again"
    expect(page.locator(RESULT)).to_have_attribute("data-outcome", expected)
    assert chosen(page, checker_id) == {
        name: "yes" if value is True else "no" if value is False else value
        for name, value in answers.items()
    }
    line = page.locator("[data-checker-status]")
    expect(line).to_have_text(
        page.locator(f"form[data-checker='{checker_id}']").get_attribute("data-msg-from-link")
    )


# Why Chromium did not restore a page from its back-forward cache (Chromium 123 and newer).
NOT_RESTORED = """() => JSON.stringify(
  performance.getEntriesByType("navigation")[0]?.notRestoredReasons ?? null)"""


def test_the_back_forward_cache_does_not_bring_answers_back(browser_type, site):
    """With Chromium's real back-forward cache on (Playwright turns it off by default): leave
    for another site, press Back, and the page comes back from the cache without the answers."""
    from .conftest import CHROMIUM, CHROMIUM_ARGS

    browser = browser_type.launch(
        executable_path=CHROMIUM,
        args=CHROMIUM_ARGS,
        ignore_default_args=["--disable-back-forward-cache"],
    )
    page = browser.new_page()
    page.add_init_script(
        "addEventListener('pageshow', (e) => { window.__fromCache = e.persisted; })"
    )
    page.goto(site.url + CHECKERS["allegations"].page)
    wait_bound(page, "allegations")
    reasons = []
    # Chromium may decline to keep a page (on a busy machine, say): then the page is loaded
    # again, and the test tries once more, saying why if the page is still not kept.
    for _ in range(2):
        answer(page, "allegations", example_answers("allegations"))
        submit_and_wait(page, "allegations")
        assert chosen(page, "allegations")
        # Another origin (the same server under another name) stands for another website.
        page.goto(site.url.replace("127.0.0.1", "localhost") + "changes/")
        page.go_back(wait_until="commit")  # a page restored from the cache fires no load event
        # (a function, not an expression: Playwright evals an expression in the page, which
        # the page's CSP refuses when the first try does not already hold)
        page.wait_for_function("() => window.__fromCache !== undefined", timeout=30_000)
        if page.evaluate("() => window.__fromCache"):
            break
        assert chosen(page, "allegations") == {}  # loaded again: nothing brought back either
        reasons.append(page.evaluate(NOT_RESTORED))
        wait_bound(page, "allegations")
    else:
        raise AssertionError(f"never restored from the back-forward cache: {reasons}")
    assert chosen(page, "allegations") == {}
    expect(page.locator("[data-checker-result]")).to_be_hidden()
    browser.close()


def come_back_to_another_version(page: Page, site, checker_id: str, change) -> None:
    """Leave the checker page by instant navigation, and come back to it as `change` rewrites
    its HTML (a new build deployed meanwhile, say). (The footer's link to the next page: on a
    phone the navigation is in a closed drawer.)"""
    here = page.url
    page.locator("a.md-footer__link").first.click()
    page.wait_for_url(lambda url: url.split("#")[0] != here.split("#")[0])

    def rewritten(route):
        response = route.fetch()
        route.fulfill(response=response, body=change(response.text()))

    page.route(site.url + CHECKERS[checker_id].page, rewritten)
    page.evaluate("delete document.documentElement.dataset.pythonStart")
    page.go_back()
    wait_bound(page, checker_id)


def archive_with_a_changed_rule(site, old: str, new: str) -> tuple[bytes, str]:
    """The build's archive with the allegations module's wording changed, as another build of
    the checkers would have it: its compiled module replaced by the changed source (which
    Python's zip import reads as readily), and the new archive's SHA-256."""
    (packed,) = site.dir.glob("assets/py/*/python.zip.gz")
    archive = io.BytesIO(unpacked(packed.with_suffix("")))
    source = (ROOT / "checkers" / "allegations.py").read_text(encoding="utf-8")
    assert old in source
    out = io.BytesIO()
    with zipfile.ZipFile(archive) as before, zipfile.ZipFile(out, "w") as after:
        for item in before.infolist():
            if item.filename != "checkers/allegations.pyc":
                after.writestr(item, before.read(item))
        after.writestr("checkers/allegations.py", source.replace(old, new))
    data = out.getvalue()
    return data, hashlib.sha256(data).hexdigest()


def test_a_kept_result_from_a_build_whose_rule_differs_is_made_again(screen: Page, site):
    """Answer on one build; meanwhile another build is published whose rule (here: its
    headline) differs; come back by instant navigation: the result shown is the new build's,
    made again for the kept answers, never the old one restored."""
    page = screen
    checker_id = "allegations"
    page.goto(site.url + CHECKERS[checker_id].page)
    wait_bound(page, checker_id)
    answer(page, checker_id, example_answers(checker_id))
    assert submit_and_wait(page, checker_id) == "allegation"
    old, new = "This is an allegation: report it", "This is an allegation (new rules): report it"
    expect(page.locator(".checker-outcome")).to_contain_text(old)
    data, sha = archive_with_a_changed_rule(site, old, new)
    page.route(re.compile(r".*/python\.zip\?build=2$"),
               lambda route: route.fulfill(body=data, content_type="application/zip"))  # fmt: skip

    def new_build(html: str) -> str:
        html = with_runtime_digest(html, "python.zip", sha, suffix="?build=2")
        # (its snapshot is another build's too: the recorded digest no longer matches it)
        return with_runtime_digest(html, "snapshot.bin", "0" * 64)

    come_back_to_another_version(page, site, checker_id, new_build)
    page.wait_for_selector("html[data-python-start]", timeout=60_000)
    expect(page.locator(".checker-outcome")).to_contain_text("(new rules)", timeout=60_000)
    expect(page.locator(RESULT)).to_have_attribute("data-outcome", "allegation")


def test_a_kept_result_is_never_shown_beside_other_answers(screen: Page, site):
    """Back on a page whose form no longer reads as the kept answers (here: a control renamed,
    so one answer cannot be put back), the kept result is not shown; the check is made again
    and says what is missing."""
    page = screen
    checker_id = "allegations"
    page.goto(site.url + CHECKERS[checker_id].page)
    wait_bound(page, checker_id)
    answer(page, checker_id, example_answers(checker_id))
    submit_and_wait(page, checker_id)
    radios = [f'id="allegations-harmed_or_may_have_harmed-{v}"' for v in ("yes", "no", "unsure")]

    def rename(html: str) -> str:
        for radio in radios:
            html = html.replace(radio, radio.replace('id="', 'id="renamed-'))
        return html

    come_back_to_another_version(page, site, checker_id, rename)
    expect(page.locator("[data-error-for='harmed_or_may_have_harmed']")).to_be_visible()
    expect(page.locator("[data-checker-result]")).to_be_hidden()
