"""The light and the dark palette: the site follows the reader's system setting, the header's
toggle switches it and the choice is kept from page to page, and paper is white whatever the
screen showed. axe checks both palettes' contrast (test_accessibility.py)."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page

from .test_search import luminance as search_luminance

pytestmark = pytest.mark.browser


def luminance(page: Page, selector: str, prop: str) -> float:
    """The relative luminance (WCAG) of an element's computed colour property."""
    return search_luminance(
        page.evaluate(
            "([selector, prop]) => getComputedStyle(document.querySelector(selector))[prop]",
            [selector, prop],
        )
    )


def scheme(page: Page) -> str:
    return page.evaluate("document.body.dataset.mdColorScheme")


@pytest.fixture
def open_as(browser: Browser, browser_context_args):
    contexts = []

    def open_page(color_scheme: str) -> Page:
        context = browser.new_context(**browser_context_args, color_scheme=color_scheme)
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()


@pytest.mark.parametrize(("system", "expected"), [("light", "default"), ("dark", "slate")])
def test_the_site_follows_the_systems_setting(open_as, site, system, expected):
    page = open_as(system)
    page.goto(site.url + "allegations/")
    assert scheme(page) == expected
    ground = luminance(page, "body", "backgroundColor")
    text = luminance(page, ".md-typeset blockquote", "color")
    assert (ground > 0.9) if system == "light" else (ground < 0.05)
    assert (max(ground, text) + 0.05) / (min(ground, text) + 0.05) >= 7  # quotations: AAA


def test_the_toggle_switches_the_palette_and_the_choice_is_kept(open_as, site):
    page = open_as("light")
    page.goto(site.url)
    toggle = page.get_by_role("radio", name="Use the dark colours")
    toggle.locator("xpath=following-sibling::label[1]").click()
    page.wait_for_function("document.body.dataset.mdColorScheme === 'slate'")
    page.locator(".md-nav__link[href$='glossary/']").first.evaluate("a => a.click()")
    page.wait_for_url("**/glossary/")
    assert scheme(page) == "slate"
    page.reload()
    assert scheme(page) == "slate"


def test_paper_is_white_in_the_dark_palette(open_as, site):
    page = open_as("dark")
    page.goto(site.url + "serious-harm/")
    assert scheme(page) == "slate"
    page.emulate_media(media="print", color_scheme="dark")
    assert luminance(page, "body", "backgroundColor") > 0.95
    assert luminance(page, ".md-typeset blockquote", "color") < 0.01
    assert luminance(page, ".md-typeset p", "color") < 0.05


def test_a_handout_is_dark_on_a_dark_screen_and_white_on_paper(open_as, site):
    page = open_as("dark")
    handout = sorted((site.dir / "handouts").glob("*/index.html"))[0].parent.name
    page.goto(f"{site.url}handouts/{handout}/")
    assert luminance(page, "html", "backgroundColor") < 0.05
    # the code keeps its own white ground (a camera reads dark on light)
    assert 'fill="#fff"' in page.locator(".handout-qr svg").first.inner_html()
    page.emulate_media(media="print", color_scheme="dark")
    assert luminance(page, "html", "backgroundColor") > 0.95
