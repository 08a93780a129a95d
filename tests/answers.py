"""Every combination of a checker's answers, for the exhaustive tests and the parity run.

A yes/no or choice question that allows "Not sure" takes its values and null; an optional
question is also left out. Where the product would be too large (the whistleblowing checklist: 3^10), the
cases are every yes/no combination plus each question unsure against several backgrounds.
"""

from __future__ import annotations

import functools
import itertools
import json
import os
from typing import Any

from checkers import CHECKERS, api

# A few awareness/report dates around weekends and bank holidays, one before and one after
# the period the 2015 rules applied, and no date at all.
SAMPLE_DATES = (None, "2015-04-02", "2015-12-23", "2016-05-27", "2014-06-02", "2019-01-07")
ABSENT = object()
PRODUCT_LIMIT = 25_000


def options(question: Any, unsure: bool = True) -> list[Any]:
    if question.kind == "bool":
        values: list[Any] = [True, False] + ([None] if question.unsure and unsure else [])
    elif question.kind == "choice":
        values = [c.value for c in question.choices]
        values += [None] if question.unsure and unsure else []
    else:
        return [ABSENT if d is None else d for d in SAMPLE_DATES]
    return values if question.required else [ABSENT, *values]


def size(checker_id: str) -> int:
    n = 1
    for q in CHECKERS[checker_id].questions:
        n *= len(options(q))
    return n


def _product(checker_id: str, unsure: bool) -> list[dict[str, Any]]:
    questions = CHECKERS[checker_id].questions
    return [
        {q.id: v for q, v in zip(questions, combo, strict=True) if v is not ABSENT}
        for combo in itertools.product(*(options(q, unsure) for q in questions))
    ]


def case_combinations() -> list[dict[str, Any]]:
    """The case's answers are far too many to try each (tens of millions): instead, every
    combination of each part's answers appears at least once. Every notifiable-incident
    combination, every combination of the serious-harm questions the case does not share with
    it, and every allegations combination with a concern raised and with it not sure (and
    cases with no concern raised), taken side by side, each list going round as often as the
    longest needs. The parts' own tests try every one of their combinations."""
    from checkers import case

    ni = every_combination("notifiable-incident")
    shared = {q.id for q in case.ALWAYS[0].questions}
    harm_only = [q for q in case.ALWAYS[1].questions if q.id not in shared]
    sh = [
        {q.id: v for q, v in zip(harm_only, combo, strict=True) if v is not ABSENT}
        for combo in itertools.product(*(options(q) for q in harm_only))
    ]
    al = every_combination("allegations")
    concerns = [(True, a) for a in al] + [(None, a) for a in al] + [(False, {})]
    out = []
    for i in range(max(len(ni), len(sh), len(concerns))):
        raised, own = concerns[i % len(concerns)]
        out.append({**ni[i % len(ni)], **sh[i % len(sh)], case.CONCERNS.id: raised, **own})
    return out


def every_combination(checker_id: str) -> list[dict[str, Any]]:
    if checker_id == "case":
        return case_combinations()
    if size(checker_id) <= PRODUCT_LIMIT:
        return _product(checker_id, unsure=True)
    known = _product(checker_id, unsure=False)
    questions = [q for q in CHECKERS[checker_id].questions if q.unsure]
    backgrounds = [known[0], known[-1], known[len(known) // 3], known[2 * len(known) // 3]]
    one_unsure = [{**b, q.id: None} for b in backgrounds for q in questions]
    all_unsure = [{q.id: None for q in questions}]
    return known + one_unsure + all_unsure


def _key(answers: dict[str, Any]) -> str:
    return json.dumps(answers, sort_keys=True)


@functools.cache
def _every_result(checker_id: str, mutant: str) -> dict[str, str | api.InputError]:
    """Each combination's result (as JSON text, so that no test can change another's), or the
    InputError it raises: worked out once per test process, shared by every test file.

    `mutant`: the mutant under test, if any. mutmut runs each mutant's tests in a process
    forked from one that has already worked results out with the code unmutated (or with
    another mutant): results are shared only among the tests of one mutant, never across."""
    out: dict[str, str | api.InputError] = {}
    for answers in every_combination(checker_id):
        try:
            out[_key(answers)] = json.dumps(api.assess(checker_id, answers))
        except api.InputError as exc:
            out[_key(answers)] = exc
    return out


def assessed(checker_id: str, answers: Any) -> dict[str, Any]:
    """`api.assess(checker_id, answers)`, from the shared results where the answers are one of
    the combinations (the exhaustive tests ask for each of them in several files)."""
    mutant = os.environ.get("MUTANT_UNDER_TEST", "")
    found = (
        _every_result(checker_id, mutant).get(_key(answers)) if isinstance(answers, dict) else None
    )
    if found is None:
        return api.assess(checker_id, answers)
    if isinstance(found, api.InputError):
        raise found
    return json.loads(found)


def example_answers(checker_id: str) -> dict[str, Any]:
    """The answers of the checker's first worked example (every checker has some), for tests
    that need one real set of answers per checker."""
    from build_scripts.prepass.worked_examples import load

    return next(e["answers"] for e in load() if e["checker"] == checker_id)
