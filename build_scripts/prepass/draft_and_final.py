"""Where the January 2015 draft and the final 2015 wording differ, side by side and marked up.

Each comparison holds the two texts exactly as the sources give them (a block is a paragraph
or a list of bullet points), and only guidance text: where the summary of the 2015 revisions
wraps the guidance's words in its own ("The update warns that …"), only the guidance's words
are compared, so that the summary's phrasing never shows as a change. Words are compared
without regard to capitals and punctuation, so a quotation that starts mid-sentence does not
show a false difference either. The page shows both as quotations and, below them, a word-by-word
mark-up: words only in the draft struck through, words only in the final wording underlined.
The pre-pass writes each one as includes/generated/compare-ID.html (in the build's scratch
folder) for a page to include.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from html import escape

Block = str | tuple[str, ...]

DRAFT_SOURCE = (
    "January 2015 draft: Department for Education consultation, proposed revised text. "
    "Crown copyright, Open Government Licence v3.0."
)
FINAL_SOURCE = (
    "Final 2015 wording, as quoted in a published summary of the revisions (its author is not "
    "named in our copy). The guidance’s words: Crown copyright, Open Government Licence v3.0."
)


@dataclass(frozen=True)
class Comparison:
    id: str
    draft: tuple[Block, ...]
    final: tuple[Block, ...]
    draft_source: str = DRAFT_SOURCE
    final_source: str = FINAL_SOURCE
    note: str = ""  # what the reader should know about how the final text was taken


COMPARISONS = {
    c.id: c
    for c in (
        Comparison(
            "serious-harm",
            draft=(
                "“Seriously harmed” in the context of paragraph 6 below and regulation "
                "5(2)(b)(ii) above includes, but is not limited to, cases where the child has "
                "sustained, as a result of abuse or neglect, any or all of the following:",
                (
                    "a potentially life-threatening injury;",
                    "serious impairment at the time of the incident, and/or long-term impairment "
                    "of physical or mental health or physical, intellectual, emotional, social or "
                    "behavioural development.",
                ),
                "This definition is not exhaustive.",
            ),
            final=(
                "Serious harm includes, but is not limited to, cases, where the child has "
                "sustained, as a result of abuse or neglect, (a) potentially life-threatening "
                "injury or (b) serious or likely long-term impairment of physical/mental health "
                "or physical, intellectual, emotional, social, or behavioural development.",
                "this definition is not exhaustive",
            ),
            note=(
                "Only what the summary gives as the guidance’s own words is compared: the "
                "definition, and “this definition is not exhaustive”, which it quotes. The "
                "draft goes on: “In addition, even if a child recovers, this does not mean that "
                "serious harm cannot have occurred.” The summary says something like it in its "
                "own words, not as the guidance’s, so the final wording of that sentence is not "
                "in this site’s sources and it is not compared here."
            ),
        ),
        Comparison(
            "designated-officer",
            draft=(
                "Local authorities should, in addition, have designated a particular officer, or "
                "team of officers (either as part of multi-agency arrangements or otherwise), to "
                "be involved in the management and oversight of allegations against people that "
                "work with children. Any such officer, or team of officers, should be qualified "
                "social workers.",
            ),
            final=(
                "Local authorities should have designated a particular officer, or team of "
                "officers (either as part of multi-agency arrangements or otherwise), to be "
                "involved in the management and oversight of allegations against people that "
                "work with children.",
                "Any such officer, or team of officers, should be sufficiently qualified and "
                "experienced to be able to fulfil this role effectively, for example qualified "
                "social workers. Any new appointments to such a role, other than current or "
                "former designated officers moving between local authorities, should be "
                "qualified social workers.",
            ),
        ),
        Comparison(
            "criteria",
            draft=(
                "A notifiable incident is an incident involving the care of a child which meets "
                "any of the following criteria:",
                (
                    "A child has died (including cases of suspected suicide), and abuse or "
                    "neglect is known or suspected.",
                    "A child has been seriously harmed and abuse or neglect is known or suspected.",
                    "A looked after child or a child in a regulated setting has died (including "
                    "cases where abuse or neglect is not known or suspected).",
                ),
            ),
            final=(
                "A notifiable incident is an incident involving the care of a child which meets "
                "any of the following criteria:",
                (
                    "A child has died (including cases of suspected suicide), and abuse or "
                    "neglect is known or suspected.",
                    "A child has been seriously harmed, and abuse or neglect is known or "
                    "suspected.",
                    "A looked-after child has died (including cases where abuse or neglect is "
                    "not known or suspected).",
                    "A child in a regulated setting or service has died (including cases where "
                    "abuse or neglect is not known or suspected).",
                ),
            ),
        ),
        Comparison(
            "preventable-deaths",
            draft=(
                "Clarification wording on what constitutes a modifiable death (a modifiable "
                "death is defined as where there are factors which may have contributed to the "
                "death. These factors are defined as those which, by means of nationally or "
                "locally achievable interventions, could be modified to reduce the risk of "
                "future child deaths); wording which considers the involvement of families in "
                "the child death review process; and a paragraph on the disclosure of Child "
                "Death Overview Panel information at the request of the Coroner.",
            ),
            final=(
                "this guidance defines preventable child deaths as those in which modifiable "
                "factors may have contributed to the death. These are factors defined as those, "
                "where, if actions could be taken through national or local interventions, the "
                "risk of future child deaths could be reduced.",
            ),
            note=(
                "The final definition is the part of the summary it quotes as the guidance’s "
                "words; the draft is Annex A’s description of the change."
            ),
            draft_source=(
                "January 2015 consultation, Annex A (the change it announced, not consulted on). "
                "Crown copyright, Open Government Licence v3.0."
            ),
        ),
    )
}


def words(blocks: tuple[Block, ...]) -> list[str]:
    out: list[str] = []
    for block in blocks:
        for text in (block,) if isinstance(block, str) else block:
            out += text.split()
    return out


def render_quote(blocks: tuple[Block, ...]) -> str:
    parts = []
    for block in blocks:
        if isinstance(block, str):
            parts.append(f"<p>{escape(block)}</p>")
        else:
            parts.append("<ul>" + "".join(f"<li>{escape(b)}</li>" for b in block) + "</ul>")
    return "<blockquote>" + "".join(parts) + "</blockquote>"


def comparable(word: str) -> str:
    """A word as the mark-up compares it: capitals and punctuation apart (“/” splits no word
    here, so "physical/mental" still differs from "physical or mental")."""
    return re.sub(r"[^\w/-]", "", word.lower())


def render_markup(draft: list[str], final: list[str]) -> str:
    out = []
    matcher = difflib.SequenceMatcher(
        a=[comparable(w) for w in draft], b=[comparable(w) for w in final], autojunk=False
    )
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            out.append(escape(" ".join(final[b1:b2])))
            continue
        # Screen readers do not announce <del> and <ins>: say it in hidden text.
        if op in ("delete", "replace"):
            out.append(
                '<del><span class="visually-hidden">[only in the draft: </span>'
                f'{escape(" ".join(draft[a1:a2]))}<span class="visually-hidden">]</span></del>'
            )
        if op in ("insert", "replace"):
            out.append(
                '<ins><span class="visually-hidden">[only in the final wording: </span>'
                f'{escape(" ".join(final[b1:b2]))}<span class="visually-hidden">]</span></ins>'
            )
    return " ".join(out)


def render(comparison_id: str) -> str:
    c = COMPARISONS[comparison_id]
    return (
        f'<div class="compare" data-compare-id="{escape(c.id)}">'
        '<div class="compare-side compare-draft"><h3 class="compare-heading">January 2015 draft</h3>'
        f'{render_quote(c.draft)}<p class="source">{escape(c.draft_source)}</p></div>'
        '<div class="compare-side compare-final"><h3 class="compare-heading">Final 2015 wording '
        "(the guidance)</h3>"
        f'{render_quote(c.final)}<p class="source">{escape(c.final_source)}</p></div>'
        "</div>"
        + (f'<p class="compare-note">{escape(c.note)}</p>' if c.note else "")
        + '<details class="compare-markup"><summary>Show the changes marked up, word by word'
        "</summary>"
        '<p class="compare-legend">Struck through: only in the draft. Underlined: only in the '
        "final wording.</p>"
        f'<p class="compare-diff">{render_markup(words(c.draft), words(c.final))}</p>'
        "</details>"
    )
