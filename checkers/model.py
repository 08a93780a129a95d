"""The shared model of a checker: questions, answers, and results.

A checker module declares its questions as data (each with the paragraph it rests on), a
`verdict` from a complete set of answers to an outcome, the answers that contradict each
other, and one `assess` function that explains the outcome. Everything that touches input —
types, required answers, "not sure", impossible dates — is handled here once, so a checker's
own module holds only the guidance it implements.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from . import citations
from .dates import parse_date
from .errors import BadAnswer, InputError, Problem
from .period import STATUS, DateWarning, period_warnings
from .unknowns import Open, completions, settle

Kind = Literal["bool", "choice", "date"]
Answers = dict[str, Any]
# How strongly a result asks the reader to act: the page colours each outcome by its tone.
Tone = Literal["act", "review", "clear", "open"]
UNDETERMINED = "undetermined"
# How a flowchart names the UNDETERMINED outcome.
UNDETERMINED_NAME = "cannot be decided until the “Not sure” answers are known"


@dataclass(frozen=True)
class Choice:
    value: str
    label: str


@dataclass(frozen=True)
class Question:
    """One question. `text` is the legend a reader sees; `hint` is short and holds no links.

    `unsure`: a yes/no or choice question whose answer may be "not sure" (JSON null).
    `asked_if`: (field, value) — the question is asked only when that answer has that value
    or is not sure; when the answer is known to be something else, this one is not asked and
    may be left out. An answer given to it anyway is still held to the other answers (it may
    contradict them), but the rules never need it.
    """

    id: str
    kind: Kind
    text: str
    hint: str = ""
    choices: tuple[Choice, ...] = ()
    required: bool = True
    cite: str | None = None
    unsure: bool = False
    asked_if: tuple[str, Any] | None = None
    # The rule this answer feeds, where it is not the paragraph the question cites (the
    # regulated-setting question cites the list of settings; its answer feeds the criteria).
    feeds: str | None = None

    @property
    def rule_cite(self) -> str:
        return self.feeds or self.cite or ""

    def schema(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id,
            "type": self.kind,
            "text": self.text,
            "hint": self.hint,
            "required": self.required,
            "cite": self.cite,
        }
        if self.kind in ("bool", "choice"):
            out["unsure_allowed"] = self.unsure
        if self.kind == "choice":
            out["choices"] = [{"value": c.value, "label": c.label} for c in self.choices]
        if self.asked_if:
            out["asked_if"] = {"field": self.asked_if[0], "value": self.asked_if[1]}
        return out

    def parse(self, value: Any) -> Any:
        """Return the typed answer, or raise BadAnswer."""
        if self.kind == "bool":
            if not isinstance(value, bool):
                if self.unsure:
                    raise BadAnswer("must be true, false or null (not sure)", self.missing_message)
                raise BadAnswer("must be true or false", self.missing_message)
            return value
        if self.kind == "choice":
            allowed = [c.value for c in self.choices]
            if not isinstance(value, str) or value not in allowed:
                unsure = " or null (not sure)" if self.unsure else ""
                raise BadAnswer(
                    "must be one of " + ", ".join(f'"{v}"' for v in allowed) + unsure,
                    self.missing_message,
                )
            return value
        return parse_date(value)

    @property
    def asked(self) -> str:
        """The question as it reads after a colon: "has the child died?"."""
        text = self.text.removesuffix(" (optional)")
        return text[0].lower() + text[1:]

    @property
    def missing_message(self) -> str:
        """What to do, and about which question, in the GOV.UK style: "Select yes, no or not
        sure: has the child died?"."""
        if self.kind == "date":
            return f"Enter a date: {self.asked}"
        if self.kind == "bool":
            answers = "yes, no or not sure" if self.unsure else "yes or no"
        else:
            labels = [c.label[0].lower() + c.label[1:] for c in self.choices]
            if any(len(label.split()) > 4 or ":" in label for label in labels):
                answers = "one of the answers"  # long answers are not listed in the message
            elif self.unsure:
                answers = ", ".join(labels) + ", or not sure"
            else:
                answers = ", ".join(labels[:-1]) + " or " + labels[-1]
        return f"Select {answers}: {self.asked}"

    @property
    def domain(self) -> tuple[Any, ...]:
        """The values a "not sure" answer to this question could turn out to be."""
        if self.kind == "choice":
            return tuple(c.value for c in self.choices)
        return (True, False)


@dataclass(frozen=True)
class Reason:
    """Why: a sentence and the paragraph it rests on. Where its words come from (final wording,
    the January 2015 proposed text, the summary…) follows from the citation, unless `source`
    says otherwise: a sentence in the summary's own words beside a quoted definition, or the
    site's own advice under a paragraph it does not come from."""

    text: str
    cite: str
    source: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "cite": self.cite,
            **citations.source_fields(self.cite, self.source),
        }


@dataclass(frozen=True)
class Action:
    text: str
    cite: str
    due: dt.date | None = None
    source: str | None = None  # as for Reason

    def only_if(self, condition: str) -> Action:
        """The same action for a result that is still open: "If this is an allegation, …"."""
        return dataclasses.replace(
            self, text=f"If {condition}, {self.text[0].lower()}{self.text[1:]}"
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "due": self.due.isoformat() if self.due else None,
            "cite": self.cite,
            **citations.source_fields(self.cite, self.source),
        }


def _nothing(answers: Answers) -> list[Any]:
    return []


@dataclass(frozen=True)
class Outcome:
    """One outcome of a checker, in one place (as a Smart Answers outcome is): its id, its tone
    (how strongly it asks the reader to act: the page's colour and the flowchart's), how a
    result names it among the ways an open result could go ("it is a notifiable incident"), and
    the summary, reasons and actions it gives. Those three are functions of the answers, as some
    carry a date or a count; the reasons and actions every outcome shares (a "not sure" answer,
    a DBS referral) are added by the checker's `assess`."""

    id: str
    tone: Tone
    name: str
    summary: Callable[[Answers], str]
    reasons: Callable[[Answers], list[Reason]] = _nothing
    actions: Callable[[Answers], list[Action]] = _nothing


@dataclass(frozen=True)
class FilledIn:
    """A link to another checker with some answers filled in (the page makes the address)."""

    checker: str
    answers: Mapping[str, Any]


@dataclass(frozen=True)
class Note:
    """A line under a result's summary, with an optional link to a filled-in checker."""

    text: str
    link_text: str = ""
    link: FilledIn | None = None


@dataclass(frozen=True)
class Result:
    """What a checker says about a set of answers. `to_json()` gives the contract's fields;
    `extra` holds the checker's own ones (dates in it are written as ISO strings)."""

    checker: Checker
    answers: Answers
    outcome: str
    summary: str
    reasons: tuple[Reason, ...]
    actions: tuple[Action, ...]
    depends_on: tuple[str, ...]
    warnings: tuple[DateWarning, ...]
    extra: Mapping[str, Any] = field(default_factory=dict)

    @property
    def tone(self) -> Tone:
        return self.checker.outcome(self.outcome).tone

    @property
    def notes(self) -> list[Note]:
        return self.checker.notes(self)

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "checker": self.checker.id,
            "outcome": self.outcome,
            "summary": self.summary,
            "reasons": [r.to_json() for r in self.reasons],
            "actions": [a.to_json() for a in self.actions],
            "depends_on": list(self.depends_on),
            "warnings": [w.to_json() for w in self.warnings],
            "status": {"text": STATUS, "cite": citations.STATUS},
        }
        for key, value in self.extra.items():
            out[key] = value.isoformat() if isinstance(value, dt.date) else value
        return out


@dataclass(frozen=True)
class Checker:
    """A checker: its questions as data, its verdict on complete answers, and one function
    from answers (some perhaps "not sure") to a result."""

    id: str
    title: str
    intro: str
    page: str  # the page the checker stands on, e.g. "notifiable-incidents/"
    questions: tuple[Question, ...]
    assess: Callable[[Answers], Result]
    # The outcome for answers with nothing left "not sure" (one of `outcomes`' ids).
    verdict: Callable[[Answers], str]
    # Every outcome, UNDETERMINED (the answers left "not sure" decide it) last.
    outcomes: tuple[Outcome, ...]
    # Answers that cannot all be true; only known answers can contradict.
    contradictions: Callable[[Answers], list[Problem]] = field(default=lambda a: [])
    submit_label: str = "Check"
    actions_heading: str = "What to do"
    # Notes under the summary of a result (a score, a link to another checker).
    notes: Callable[[Result], list[Note]] = field(default=lambda result: [])
    # The heading of the printed record, with the organisation's name (typed in the page,
    # never sent) and the date; `plan_columns` adds columns to fill in by hand beside each
    # action on paper (an owner, a target date).
    print_title: str = ""
    plan_columns: tuple[str, ...] = ()
    # One line on when a reader would use the check (the home page and the topic page say it).
    use_when: str = ""
    # Which ways of filling in "not sure" answers are possible, where that is not simply
    # "no contradiction" (the whistleblowing checklist: with no policy, the other items are not
    # asked, so no answer to them is impossible).
    completion_valid: Callable[[Answers], bool] | None = None
    # A decision (drawn as a flowchart for trainers), not a checklist.
    decision: bool = True

    def __post_init__(self) -> None:
        ids = [o.id for o in self.outcomes]
        if ids[-1:] != [UNDETERMINED] or len(set(ids)) != len(ids):
            raise ValueError(f"{self.id}: outcomes must be unique, with {UNDETERMINED} last")
        if self.outcomes[-1].tone != "open" or "open" in (o.tone for o in self.outcomes[:-1]):
            raise ValueError(f"{self.id}: only {UNDETERMINED} has the tone open")

    def outcome(self, outcome_id: str) -> Outcome:
        for o in self.outcomes:
            if o.id == outcome_id:
                return o
        raise KeyError(outcome_id)

    @property
    def decided(self) -> tuple[Outcome, ...]:
        """The outcomes a verdict can reach: every one but UNDETERMINED."""
        return self.outcomes[:-1]

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
            "outcomes": [o.id for o in self.outcomes],
        }

    def not_asked(self, q: Question, answers: Answers) -> bool:
        """True when `q` depends on an answer known to rule it out."""
        if q.asked_if is None:
            return False
        name, wanted = q.asked_if
        given = answers.get(name)
        return given is not None and given != wanted

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
        answers: Answers = {q.id: None for q in self.questions}
        for q in self.questions:
            if q.id not in raw:
                continue
            value = raw[q.id]
            if value is None and (q.unsure or not q.required):
                continue  # "not sure", or an optional question left unanswered
            try:
                answers[q.id] = q.parse(value)
            except BadAnswer as exc:
                problems.append(Problem(q.id, exc.message, exc.page))
        for q in self.questions:
            if q.id in raw or not q.required:
                continue
            # A question asked only on another answer is required unless that answer is known
            # to rule it out ("not sure" leaves it asked).
            if self.not_asked(q, answers):
                continue
            problems.append(Problem(q.id, "an answer is required", q.missing_message, missing=True))
        problems.sort(key=lambda p: self._order(p.field))
        if problems:
            raise InputError(problems)
        return answers

    def _order(self, name: str) -> int:
        ids = [q.id for q in self.questions]
        return ids.index(name) if name in ids else -1

    def checked(self, raw: Any) -> Answers:
        """Validated answers that do not contradict each other, or InputError."""
        answers = self.validate(raw)
        problems = self.contradictions(answers)
        if problems:
            raise InputError(problems)
        unsure = self.unsure_fields(answers)
        if unsure and not completions(answers, unsure, self.consistent, self.domains()):
            # Each way of answering the unsure questions contradicts a known answer.
            raise InputError(self.unsure_contradictions(unsure))
        return answers

    def unsure_contradictions(self, unsure: list[str]) -> list[Problem]:
        """Answers whose "not sure" ones cannot be filled in without contradicting a known one,
        said with the answers as given: a "not sure" is never called "yes" or "no"."""
        names = ", ".join(unsure)
        return [
            Problem(
                unsure[0],
                f"is not sure (null), but no answer to {names} fits the other answers",
                "You answered “Not sure”, but no answer here fits your other answers. Change "
                "this answer or the others",
            )
        ]

    def run(self, raw: Any) -> Result:
        """Validate raw JSON answers and assess them. Raises InputError."""
        return self.assess(self.checked(raw))

    def valid(self, answers: Answers) -> bool:
        return not self.contradictions(answers)

    def open(self, answers: Answers, verdict: Callable[[Answers], Any] | None = None) -> Open:
        """What the answers settle about `verdict` (the checker's own by default)."""
        return settle(
            answers,
            self.unsure_fields(answers),
            self.consistent,
            verdict or self.verdict,
            self.domains(),
        )

    def domains(self) -> dict[str, tuple[Any, ...]]:
        return {q.id: q.domain for q in self.questions if q.unsure}

    def consistent(self, answers: Answers) -> bool:
        """Whether a way of filling in "not sure" answers is possible (the checker's own test,
        where it has one, else: no contradiction)."""
        return self.completion_valid(answers) if self.completion_valid else self.valid(answers)

    def always(self, answers: Answers, test: Callable[[Answers], bool]) -> bool | None:
        """True/False when the answers settle `test` whatever the unsure ones are, else None."""
        return self.open(answers, lambda a: bool(test(a))).value

    def unsure_fields(self, answers: Answers) -> list[str]:
        """The questions answered "not sure" (a yes/no or choice question that allows it)."""
        return [
            q.id
            for q in self.questions
            if q.unsure and answers.get(q.id) is None and not self.not_asked(q, answers)
        ]


def result(
    checker: Checker,
    answers: Answers,
    outcome: str,
    summary: str,
    reasons: list[Reason],
    actions: list[Action],
    depends_on: list[str] | tuple[str, ...] = (),
    **extra: Any,
) -> Result:
    """A result, with the warnings every result carries: a date outside the period the 2015
    rules applied. `depends_on` is empty when the answers settle the outcome."""
    warnings: list[DateWarning] = []
    for q in checker.questions:
        if q.kind == "date" and answers.get(q.id) is not None:
            warnings += period_warnings(answers[q.id])
    return Result(
        checker,
        answers,
        outcome,
        summary,
        tuple(reasons),
        tuple(actions),
        tuple(depends_on),
        tuple(warnings),
        extra,
    )


def yes_no(
    name: str,
    text: str,
    hint: str = "",
    cite: str | None = None,
    unsure: bool = True,
    **kw: Any,
) -> Question:
    """A yes/no question; "Not sure" is an answer unless `unsure=False`."""
    required = kw.pop("required", True)
    return Question(
        name,
        "bool",
        text,
        hint=hint,
        cite=cite,
        unsure=unsure and required,
        required=required,
        **kw,
    )


def choice(
    name: str,
    text: str,
    choices: list[tuple[str, str]],
    hint: str = "",
    cite: str | None = None,
    **kw: Any,
) -> Question:
    return Question(
        name,
        "choice",
        text,
        hint=hint,
        choices=tuple(Choice(v, lab) for v, lab in choices),
        cite=cite,
        **kw,
    )


def date_question(name: str, text: str, hint: str = "", cite: str | None = None) -> Question:
    return Question(name, "date", text, hint=hint, cite=cite, required=False)
