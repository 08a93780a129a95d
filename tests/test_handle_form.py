"""`checkers.api.handle_form`, the path the page uses, over every worked example and every
combination of every checker's answers, as the page sends them (form strings).

- Every worked example's reply (result JSON and HTML) is compared with a reviewed record in
  tests/golden/: a change to any wording, date, citation or markup shows up as a diff to
  approve (`UPDATE_GOLDEN=1 pytest tests/test_handle_form.py` rewrites the records).
- Every combination: the reply's result is the checker's own result for the same answers in
  JSON, and its HTML says what the result says — each action's due date, each citation's
  address, "Your answers" with links to questions that exist in the built form.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import re
from html import escape, unescape
from typing import Any

import pytest

from build_scripts.prepass.worked_examples import load
from checkers import CHECKERS, api
from checkers.dates import long_date
from checkers.web import encoding
from checkers.web.form import render_form
from tests.answers import assessed, every_combination

from . import golden

BASE = "/wt/"
EXAMPLES = load()


def form_values(checker_id: str, answers: dict[str, Any]) -> dict[str, str]:
    """What the page sends for these answers: every field, "" where nothing is chosen."""
    out = {}
    for q in CHECKERS[checker_id].questions:
        value = answers.get(q.id, "")
        if q.kind == "bool" and q.id in answers:
            value = {True: "yes", False: "no", None: "unsure"}[value]  # written out, not imported
        elif q.kind == "choice" and q.id in answers and value is None:
            value = "unsure"  # "Not sure" to a choice
        out[q.id] = "" if value is None else str(value)
    return out


def handle(checker_id: str, values: dict[str, str], base: str = BASE) -> dict[str, Any]:
    message = json.dumps({"checker": checker_id, "values": values, "base": base})
    return json.loads(api.handle_form(message))


TAG = re.compile(r"<[^>]*>")
HREF = re.compile(r'<a href="([^"]*)"')
ID = re.compile(r'\sid="([^"]*)"')


class Page:
    """The ids, links and text of an HTML fragment made by this site (regular expressions
    are enough for markup we make ourselves, and fast enough to read every combination)."""

    def __init__(self, html: str) -> None:
        self.ids = set(ID.findall(html))
        self.hrefs = [unescape(h) for h in HREF.findall(html)]
        self.plain = " ".join(unescape(TAG.sub("", html)).split())


FORM_IDS = {
    cid: Page(render_form(c, "../", {"python": "p.zip"})).ids for cid, c in CHECKERS.items()
}


def check_reply(checker_id: str, answers: dict[str, Any], reply: dict[str, Any]) -> None:
    """The reply to the form is the checker's result for the answers, and says it all."""
    expected = assessed(checker_id, answers)
    assert reply["result"] == expected
    checker = CHECKERS[checker_id]
    assert reply["tone"] == checker.outcome(expected["outcome"]).tone
    page = Page(reply["html"])
    plain = page.plain
    assert " ".join(expected["summary"].split()) in plain
    for item in [*expected["actions"], *expected["reasons"], *expected["warnings"]]:
        assert " ".join(item["text"].split()) in plain
        assert BASE + item["cite"] in page.hrefs
    for action in expected["actions"]:
        if action["due"]:
            # Each action with a date says it once: in its text, or else before it.
            day = long_date(dt.date.fromisoformat(action["due"]))
            prefix = f"By {day}: "
            assert (prefix in plain) == (day not in action["text"]), action
    assert expected["status"]["text"] in plain
    # The live region reads the headline and at most one more line, never the whole result.
    assert expected["summary"] in reply["said"] and len(reply["said"]) <= 400
    assert (
        reply["said"].startswith("Warning: ") == bool(expected["warnings"])
        or len(expected["summary"]) > 300
    ), reply["said"]
    changes = [h for h in page.hrefs if h.startswith("#")]
    assert changes, "Your answers has a Change link for each answer"
    assert {h[1:] for h in changes} <= FORM_IDS[checker_id]


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda e: e["id"])
def test_worked_example_through_the_form(example):
    values = form_values(example["checker"], example["answers"])
    reply = handle(example["checker"], values)
    check_reply(example["checker"], example["answers"], reply)


def test_worked_examples_match_the_reviewed_record():
    replies = {
        e["id"]: handle(e["checker"], form_values(e["checker"], e["answers"])) for e in EXAMPLES
    }
    recorded = golden.matches("worked_examples.json", replies)
    assert set(recorded) == set(replies)
    for example_id, reply in replies.items():
        assert reply == recorded[example_id], example_id


@pytest.mark.parametrize("checker_id", list(CHECKERS))
def test_every_combination_through_the_form(checker_id):
    for answers in every_combination(checker_id):
        values = form_values(checker_id, answers)
        reply = handle(checker_id, values)
        if "errors" in reply:
            with pytest.raises(api.InputError) as exc:
                assessed(checker_id, answers)
            assert [e["field"] for e in reply["errors"]] == [p.field for p in exc.value.problems]
        else:
            check_reply(checker_id, answers, reply)


@pytest.mark.parametrize("checker_id", list(CHECKERS))
def test_each_answer_is_read_as_chosen(checker_id):
    """Yes, No and Not sure mean what they say: flipping one answer in the form changes the
    JSON answer the checker sees in the same way."""
    checker = CHECKERS[checker_id]
    for q in checker.questions:
        if q.kind != "bool":
            continue
        assert encoding.answers_from_form(checker, {q.id: "yes"}) == {q.id: True}
        assert encoding.answers_from_form(checker, {q.id: "no"}) == {q.id: False}
        assert encoding.answers_from_form(checker, {q.id: ""}) == {}
        if q.unsure:
            assert encoding.answers_from_form(checker, {q.id: "unsure"}) == {q.id: None}
        assert encoding.answers_from_form(checker, {q.id: "Yes"}) == {q.id: "Yes"}


def test_an_unanswered_question_is_named_next_to_its_field():
    values = form_values("notifiable-incident", {})
    reply = handle("notifiable-incident", values)
    fields = [e["field"] for e in reply["errors"]]
    assert fields == ["child_died", "seriously_harmed", "abuse_or_neglect", "looked_after",
                      "regulated_setting"]  # fmt: skip
    # Each names what is missing, GOV.UK style: "Select yes, no or not sure: has the child died?"
    assert reply["errors"][0]["message"] == "Select yes, no or not sure: has the child died?"
    for error in reply["errors"]:
        question = CHECKERS["notifiable-incident"].question(error["field"]).text
        assert error["message"].endswith(question[0].lower() + question[1:]), error


def test_a_bad_request_is_one_error_not_a_traceback():
    for message in ["", "[]", '{"checker": "nope", "values": {}}',
                    '{"checker": "allegations", "values": {"a": 1}}']:  # fmt: skip
        reply = json.loads(api.handle_form(message))
        assert set(reply) == {"errors"} and len(reply["errors"]) == 1, message


# -- the link fragment, both ways -----------------------------------------------------------


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda e: e["id"])
def test_a_fragment_round_trips_through_the_form(example):
    checker = CHECKERS[example["checker"]]
    fragment = encoding.fragment(checker, example["answers"])
    chosen = json.loads(
        api.read_fragment(json.dumps({"checker": checker.id, "fragment": fragment}))
    )
    values = chosen["values"]
    link = json.loads(api.link_for_form(json.dumps({"checker": checker.id, "values": values})))
    assert link["fragment"] == fragment
    categorical = {
        k: v for k, v in example["answers"].items() if checker.question(k).kind != "date"
    }
    assert encoding.answers_from_form(checker, values) == categorical


@pytest.mark.parametrize(
    ("fragment", "reply"),
    [
        ("#checker=allegations&risk_of_harm=yes", {"values": {"risk_of_harm": "yes"}}),
        ("#checker=allegations", {"values": {}}),
        ("#checker=serious-harm&child_died=yes", {"values": None}),
        ("#section-2", {"values": None}),
        ("", {"values": None}),
        ("#checker=allegations&risk_of_harm=maybe", {"ignored": True}),
        ("#checker=allegations&nope=yes", {"ignored": True}),
        ("#checker=allegations&reported_on=2015-04-02", {"ignored": True}),
        ("#checker=allegations&risk_of_harm=yes&risk_of_harm=no", {"ignored": True}),
        ("#checker=allegations&risk_of_harm=%3Cb%3E", {"ignored": True}),
        ("#checker=allegations&risk_of_harm=", {"ignored": True}),
        ("#checker=allegations&risk_of_harm", {"ignored": True}),
        ("#checker=allegations&checker=allegations", {"ignored": True}),
    ],
)
def test_reading_a_fragment(fragment, reply):
    message = json.dumps({"checker": "allegations", "fragment": fragment})
    assert json.loads(api.read_fragment(message)) == reply


def test_a_link_carries_choices_but_never_dates_or_typed_text():
    values = {"harmed_or_may_have_harmed": "yes", "risk_of_harm": "no",
              "reported_on": "2015-04-02", "possible_criminal_offence": "<b>"}  # fmt: skip
    reply = json.loads(api.link_for_form(json.dumps({"checker": "allegations", "values": values})))
    assert reply == {
        "fragment": "#checker=allegations&harmed_or_may_have_harmed=yes&risk_of_harm=no"
    }


def test_html_escapes_what_it_shows():
    """A `base` with markup in it is escaped where it is used, in every link."""
    example = EXAMPLES[0]
    base = '"><script>alert(1)</script>/'
    reply = handle(example["checker"], form_values(example["checker"], example["answers"]), base)
    assert "<script>" not in reply["html"]
    assert escape(base) in reply["html"]
    assert all(h.startswith(base) for h in Page(reply["html"]).hrefs if h[0] != "#")


@pytest.mark.parametrize(
    ("call", "message", "errors"),
    [
        (api.read_fragment, "[]", [{"field": "request", "message": "Must be a JSON object"}]),
        (api.read_fragment, '{"checker": "allegations", "fragment": 1}',
         [{"field": "fragment", "message": "Must be a string"}]),
        (api.read_fragment, '{"checker": "nope", "fragment": ""}',
         [{"field": "checker", "message": "Unknown checker 'nope' (known: case, notifiable-incident, "
           "serious-harm, allegations, designated-officer, whistleblowing, preventable-death, "
           "lscb-annual-report)"}]),
        (api.link_for_form, '{"checker": "allegations", "values": []}',
         [{"field": "values", "message": "Must map field names to strings"}]),
        (api.link_for_form, '{"checker": "allegations", "values": {"a": 1}}',
         [{"field": "values", "message": "Must map field names to strings"}]),
        (api.handle_form, '{"checker": "allegations"}',
         [{"field": "harmed_or_may_have_harmed", "message": CHECKERS["allegations"].question("harmed_or_may_have_harmed").missing_message, "missing": True},
          {"field": "possible_criminal_offence", "message": CHECKERS["allegations"].question("possible_criminal_offence").missing_message, "missing": True},
          {"field": "risk_of_harm", "message": CHECKERS["allegations"].question("risk_of_harm").missing_message, "missing": True},
          {"field": "removed_due_to_risk", "message": CHECKERS["allegations"].question("removed_due_to_risk").missing_message, "missing": True}]),
    ],
)  # fmt: skip
def test_a_bad_page_request_names_its_field(call, message, errors):
    assert json.loads(call(message)) == {"errors": errors}


def test_a_link_from_an_empty_form_names_only_the_checker():
    reply = api.link_for_form('{"checker": "allegations"}')
    assert json.loads(reply) == {"fragment": "#checker=allegations"}


def test_base_must_be_text_to_be_used():
    values = form_values(EXAMPLES[0]["checker"], EXAMPLES[0]["answers"])
    message = {"checker": EXAMPLES[0]["checker"], "values": values, "base": 7}
    html = json.loads(api.handle_form(json.dumps(message)))["html"]
    assert 'href="notifiable-incidents/#' in html and "7notifiable" not in html


def test_the_json_calls_name_what_they_give():
    example = EXAMPLES[0]
    message = json.dumps({"checker": example["checker"], "answers": example["answers"]})
    assert json.loads(api.assess_json(message)) == {
        "result": assessed(example["checker"], example["answers"])
    }
    for call in (api.handle_form, api.link_for_form):
        assert json.loads(call("[]")) == {
            "errors": [{"field": "request", "message": "Must be a JSON object"}]
        }


def test_answering_about_a_policy_there_is_not_is_named_for_both_audiences():
    answers = {"policy_in_place": False, "procedures_clear": True}
    with pytest.raises(api.InputError) as exc:
        assessed("whistleblowing", answers)
    (problem,) = exc.value.problems
    assert problem.field == "procedures_clear"
    assert problem.message == "cannot be yes when there is no policy (policy_in_place is no)"
    assert problem.for_page == (
        "This cannot be yes when there is no policy. Change this answer, or your answer to "
        "whether the organisation has a whistleblowing policy"
    )


def from_link(checker_id: str, values: dict[str, str]) -> dict[str, Any]:
    message = json.dumps({"checker": checker_id, "values": values, "base": BASE, "from_link": True})
    return json.loads(api.handle_form(message))


def decided(result: dict[str, Any]) -> Any:
    """What a result decides: its outcome; for a case, each of its checks' outcomes (a case is
    "assessed" however its checks come out)."""
    if "results" in result:
        return tuple((c, r["outcome"]) for c, r in result["results"].items())
    return result["outcome"]


def outcomes_of_fillings(
    checker_id: str, answers: dict[str, Any], blank: list[str]
) -> tuple[set[str], bool]:
    """The outcome for every way of answering the `blank` questions (yes, no or a choice: not
    "not sure") that the checker accepts, and whether it accepts every way."""
    checker = CHECKERS[checker_id]
    seen, every = set(), True
    for combo in itertools.product(*(checker.question(f).domain for f in blank)):
        try:
            filled = {**answers, **dict(zip(blank, combo, strict=True))}
            seen.add(decided(assessed(checker_id, filled)))
        except api.InputError:
            every = False
    return seen, every


@pytest.mark.parametrize("checker_id", list(CHECKERS))
def test_a_link_that_leaves_questions_blank_answers_only_when_they_cannot_matter(checker_id):
    """A form filled from a link with some questions blank answers at once exactly when no
    answer to the blank ones changes the outcome; otherwise it asks for them (errors marked
    missing), never anything else. Checked for every combination with one or two questions
    left blank (a sample for the largest checkers)."""
    checker = CHECKERS[checker_id]
    combos = every_combination(checker_id)
    step = max(1, len(combos) // 150)
    answered = answered_and_asked = 0
    for answers in combos[::step]:
        try:
            assessed(checker_id, answers)
        except api.InputError:
            continue
        blanks = [q.id for q in checker.questions if q.unsure and answers.get(q.id) is not None]
        for blank in [*([b] for b in blanks), *itertools.combinations(blanks, 2)]:
            blank = list(blank)
            left = {k: v for k, v in answers.items() if k not in blank}
            if any(checker.not_asked(checker.question(f), left) for f in blank):
                continue  # a question the other answers rule out is not left blank
            reply = from_link(checker_id, form_values(checker_id, left))
            outcomes, every = outcomes_of_fillings(checker_id, left, blank)
            exact = not any(v is None for v in left.values())  # nothing else "not sure"
            if "errors" in reply:
                assert all(e.get("missing") for e in reply["errors"]), reply
                assert (
                    # (an outcome is not inferred from a contradiction: the reader is asked)
                    not exact or len(outcomes) > 1 or not every
                ), (left, blank)
                answered_and_asked += 1
                continue
            answered += 1
            unanswered = reply.get("unanswered", [])  # none: the blank ones are not asked
            assert set(unanswered) <= set(blank)
            assert outcomes == {decided(reply["result"])}, (left, blank)
            if unanswered:
                assert "not answered yet, but no answer to" in Page(reply["html"]).plain
                assert "Not answered" in Page(reply["html"]).plain
    assert answered and answered_and_asked, "both kinds of hand-off occur"


def test_without_from_link_a_blank_question_is_always_an_error():
    values = form_values("notifiable-incident", {"abuse_or_neglect": "known", "child_died": True})
    assert "errors" in handle("notifiable-incident", values)
    reply = from_link("notifiable-incident", values)
    assert reply["result"]["outcome"] == "notifiable"
    assert reply["unanswered"] == ["looked_after", "regulated_setting"]


@pytest.mark.parametrize(
    ("answers", "count", "pronoun", "blank"),
    [({"abuse_or_neglect": "known", "child_died": True}, "2 questions", "them",
      ["looked_after", "regulated_setting"]),
     ({"abuse_or_neglect": "known", "child_died": True, "looked_after": False}, "1 question",
      "it", ["regulated_setting"])],
)  # fmt: skip
def test_questions_a_link_left_blank_are_named_and_linked_and_announced(
    answers, count, pronoun, blank
):
    """After a hand-off, the result lists the questions still blank (each a link to its field)
    and the live region says how many: word for word, singular and plural."""
    reply = from_link("notifiable-incident", form_values("notifiable-incident", answers))
    assert reply["unanswered"] == blank
    checker = CHECKERS["notifiable-incident"]
    items = "".join(
        f'<li><a href="#notifiable-incident-{name}-group">{escape(checker.question(name).text)}'
        "</a></li>"
        for name in blank
    )
    assert (
        f'<div class="checker-unanswered"><p>{count} not answered yet, but no answer to '
        f"{pronoun} would change this outcome:</p><ul>{items}</ul></div>"
    ) in reply["html"]
    assert reply["said"].endswith(f" {count} not answered yet could not change this.")
    # each link goes to a field the built form has
    assert {f"notifiable-incident-{name}-group" for name in blank} <= FORM_IDS[
        "notifiable-incident"
    ]


def test_a_link_with_a_bad_answer_as_well_as_blank_ones_asks_and_names_the_bad_one():
    """A result from a hand-off is only for blanks that cannot matter: a bad value beside them
    (a link edited by hand) is an error, named next to its field, never read as "not sure"."""
    values = form_values("notifiable-incident", {"abuse_or_neglect": "known", "child_died": True})
    assert "result" in from_link("notifiable-incident", values)  # the blanks cannot matter
    values["looked_after"] = "maybe"  # nor could this answer, had it been a real one
    reply = from_link("notifiable-incident", values)
    assert "result" not in reply
    fields = {e["field"]: e for e in reply["errors"]}
    assert "looked_after" in fields and not fields["looked_after"].get("missing")
