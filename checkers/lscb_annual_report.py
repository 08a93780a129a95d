"""LSCB annual report checklist: does the report cover what the 2015 revisions ask?

Four items are from a published summary of the 2015 revisions, in its own words (the
guidance's own wording of them is not in this site's sources): "Working Together 2015 asks
LSCBs to conduct regular assessments of the Board partners' responses to child sexual
exploitation and include information on the outcome of these assessments", and "The assessment
should include" an analysis of how the partners used data, appropriate data on children missing
from care, and how the LSCB is addressing the issue. The fifth is from the January 2015
proposed text on serious case reviews (paragraph 8): the LSCB should "reflect on progress in
its annual report" on actions resulting from reviews.

The summary's last item ("A review of the use of restraint within that establishment") and its
sentence on reporting review findings to the Youth Justice Board say neither which
establishment nor which reviews: they are published on the page as the summary gives them, not
made checklist items.

An item is covered only when it is answered "yes": a "not sure" is never counted as covered, so
the report is never said to cover everything while any answer is "not sure".
"""

from __future__ import annotations

from dataclasses import dataclass

from . import citations as cite
from .explain import unsure_reasons
from .model import (
    UNDETERMINED,
    UNDETERMINED_NAME,
    Action,
    Answers,
    Checker,
    Note,
    Outcome,
    Question,
    Reason,
    Result,
    result,
    yes_no,
)

CHECKER_ID = "lscb-annual-report"


@dataclass(frozen=True)
class Item:
    id: str
    question: str
    gap: str  # what is missing, as the action plan states it
    action: str  # what to add
    cite: str


ITEMS = (
    Item(
        "cse_assessment",
        "Does the annual report include information on the outcome of regular assessments of "
        "the Board partners’ responses to child sexual exploitation?",
        "The report does not include the outcome of assessments of the partners’ responses to "
        "child sexual exploitation.",
        "Add information on the outcome of the regular assessments of the Board partners’ "
        "responses to child sexual exploitation.",
        cite.LSCB_ANNUAL_REPORT,
    ),
    Item(
        "data_for_improvement",
        "Does it include an analysis of how the LSCB partners used data to promote service "
        "improvement for vulnerable children and families, including in respect of sexual "
        "abuse?",
        "The report has no analysis of how the partners used data to promote service improvement.",
        "Add an analysis of how the LSCB partners used data to promote service improvement for "
        "vulnerable children and families, including in respect of sexual abuse.",
        cite.LSCB_ANNUAL_REPORT,
    ),
    Item(
        "missing_from_care_data",
        "Does it include appropriate data on children missing from care?",
        "The report has no data on children missing from care.",
        "Add appropriate data on children missing from care.",
        cite.LSCB_ANNUAL_REPORT,
    ),
    Item(
        "how_addressing",
        "Does it say how the LSCB is addressing the issue?",
        "The report does not say how the LSCB is addressing the issue.",
        "Say how the LSCB is addressing the issue.",
        cite.LSCB_ANNUAL_REPORT,
    ),
    Item(
        "review_actions_progress",
        "Does the LSCB reflect in the report on progress on actions resulting from its reviews?",
        "The report does not reflect on progress on actions resulting from reviews.",
        "Reflect on progress on the actions resulting from the LSCB’s reviews.",
        cite.SCR_PARA_8,
    ),
)

HINTS = {
    "how_addressing": "The summary’s words: it lists this with the assessment of the partners’ "
    "responses to child sexual exploitation.",
    "review_actions_progress": "From paragraph 8 of the January 2015 proposed text on serious "
    "case reviews: read it for the reviews it means.",
}

QUESTIONS: tuple[Question, ...] = tuple(
    yes_no(i.id, i.question, cite=i.cite, hint=HINTS.get(i.id, "")) for i in ITEMS
)


def verdict(a: Answers) -> str:
    return "covers" if all(a[i.id] is True for i in ITEMS) else "gaps"


def _unsure(a: Answers) -> list[Item]:
    return [i for i in ITEMS if a[i.id] is None]


def _missing(a: Answers) -> list[Item]:
    """The items answered "no"."""
    return [i for i in ITEMS if a[i.id] is False]


def _met(a: Answers) -> int:
    return sum(a[i.id] is True for i in ITEMS)


def _not_known(a: Answers) -> str:
    return f", {len(_unsure(a))} not known" if _unsure(a) else ""


def _count(a: Answers) -> str:
    return f"{_met(a)} of {len(ITEMS)} items covered"


OUTCOMES = (
    Outcome(
        "covers",
        "clear",
        "the report covers every item",
        lambda a: f"The report covers all {len(ITEMS)} items of the checklist.",
    ),
    Outcome(
        "gaps",
        "act",
        "the report has gaps",
        lambda a: f"The report has gaps: {len(_missing(a))} missing{_not_known(a)} ({_count(a)}).",
    ),
    Outcome(
        UNDETERMINED,
        "open",
        UNDETERMINED_NAME,
        lambda a: (
            "Whether the report covers every item depends on the answers you were not sure of "
            f"({_count(a)})."
        ),
    ),
)


def assess(a: Answers) -> Result:
    """The reasons and the action plan follow the checklist item by item; the outcome gives the
    summary."""
    decision = CHECKER.open(a)
    outcome = decision.value or UNDETERMINED
    missing, unsure = _missing(a), _unsure(a)
    reasons = [
        Reason(f"Not covered: {i.question[0].lower()}{i.question[1:]}", i.cite) for i in missing
    ]
    if not missing and not unsure:
        reasons.append(Reason("Every item is covered.", cite.LSCB_ANNUAL_REPORT))
    reasons += unsure_reasons(CHECKER, a)
    actions = [Action(f"{i.gap} {i.action}", i.cite) for i in missing]
    actions += [
        Action(f"Find out: {i.question[0].lower()}{i.question[1:]}", i.cite, source=cite.SITE)
        for i in unsure
    ]
    return result(
        CHECKER,
        a,
        outcome,
        CHECKER.outcome(outcome).summary(a),
        reasons,
        actions,
        depends_on=decision.depends_on,
        missing=[i.id for i in missing],
        unsure=[i.id for i in unsure],
        score={"met": _met(a), "total": len(ITEMS)},
    )


def notes(result: Result) -> list[Note]:
    score = result.extra["score"]
    return [Note(f"Items covered: {score['met']} of {score['total']}")]


CHECKER = Checker(
    id=CHECKER_ID,
    title="Check an LSCB annual report",
    use_when="You are writing or reviewing an LSCB annual report.",
    intro=(
        "Answer each question about the annual report. The first four items are what the "
        "summary of the revisions says the 2015 guidance asks; the fifth is from the January "
        "2015 proposed text on serious case reviews. You get an action plan you can print."
    ),
    page="lscb-annual-reports/",
    questions=QUESTIONS,
    assess=assess,
    verdict=verdict,
    outcomes=OUTCOMES,
    # A checklist, with a plan to print; its five items are few enough to chart as well (the
    # whistleblowing checklist's ten are not).
    submit_label="Check the report",
    actions_heading="Action plan",
    notes=notes,
    print_title="LSCB annual report action plan",
    plan_columns=("Owner", "Target date"),
)
