"""A result as HTML for the page. Every text is escaped: nothing from input becomes markup."""

from __future__ import annotations

from html import escape
from typing import Any
from urllib.parse import quote

from .citations import LABELS
from .deadlines import long_date
from .model import Answers, Checker, parse_date

# How the page words a problem with a field, by the validation message's start.
_PAGE_MESSAGES = {
    "an answer is required": "Select an answer",
    "must be true or false": "Select yes or no",
    "must be one of": "Select one of the options",
    "must be a date written": "Enter a real date, for example 27 3 2015",
}


def field_message(field: str, message: str) -> str:
    for start, page_message in _PAGE_MESSAGES.items():
        if message.startswith(start):
            return page_message
    if message.startswith("cannot be yes"):
        # "cannot be yes when the child has not died (child_died is no)" -> a sentence
        return f"This {message.split(' (')[0]}. Change this answer or the earlier one."
    if "not a real date" in message or "outside the bank-holiday calendar" in message:
        return f"The date {message}"
    return message[0].upper() + message[1:]


def link(cite: str, base: str) -> str:
    label = LABELS.get(cite, cite)
    return f'<a href="{escape(base + cite)}">{escape(label)}</a>'


def render_result(result: dict[str, Any], base: str = "") -> str:
    parts = [
        _print_heading(result),
        f'<h3 class="checker-outcome">{escape(result["summary"])}</h3>',
        _extra(result, base),
        '<h4>Why</h4><ul class="checker-reasons">',
    ]
    parts += [
        f'<li>{escape(r["text"])} <span class="checker-cite">({link(r["cite"], base)})</span></li>'
        for r in result["reasons"]
    ]
    parts.append("</ul>")
    if result["actions"]:
        heading = "Action plan" if result["checker"] == "whistleblowing" else "What to do"
        parts.append(f'<h4>{heading}</h4><ol class="checker-actions">')
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


def _print_heading(result: dict[str, Any]) -> str:
    """The printed plan's heading; the page fills in the organisation and the date."""
    if result["checker"] != "whistleblowing":
        return ""
    return (
        '<p class="plan-heading print-only">Whistleblowing policy action plan'
        '<span class="plan-organisation" data-plan-organisation></span>'
        '<span class="plan-date" data-plan-date></span></p>'
    )


def _extra(result: dict[str, Any], base: str) -> str:
    checker = result["checker"]
    if checker == "whistleblowing":
        score = result["score"]
        return (
            f'<p class="checker-score">Items met: {score["met"]} of {score["total"]}</p>'
            + '<p class="no-print"><button type="button" class="md-button" data-print-plan>'
            "Print or save the action plan</button></p>"
        )
    if checker == "serious-harm":
        facts = result["notifiable_incident_answers"]
        values = "&".join(
            f"{quote(k)}={quote(('yes' if v else 'no') if isinstance(v, bool) else v)}"
            for k, v in facts.items()
        )
        href = f"{base}notifiable-incidents/#checker=notifiable-incident&{values}"
        verdict = "is" if result["notifiable"] else "is not, on these answers,"
        return (
            f'<p class="checker-crosslink">This {verdict} a notifiable incident. '
            f'<a href="{escape(href)}">Open the notifiable-incident check with these answers '
            f"filled in</a>.</p>"
        )
    return ""


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
