"""Wording shared by every checker: what the "not sure" answers do to a result."""

from __future__ import annotations

from typing import Any

from . import citations
from .model import Action, Answers, Checker, Question, Reason
from .unknowns import settle


def quoted(checker: Checker, name: str) -> str:
    return f"“{checker.question(name).text}”"


def value_label(q: Question, value: Any) -> str:
    """How an answer reads after "if": "yes", "no", or a choice's label in lower case."""
    if q.kind == "bool":
        return "yes" if value else "no"
    label = next(c.label for c in q.choices if c.value == value)
    return label[0].lower() + label[1:]


def if_answered(checker: Checker, answers: Answers, name: str, value: Any) -> str:
    """What the outcome would be with `name` answered `value` (others still unsure)."""
    fixed = {**answers, name: value}
    rest = [f for f in checker.unsure_fields(answers) if f != name]
    result = settle(fixed, rest, checker.consistent, checker.verdict, checker.domains())
    if not result.values:
        return "your other answers rule this out"
    if result.settled:
        return checker.outcome(result.value).name
    possible = [o.name for o in checker.decided if o.id in result.values]
    return "it would still depend on your other “Not sure” answers: " + ", or ".join(possible)


def what_each_leads_to(checker: Checker, answers: Answers, name: str) -> str:
    """ "if yes, …; if no, …", with the values that lead to the same thing said together."""
    q = checker.question(name)
    grouped: dict[str, list[str]] = {}
    for value in q.domain:
        grouped.setdefault(if_answered(checker, answers, name, value), []).append(
            value_label(q, value)
        )
    if len(grouped) == 1:
        return (
            "whatever the answer, " + next(iter(grouped)) + "; this answer and your other "
            "“Not sure” answers decide it together"
        )
    return "; ".join(f"if {' or '.join(labels)}, {leads}" for leads, labels in grouped.items())


def unsure_reasons(checker: Checker, answers: Answers) -> list[Reason]:
    """For a settled result: which answers were unsure, and that they do not change it. For an
    open one: what each deciding answer would lead to."""
    unsure = checker.unsure_fields(answers)
    if not unsure:
        return []
    result = checker.open(answers)
    if result.settled:
        listed = "; ".join(quoted(checker, f) for f in unsure)
        return [
            Reason(
                f"You were not sure of the answer to {listed}. The outcome is the same whatever "
                "the answer.",
                checker.question(unsure[0]).cite or "",
            )
        ]
    return [
        Reason(
            f"This depends on your answer to {quoted(checker, name)}, where you answered "
            f"“Not sure”: {what_each_leads_to(checker, answers, name)}.",
            checker.question(name).rule_cite,
        )
        for name in result.depends_on
    ]


def find_out(cite: str) -> Action:
    """The site's own first action on an open result (the same words in every checker)."""
    return Action(
        "Find out the answers this depends on (listed under Why), then check again.",
        cite,
        source=citations.SITE,
    )
