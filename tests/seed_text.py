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

SEEDS = Path(__file__).resolve().parent.parent.parent / "shared" / "seeds"
SUMMARY = "000_6db54234cc7500f5.txt"
CONSULTATION = "003_6060b744b8d16542.txt"

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


def available() -> bool:
    return (SEEDS / SUMMARY).exists() and (SEEDS / CONSULTATION).exists()


@cache
def sources() -> dict[str, str]:
    summary = normalise((SEEDS / SUMMARY).read_text(encoding="utf-8"))
    consultation = normalise((SEEDS / CONSULTATION).read_text(encoding="utf-8"))
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
