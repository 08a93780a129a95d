"""Wording shared by every checker: what the "not sure" answers do to a result."""

from __future__ import annotations

from .model import Answers, Checker, Reason
from .unknowns import settle


def quoted(checker: Checker, name: str) -> str:
    return f"“{checker.question(name).text}”"


def if_answered(checker: Checker, answers: Answers, name: str, value: bool) -> str:
    """What the outcome would be with `name` answered `value` (others still unsure)."""
    fixed = {**answers, name: value}
    rest = [f for f in checker.unsure_fields(answers) if f != name]
    result = settle(fixed, rest, checker.valid, checker.verdict)
    if result.settled:
        return checker.outcomes[result.value]
    return "it would still depend on your other “Not sure” answers"


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
    out = []
    for name in result.depends_on:
        yes, no = (if_answered(checker, answers, name, v) for v in (True, False))
        out.append(
            Reason(
                f"This depends on your answer to {quoted(checker, name)}, where you answered "
                f"“Not sure”: if yes, {yes}; if no, {no}.",
                checker.question(name).cite or "",
            )
        )
    return out
