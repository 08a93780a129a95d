"""A checker made up for tests/test_adding_a_checker.py, and the probes that test runs in a
fresh Python with it registered (as a real one is, before anything reads the registry).

`python -m tests.throwaway_checker DOCS` prints, as JSON, what each part of the site made of
it; DOCS is a scratch copy of docs/ holding its page (tests/test_adding_a_checker.py)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from checkers import citations as cite
from checkers.explain import unsure_reasons
from checkers.model import (
    UNDETERMINED,
    UNDETERMINED_NAME,
    Action,
    Answers,
    Checker,
    Outcome,
    Reason,
    Result,
    result,
    yes_no,
)

QUESTIONS = (yes_no("made_up", "Is this check made up?", cite=cite.STATUS),)


def verdict(a: Answers) -> str:
    return "made_up" if a["made_up"] else "not_made_up"


OUTCOMES = (
    Outcome("made_up", "act", "it is made up", lambda a: "This check is made up."),
    Outcome("not_made_up", "clear", "it is not made up", lambda a: "This check is real."),
    Outcome(
        UNDETERMINED,
        "open",
        UNDETERMINED_NAME,
        lambda a: "Whether this check is made up depends on your answer.",
        actions=lambda a: [Action("Find out.", cite.STATUS, source=cite.SITE)],
    ),
)


def assess(a: Answers) -> Result:
    outcome = CHECKER.outcome(CHECKER.open(a).value or UNDETERMINED)
    reasons = [Reason("It is a test.", cite.STATUS), *unsure_reasons(CHECKER, a)]
    return result(CHECKER, a, outcome.id, outcome.summary(a), reasons, outcome.actions(a))


CHECKER = Checker(
    id="throwaway",
    title="Is this check made up?",
    intro="A check made up for a test.",
    page="throwaway/",
    questions=QUESTIONS,
    assess=assess,
    verdict=verdict,
    outcomes=OUTCOMES,
    use_when="Never: it is made up.",
)


def failure(test: Any, *args: Any) -> str:
    """What a reviewed check says of the new checker ("" if it passes)."""
    try:
        test(*args)
    except AssertionError as exc:
        return str(exc) or "failed"
    return ""


def probe(docs: Path) -> dict[str, Any]:
    from checkers import CHECKERS

    CHECKERS[CHECKER.id] = CHECKER  # step 2 of README's list: the registry

    from build_scripts import prepass
    from build_scripts.prepass import checks, flowcharts
    from checkers import api
    from checkers.web.form import render_form
    from tests import test_contract_doc, test_worked_examples

    def reply(value: str) -> dict[str, Any]:
        request = {"checker": CHECKER.id, "values": {"made_up": value}, "base": "/"}
        return json.loads(api.handle_form(json.dumps(request)))

    chart = flowcharts.diagram_of(CHECKER.id)
    return {
        "outcomes": {v: api.assess(CHECKER.id, {"made_up": a})["outcome"]
                     for v, a in (("yes", True), ("no", False), ("unsure", None))},
        "tones": {v: reply(v)["tone"] for v in ("yes", "no", "unsure")},
        "summary_shown": "This check is made up." in reply("yes")["html"],
        "form_asks": 'name="made_up"' in render_form(CHECKER, "../", {"python": "p.zip"}),
        "home_list": CHECKER.title in checks.home_list(),
        "charted": CHECKER.id in flowcharts.DECISION_CHECKERS,
        "chart_outcomes": sorted(set(chart.outcomes.values())),
        "chart_tones": sorted({chart.tone(o) for o in chart.outcomes.values()}),
        "page_problems": prepass.check_forms_are_on_their_pages(docs),
        "examples_check": failure(test_worked_examples.test_at_least_five_per_checker_covering_every_outcome),
        "contract_check": failure(test_contract_doc.test_every_field_and_outcome_is_in_the_contract, CHECKER.id),
    }  # fmt: skip


if __name__ == "__main__":
    print(json.dumps(probe(Path(sys.argv[1]))))
