"""A result as HTML for the page. Every text is escaped: nothing from input becomes markup.

Order: any warning about the date, the outcome, the standing statement that these are the 2015
rules, what to do, then why, then what each source tag means, then the answers given.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from html import escape

from .. import citations
from ..citations import LABELS, SOURCE_HEADINGS, SOURCE_NOTES, SOURCE_OF, SOURCE_TAGS
from ..dates import long_date
from ..model import Action, Answers, Checker, Note, Reason, Result
from ..period import STATUS
from ..registry import get
from . import encoding

NOT_ANSWERED = "Not answered"


def label(cite: str) -> str:
    """How a citation reads: its anchor's label, or its address where it has none."""
    return LABELS.get(cite, cite)


def link(cite: str, base: str) -> str:
    return f'<a href="{escape(base + cite)}">{escape(label(cite))}</a>'


def source(item: Reason | Action) -> str:
    return item.source or SOURCE_OF[item.cite]


def cite_span(item: Reason | Action, base: str, tagged: bool = True) -> str:
    """ "(Paragraph 7; January 2015 proposed text)" after a reason or action; without the tag
    where a heading over its group names the source."""
    tag = SOURCE_TAGS[source(item)] if tagged else ""
    shown = f"; {escape(tag)}" if tag else ""
    return f' <span class="checker-cite">({link(item.cite, base)}{shown})</span>'


def grouped(items: Sequence[Reason | Action], base: str, tag: str, css: str) -> str:
    """A list of reasons or actions, each run of items from one source under one heading naming
    it (the final wording and the regulation's runs have none); numbering runs on across the
    groups of an ordered list."""
    out: list[str] = []
    start = 1
    for heading, run in itertools.groupby(items, key=lambda i: SOURCE_HEADINGS.get(source(i))):
        run = list(run)
        if heading:
            out.append(f'<p class="checker-from">{escape(heading)}</p>')
        first = f' start="{start}"' if tag == "ol" and start > 1 else ""
        lines = "".join(
            f"<li>{_due(a) if isinstance(a, Action) else ''}{escape(a.text)}"
            f"{cite_span(a, base, tagged=False)}</li>"
            for a in run
        )
        out.append(f'<{tag} class="{css}"{first}>{lines}</{tag}>')
        start += len(run)
    return "".join(out)


def render(result: Result, base: str, unanswered: Sequence[str] = ()) -> str:
    """The result, then "Your answers". `base` is the site root as seen from the page;
    `unanswered` names questions left blank that cannot change the outcome."""
    return render_result(result, base, unanswered) + your_answers(
        result.checker, result.answers, unanswered
    )


# What the page's live region reads out: the headline and one line, not the whole result.
SAID_LIMIT = 400


def _first_sentence(text: str) -> str:
    head, dot, _ = text.partition(". ")
    return head + "." if dot else text


def announcement(result: Result, unanswered: Sequence[str] = ()) -> str:
    """The headline and the one line a listener most needs with it, where there is one and the
    whole stays short: a warning about the date (first, as on the screen), the questions left
    blank, or the questions an open result depends on. The first thing to do is not added:
    the headline says it."""
    if result.warnings:
        said = f"Warning: {_first_sentence(result.warnings[0].text)} {result.summary}"
    elif unanswered:
        n = len(unanswered)
        line = f"{n} question{'s' if n > 1 else ''} not answered yet could not change this."
        said = f"{result.summary} {line}"
    elif result.depends_on:
        asked = "; ".join(result.checker.question(f).text for f in result.depends_on)
        said = f"{result.summary} It depends on: {asked}"
    else:
        said = result.summary
    return said if len(said) <= SAID_LIMIT else result.summary


def render_result(result: Result, base: str, unanswered: Sequence[str] = ()) -> str:
    checker = result.checker
    parts = [
        _print_heading(checker),
        # A warning about the date comes before the headline, and so before any deadline.
        _warnings(result, base),
        f'<h3 class="checker-outcome">{escape(result.summary)}</h3>',
        _status(base),
        _unanswered(checker, unanswered),
        *(_note(note, base) for note in result.notes),
        _print_button(checker),
    ]
    if result.actions:
        parts.append(f"<h4>{escape(checker.actions_heading)}</h4>")
        parts.append(grouped(result.actions, base, "ol", "checker-actions"))
        parts.append(_plan_table(result, base))
    parts.append("<h4>Why</h4>")
    parts.append(grouped(result.reasons, base, "ul", "checker-reasons"))
    parts.append(_source_key(result))
    return "".join(p for p in parts if p)


def _plan_table(result: Result, base: str) -> str:
    """On paper only: the actions again, with empty columns to fill in by hand, and where each
    comes from as numbered notes under the table (an address would crowd the Action column)."""
    columns = result.checker.plan_columns
    if not columns:
        return ""
    notes: list[str] = []  # each cited address once, numbered in order of first use
    rows = []
    for a in result.actions:
        if a.cite not in notes:
            notes.append(a.cite)
        mark = f' <sup class="plan-note-mark">[{notes.index(a.cite) + 1}]</sup>'
        rows.append(
            f"<tr><td>{_due(a)}{escape(a.text)}{mark}</td>" + "<td></td>" * len(columns) + "</tr>"
        )
    head = "".join(f'<th scope="col">{escape(c)}</th>' for c in columns)
    listed = "".join(f"<li>{escape(label(cite))}: {escape(base + cite)}</li>" for cite in notes)
    return (
        f'<table class="plan-table print-only"><thead><tr><th scope="col">Action</th>{head}'
        f"</tr></thead><tbody>{''.join(rows)}</tbody></table>"
        f'<ol class="plan-notes print-only">{listed}</ol>'
    )


def _due(action: Action) -> str:
    """ "By Monday 4 January 2016:" before an action with a date, unless its text says it."""
    if action.due is None or long_date(action.due) in action.text:
        return ""
    return f'<strong class="checker-due">By {escape(long_date(action.due))}:</strong> '


def _warnings(result: Result, base: str) -> str:
    return "".join(
        f'<p class="checker-warning"><strong>Warning:</strong> {escape(w.text)} '
        f"({link(w.cite, base)})</p>"
        for w in result.warnings
    )


def _status(base: str) -> str:
    """The standing statement that these are the 2015 rules."""
    return f'<p class="checker-status-note">{escape(STATUS)} ({link(citations.STATUS, base)})</p>'


def _source_key(result: Result) -> str:
    """What each source tag used in this result means (printed with it)."""
    used: list[str] = []
    for item in [*result.actions, *result.reasons]:
        if source(item) in SOURCE_HEADINGS and source(item) not in used:
            used.append(source(item))
    if not used:
        return ""
    lines = "".join(
        f"<li><strong>{escape(SOURCE_HEADINGS[s])}</strong>: {escape(SOURCE_NOTES[s])}.</li>"
        for s in used
    )
    return f'<h4>Sources</h4><ul class="checker-sources">{lines}</ul>'


def _unanswered(checker: Checker, unanswered: Sequence[str]) -> str:
    """Questions left blank, as when a link from another check fills in only what it knows."""
    if not unanswered:
        return ""
    count = "1 question" if len(unanswered) == 1 else f"{len(unanswered)} questions"
    items = "".join(
        f'<li><a href="#{escape(encoding.group_id(checker, checker.question(name)))}">'
        f"{escape(checker.question(name).text)}</a></li>"
        for name in unanswered
    )
    return (
        f'<div class="checker-unanswered"><p>{count} not answered yet, but no answer to '
        f"{'it' if len(unanswered) == 1 else 'them'} would change this outcome:</p>"
        f"<ul>{items}</ul></div>"
    )


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


def your_answers(checker: Checker, answers: Answers, unanswered: Sequence[str] = ()) -> str:
    """The answers the result rests on, each with a link back to its question (GOV.UK's
    check-your-answers pattern), so a reader can see what was assessed and change it."""
    rows = []
    for q in checker.questions:
        if checker.not_asked(q, answers) and answers.get(q.id) is None:
            continue
        shown = NOT_ANSWERED if q.id in unanswered else encoding.shown(q, answers.get(q.id))
        rows.append(
            f"<dt>{escape(q.text)}</dt><dd>{escape(shown)} "
            f'<a href="#{escape(encoding.group_id(checker, q))}">Change'
            f'<span class="visually-hidden"> your answer to: {escape(q.text)}</span></a></dd>'
        )
    return (
        '<details class="checker-answers"><summary>Your answers</summary>'
        f"<dl>{''.join(rows)}</dl></details>"
    )
