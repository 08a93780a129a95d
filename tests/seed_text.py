"""The source texts, normalised for comparison with what the site quotes.

The consultation's text was extracted from a PDF, so two passages are interrupted by page
furniture. They are repaired here, openly, from pieces of the seed itself:
- a side box and a page number ("7") fall inside the first bullet of Section 11 paragraph 1;
- the footnote listing regulated settings runs over a page break, with other text between.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "sources"
SUMMARY = "summary-of-2015-revisions.txt"
CONSULTATION = "consultation-january-2015.txt"
# The same texts as supplied to the project, when the shared folder is beside the repository.
SHARED_SEEDS = ROOT.parent / "shared" / "seeds"
SHARED_NAMES = {SUMMARY: "000_6db54234cc7500f5.txt", CONSULTATION: "003_6060b744b8d16542.txt"}

SIDE_BOX = (
    "Section 11 of the Children Act 2004 places duties on a range of organisations and "
    "individuals to ensure their functions, and any services that they contract out to others, "
    "are discharged having regard to the need to safeguard and promote the welfare of children. "
    "Various other statutory duties apply to other specific organisations working with children "
    "and families and are set out in this chapter. 7 "
)
FOOTNOTE_START = "1 Regulated settings: Childcare on domestic premises;"
FOOTNOTE_HEAD_END = "Adoption Support"
FOOTNOTE_TAIL = (
    "Agencies; Voluntary Adoption Agencies; Independent Fostering agencies; Residential Family "
    "Centres and Holiday Schemes for Disabled Children."
)


def normalise(text: str) -> str:
    text = text.replace("•", " ")
    return re.sub(r"\s+", " ", text).strip()


@cache
def sources() -> dict[str, str]:
    summary = normalise((SOURCES / SUMMARY).read_text(encoding="utf-8"))
    consultation = normalise((SOURCES / CONSULTATION).read_text(encoding="utf-8"))
    assert SIDE_BOX in consultation
    repaired = consultation.replace(SIDE_BOX, "") + " " + SIDE_BOX
    start = consultation.index(FOOTNOTE_START)
    head_end = consultation.index(FOOTNOTE_HEAD_END, start) + len(FOOTNOTE_HEAD_END)
    assert FOOTNOTE_TAIL in consultation
    footnote = consultation[start + 2 : head_end] + " " + FOOTNOTE_TAIL
    return {"summary": summary, "consultation": repaired + " " + footnote}


def quoted_exactly(text: str) -> bool:
    text = normalise(text)
    return any(text in source for source in sources().values())


def source_named(attribution: str) -> str | None:
    """Which source a page's "Source: …" line names: "summary", "consultation" or None."""
    if "summary of the revisions" in attribution or "summary of the 2015 revisions" in attribution:
        return "summary"
    if "consultation" in attribution.lower() or "January 2015" in attribution:
        return "consultation"
    return None


def position_in(source: str, text: str, start: int = 0) -> int:
    """Where `text` stands in the named source at or after `start` (-1 if it does not)."""
    return sources()[source].find(normalise(text), start)
