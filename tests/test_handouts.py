"""The handouts for trainers: one per worked example, each printing on one A4 page in
Chromium, with the paragraphs as full addresses, and a QR code that a decoder (zxing-cpp)
reads back as the link to the check with the example's answers filled in — categorical
answers only, never a date."""

from __future__ import annotations

import io
import re
from html import escape
from urllib.parse import parse_qsl

import pytest
import zxingcpp
from PIL import Image
from playwright.sync_api import Page, expect

from build_scripts.prepass import handouts, worked_examples
from checkers import CHECKERS
from checkers.web.encoding import filled_in

from .browser_helpers import RESULT

EXAMPLES = worked_examples.load()


def test_every_worked_example_has_its_handout(site):
    for example in EXAMPLES:
        page = site.dir / "handouts" / example["id"] / "index.html"
        html = page.read_text(encoding="utf-8")
        assert f"<h1>{escape(example['title'])}</h1>" in html
        assert "data-status-banner" in html and "Open Government Licence v3.0" in html
        assert 'http-equiv="Content-Security-Policy"' in html
        for cite in handouts.cited(example):
            assert f'href="{site.url}{cite}"' in html, (example["id"], cite)
        checker = CHECKERS[example["checker"]]
        for q in checker.questions:
            if not checker.not_asked(q, example["answers"]):
                assert f"<li>{escape(q.text)}</li>" in html, q.id


def decode(png: bytes) -> list[str]:
    # QR codes only: with every format allowed, zxing once also read a linear barcode ("8600")
    # out of the code's own modules.
    image = Image.open(io.BytesIO(png))
    return [r.text for r in zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)]


@pytest.mark.browser
def test_each_handout_prints_on_one_page_and_its_code_reads_back(page: Page, site):
    for example in EXAMPLES:
        checker = CHECKERS[example["checker"]]
        page.goto(f"{site.url}handouts/{example['id']}/")
        pdf = page.pdf(format="A4", print_background=True)
        # One page; a case's handout, which asks every question of the checks a case holds
        # (up to 17) and lists every paragraph they turn on, may take two, like its record.
        pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
        assert pages <= (2 if checker.id == "case" else 1), example["id"]
        read = decode(page.locator(".handout-qr svg").screenshot())
        assert read == [site.url + filled_in(checker, example["answers"])], example["id"]
        fields = dict(parse_qsl(read[0].partition("#")[2]))
        assert fields.pop("checker") == checker.id
        for name in fields:
            assert checker.question(name).kind in ("bool", "choice"), name  # never a date


@pytest.mark.browser
def test_a_scanned_code_opens_the_check_with_the_examples_outcome(page: Page, site):
    for checker_id in CHECKERS:
        example = next(e for e in EXAMPLES if e["checker"] == checker_id)
        page.goto(f"{site.url}handouts/{example['id']}/")
        link = decode(page.locator(".handout-qr svg").screenshot())[0]
        page.goto(link)
        page.wait_for_selector(RESULT, timeout=60_000)
        outcome = page.locator("[data-checker-result]").get_attribute("data-outcome")
        assert outcome == CHECKERS[checker_id].run(
            {k: v for k, v in example["answers"].items()
             if CHECKERS[checker_id].question(k).kind != "date"}
        ).outcome  # fmt: skip
        expect(page.locator("[data-checker-status]")).to_contain_text("filled in from the link")


@pytest.mark.browser
def test_the_paragraph_sheet_prints_on_one_page_and_every_code_reads_back(page: Page, site):
    paragraphs = handouts.numbered_paragraphs()
    assert len(paragraphs) >= 15
    page.goto(f"{site.url}handouts/paragraphs/")
    pdf = page.pdf(format="A4", print_background=True)
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == 1
    codes = page.locator(".sheet-grid .handout-qr svg")
    assert codes.count() == len(paragraphs)
    for i, (_, _, address) in enumerate(paragraphs):
        assert decode(codes.nth(i).screenshot()) == [site.url + address]
        built = (site.dir / address.split("#")[0] / "index.html").read_text(encoding="utf-8")
        assert f'id="{address.split("#")[1]}"' in built  # the code leads to a real paragraph
