"""How a checker's answers travel as strings, and the ids its page elements carry.

The one place that knows that a yes/no answer is "yes", "no" or "unsure" in a form control
and in a link, that an unanswered control sends "", and what each element of a checker's
section is called. The form (`form.py`), the result (`result.py`), the link fragment and the
reading back of a form or a fragment all use what is defined here; the page's JavaScript
only moves these strings between the page and Python.

Links carry only categorical answers (yes/no/not sure and choices), and only in the URL
fragment, which browsers never send to a server. Dates and free text never go in a link.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from urllib.parse import parse_qsl, quote

from ..dates import long_date
from ..model import Checker, Question

# A yes/no answer in a form control or a link, and what it means in JSON ("not sure" is null).
FORM_VALUES: dict[str, bool | None] = {"yes": True, "no": False, "unsure": None}
FORM_LABELS = {"yes": "Yes", "no": "No", "unsure": "Not sure"}
NOT_ANSWERED = "Not answered"


def form_value(answer: bool | None) -> str:
    """The form value of a yes/no answer (the inverse of FORM_VALUES)."""
    return {True: "yes", False: "no", None: "unsure"}[answer]


# -- element ids ----------------------------------------------------------------------------


def form_id(checker: Checker) -> str:
    return f"{checker.id}-form"


def title_id(checker: Checker) -> str:
    return f"{checker.id}-title"


def control_id(checker: Checker, q: Question, value: str = "") -> str:
    """A date's input, or one radio of a question (its value appended)."""
    return f"{checker.id}-{q.id}" + (f"-{value}" if value else "")


def group_id(checker: Checker, q: Question) -> str:
    """The question's fieldset (or date group): where "Change" and error links point."""
    return f"{checker.id}-{q.id}-group"


# -- a question's options and answers, as a reader sees them --------------------------------


def options(q: Question) -> list[tuple[str, str]]:
    """The form's (value, label) pairs, in order."""
    if q.kind == "bool":
        values = ["yes", "no", "unsure"] if q.unsure else ["yes", "no"]
        return [(v, FORM_LABELS[v]) for v in values]
    unsure = [("unsure", FORM_LABELS["unsure"])] if q.unsure else []
    return [(c.value, c.label) for c in q.choices] + unsure


def shown(q: Question, answer: Any) -> str:
    """An answer as a reader reads it back."""
    if answer is None:
        return FORM_LABELS["unsure"] if q.unsure else NOT_ANSWERED
    if q.kind == "bool":
        return FORM_LABELS[form_value(answer)]
    if q.kind == "choice":
        return next(c.label for c in q.choices if c.value == answer)
    return long_date(answer)


def asked_if_value(q: Question) -> tuple[str, str] | None:
    """(field, form value) of the answer a question is asked on, if it has one."""
    if q.asked_if is None:
        return None
    name, value = q.asked_if
    return name, form_value(value) if isinstance(value, bool) else str(value)


def shown_on(checker: Checker, q: Question) -> tuple[str, list[str]] | None:
    """For a question asked only on another answer: that answer's field, and the form values
    of it on which the page shows the question: the answer it is asked on, and "not sure"
    where that question offers it (an answer not known does not rule the question out, as
    `Checker.not_asked` reads it). While nothing is chosen, the question is shown."""
    asked = asked_if_value(q)
    if asked is None:
        return None
    name, value = asked
    offered = {v for v, _ in options(checker.question(name))}
    return name, [value] + (["unsure"] if "unsure" in offered else [])


# What the page sends for a date it cannot read (half typed, or impossible: the browser reads
# such a control as ""): a value validation rejects, so the reader is told, rather than the
# date silently dropped.
UNREADABLE_DATE = "unreadable date"


# -- form values → JSON answers ------------------------------------------------------------


def answers_from_form(checker: Checker, values: Mapping[str, str]) -> dict[str, Any]:
    """Form values ("yes"/"no"/"unsure", choice values, dates, "" for unanswered) as JSON
    answers. Anything unreadable is passed on as it is, for validation to report against its
    field; an unknown name likewise."""
    raw: dict[str, Any] = {}
    for name, value in values.items():
        q = _question(checker, name)
        if q is not None and value == "":
            continue
        if q is not None and q.kind == "bool" and value in FORM_VALUES:
            raw[name] = FORM_VALUES[value]
        elif q is not None and q.kind == "choice" and q.unsure and value == "unsure":
            raw[name] = None
        else:
            raw[name] = value
    return raw


def _question(checker: Checker, name: str) -> Question | None:
    try:
        return checker.question(name)
    except KeyError:
        return None


# -- links: the fragment "#checker=ID&field=value…" ----------------------------------------

FRAGMENT_START = "#checker="


def fragment_start(checker: Checker) -> str:
    """How every fragment for `checker` with answers in it starts."""
    return f"{FRAGMENT_START}{quote(checker.id)}&"


def fragment(checker: Checker, answers: Mapping[str, Any]) -> str:
    """The fragment for the answers given. A yes/no answer present as None is carried as
    "unsure" where the question allows it; an absent one is left out; dates never."""
    parts = [f"checker={quote(checker.id)}"]
    for q in checker.questions:
        if q.id not in answers or q.kind == "date":
            continue
        value = answers[q.id]
        if q.kind == "bool":
            if value is None and not q.unsure:
                continue
            text = form_value(value)
        elif value is None:
            if not q.unsure:
                continue
            text = "unsure"
        else:
            text = str(value)
        parts.append(f"{quote(q.id)}={quote(text)}")
    return "#" + "&".join(parts)


def fragment_from_form(checker: Checker, values: Mapping[str, str]) -> str:
    """The fragment for what is chosen in a form: its categorical controls only, as chosen."""
    parts = [f"checker={quote(checker.id)}"]
    for q in checker.questions:
        value = values.get(q.id)
        if value in {v for v, _ in options(q)}:  # a date has no options: never carried
            parts.append(f"{quote(q.id)}={quote(value)}")
    return "#" + "&".join(parts)


def filled_in(checker: Checker, answers: Mapping[str, Any]) -> str:
    """The link, relative to the site root, to `checker` with `answers` filled in."""
    return checker.page + fragment(checker, answers)


class FragmentIgnored(Exception):
    """A fragment for this checker that cannot be read as a whole: it is ignored, and the
    page says so."""


def form_from_fragment(checker: Checker, text: str) -> dict[str, str] | None:
    """The form values a fragment for `checker` chooses; None when the fragment is not a
    checker fragment or is for another checker (the page leaves it alone). Raises
    FragmentIgnored for an unknown field or value, a repeated field, or a date. Values are
    only ever compared with the form's own options, never inserted."""
    if not text.startswith(FRAGMENT_START):
        return None
    pairs = parse_qsl(text[1:], keep_blank_values=True)
    if not pairs or pairs[0] != ("checker", checker.id):
        return None
    chosen: dict[str, str] = {}
    for name, value in pairs[1:]:
        q = _question(checker, name)
        # A date has no options, so a date in a fragment is ignored with the rest.
        if q is None or name in chosen or value not in {v for v, _ in options(q)}:
            raise FragmentIgnored
        chosen[name] = value
    return chosen
