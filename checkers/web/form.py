"""A checker's form, rendered at build time from the checker's questions.

The questions are plain HTML in the page, so they can be read, searched and followed without
JavaScript. The markup follows the design contract: `<form data-checker="ID">`, controls named
after the answer fields, Yes/No radios valued "yes"/"no", and a `data-checker-result` element
inside a live region. The form's method is "dialog", so that without JavaScript pressing its
button sends nothing anywhere (a plain form would put the answers in a URL). It follows the GOV.UK Design System patterns: the question is the
fieldset's legend, a short hint, an error message next to the field and an error summary.
"""

from __future__ import annotations

import json
from html import escape

from ..citations import LABELS
from ..dates import FIRST_DATE, LAST_DATE
from ..model import Checker, Question
from .encoding import (
    FRAGMENT_START,
    UNREADABLE_DATE,
    control_id,
    form_id,
    fragment_start,
    group_id,
    options,
    shown_on,
    title_id,
)

# Messages the page shows while Python starts or when it cannot. JavaScript only carries them.
MESSAGES = {
    "loading": (
        "Starting the checker in your browser. The first time, it downloads about 4\u00a0MB: a few "
        "seconds on a fast connection, 20 seconds or more on a slow mobile one. Your answers are "
        "checked as soon as it is ready."
    ),
    "ready": "The checker is ready.",
    "working": "Checking your answers…",
    "failed": (
        "The checker could not start, so it cannot give a result. Your answers are kept: "
        "press the button again to try once more. The guidance on this page is not affected: "
        "you can still read it and follow the questions by hand."
    ),
    "retrying": (
        "A file the checker starts from arrived damaged or out of date, so it has been thrown "
        "away. Trying again from the network…"
    ),
    "preparing": "Downloaded. Getting Python ready on this device…",
    "insecure": (
        "The checker cannot start here: this copy of the site is not served securely (its "
        "address does not start with https://), and the checker needs that to check the files "
        "it runs. Open the site from its https:// address to use it; the guidance on this page "
        "still reads as normal."
    ),
    "lost": (
        "The checker stopped responding, so it gave no result. Your answers are kept: press the "
        "button again to restart it."
    ),
    # Shown beside the status line while Python downloads; {percent} is filled in by the page.
    "progress": "{percent}% of the download done.",
    "file": (
        "The checker cannot run from a copy of the site opened from files on disk (file://). "
        "Open the site from its web address to use it; the guidance on this page still reads "
        "as normal."
    ),
    "error": (
        "Something went wrong inside the checker, so it gives no result for these answers. "
        "Nothing was sent anywhere. The guidance on this page is not affected."
    ),
    # A link from another check leaves some questions for the reader: asked for, not an error.
    "finish_one": "Answer this question to finish the check:",
    "finish_many": "Answer these {count} questions to finish the check:",
    "copied": "Link copied. It holds only your yes/no and multiple-choice answers.",
    "copy_failed": "Could not copy. Select the link below and copy it.",
    "fragment_ignored": (
        "The link you followed held answers this checker does not recognise, so they were "
        "ignored. Nothing was filled in from them."
    ),
    "fragment_other": (
        "The link you followed holds answers for a different check, so nothing was filled in here."
    ),
    "from_link": (
        "These answers were filled in from the link you followed, not by you. Check each one "
        "against what you know before relying on the result."
    ),
}


def attr(value: str) -> str:
    """Text for an attribute value: html.escape escapes quotes as well by default."""
    return escape(value)


def render_form(
    checker: Checker,
    base: str,
    files: dict[str, str],
    digests: dict[str, str] | None = None,
    download_bytes: int = 0,
) -> str:
    """The checker's section: title, form, status line and result region. `base` is the site
    root as seen from the page; `files` names the addresses, from the root, that the worker
    starts Python from ("pyodide", the folder of Pyodide's files; "python", the archive Python
    imports from; "snapshot"); `digests` holds the SHA-256 of every runtime file by its address,
    which the page's worker checks each copy against (the build always gives them);
    `download_bytes` is how many bytes a first start fetches, once decompressed, for the page's
    progress line.
    The section holds no blank line, so Markdown passes it through as one HTML block."""
    cid = checker.id
    runtime = "".join(f' data-{name}="{attr(value)}"' for name, value in files.items())
    runtime += f' data-download-bytes="{download_bytes}"' if download_bytes else ""
    if digests:
        runtime += f' data-runtime-sha256="{attr(json.dumps(digests, sort_keys=True))}"'
    # How the page tells a filled-in link, and what it sends for an unreadable date: the
    # encoding's, so that the page's script holds none of its own.
    runtime += (
        f' data-fragment-start="{attr(FRAGMENT_START)}"'
        f' data-fragment-own="{attr(fragment_start(checker))}"'
        f' data-unreadable-date="{attr(UNREADABLE_DATE)}"'
    )
    messages = " ".join(
        f'data-msg-{k.replace("_", "-")}="{attr(v)}"'
        for k, v in {**MESSAGES, "stale": stale_message(checker)}.items()
    )
    questions = "\n".join(render_question(checker, q, base) for q in checker.questions)
    organisation = render_organisation(checker) if checker.print_title else ""
    section = f"""
<section class="checker" aria-labelledby="{title_id(checker)}" data-checker-section="{cid}">
<h3 id="{title_id(checker)}" class="checker-title" tabindex="-1">{escape(checker.title)}</h3>
<p class="checker-intro">{escape(checker.intro)}</p>
<noscript><p data-search-exclude class="checker-status checker-status--failed">This checker needs JavaScript. You can still read the questions and follow them by hand with the guidance above.</p></noscript>
<form data-checker="{cid}" id="{form_id(checker)}" method="dialog" novalidate autocomplete="off"{runtime} {messages}>
<div class="checker-error-summary" data-error-summary data-search-exclude hidden tabindex="-1" role="alert" aria-labelledby="{cid}-error-title">
<h4 id="{cid}-error-title">There is a problem</h4>
<ul data-error-list></ul>
</div>
<div class="checker-to-finish" data-to-finish data-search-exclude role="status" hidden><p data-to-finish-text></p><ul data-to-finish-list></ul></div>
{organisation}
{questions}
<div class="checker-buttons">
<button type="submit" class="md-button md-button--primary">{escape(checker.submit_label)}</button>
<a class="checker-go" href="#{cid}-result" target="_self" data-go-to-result data-moves-focus hidden>Go to the result</a>
<button type="reset" class="md-button">Start again</button>
<button type="button" class="md-button" data-copy-answers hidden>Copy link to these answers</button>
</div>
<p class="checker-status" data-checker-status role="status" hidden></p>
<p class="checker-progress" data-checker-progress aria-hidden="true" hidden></p>
<p class="checker-copy" data-copy-output hidden><label for="{cid}-link">Link to these answers</label> <input id="{cid}-link" type="text" readonly data-copy-field></p>
</form>
<p class="checker-stale" data-stale-note data-search-exclude role="status"></p>
<p class="visually-hidden" aria-live="polite" aria-atomic="true" data-checker-live data-search-exclude></p>
<div class="checker-result" id="{cid}-result" data-checker-result data-search-exclude hidden tabindex="-1"></div>
</section>
"""
    return "\n".join(line for line in section.splitlines() if line.strip()) + "\n"


def render_question(checker: Checker, q: Question, base: str) -> str:
    fid = control_id(checker, q)
    hint_id, error_id = f"{fid}-hint", f"{fid}-error"
    hint = f'<p class="checker-hint" id="{hint_id}">{escape(q.hint)}</p>' if q.hint else ""
    described = " ".join(x for x in (hint_id if q.hint else "", error_id) if x)
    error = f'<p class="checker-field-error" id="{error_id}" data-error-for="{q.id}" hidden></p>'
    cite = (
        f'<p class="checker-question-cite"><a href="{attr(base + q.cite)}">'
        f"Guidance: {escape(LABELS.get(q.cite, q.cite))}</a></p>"
        if q.cite
        else ""
    )
    if q.kind == "date":
        return (
            f'<div class="checker-question" data-field="{q.id}" id="{group_id(checker, q)}">'
            f'<label class="checker-legend" for="{fid}">{escape(q.text)}</label>{hint}{error}'
            f'<input type="date" id="{fid}" name="{q.id}" min="{FIRST_DATE.isoformat()}" '
            f'max="{LAST_DATE.isoformat()}" '
            f'aria-describedby="{described}">{cite}</div>'
        )
    radios = "".join(
        f'<div class="checker-radio"><input type="radio" id="{control_id(checker, q, value)}" '
        f'name="{q.id}" value="{attr(value)}"><label for="{control_id(checker, q, value)}">'
        f"{escape(label)}</label></div>"
        for value, label in options(q)
    )
    return (
        f'<fieldset class="checker-question" data-field="{q.id}" id="{group_id(checker, q)}" '
        f'aria-describedby="{described}"{asked_if(checker, q)}>'
        f'<legend class="checker-legend">{escape(q.text)}</legend>{hint}{error}'
        f'<div class="checker-radios">{radios}</div>{cite}</fieldset>'
    )


def stale_message(checker: Checker) -> str:
    """Said, once, when an answer changes under a result: the result is no longer theirs."""
    return f"Your answers have changed: press {checker.submit_label} again"


def asked_if(checker: Checker, q: Question) -> str:
    """A question asked only on another answer: the page hides it while that answer rules it
    out (and then sends nothing for it), and shows it again, as it was, when it does not."""
    shown = shown_on(checker, q)
    if shown is None:
        return ""
    name, values = shown
    return f' data-asked-if-field="{attr(name)}" data-asked-on="{attr(" ".join(values))}"'


def render_organisation(checker: Checker) -> str:
    """The organisation name for the printout: typed here, never sent, never in a link."""
    cid = checker.id
    return (
        f'<div class="checker-question checker-local" data-local-only>'
        f'<label class="checker-legend" for="{cid}-organisation">Organisation name, for the '
        f"printout (optional)</label>"
        f'<p class="checker-hint" id="{cid}-organisation-hint">Stays on this page: it is not '
        f"sent anywhere or put in a link.</p>"
        f'<input type="text" id="{cid}-organisation" data-organisation autocomplete="off" '
        f'aria-describedby="{cid}-organisation-hint" maxlength="120"></div>'
    )
