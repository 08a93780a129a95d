"""Every combination of a checker's answers, for the exhaustive tests and the parity run."""

from __future__ import annotations

import itertools
from typing import Any

from checkers import CHECKERS

# A few awareness/report dates around weekends and bank holidays, and no date at all.
SAMPLE_DATES = (None, "2015-04-02", "2015-12-23", "2016-05-27")


def options(question: Any) -> list[Any]:
    if question.kind == "bool":
        values: list[Any] = [True, False]
    elif question.kind == "choice":
        values = [c.value for c in question.choices]
    else:
        return list(SAMPLE_DATES)
    return values if question.required else [None, *values]


def every_combination(checker_id: str) -> list[dict[str, Any]]:
    questions = CHECKERS[checker_id].questions
    out = []
    for combo in itertools.product(*(options(q) for q in questions)):
        out.append({q.id: v for q, v in zip(questions, combo, strict=True) if v is not None})
    return out
