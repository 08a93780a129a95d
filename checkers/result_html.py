"""A result as HTML for the page. Every text is escaped: nothing from input becomes markup.

Order: the standing statement that these are the 2015 rules (with any warning about the date),
the outcome, what to do, then why, then what each source tag means, then the answers given.
"""

from __future__ import annotations

import datetime as dt
from html import escape
from typing import Any

from .citations import LABELS, SOURCE_NOTES, SOURCE_TAGS
from .dates import long_date
from .model import Answers, Checker, Note
from .registry import get


def link(cite: str, base: str) -> str:
    label = LABELS.get(cite, cite)
    return f'<a href="{escape(base + cite)}">{escape(label)}</a>'


def cite_span(item: dict[str, Any], base: str) -> str:
    """ "(Paragraph 7; January 2015 proposed text)" after a reason or action."""
    tag = SOURCE_TAGS.get(item.get("source", ""), "")
    shown = f"; {escape(tag)}" if tag else ""
    return f' <span class="checker-cite">({link(item["cite"], base)}{shown})</span>'


def render_result(result: dict[str, Any], base: str = "") -> str:
    checker = get(result["checker"])
    parts = [
        _print_heading(checker),
        f'<h3 class="checker-outcome">{escape(result["summary"])}</h3>',
        _status(result, base),
        *(_note(note, base) for note in checker.notes(result)),
        _print_button(checker),
    ]
    if result["actions"]:
        parts.append(f'<h4>{escape(checker.actions_heading)}</h4><ol class="checker-actions">')
        for a in result["actions"]:
            due = (
                f'<strong class="checker-due">By '
                f"{escape(long_date(dt.date.fromisoformat(a['due'])))}:</strong> "
                if a["due"]
                else ""
            )
            parts.append(f"<li>{due}{escape(a['text'])}{cite_span(a, base)}</li>")
        parts.append("</ol>")
    parts.append('<h4>Why</h4><ul class="checker-reasons">')
    parts += [f"<li>{escape(r['text'])}{cite_span(r, base)}</li>" for r in result["reasons"]]
    parts.append("</ul>")
    parts.append(_source_key(result))
    return "".join(p for p in parts if p)


def _status(result: dict[str, Any], base: str) -> str:
    """The standing statement, and any warning about the date given."""
    warnings = "".join(
        f'<p class="checker-warning"><strong>Warning:</strong> {escape(w["text"])} '
        f"({link(w['cite'], base)})</p>"
        for w in result["warnings"]
    )
    status = result["status"]
    return (
        f'<p class="checker-status-note">{escape(status["text"])} '
        f"({link(status['cite'], base)})</p>{warnings}"
    )


def _source_key(result: dict[str, Any]) -> str:
    """What each source tag used in this result means (printed with it)."""
    used = []
    for item in [*result["actions"], *result["reasons"]]:
        source = item.get("source", "")
        if SOURCE_TAGS.get(source) and source not in used:
            used.append(source)
    if not used:
        return ""
    lines = "".join(
        f"<li><strong>{escape(SOURCE_TAGS[s])}</strong>: {escape(SOURCE_NOTES[s])}.</li>"
        for s in used
    )
    return f'<h4>Sources</h4><ul class="checker-sources">{lines}</ul>'


def _note(note: Note, base: str) -> str:
    anchor = (
        f' <a href="{escape(base + note.link)}">{escape(note.link_text)}</a>.' if note.link else ""
    )
    return f'<p class="checker-note">{escape(note.text)}{anchor}</p>'


def _print_heading(checker: Checker) -> str:
    """A printed plan's heading; the page fills in the organisation and the date."""
    if not checker.print_title:
        return ""
    return (
        f'<p class="plan-heading print-only">{escape(checker.print_title)}'
        '<span class="plan-organisation" data-plan-organisation></span>'
        '<span class="plan-date" data-plan-date></span></p>'
    )


def _print_button(checker: Checker) -> str:
    if not checker.print_title:
        return ""
    return (
        '<p class="no-print"><button type="button" class="md-button" data-print-plan>'
        "Print or save as PDF</button></p>"
    )


def your_answers(checker: Checker, answers: Answers) -> str:
    """The answers the result rests on, each with a link back to its question (GOV.UK's
    check-your-answers pattern), so a reader can see what was assessed and change it."""
    rows = []
    for q in checker.questions:
        if checker.not_asked(q, answers) and answers.get(q.id) is None:
            continue
        rows.append(
            f"<dt>{escape(q.text)}</dt><dd>{escape(q.shown(answers.get(q.id)))} "
            f'<a href="#{escape(checker.id)}-{escape(q.id)}-group">Change'
            f'<span class="visually-hidden"> your answer to: {escape(q.text)}</span></a></dd>'
        )
    return (
        '<details class="checker-answers"><summary>Your answers</summary>'
        f"<dl>{''.join(rows)}</dl></details>"
    )
