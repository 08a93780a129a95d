"""A printable A4 handout for each worked example, for trainers to give out in a room.

Each holds the example's scenario (fictional), the checker's own questions to discuss, the
paragraphs the checker's answer turns on (as full addresses, for paper) and a QR code that
opens the checker filled in with the example's answers. The QR code carries only what a
"Copy link to these answers" link carries: the categorical answers, after the `#`; never a
date. Codes are made at build time with `segno`, as SVG. The handouts are plain pages of their
own (no menus or scripts), styled for one A4 sheet; tests/test_handouts.py prints each one in
Chromium and reads its QR code back with a decoder.
"""

from __future__ import annotations

import re
from html import escape
from pathlib import Path
from typing import Any

import segno
import yaml

from build_scripts.licence import credit
from build_scripts.paragraphs import para_label
from checkers import CHECKERS
from checkers.citations import LABELS
from checkers.period import STATUS
from checkers.web.encoding import filled_in

from . import worked_examples

DOCS = Path(__file__).resolve().parents[2] / "docs"
PARA = re.compile(r'<div class="para[^"]*" id="([\w-]+)" data-para="([^"]+)"')

# A page of its own, for paper: the 2015 status at the top, the licence at the foot.
PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title} - Working Together 2015</title>
<link rel="stylesheet" href="../../css/handout.css">
<link rel="manifest" href="../../manifest.webmanifest">
</head>
<body>
<main class="{classes}"{attrs}>
<p class="handout-status" data-status-banner><strong>Historical guidance.</strong> {status}</p>
{body}
<p class="handout-footer">{credit}</p>
</main>
</body>
</html>
"""

HANDOUT = """<p class="handout-kind">Working Together 2015 · worked example for training · {checker}</p>
<h1>{title}</h1>
<h2>The scenario</h2>
<p>{facts}</p>
<p class="handout-note">A fictional case, made for training.</p>
<h2>Questions to discuss</h2>
<p>Answer the check’s own questions from the scenario, then compare with the check.</p>
<ol class="handout-questions">
{questions}
</ol>
<div class="handout-check">
<div class="handout-qr">{qr}</div>
<p><strong>The check, filled in with this example’s answers.</strong> Scan the code, or type
the address: <a href="{link}">{link_text}</a></p>
</div>
<h2>The paragraphs it turns on</h2>
<ul class="handout-paragraphs">
{paragraphs}
</ul>"""


def page(title: str, body: str, site_url: str, classes: str = "handout", attrs: str = "") -> str:
    return PAGE.format(
        title=escape(title), classes=classes, attrs=attrs, status=escape(STATUS), body=body,
        credit=escape(credit(site_url)),
    )  # fmt: skip


def qr_svg(url: str, label: str) -> str:
    """The QR code for `url` as inline SVG, named for screen readers."""
    code = segno.make(url, error="m")
    svg = code.svg_inline(scale=4, border=4, dark="#000", light="#fff", omitsize=True)
    return svg.replace(
        "<svg ", f'<svg role="img" aria-label="{escape(label)}" data-qr="{escape(url)}" ', 1
    )


def cited(example: dict[str, Any]) -> list[str]:
    """The citations of the checker's answer for the example, in the order they come."""
    result = CHECKERS[example["checker"]].run(example["answers"])
    seen: list[str] = []
    for item in [*result.actions, *result.reasons]:
        if item.cite not in seen:
            seen.append(item.cite)
    return seen


def render(example: dict[str, Any], site_url: str) -> str:
    checker = CHECKERS[example["checker"]]
    link = site_url + filled_in(checker, example["answers"])
    asked = [q for q in checker.questions if not checker.not_asked(q, example["answers"])]
    questions = "\n".join(f"<li>{escape(q.text)}</li>" for q in asked)
    paragraphs = "\n".join(
        f'<li>{escape(LABELS.get(cite, cite))}: <a href="{escape(site_url + cite)}">'
        f"{escape(site_url + cite)}</a></li>"
        for cite in cited(example)
    )
    body = HANDOUT.format(
        title=escape(example["title"]),
        checker=escape(checker.title),
        facts=escape(example["facts"]),
        questions=questions,
        qr=qr_svg(link, f"QR code: the check filled in for “{example['title']}”"),
        link=escape(link),
        link_text=escape(link).replace("&amp;", "&amp;<wbr>"),
        paragraphs=paragraphs,
    )
    return page(
        f"Handout: {example['title']}",
        body,
        site_url,
        attrs=f' data-handout="{escape(example["id"])}"',
    )


def all_handouts(site_url: str) -> dict[str, str]:
    """Each handout's address under the site root, and its page; and the paragraph sheet."""
    pages = {
        f"handouts/{ex['id']}/index.html": render(ex, site_url) for ex in worked_examples.load()
    }
    pages["handouts/paragraphs/index.html"] = paragraph_sheet(site_url)
    return pages


def trainers_list() -> str:
    """The For trainers page's list of handouts, grouped by check (HTML: the handouts are
    pages of their own, outside the generator's pages)."""
    by_checker: dict[str, list[dict[str, Any]]] = {}
    for ex in worked_examples.load():
        by_checker.setdefault(ex["checker"], []).append(ex)
    out = ['<ul class="handout-list">']
    for checker_id, examples in by_checker.items():
        items = "".join(
            f'<li><a href="../handouts/{escape(ex["id"])}/">{escape(ex["title"])}</a></li>'
            for ex in examples
        )
        out.append(f"<li>{escape(CHECKERS[checker_id].title)}<ul>{items}</ul></li>")
    out.append("</ul>")
    return "\n".join(out) + "\n"


def numbered_paragraphs() -> list[tuple[str, str, str]]:
    """Every numbered paragraph of the guidance on the site: (page title, label, address from
    the root), page by page in the order of their file names."""
    found = []
    for source in sorted(DOCS.glob("*.md")):
        text = source.read_text(encoding="utf-8")
        front = yaml.safe_load(text.split("---")[1]) if text.startswith("---") else {}
        for anchor, label in PARA.findall(text):
            found.append(
                (front.get("title", source.stem), para_label(label), f"{source.stem}/#{anchor}")
            )
    return found


SHEET = """<h1>Paragraph codes</h1>
<p>Each code opens one numbered paragraph, or consultation question, quoted on {site}. The
page it opens says whether the words are the final 2015 guidance or the January 2015 proposed
text.</p>
<ul class="sheet-grid">
{cells}
</ul>"""


def paragraph_sheet(site_url: str) -> str:
    """One A4 sheet with a QR code for every numbered paragraph."""
    cells = []
    for title, label, address in numbered_paragraphs():
        url = site_url + address
        cells.append(
            f'<li><div class="handout-qr">{qr_svg(url, f"QR code: {title}, {label}")}</div>'
            f"<p><strong>{escape(title)}</strong>, {escape(label)}<br>"
            f'<a href="{escape(url)}">{escape(url)}</a></p></li>'
        )
    body = SHEET.format(site=escape(site_url), cells="\n".join(cells))
    return page("Paragraph codes", body, site_url, classes="handout handout-sheet")
