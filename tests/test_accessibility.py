"""axe-core's WCAG 2.0, 2.1 and 2.2 A and AA rules on every built page, in Chromium —
also with a checker's error summary and result showing."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import Browser, Page

from checkers import CHECKERS
from checkers.errors import InputError

from .answers import every_combination, example_answers
from .browser_helpers import RESULT, answer, submit_and_wait
from .conftest import ROOT

pytestmark = pytest.mark.browser

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]


def page_paths(site) -> list[str]:
    paths = []
    for html in sorted(site.dir.rglob("index.html")):
        rel = html.parent.relative_to(site.dir).as_posix()
        paths.append("" if rel == "." else rel + "/")
    return paths


def violations(page: Page, within: str = "") -> list[dict]:
    """axe's findings on the page, or only within the element `within` selects (a checker's
    section, whose page around it test_every_page has checked)."""
    if not page.evaluate("typeof axe !== 'undefined'"):  # once per page load
        page.add_script_tag(path=str(AXE))
    report = page.evaluate(
        "([tags, within]) => axe.run(within || document, {runOnly: {type: 'tag', values: tags}})",
        [TAGS, within],
    )
    return [
        {"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:5]}
        for v in report["violations"]
    ]


# Both palettes: the reader's system set to light, and to dark (Material follows it).
SCHEMES = ["light", "dark"]
PALETTES = {"light": "default", "dark": "slate"}  # Material's name for each


def palette(page: Page) -> str:
    """The palette Material shows the page in (checked, so that a dark run is never light)."""
    return page.evaluate("document.body.dataset.mdColorScheme")


@pytest.fixture(params=SCHEMES)
def axe_page(browser: Browser, request):
    # axe is injected as a script: the site's CSP would (rightly) refuse it.
    context = browser.new_context(bypass_csp=True, color_scheme=request.param)
    yield context.new_page()
    context.close()


def element_kinds(html: str) -> set[tuple[str, tuple[str, ...], str]]:
    """Each kind of element a page has: its tag, its attributes' names and its class."""
    from html.parser import HTMLParser

    kinds: set[tuple[str, tuple[str, ...], str]] = set()

    class Kinds(HTMLParser):
        def handle_starttag(self, tag, attrs):
            named = dict(attrs)
            kinds.add((tag, tuple(sorted(named)), named.get("class") or ""))

    Kinds().feed(html)
    return kinds


def axe_checked(site) -> list[str]:
    """Every page, except that of the handouts (one per worked example, all from one template)
    axe reads the first of each checker's: each other handout is held to have no kind of
    element those do not have (tag, attributes, class: what axe's rules look at besides text),
    and no id twice."""
    import re

    paths, kinds = [], set()
    seen_checkers: set[str] = set()
    for path in page_paths(site):
        handout = re.fullmatch(r"handouts/([a-z]+)-[^/]+/", path)
        if handout and handout.group(1) in seen_checkers:
            continue
        if handout:
            seen_checkers.add(handout.group(1))
            kinds |= element_kinds((site.dir / path / "index.html").read_text(encoding="utf-8"))
        paths.append(path)
    for path in page_paths(site):
        if path.startswith("handouts/") and path not in paths and path.count("/") == 2:
            html = (site.dir / path / "index.html").read_text(encoding="utf-8")
            assert element_kinds(html) <= kinds, (path, element_kinds(html) - kinds)
            ids = re.findall(r'\bid="([^"]+)"', html)
            assert len(ids) == len(set(ids)), path
    return paths


def test_every_page(axe_page: Page, site):
    """Every built page, as a reader first sees it (the handouts as axe_checked says), in the
    light and the dark palette; on a checker page Python is kept from starting (its worker
    refused), so the check shows the status line of a start that failed, and the CPU goes to
    axe. The checks' other states are test_checker_errors_and_results' and
    test_every_result_state's."""
    axe_page.route("**/js/checker-worker.js", lambda route: route.abort())
    found = {}
    paths = axe_checked(site)
    assert len(paths) >= 15
    scheme = axe_page.evaluate("matchMedia('(prefers-color-scheme: dark)').matches")
    for path in paths:
        axe_page.goto(site.url + path)
        if not path.startswith("handouts/"):  # (a handout has no palette: its CSS follows)
            assert palette(axe_page) == ("slate" if scheme else "default"), path
        problems = violations(axe_page)
        if problems:
            found[path] = problems
    print("\naxe:", json.dumps(found) if found else f"no violations on {len(paths)} pages")
    assert not found, json.dumps(found, indent=1)


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("checker_id", list(CHECKERS))
def test_checker_errors_and_results(checker_page, checker_id, scheme):
    axe_page = checker_page(checker_id, bypass_csp=True, color_scheme=scheme)
    assert palette(axe_page) == PALETTES[scheme]
    axe_page.locator(f"form[data-checker='{checker_id}'] button[type=submit]").click()
    axe_page.locator("[data-error-summary]").wait_for(state="visible", timeout=60_000)
    section = f"[data-checker-section='{checker_id}']"
    assert violations(axe_page, section) == []
    answer(axe_page, checker_id, example_answers(checker_id))
    submit_and_wait(axe_page, checker_id)
    assert violations(axe_page, section) == []


def one_answer_set_per_state(checker_id: str) -> dict[tuple[str, bool, bool], dict]:
    """The first answers that give each state of a result: its outcome, with or without a date
    warning, with or without notes (each shows different parts of the result)."""
    checker = CHECKERS[checker_id]
    states: dict[tuple[str, bool, bool], dict] = {}
    for answers in every_combination(checker_id):
        try:
            result = checker.run(answers)
        except InputError:
            continue
        states.setdefault((result.outcome, bool(result.warnings), bool(result.notes)), answers)
    return states


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("checker_id", list(CHECKERS))
def test_every_result_state(checker_page, checker_id, scheme):
    """Every outcome the checker can give (with and without a warning or a note) passes axe,
    in both palettes (each outcome's tone is the result's edge; its text is on the result's
    ground)."""
    states = one_answer_set_per_state(checker_id)
    outcomes = {outcome for outcome, _, _ in states}
    assert outcomes == {o.id for o in CHECKERS[checker_id].decided} | ({"undetermined"} & outcomes)
    form = f"form[data-checker='{checker_id}']"
    axe_page = checker_page(checker_id, bypass_csp=True, color_scheme=scheme)
    assert palette(axe_page) == PALETTES[scheme]
    found = {}
    for (outcome, warned, noted), answers in states.items():
        axe_page.locator(f"{form} button[type=reset]").click()
        answer(axe_page, checker_id, answers)
        axe_page.locator(f"{form} button[type=submit]").click()
        axe_page.wait_for_selector(f"{RESULT}[data-outcome='{outcome}']", timeout=60_000)
        problems = violations(axe_page, f"[data-checker-section='{checker_id}']")
        if problems:
            found[(outcome, warned, noted)] = problems
    assert found == {}, json.dumps({str(k): v for k, v in found.items()}, indent=1)
