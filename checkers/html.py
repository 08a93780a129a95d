"""A result as HTML for the page. Every text is escaped: nothing from input becomes markup."""

from __future__ import annotations

from html import escape
from typing import Any

from .citations import LABELS
from .deadlines import long_date
from .model import Answers, Checker, Note, parse_date
from .registry import get


def link(cite: str, base: str) -> str:
    label = LABELS.get(cite, cite)
    return f'<a href="{escape(base + cite)}">{escape(label)}</a>'


def render_result(result: dict[str, Any], base: str = "") -> str:
    checker = get(result["checker"])
    parts = [
        _print_heading(checker),
        f'<h3 class="checker-outcome">{escape(result["summary"])}</h3>',
        *(_note(note, base) for note in checker.notes(result)),
        _print_button(checker),
        '<h4>Why</h4><ul class="checker-reasons">',
    ]
    parts += [
        f'<li>{escape(r["text"])} <span class="checker-cite">({link(r["cite"], base)})</span></li>'
        for r in result["reasons"]
    ]
    parts.append("</ul>")
    if result["actions"]:
        parts.append(f'<h4>{escape(checker.actions_heading)}</h4><ol class="checker-actions">')
        for a in result["actions"]:
            due = (
                f'<strong class="checker-due">By {escape(long_date(parse_date(a["due"])))}:</strong> '
                if a["due"]
                else ""
            )
            parts.append(
                f"<li>{due}{escape(a['text'])} "
                f'<span class="checker-cite">({link(a["cite"], base)})</span></li>'
            )
        parts.append("</ol>")
    return "".join(p for p in parts if p)


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
        value = answers.get(q.id)
        if value is None:
            shown = "Not answered"
        elif q.kind == "bool":
            shown = q.yes_label if value else q.no_label
        elif q.kind == "choice":
            shown = next(c.label for c in q.choices if c.value == value)
        else:
            shown = long_date(value)
        rows.append(
            f"<dt>{escape(q.text)}</dt><dd>{escape(shown)} "
            f'<a href="#{escape(checker.id)}-{escape(q.id)}-group">Change'
            f'<span class="visually-hidden"> your answer to: {escape(q.text)}</span></a></dd>'
        )
    return (
        '<details class="checker-answers"><summary>Your answers</summary>'
        f"<dl>{''.join(rows)}</dl></details>"
    )
