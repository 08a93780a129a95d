"""A result as HTML for the page. Every text is escaped: nothing from input becomes markup.

Order: the standing statement that these are the 2015 rules (with any warning about the date),
the outcome, what to do, then why, then what each source tag means, then the answers given.
"""

from __future__ import annotations

from html import escape

from .. import citations
from ..citations import LABELS, SOURCE_NOTES, SOURCE_OF, SOURCE_TAGS
from ..dates import long_date
from ..model import Action, Answers, Checker, Note, Reason, Result
from ..period import STATUS
from ..registry import get
from . import encoding


def link(cite: str, base: str) -> str:
    label = LABELS.get(cite, cite)
    return f'<a href="{escape(base + cite)}">{escape(label)}</a>'


def cite_span(item: Reason | Action, base: str) -> str:
    """ "(Paragraph 7; January 2015 proposed text)" after a reason or action."""
    tag = SOURCE_TAGS[item.source or SOURCE_OF[item.cite]]
    shown = f"; {escape(tag)}" if tag else ""
    return f' <span class="checker-cite">({link(item.cite, base)}{shown})</span>'


def render(result: Result, base: str) -> str:
    """The result, then "Your answers". `base` is the site root as seen from the page."""
    return render_result(result, base) + your_answers(result.checker, result.answers)


def render_result(result: Result, base: str) -> str:
    checker = result.checker
    parts = [
        _print_heading(checker),
        f'<h3 class="checker-outcome">{escape(result.summary)}</h3>',
        _status(result, base),
        *(_note(note, base) for note in result.notes),
        _print_button(checker),
    ]
    if result.actions:
        parts.append(f'<h4>{escape(checker.actions_heading)}</h4><ol class="checker-actions">')
        parts += [f"<li>{_due(a)}{escape(a.text)}{cite_span(a, base)}</li>" for a in result.actions]
        parts.append("</ol>")
        parts.append(_plan_table(result, base))
    parts.append('<h4>Why</h4><ul class="checker-reasons">')
    parts += [f"<li>{escape(r.text)}{cite_span(r, base)}</li>" for r in result.reasons]
    parts.append("</ul>")
    parts.append(_source_key(result))
    return "".join(p for p in parts if p)


def _plan_table(result: Result, base: str) -> str:
    """On paper only: the actions again, with empty columns to fill in by hand."""
    columns = result.checker.plan_columns
    if not columns:
        return ""
    head = "".join(f'<th scope="col">{escape(c)}</th>' for c in columns)
    rows = "".join(
        f"<tr><td>{_due(a)}{escape(a.text)}{cite_span(a, base)}</td>"
        + "<td></td>" * len(columns)
        + "</tr>"
        for a in result.actions
    )
    return (
        f'<table class="plan-table print-only"><thead><tr><th scope="col">Action</th>{head}'
        f"</tr></thead><tbody>{rows}</tbody></table>"
    )


def _due(action: Action) -> str:
    if action.due is None:
        return ""
    return f'<strong class="checker-due">By {escape(long_date(action.due))}:</strong> '


def _status(result: Result, base: str) -> str:
    """The standing statement, and any warning about the date given."""
    warnings = "".join(
        f'<p class="checker-warning"><strong>Warning:</strong> {escape(w.text)} '
        f"({link(w.cite, base)})</p>"
        for w in result.warnings
    )
    return (
        f'<p class="checker-status-note">{escape(STATUS)} '
        f"({link(citations.STATUS, base)})</p>{warnings}"
    )


def _source_key(result: Result) -> str:
    """What each source tag used in this result means (printed with it)."""
    used: list[str] = []
    for item in [*result.actions, *result.reasons]:
        source = item.source or SOURCE_OF[item.cite]
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
    anchor = ""
    if note.link is not None:
        href = base + encoding.filled_in(get(note.link.checker), note.link.answers)
        anchor = f' <a href="{escape(href)}">{escape(note.link_text)}</a>.'
    return f'<p class="checker-note">{escape(note.text)}{anchor}</p>'


def _print_heading(checker: Checker) -> str:
    """A printed plan's heading; the page fills in the organisation and the date."""
    if not checker.print_title:
        return ""
    return (
        f'<p class="plan-heading print-only">{escape(checker.print_title)}'
        '<span class="plan-organisation" data-plan-organisation></span>'
        '<span class="plan-date" data-plan-date></span></p>'
        '<p class="plan-site print-only">Made with <span data-plan-site></span>, which applies '
        "the 2015 rules to the answers below. Nothing typed was sent anywhere.</p>"
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
            f"<dt>{escape(q.text)}</dt><dd>{escape(encoding.shown(q, answers.get(q.id)))} "
            f'<a href="#{escape(encoding.group_id(checker, q))}">Change'
            f'<span class="visually-hidden"> your answer to: {escape(q.text)}</span></a></dd>'
        )
    return (
        '<details class="checker-answers"><summary>Your answers</summary>'
        f"<dl>{''.join(rows)}</dl></details>"
    )
