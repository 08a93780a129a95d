"""Serious-harm triage and the SCR decision against a decision table written from the text."""

from __future__ import annotations

import pytest

from checkers import CHECKERS
from checkers.model import InputError
from tests import oracle
from tests.answers import assessed, every_combination

ALL = every_combination("serious-harm")
UNSURE_ALLOWED = [
    "abuse_or_neglect",
    "child_died",
    "life_threatening_injury",
    "serious_or_long_term_impairment",
    "death_in_custody",
]
HARMS = ["life_threatening_injury", "serious_or_long_term_impairment"]
VALUES = {"abuse_or_neglect": ("known", "suspected", "not_suspected")}


def unsure(a: dict) -> list[str]:
    """The unsure answers that are asked: once the child has died the harms are not."""
    return [
        f for f in UNSURE_ALLOWED if a[f] is None and not (f in HARMS and a["child_died"] is True)
    ]


def abuse(a: dict) -> bool:
    return a["abuse_or_neglect"] != "not_suspected"


def harmed(a: dict) -> bool:
    # "…where the child has sustained, as a result of abuse or neglect, (a) potentially
    # life-threatening injury or (b) serious or likely long-term impairment…" (each question
    # asks the link "as a result of abuse or neglect" in those words)
    return abuse(a) and bool(a["life_threatening_injury"] or a["serious_or_long_term_impairment"])


# The SCR decision: the first row that holds, each with the sentence it is written from.
SCR = [
    (
        "regulation 5(2)(a) and (b)(i) … must always trigger an SCR (paragraph 6)",
        lambda a: abuse(a) and a["child_died"],
        "must",
    ),
    (
        "Where a case is being considered under regulation 5(2)(b)(ii), unless it is clear that "
        "there are no concerns about inter-agency working, the LSCB must commission an SCR "
        "(paragraph 7)",
        lambda a: harmed(a) and a["interagency_concerns"] in ("yes", "unclear"),
        "must",
    ),
    (
        "even if one of these criteria are not met an SCR should always be carried out when a "
        "child dies in custody … (paragraph 6)",
        lambda a: a["child_died"] and a["death_in_custody"],
        "should",
    ),
    (
        "If an SCR is not required because the criteria in regulation 5(2) are not met, the LSCB "
        "may still decide to commission an SCR (paragraph 7); LSCBs should consider conducting "
        "reviews on cases which do not meet the SCR criteria (paragraph 8) — the contract "
        "gives this outcome where abuse or neglect is known or suspected",
        lambda a: abuse(a),
        "consider",
    ),
    ("otherwise", lambda a: True, "not_indicated"),
]


def scr(a: dict) -> str:
    return oracle.first_row(SCR, a)


def notifiable(a: dict) -> bool:
    # The four criteria (final wording); a secure children's home is a regulated setting
    # (the January 2015 footnote: "Children's Homes (including secure children's homes)").
    # "Serious harm includes, but is not limited to" the listed harms: beyond them it is a
    # judgement this check does not ask (`judged`).
    regulated = a["regulated_setting"] or a.get("custody_setting") == "secure_childrens_home"
    return bool(
        (a["child_died"] and abuse(a))
        or (abuse(a) and (harmed(a) or a["judged"]))
        or (a["child_died"] and a["looked_after"])
        or (a["child_died"] and regulated)
    )


def contradicts(a: dict) -> bool:
    return (
        (a["abuse_or_neglect"] == "not_suspected" and True in (a[h] for h in HARMS))
        or (a["death_in_custody"] is True and a["child_died"] is False)
        or (a.get("child_recovered") is True and a["child_died"] is True)
        or ("custody_setting" in a and False in (a["death_in_custody"], a["child_died"]))
    )


def valid(a: dict) -> bool:
    return not contradicts(a)


def contradictory(a: dict) -> bool:
    """Known answers that contradict each other, or unsure ones that cannot be answered
    without contradicting a known one."""
    return contradicts(a) or not oracle.outcomes(a, unsure(a), lambda c: True, valid, VALUES)


VALID = [a for a in ALL if not contradictory(a)]
CONTRADICTIONS = [a for a in ALL if contradictory(a)]


def expected(a: dict) -> dict:
    open_ = unsure(a)
    want, deciding = oracle.verdict(a, open_, scr, valid, VALUES)
    not_asked = ["judged", "looked_after", "regulated_setting"]
    full = a | dict.fromkeys(not_asked)
    notif = oracle.outcomes(full, open_ + not_asked, notifiable, valid, VALUES)
    harm = oracle.outcomes(a, open_, harmed, valid, VALUES)
    return {
        "outcome": want,
        "scr": None if want == "undetermined" else want,
        "depends_on": deciding,
        "seriously_harmed": None
        if a["child_died"] is True or len(harm) != 1
        else {True: "yes", False: "not_established"}[harm.pop()],
        "notifiable": notif.pop() if len(notif) == 1 else None,
    }


def test_combinations():
    assert len(ALL) == 4 * 3 * 3 * 3 * 3 * 3 * 3 * 7
    assert VALID and CONTRADICTIONS


def test_every_valid_combination():
    wrong = []
    for answers in VALID:
        result = assessed("serious-harm", answers)
        want = expected(answers)
        got = {k: result[k] for k in want}
        if got != want:
            wrong.append((answers, got, want))
    assert not wrong, f"{len(wrong)} wrong, e.g. {wrong[:2]}"


def test_wording_follows_the_outcome():
    for answers in VALID[::7]:
        result = assessed("serious-harm", answers)
        text = " ".join(r["text"] for r in result["reasons"])
        actions = " ".join(a["text"] for a in result["actions"])
        if result["scr"] == "must":
            assert "LSCB Chair" in actions
        if result["scr"] == "should":
            assert "should always be carried out" in result["summary"]
            assert "must" not in result["summary"]
        if result["scr"] == "consider":
            assert "may still decide to commission an SCR" in text
            assert "should consider" in actions
        if answers.get("child_recovered"):
            assert "does not mean that serious harm has not occurred" in text
        if result["seriously_harmed"] == "not_established":
            assert "is met:" not in text.split("notifiable")[0] or "Regulation" in text
        if result["outcome"] == "undetermined":
            assert result["depends_on"]
            assert "if yes," in text or "if known or suspected," in text or "whatever" in text
            # An open decision never instructs: every decision's action is conditional.
            for action in result["actions"]:
                if action["cite"].startswith("serious-harm/"):
                    assert action["text"].startswith(("If ", "Find out")), action
        # Paragraphs 6-8 come from the January 2015 proposed text, and say so.
        for item in result["reasons"] + result["actions"]:
            if "/#scr-para-" in item["cite"]:
                assert item["source"] == "draft-2015"


@pytest.mark.parametrize("answers", CONTRADICTIONS[::50], ids=str)
def test_contradictions_are_errors(answers):
    with pytest.raises(InputError) as caught:
        assessed("serious-harm", answers)
    assert caught.value.problems[0].field in (
        "abuse_or_neglect",
        "child_died",
        "life_threatening_injury",
        "serious_or_long_term_impairment",
        "death_in_custody",
        "child_recovered",
        "custody_setting",
    )


def test_all_contradictions_are_errors():
    for answers in CONTRADICTIONS:
        with pytest.raises(InputError):
            assessed("serious-harm", answers)


# What each contradiction says, on the command line and on the page, word for word: the
# reader is told which answer cannot stand and which other answer it conflicts with.
NOT_SUSPECTED = (
    "cannot be yes when abuse or neglect is not known or suspected (abuse_or_neglect is "
    "not_suspected)",
    "This cannot be yes when abuse or neglect is not known or suspected: the question asks "
    "about harm sustained as a result of abuse or neglect. Change this answer, or your answer "
    "to “Is abuse or neglect of the child known or suspected?”",
)
NOT_DIED = (
    "cannot be yes when the child has not died (child_died is no)",
    "This cannot be yes when the child has not died. Change this answer, or your answer to "
    "“Has the child died?”",
)
DIED = (
    "cannot be yes when the child has died (child_died is yes)",
    "This cannot be yes when the child has died. Change this answer, or your answer to "
    "“Has the child died?”",
)
NOT_IN_CUSTODY = (
    "is asked only when the child died in custody (child_died and death_in_custody yes)",
    "Leave this blank: you answered that the child did not die in custody",
)


def said(a: dict) -> list[tuple[str, str, str]]:
    """Every contradiction in `a`, in the order of the questions they stand on."""
    out = []
    if a["abuse_or_neglect"] == "not_suspected":
        out += [(h, *NOT_SUSPECTED) for h in HARMS if a[h] is True]
    if a["death_in_custody"] is True and a["child_died"] is False:
        out.append(("death_in_custody", *NOT_DIED))
    if a.get("child_recovered") is True and a["child_died"] is True:
        out.append(("child_recovered", *DIED))
    if "custody_setting" in a and False in (a["death_in_custody"], a["child_died"]):
        out.append(("custody_setting", *NOT_IN_CUSTODY))
    return out


def test_every_contradiction_says_which_answers_conflict():
    """Each combination with known answers that conflict gets exactly one error per answer
    that cannot stand, in the words above: none missed, none extra, none reworded."""
    seen = 0
    for answers in ALL:
        if not contradicts(answers):
            continue
        with pytest.raises(InputError) as caught:
            assessed("serious-harm", answers)
        got = [(p.field, p.message, p.for_page) for p in caught.value.problems]
        assert got == said(answers), answers
        seen += 1
    assert seen > 1000, seen  # every rule, alone and together


BASE = {
    "abuse_or_neglect": "not_suspected",
    "child_died": True,
    "life_threatening_injury": False,
    "serious_or_long_term_impairment": False,
    "interagency_concerns": "no",
    "death_in_custody": True,
}


def test_a_death_in_custody_is_should_not_must():
    result = assessed("serious-harm", BASE)
    assert result["scr"] == result["outcome"] == "should"
    assert "should always be carried out" in result["actions"][0]["text"]
    # Where the custody was is not given: whether it is notifiable is open.
    assert result["notifiable"] is None
    assert result["notifiable_depends_on"] == ["looked_after", "regulated_setting"]


def test_a_death_in_a_secure_childrens_home_is_notifiable_whatever_is_suspected():
    result = assessed("serious-harm", BASE | {"custody_setting": "secure_childrens_home"})
    assert result["scr"] == "should"
    assert result["notifiable"] is True
    assert result["notifiable_incident_answers"]["regulated_setting"] is True
    reasons = " ".join(r["text"] for r in result["reasons"])
    assert "Children’s Homes (including secure children’s homes)" in reasons


def test_never_not_notifiable_when_the_answers_do_not_settle_it():
    for answers in VALID:
        # A death leaves the looked-after and regulated-setting criteria open.
        if answers["child_died"] is True:
            assert assessed("serious-harm", answers)["notifiable"] is not False, answers


def test_regulation_5_2_always_makes_a_notifiable_incident():
    """Whenever regulation 5(2) is met, notifiable is true and the other checker agrees."""
    for answers in VALID[::5]:
        result = assessed("serious-harm", answers)
        if result["scr"] != "must":
            continue
        assert result["notifiable"] is True
        carried = {k: v for k, v in result["notifiable_incident_answers"].items()}
        for looked_after in (True, False):
            for regulated in (True, False):
                other = assessed(
                    "notifiable-incident",
                    {"looked_after": looked_after, "regulated_setting": regulated} | carried,
                )
                assert other["notifiable"] is True, (answers, carried)


def test_unclear_concerns_are_paragraph_7_not_b_ii_met():
    result = assessed(
        "serious-harm",
        BASE
        | {
            "abuse_or_neglect": "suspected",
            "child_died": False,
            "death_in_custody": False,
            "life_threatening_injury": True,
            "interagency_concerns": "unclear",
        },
    )
    assert result["scr"] == "must"
    text = " ".join(r["text"] for r in result["reasons"])
    assert "(b)(ii) are met" not in text
    assert "unless it is clear that there are no concerns" in text


def test_every_outcome_is_reachable():
    assert {assessed("serious-harm", a)["outcome"] for a in VALID[::3]} == {
        "must",
        "should",
        "consider",
        "not_indicated",
        "undetermined",
    }


ALIVE_NEGLECT = {
    "abuse_or_neglect": "known",
    "child_died": False,
    "life_threatening_injury": False,
    "serious_or_long_term_impairment": False,
    "interagency_concerns": "yes",
    "death_in_custody": False,
}


def test_an_open_definition_never_becomes_no():
    """ "includes, but is not limited to" and "this definition is not exhaustive": with abuse
    or neglect known and neither listed harm, whether the child was seriously harmed is still a
    judgement, so the second notifiable criterion is not excluded."""
    result = assessed("serious-harm", ALIVE_NEGLECT)
    assert result["seriously_harmed"] == "not_established"
    assert result["notifiable"] is None
    assert result["notifiable_depends_on"] == ["seriously_harmed"]
    carried = result["notifiable_incident_answers"]
    assert carried["seriously_harmed"] is None  # "not sure" in the other check
    text = " ".join(r["text"] for r in result["reasons"])
    assert "a judgement the listed harms do not settle" in text
    other = assessed(
        "notifiable-incident", carried | {"looked_after": False, "regulated_setting": False}
    )
    assert other["outcome"] == "undetermined" and other["depends_on"] == ["seriously_harmed"]


def test_not_notifiable_only_when_every_criterion_is_excluded():
    for answers in VALID:
        if assessed("serious-harm", answers)["notifiable"] is False:
            alive = answers["child_died"] is False or answers.get("child_recovered") is True
            assert alive and answers["abuse_or_neglect"] == "not_suspected", answers


def test_an_answer_that_settles_the_case_only_one_way_is_deciding():
    # If the child has not died there can be no death in custody: "no" settles it.
    answers = BASE | {"child_died": None, "death_in_custody": None}
    result = assessed("serious-harm", answers)
    assert result["outcome"] == "undetermined"
    assert result["depends_on"] == ["child_died", "death_in_custody"]


def test_once_the_child_has_died_the_harms_are_not_asked():
    answers = {k: v for k, v in BASE.items() if k not in HARMS}
    result = assessed("serious-harm", answers)
    assert result["outcome"] == "should"
    assert result["seriously_harmed"] is None
    schema = {q["id"]: q for q in CHECKERS["serious-harm"].schema()["questions"]}
    for name in [*HARMS, "child_recovered"]:
        assert schema[name]["asked_if"] == {"field": "child_died", "value": False}
    with pytest.raises(InputError):  # while the child may be alive they are asked
        assessed("serious-harm", answers | {"child_died": None})


def test_abuse_not_sure_at_a_death_in_custody_is_a_review_either_way():
    result = assessed("serious-harm", BASE | {"abuse_or_neglect": None})
    assert result["outcome"] == "undetermined"
    assert result["depends_on"] == ["abuse_or_neglect"]
    text = " ".join(r["text"] for r in result["reasons"])
    assert "if known or suspected, a serious case review must be commissioned" in text
    assert "Either way a serious case review follows" in text
    assert result["summary"].startswith("A serious case review follows either way")


def test_a_harm_not_caused_by_abuse_or_neglect_is_not_the_definition():
    with pytest.raises(InputError) as caught:
        assessed(
            "serious-harm",
            ALIVE_NEGLECT | {"abuse_or_neglect": "not_suspected", "life_threatening_injury": True},
        )
    assert caught.value.problems[0].field == "life_threatening_injury"
    for q in CHECKERS["serious-harm"].schema()["questions"]:
        if q["id"] in HARMS:
            assert q["text"].startswith("As a result of abuse or neglect, ")


def test_no_hint_to_give_a_date_this_check_does_not_ask_for():
    for answers in VALID[::11]:
        for action in assessed("serious-harm", answers)["actions"]:
            assert "give the date" not in action["text"], action


def test_every_must_names_the_criterion_it_rests_on():
    """An SCR that must be commissioned is always said to rest on regulation 5(2)(b)(i) or on
    paragraph 7, whatever is "Not sure"."""
    musts = 0
    for answers in every_combination("serious-harm"):
        try:
            result = assessed("serious-harm", answers)
        except InputError:
            continue
        if result["outcome"] != "must":
            continue
        musts += 1
        cited = {r["cite"] for r in result["reasons"]}
        assert cited & {"serious-harm/#regulation-5", "serious-harm/#scr-para-7"}, answers
    assert musts
