"""One case, every check: the facts answered once, each check that applies assessed on them.

The questions are the notifiable-incident and serious-harm checks' together (the facts they
share, such as whether the child died and whether abuse or neglect is known or suspected,
asked once), and whether a concern has been raised about someone who works with children,
which adds the allegations check's questions. Each part is the check itself, assessed on its
own answers: a case's result holds, for each check that applies, exactly what that check alone
says, and adds nothing to the rules. What the case adds is the arrangement: every duty in one
headline, every dated action on one timeline, and one record.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable
from typing import Any

from . import allegations, notifiable_incident, serious_harm
from . import citations as cite
from .errors import InputError, Problem
from .model import (
    UNDETERMINED,
    UNDETERMINED_NAME,
    Action,
    Answers,
    Checker,
    FilledIn,
    Note,
    Outcome,
    Question,
    Reason,
    Result,
    result,
    yes_no,
)
from .unknowns import Open

CHECKER_ID = "case"

CONCERNS = yes_no(
    "concerns_person_working_with_children",
    "Has a concern been raised about someone who works with children, paid or unpaid?",
    hint="If so, the allegations check is added to this case.",
    cite=cite.ALLEGATION_LIMBS,
)

# Each check a case can hold, and how the case names it.
PARTS: dict[str, str] = {
    notifiable_incident.CHECKER.id: "Notifiable incident",
    serious_harm.CHECKER.id: "Serious harm and serious case review",
    allegations.CHECKER.id: "Allegation",
}
ALWAYS = (notifiable_incident.CHECKER, serious_harm.CHECKER)
ON_CONCERNS = allegations.CHECKER
BY_ID = {c.id: c for c in (*ALWAYS, ON_CONCERNS)}


def _union(checkers: Iterable[Checker]) -> tuple[Question, ...]:
    """Each part's questions in turn, a question two parts share asked once (the first)."""
    seen: dict[str, Question] = {}
    for checker in checkers:
        for q in checker.questions:
            seen.setdefault(q.id, q)
    return tuple(seen.values())


QUESTIONS = (
    *_union(ALWAYS),
    CONCERNS,
    *(dataclasses.replace(q, asked_if=(CONCERNS.id, True)) for q in ON_CONCERNS.questions),
)


def parts(answers: Answers) -> tuple[Checker, ...]:
    """The checks that apply: the allegations check unless no concern has been raised."""
    concerns = answers.get(CONCERNS.id)
    return ALWAYS + ((ON_CONCERNS,) if concerns is not False else ())


def own_answers(part: Checker, answers: Answers) -> Answers:
    """The answers to a part's own questions, as given (those left out stay out)."""
    return {q.id: answers[q.id] for q in part.questions if q.id in answers}


class Case(Checker):
    """A checker whose answers are valid when each part's are valid alone, and whose result is
    assembled from the parts' results: it is open when a part is, or when which parts apply
    is (whether a concern has been raised is not sure)."""

    def open(self, answers: Answers, verdict: Callable[[Answers], Any] | None = None) -> Open:
        if verdict is not None:
            return super().open(answers, verdict)
        return settled(part_results(answers), answers)

    def checked(self, raw: Any) -> Answers:
        answers = self.validate(raw)
        problems: list[Problem] = []
        for part in parts(answers):
            try:
                part.checked(own_answers(part, raw))
            except InputError as exc:
                problems += [p for p in exc.problems if p not in problems]
        if problems:
            raise InputError(sorted(problems, key=lambda p: self._order(p.field)))
        return answers


def part_results(answers: Answers) -> dict[str, Result]:
    """Each applicable part's result, from its own answers (validated as the case's are)."""
    return {part.id: part.assess(own_answers(part, answers)) for part in parts(answers)}


def settled(results: dict[str, Result], answers: Answers) -> Open:
    """What the parts' results leave open: the union of what each depends on, and, when it is
    not sure whether a concern has been raised, that too (which checks apply is open)."""
    depending = {f for r in results.values() for f in r.depends_on}
    if answers[CONCERNS.id] is None:
        depending.add(CONCERNS.id)
    depends_on = tuple(q.id for q in QUESTIONS if q.id in depending)
    return Open(frozenset({"assessed", UNDETERMINED} if depends_on else {"assessed"}), depends_on)


def in_order(results: dict[str, Result]) -> list[tuple[str, Action]]:
    """Every part's actions with its id: the dated ones first, soonest first (parts in order
    on the same day), then the rest, part by part."""
    every = [(part_id, a) for part_id, r in results.items() for a in r.actions]
    dated = sorted((pa for pa in every if pa[1].due), key=lambda pa: pa[1].due)  # stable
    return dated + [pa for pa in every if not pa[1].due]


def timeline(ordered: list[tuple[str, Action]]) -> list[dict[str, Any]]:
    """The dated actions of `in_order`, as the result's timeline."""
    return [
        {"due": a.due.isoformat(), "text": a.text, "checker": part_id, "cite": a.cite}
        for part_id, a in ordered
        if a.due
    ]


def labelled(part_id: str, item: Reason | Action) -> Reason | Action:
    """A part's reason or action as the case lists it: with the check's name in front."""
    return dataclasses.replace(item, text=f"{PARTS[part_id]}: {item.text}")


def headline(results: dict[str, Result]) -> str:
    """Every check's outcome in one sentence; the lines under it give each in full."""
    names = [r.checker.outcome(r.outcome).name for r in results.values()]
    return f"On these answers: {'; '.join(names)}."


def verdict(answers: Answers) -> str:
    """Complete answers are always assessed: what a case adds is arrangement, not a rule."""
    return "assessed"


OUTCOMES = (
    Outcome(
        "assessed",
        "review",
        "every check that applies is settled",
        lambda a: headline(part_results(a)),
    ),
    Outcome(
        UNDETERMINED,
        "open",
        UNDETERMINED_NAME,
        lambda a: headline(part_results(a)),
    ),
)

ALLEGATIONS_UNSURE = Reason(
    "You were not sure whether a concern has been raised about someone who works with "
    "children, so the allegations check is shown as it would apply if one has.",
    cite.ALLEGATION_LIMBS,
    source=cite.SITE,
)


def assess(answers: Answers) -> Result:
    results = part_results(answers)
    open_ = settled(results, answers)  # (not CHECKER.open: the parts are assessed once)
    outcome = CHECKER.outcome(open_.value or UNDETERMINED)
    ordered = in_order(results)
    reasons = [labelled(part_id, r_) for part_id, r in results.items() for r_ in r.reasons]
    if answers[CONCERNS.id] is None:
        reasons.append(ALLEGATIONS_UNSURE)
    return result(
        CHECKER,
        answers,
        outcome.id,
        headline(results),
        reasons,
        [labelled(part_id, a) for part_id, a in ordered],
        depends_on=open_.depends_on,
        results={part_id: r.to_json() for part_id, r in results.items()},
        timeline=timeline(ordered),
    )


def asked(part: Checker, answers: Answers) -> Answers:
    """The answers a link to a part carries: those its questions ask, blanks left out."""
    return {
        q.id: answers[q.id]
        for q in part.questions
        if not part.not_asked(q, answers) and (q.required or answers[q.id] is not None)
    }


def notes(case: Result) -> list[Note]:
    """A line per check, with a link to that check with the case's answers filled in."""
    out = []
    for part_id, part in case.extra["results"].items():
        checker = BY_ID[part_id]
        out.append(
            Note(
                f"{PARTS[part_id]}: {part['summary']}",
                f"Open the {PARTS[part_id].lower()} check with these answers",
                FilledIn(part_id, asked(checker, case.answers)),
            )
        )
    return out


CHECKER = Case(
    id=CHECKER_ID,
    title="Check a case",
    print_title="Case record",
    use_when=(
        "You have one case and want every check that applies to it at once, answering each "
        "fact once: notifiable incident, serious harm and serious case review, and an "
        "allegation where one has been made."
    ),
    intro=(
        "Answer each question about the case once. The result gives what each check says on "
        "your answers, every dated action on one timeline, and one record you can print. Each "
        "check is the same as on its own page."
    ),
    page="case/",
    questions=QUESTIONS,
    assess=assess,
    verdict=verdict,
    outcomes=OUTCOMES,
    notes=notes,
    decision=False,  # its parts have charts of their own
)
