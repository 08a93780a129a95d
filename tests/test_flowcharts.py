"""The flowcharts cannot disagree with the checkers: every path through each chart, run
through the checker with the answers along it (and any answers to the questions the path
skips, with and without dates), gives the chart's outcome; every outcome a checker can give is
in its chart; the built pages carry each chart with its links, its text version and downloads."""

from __future__ import annotations

import itertools
import re
import struct
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from build_scripts.prepass import flowcharts
from checkers import CHECKERS
from checkers.errors import InputError

from .answers import SAMPLE_DATES

DATES = [d for d in SAMPLE_DATES if d]


# Each checker's chart, and its chart of definite answers only (no "Not sure").
CHARTS = [(c, definite) for c in flowcharts.DECISION_CHECKERS for definite in (False, True)]
CHART_IDS = [c + ("-definite" if definite else "") for c, definite in CHARTS]


def completions(checker_id: str, fixed: dict[str, Any], definite: bool) -> list[dict[str, Any]]:
    """Every way to answer the questions a path leaves out, as the form would allow (for the
    chart of definite answers, every definite way)."""
    checker = CHECKERS[checker_id]
    rest = [q for q in flowcharts.decision_questions(checker) if q.id not in fixed]
    dates = [q for q in checker.questions if q.kind == "date"]
    found = []
    for combo in itertools.product(*(flowcharts.choices(q, definite) for q in rest)):
        answers = {**fixed, **{q.id: v for q, v in zip(rest, combo, strict=True)}}
        answers = {k: v for k, v in answers.items() if v is not flowcharts.ABSENT}
        if flowcharts.asked_as_in_the_form(flowcharts.decision_questions(checker), answers):
            found.append(answers)
    with_dates = [{**a, q.id: DATES[i % len(DATES)]} for i, a in enumerate(found) for q in dates]
    return found + with_dates


@pytest.mark.parametrize(("checker_id", "definite"), CHARTS, ids=CHART_IDS)
def test_every_path_gives_the_checkers_outcome(checker_id, definite):
    checker = CHECKERS[checker_id]
    chart = flowcharts.diagram_of(checker_id, definite)
    paths = chart.paths()
    assert paths
    runs = 0
    for taken, outcome in paths:
        fixed = {q.id: flowcharts.answer_value(q, label) for q, label in taken}
        valid = 0
        for answers in completions(checker_id, fixed, definite):
            try:
                got = flowcharts.chart_outcome(checker.run(answers))
            except InputError:
                continue  # answers that contradict each other
            valid += 1
            assert got == outcome, (taken, answers)
        assert valid, f"no answers can follow the path {taken}"
        runs += valid
    print(f"\n{checker_id} {definite=}: {len(paths)} paths, {runs} runs of the checker agree")


@pytest.mark.parametrize(("checker_id", "definite"), CHARTS, ids=CHART_IDS)
def test_every_outcome_is_in_the_chart(checker_id, definite):
    checker = CHECKERS[checker_id]
    chart = flowcharts.diagram_of(checker_id, definite)
    labels = {label for step in chart.steps.values() for label in step.answers}
    ends = {o.partition(flowcharts.DUTY_MARK)[0] for o in chart.outcomes.values()}
    if definite:  # every outcome a definite answer can lead to, and no "Not sure"
        assert ends == {o.id for o in checker.decided}
        assert "Not sure" not in labels
        assert len(chart.steps) < len(flowcharts.diagram_of(checker_id).steps)
    else:  # "Not sure" has its paths wherever the checker allows it
        assert ends == {o.id for o in checker.outcomes}
        assert "Not sure" in labels


@pytest.mark.parametrize("definite", [False, True])
def test_the_allegations_chart_draws_the_dbs_decision(definite):
    """The duty to refer to the DBS is part of the decision the chart shows, with its "must"
    and the offence sentence."""
    chart = flowcharts.diagram_of("allegations", definite)
    assert any(s.question.id == "removed_due_to_risk" for s in chart.steps.values())
    labels = [chart.label(o) for o in chart.outcomes.values()]
    assert any(
        "must refer the person to the DBS: it is an offence to fail to make a referral" in t
        for t in labels
    )
    assert {o for o in chart.outcomes.values() if "+dbs" in o} >= {"allegation+dbs"}


def test_the_custody_route_of_paragraph_6_is_drawn():
    chart = flowcharts.diagram_of("serious-harm")
    custody = [s for s in chart.steps.values() if s.question.id == "death_in_custody"]
    assert custody
    assert any(chart.outcomes.get(s.answers["Yes"]) == "should" for s in custody)


@pytest.mark.parametrize("checker_id", flowcharts.DECISION_CHECKERS)
def test_the_page_carries_the_chart_its_links_text_and_downloads(site, checker_id):
    checker = CHECKERS[checker_id]
    chart = flowcharts.diagram_of(checker_id)
    html = (site.dir / checker.page / "index.html").read_text(encoding="utf-8")
    figure = html[html.index(f'data-flowchart="{checker_id}"') :]
    figure = figure[: figure.index("</figure>")]
    svg = figure[figure.index("<svg") : figure.index("</svg>")]
    # SVG 2's href (crawlers do not follow xlink:href), with full addresses (inline_svg says why)
    assert "xlink:href" not in svg
    for key, step in chart.steps.items():
        assert f'href="{site.url}{step.question.cite}"' in svg, key
        assert f'id="{checker_id}-flow-{key}"' in figure  # its place in the text version
    for outcome in set(chart.outcomes.values()):
        assert chart.label(outcome)[1:20] in figure.replace("\n", " ")
    addresses = set(re.findall(r'"(https?://[^"]*)"', svg))
    assert addresses and all(a.startswith((site.url, "http://www.w3.org/")) for a in addresses)
    assert "<script" not in svg
    for definite in (False, True):
        name = site.dir / "assets" / "flowcharts" / flowcharts.download_name(checker_id, definite)
        assert f'href="../assets/flowcharts/{name.name}.png" download' in figure
        width = struct.unpack(">I", name.with_suffix(".png").read_bytes()[16:20])[0]
        assert width >= 1200, width  # slide resolution
        downloaded = name.with_suffix(".svg").read_text()
        assert re.search(r'xlink:href="https?://[^"]+/' + re.escape(checker.page), downloaded)
        assert ("Not sure </text>" in downloaded) is not definite  # an arrow for "Not sure"


@pytest.mark.browser
@pytest.mark.parametrize("viewport", [(390, 844), (1366, 768)], ids=["phone", "laptop"])
def test_a_chart_scrolls_in_its_box_never_the_page(page: Page, site, viewport):
    page.set_viewport_size({"width": viewport[0], "height": viewport[1]})
    for checker_id in flowcharts.DECISION_CHECKERS:
        page.goto(site.url + CHECKERS[checker_id].page + "#flowchart")
        box = page.locator(f"[data-flowchart='{checker_id}'] .flowchart-scroll")
        box.scroll_into_view_if_needed()
        assert page.evaluate("document.documentElement.scrollWidth") <= viewport[0]
        sizes = box.evaluate("b => [b.scrollWidth, b.clientWidth]")
        if checker_id == "serious-harm" or viewport[0] < 500:
            assert sizes[0] > sizes[1]  # the chart scrolls sideways inside its box
        # The box opens at its left edge: question 1, where a reader starts, is in view there.
        start, seen = box.evaluate(
            """b => [[...b.querySelectorAll('g.node')]
                       .find(g => g.querySelector('title').textContent === 'q1')
                       .getBoundingClientRect(), b.getBoundingClientRect()]"""
        )
        assert seen["left"] <= start["left"] and start["right"] <= seen["right"], checker_id


@pytest.mark.browser
def test_a_charts_links_raise_no_script_error_and_lead_to_their_paragraph(page: Page, site):
    """Material's instant navigation rewrites relative links on each page it shows, and an
    SVG link cannot be rewritten: the charts' full addresses keep every page free of errors."""
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    for checker_id in flowcharts.DECISION_CHECKERS:
        page.goto(site.url + CHECKERS[checker_id].page)
        page.wait_for_load_state("load")
    assert not errors
    link = page.locator(f"[data-flowchart='{flowcharts.DECISION_CHECKERS[-1]}'] svg a").first
    target = link.get_attribute("href")
    link.scroll_into_view_if_needed()
    link.click()
    page.wait_for_url(target)
    # (the address changes a moment before the fragment's target does, on a busy machine)
    expect(page.locator(":target")).to_have_count(1)
    assert not errors


@pytest.mark.browser
def test_a_printed_chart_fits_the_paper_with_its_list(page: Page, site):
    """On paper a chart cannot scroll: it shrinks to the page's width, whole; and its list,
    which paper cannot open, is printed open (on a wide chart it is the readable version)."""
    page.set_viewport_size({"width": 794, "height": 1123})  # A4 at 96 dpi
    for checker_id in flowcharts.DECISION_CHECKERS:
        page.goto(site.url + CHECKERS[checker_id].page)
        figure = page.locator(f"[data-flowchart='{checker_id}']")
        steps = figure.locator(".flowchart-steps > li").first
        assert not steps.is_visible()  # on screen the list starts closed
        page.emulate_media(media="print")
        box = figure.locator("svg").bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= 794, (checker_id, box)
        assert steps.is_visible(), checker_id
        page.emulate_media(media="screen")


@pytest.mark.browser
def test_a_charts_list_reads_from_its_margin(page: Page, site):
    page.goto(site.url + CHECKERS["allegations"].page)
    figure = page.locator("[data-flowchart='allegations']")
    figure.locator(".flowchart-text summary").click()
    item = figure.locator(".flowchart-steps > li").first
    assert item.evaluate("li => getComputedStyle(li).textAlign") in ("start", "left")


@pytest.mark.parametrize("checker_id", flowcharts.DECISION_CHECKERS)
def test_every_chart_has_slides_that_a_room_can_read(site, checker_id):
    """Each chart (the full one and the definite one) as 16:9 slides of 1920 by 1080 pixels,
    the smallest text 24 px at that size, split into parts that each say which part they are;
    every question of the chart is drawn on exactly one part, every arrow that leaves a part
    says where it goes on, and every slide's foot says these are the 2015 rules, replaced in
    2018, with the chart's credit. The page links every slide."""
    from PIL import Image

    from build_scripts.prepass import slides

    html = (site.dir / CHECKERS[checker_id].page / "index.html").read_text(encoding="utf-8")
    for definite in (False, True):
        chart = flowcharts.diagram_of(checker_id, definite)
        dots = slides.slide_dots(checker_id, definite, site.url)
        drawn: list[str] = []
        for i, dot in enumerate(dots, 1):
            name = slides.slide_name(checker_id, definite, i)
            png = site.dir / "assets" / "flowcharts" / name
            with Image.open(png) as image:
                assert image.size == (1920, 1080), name
                ink = image.convert("L").point(lambda v: 255 if v < 250 else 0).getbbox()
            svg = flowcharts.render(dot, "svg").decode()
            width_pt = int(re.search(r'width="(\d+)pt"', svg).group(1))
            # drawn at its own size (never shrunk to fit): the ink is as wide as the drawing
            assert ink[2] - ink[0] <= width_pt * 4 / 3 + 2, name
            sizes = [float(s) for s in re.findall(r'font-size="([\d.]+)"', svg)]
            assert min(sizes) * 4 / 3 >= 24, (name, min(sizes))  # points at 96 dpi, in px
            text = " ".join(re.findall(r">([^<]+)</text>", svg)).replace("&#45;", "-")
            if len(dots) > 1:
                assert f"(part {i} of {len(dots)})" in text, name
            assert "replaced by the 2018 edition on 4 July 2018" in " ".join(text.split())
            assert site.url in text  # the credit line, with the chart's address
            drawn += re.findall(r">(\d+)\. ", svg)
            for stub in re.findall(r"See question (\d+) \(part (\d+) of", text):
                assert 1 <= int(stub[1]) <= len(dots) and int(stub[1]) != i, (name, stub)
            assert f'href="../assets/flowcharts/{name}" download' in html, name
        assert sorted(map(int, drawn)) == [int(k[1:]) for k in chart.steps], "each question once"
