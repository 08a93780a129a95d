"""The shared model of a checker: questions, answers, and results.

A checker module declares its questions as data (each with the paragraph it rests on) and
one `assess` function from validated answers to a result. Everything that touches input —
types, required answers, impossible dates — is handled here once, so a checker's own module
holds only the guidance it implements.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

Kind = Literal["bool", "choice", "date"]
Answers = dict[str, Any]
Result = dict[str, Any]


@dataclass(frozen=True)
class Problem:
    """What is wrong with one field: `message` for the command line ("must be true or false"),
    `page` for a reader, in the GOV.UK error-message style ("Select yes or no")."""

    field: str
    message: str
    page: str = ""

    @property
    def for_page(self) -> str:
        return self.page or self.message[0].upper() + self.message[1:]


class BadAnswer(ValueError):
    """An answer that cannot be read, with the message for each audience."""

    def __init__(self, message: str, page: str) -> None:
        super().__init__(message)
        self.message = message
        self.page = page


class InputError(ValueError):
    """Bad answers. Holds one problem per field, in question order."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("; ".join(f"{p.field}: {p.message}" for p in problems))

    @classmethod
    def one(cls, name: str, message: str, page: str = "") -> InputError:
        return cls([Problem(name, message, page)])

    def first_line(self) -> str:
        """The first problem on one line (a field name from the input is quoted if odd)."""
        name, message = self.problems[0].field, self.problems[0].message
        shown = name if name.replace("_", "a").isalnum() and name.isascii() else repr(name)
        return f"{shown}: {message}".replace("\n", " ").replace("\r", " ")


@dataclass(frozen=True)
class Choice:
    value: str
    label: str


@dataclass(frozen=True)
class Question:
    """One question. `text` is the legend a reader sees; `hint` is short and holds no links."""

    id: str
    kind: Kind
    text: str
    hint: str = ""
    choices: tuple[Choice, ...] = ()
    required: bool = True
    cite: str | None = None
    # For bool questions: the labels of the two answers.
    yes_label: str = "Yes"
    no_label: str = "No"

    def schema(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id,
            "type": self.kind,
            "text": self.text,
            "hint": self.hint,
            "required": self.required,
            "cite": self.cite,
        }
        if self.kind == "choice":
            out["choices"] = [{"value": c.value, "label": c.label} for c in self.choices]
        return out

    def parse(self, value: Any) -> Any:
        """Return the typed answer, or raise BadAnswer."""
        if self.kind == "bool":
            if not isinstance(value, bool):
                raise BadAnswer("must be true or false", "Select yes or no")
            return value
        if self.kind == "choice":
            allowed = [c.value for c in self.choices]
            if not isinstance(value, str) or value not in allowed:
                raise BadAnswer(
                    "must be one of " + ", ".join(f'"{v}"' for v in allowed),
                    "Select one of the options",
                )
            return value
        return parse_date(value)

    @property
    def missing_message(self) -> str:
        return "Enter a date" if self.kind == "date" else "Select an answer"


def parse_date(value: Any) -> dt.date:
    unreadable = BadAnswer(
        "must be a date written YYYY-MM-DD", "Enter a real date, for example 27 3 2015"
    )
    if not isinstance(value, str):
        raise unreadable
    parts = value.split("-")
    if (
        len(parts) != 3
        or [len(p) for p in parts] != [4, 2, 2]
        or not all(p.isascii() and p.isdigit() for p in parts)
    ):
        raise unreadable
    try:
        return dt.date(int(parts[0]), int(parts[1]), int(parts[2]))
    except ValueError:
        raise BadAnswer(
            f"{value} is not a real date", f"Enter a real date: {value} does not exist"
        ) from None


@dataclass(frozen=True)
class Reason:
    text: str
    cite: str

    def to_json(self) -> dict[str, Any]:
        return {"text": self.text, "cite": self.cite}


@dataclass(frozen=True)
class Action:
    text: str
    cite: str
    due: dt.date | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "due": self.due.isoformat() if self.due else None,
            "cite": self.cite,
        }


@dataclass(frozen=True)
class Note:
    """A line under a result's summary, with an optional link (relative to the site root)."""

    text: str
    link_text: str = ""
    link: str = ""


@dataclass(frozen=True)
class Checker:
    """A checker: its questions as data and one function from answers to a result."""

    id: str
    title: str
    intro: str
    page: str  # the page the checker stands on, e.g. "notifiable-incidents/"
    questions: tuple[Question, ...]
    assess: Callable[[Answers], Result]
    submit_label: str = "Check"
    actions_heading: str = "What to do"
    # Notes under the summary of a result (a score, a link to another checker).
    notes: Callable[[Result], list[Note]] = field(default=lambda result: [])
    # When set, the result can be printed as a plan under this title.
    print_title: str = ""

    def question(self, name: str) -> Question:
        for q in self.questions:
            if q.id == name:
                return q
        raise KeyError(name)

    def schema(self) -> dict[str, Any]:
        return {
            "checker": self.id,
            "title": self.title,
            "intro": self.intro,
            "page": self.page,
            "questions": [q.schema() for q in self.questions],
        }

    def validate(self, raw: Any) -> Answers:
        """Check raw JSON answers against the questions; collect every problem."""
        if not isinstance(raw, Mapping):
            raise InputError.one("answers", "must be a JSON object of answers")
        known = {q.id for q in self.questions}
        problems = [
            Problem(str(name), f"unknown field for checker {self.id}", "Not a question here")
            for name in raw
            if name not in known
        ]
        answers: Answers = {}
        for q in self.questions:
            value = raw.get(q.id)
            if value is None:
                if q.required:
                    problems.append(Problem(q.id, "an answer is required", q.missing_message))
                answers[q.id] = None
                continue
            try:
                answers[q.id] = q.parse(value)
            except BadAnswer as exc:
                problems.append(Problem(q.id, exc.message, exc.page))
        if problems:
            raise InputError(problems)
        return answers

    def run(self, raw: Any) -> Result:
        return self.assess(self.validate(raw))

    def from_form(self, values: Mapping[str, str]) -> dict[str, Any]:
        """Turn form values ("yes"/"no", choice values, "" for unanswered) into JSON answers.

        The page sends what the reader chose, untouched; the meaning of each control lives here.
        """
        raw: dict[str, Any] = {}
        for name, value in values.items():
            try:
                q = self.question(name)
            except KeyError:
                raw[name] = value  # reported as an unknown field by validate()
                continue
            if value == "":
                continue
            if q.kind == "bool":
                raw[name] = {"yes": True, "no": False}.get(value, value)
            else:
                raw[name] = value
        return raw


def result(
    checker: Checker,
    outcome: str,
    summary: str,
    reasons: list[Reason],
    actions: list[Action],
    **extra: Any,
) -> Result:
    """The common result fields of the contract, then the checker's own fields."""
    out: Result = {
        "checker": checker.id,
        "outcome": outcome,
        "summary": summary,
        "reasons": [r.to_json() for r in reasons],
        "actions": [a.to_json() for a in actions],
    }
    for key, value in extra.items():
        out[key] = value.isoformat() if isinstance(value, dt.date) else value
    return out


def yes_no(name: str, text: str, hint: str = "", cite: str | None = None, **kw: Any) -> Question:
    return Question(name, "bool", text, hint=hint, cite=cite, **kw)


def choice(
    name: str, text: str, choices: list[tuple[str, str]], hint: str = "", cite: str | None = None
) -> Question:
    return Question(
        name,
        "choice",
        text,
        hint=hint,
        choices=tuple(Choice(v, lab) for v, lab in choices),
        cite=cite,
    )


def date_question(name: str, text: str, hint: str = "", cite: str | None = None) -> Question:
    return Question(name, "date", text, hint=hint, cite=cite, required=False)
