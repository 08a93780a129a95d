"""One case, every check: each part of a case's result is exactly what that check alone says
on the same answers, and the case adds only arrangement (one timeline, the union of what is
open). Over the case's combinations (tests/answers.py: every combination of each part's
answers at least once)."""

from __future__ import annotations

import pytest

from checkers import CHECKERS, api
from checkers.model import InputError
from tests.answers import assessed, every_combination

CASES = every_combination("case")
CONCERNS = "concerns_person_working_with_children"


def own(checker_id: str, answers: dict) -> dict:
    ids = {q.id for q in CHECKERS[checker_id].questions}
    return {k: v for k, v in answers.items() if k in ids}


def expected_parts(answers: dict) -> list[str]:
    parts = ["notifiable-incident", "serious-harm"]
    return parts + (["allegations"] if answers[CONCERNS] is not False else [])


def alone(checker_id: str, answers: dict) -> dict | InputError:
    try:
        return api.assess(checker_id, own(checker_id, answers))
    except InputError as exc:
        return exc


def test_the_combinations_hold_every_parts_combinations():
    for part in ("notifiable-incident", "allegations"):
        wanted = {repr(sorted(a.items())) for a in every_combination(part)}
        found = {repr(sorted(own(part, a).items())) for a in CASES if part in expected_parts(a)}
        assert wanted <= found, part
    assert {a[CONCERNS] for a in CASES} == {True, False, None}


@pytest.mark.parametrize("answers", CASES, ids=range(len(CASES)))
def test_each_part_is_the_check_alone(answers):
    parts = {p: alone(p, answers) for p in expected_parts(answers)}
    failed = [p for p, r in parts.items() if isinstance(r, InputError)]
    try:
        result = assessed("case", answers)
    except InputError as exc:
        # Invalid exactly when some part is invalid alone, with that part's problems.
        assert failed, exc.problems
        alone_problems = [p for f in failed for p in parts[f].problems]
        assert all(p in alone_problems for p in exc.problems)
        return
    assert not failed
    assert list(result["results"]) == list(parts)
    for part, reply in parts.items():
        assert result["results"][part] == reply, part
    # The timeline: every dated action of every part, soonest first, parts in order on a day.
    dated = [
        (a["due"], i, part, a)
        for i, (part, reply) in enumerate(parts.items())
        for a in reply["actions"]
        if a["due"]
    ]
    assert result["timeline"] == [
        {"due": due, "text": a["text"], "checker": part, "cite": a["cite"]}
        for due, _i, part, a in sorted(dated, key=lambda d: (d[0], d[1]))
    ]
    # Open when any part is, or when whether a concern was raised is not known (which decides
    # whether the allegations check applies; it is shown, and a reason says why).
    open_ = [f for reply in parts.values() for f in reply["depends_on"]]
    open_ += [CONCERNS] if answers[CONCERNS] is None else []
    order = [q.id for q in CHECKERS["case"].questions]
    assert result["depends_on"] == sorted(set(open_), key=order.index)
    assert result["outcome"] == ("undetermined" if open_ else "assessed")
    # Every duty in the headline, each part's in turn, and each action and reason listed with
    # the name of the check it comes from.
    names = [CHECKERS[p].outcome(reply["outcome"]).name for p, reply in parts.items()]
    assert result["summary"] == f"On these answers: {'; '.join(names)}."
    unsure = [r for r in result["reasons"] if "not sure whether a concern" in r["text"]]
    assert len(unsure) == (answers[CONCERNS] is None)
    texts = [a["text"] for a in result["actions"]]
    assert sorted(texts) == sorted(
        f"{name(part)}: {a['text']}" for part, reply in parts.items() for a in reply["actions"]
    )
    due = [a["due"] for a in result["actions"] if a["due"]]
    assert due == sorted(due) and all(a["due"] for a in result["actions"][: len(due)])


def name(part: str) -> str:
    from checkers.case import PARTS

    return PARTS[part]


def test_without_a_concern_the_allegations_questions_are_not_asked():
    answers = {
        "child_died": False, "seriously_harmed": True, "abuse_or_neglect": "known",
        "looked_after": False, "regulated_setting": False, "life_threatening_injury": True,
        "serious_or_long_term_impairment": False, "interagency_concerns": "no",
        "death_in_custody": False, CONCERNS: False,
    }  # fmt: skip
    result = api.assess("case", answers)
    assert list(result["results"]) == ["notifiable-incident", "serious-harm"]
    with pytest.raises(InputError) as caught:
        api.assess("case", {**answers, CONCERNS: True})
    assert caught.value.problems[0].field == "harmed_or_may_have_harmed"


def test_a_case_with_every_dated_action_in_one_timeline():
    answers = {
        "child_died": False, "seriously_harmed": True, "abuse_or_neglect": "suspected",
        "looked_after": False, "regulated_setting": False, "aware_on": "2015-12-23",
        "life_threatening_injury": True, "serious_or_long_term_impairment": False,
        "interagency_concerns": "yes", "death_in_custody": False, CONCERNS: True,
        "harmed_or_may_have_harmed": True, "possible_criminal_offence": True,
        "risk_of_harm": True, "removed_due_to_risk": False, "reported_on": "2015-12-24",
    }  # fmt: skip
    result = api.assess("case", answers)
    assert result["outcome"] == "assessed"
    assert [(t["due"], t["checker"]) for t in result["timeline"]] == [
        ("2015-12-29", "allegations"),
        ("2016-01-04", "notifiable-incident"),
    ]


def test_the_shared_facts_are_asked_once():
    ids = [q.id for q in CHECKERS["case"].questions]
    assert len(ids) == len(set(ids))
    for part in ("notifiable-incident", "serious-harm", "allegations"):
        assert {q.id for q in CHECKERS[part].questions} <= set(ids)
