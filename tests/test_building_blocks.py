"""The small modules every checker stands on, tested at their edges: bad input and its
messages, dates and their range, the 2015 period, working days and deadline wording, the
"not sure" reasoning, and the encoding of answers for the page."""

from __future__ import annotations

import datetime as dt

import pytest

from checkers import CHECKERS
from checkers.dates import FIRST_DATE, LAST_DATE, long_date, parse_date
from checkers.deadlines import deadline, within, working_days_phrase
from checkers.errors import BadAnswer, InputError, Problem
from checkers.json_input import MAX_BYTES, loads, loads_object
from checkers.period import PUBLISHED, REPLACED, period_warnings
from checkers.web import encoding
from checkers.working_days import (
    OutsideCalendar,
    add_working_days,
    calendar_range_message,
    covered,
    is_working_day,
)

D = dt.date.fromisoformat


# -- errors ---------------------------------------------------------------------------------


def test_a_problem_for_the_page_defaults_to_the_message_capitalised():
    assert Problem("f", "must be true or false").for_page == "Must be true or false"
    assert Problem("f", "must be true or false", "Select yes or no").for_page == "Select yes or no"
    assert InputError.one("f", "is wrong").problems == [Problem("f", "is wrong", "")]
    assert InputError.one("f", "is wrong", "Fix it").problems[0].for_page == "Fix it"


def test_an_input_error_reads_as_every_problem_in_order():
    error = InputError([Problem("a", "is bad"), Problem("b", "is worse")])
    assert str(error) == "a: is bad; b: is worse"
    assert error.first_line() == "a: is bad"


@pytest.mark.parametrize(
    ("name", "message", "line"),
    [
        ("child_died", "is bad", "child_died: is bad"),
        ("x1", "is bad", "x1: is bad"),
        ("bad name", "is bad", "'bad name': is bad"),
        ("é", "is bad", "'é': is bad"),
        ("", "is bad", "'': is bad"),
        ("a", "line one\nline two\rthree", "a: line one line two three"),
    ],
)
def test_first_line_is_one_line(name, message, line):
    assert InputError.one(name, message).first_line() == line


def test_a_bad_answer_carries_both_messages():
    exc = BadAnswer("must be a date", "Enter a date")
    assert (str(exc), exc.message, exc.page) == ("must be a date", "must be a date", "Enter a date")


# -- strict JSON ----------------------------------------------------------------------------


def test_json_is_read_strictly():
    assert loads('{"a": true, "b": [1, 2]}') == {"a": True, "b": [1, 2]}
    assert loads(" " * (MAX_BYTES - 2) + "{}") == {}
    with pytest.raises(InputError) as exc:
        loads(" " * (MAX_BYTES - 1) + "{}")
    assert exc.value.problems == [Problem("answers", f"is longer than {MAX_BYTES} characters")]
    with pytest.raises(InputError) as exc:
        loads('{"a": 1, "a": 1}', "request")
    assert exc.value.problems == [Problem("a", "appears twice in the same JSON object")]
    for constant in ("NaN", "Infinity", "-Infinity"):
        with pytest.raises(InputError) as exc:
            loads(f'{{"a": {constant}}}')
        assert exc.value.first_line() == f"answers: {constant} is not a JSON value"


@pytest.mark.parametrize(
    ("text", "line"),
    [
        (
            "{",
            "request: not valid JSON (line 1, column 2: Expecting property name enclosed "
            "in double quotes)",
        ),
        ("[" * 2000, "request: is nested too deeply to be answers"),
        ("1" * 5000, "request: holds a number too long to read"),
        ("[]", "request: must be a JSON object"),
        ("2", "request: must be a JSON object"),
    ],
)
def test_a_request_must_be_a_json_object(text, line):
    with pytest.raises(InputError) as exc:
        loads_object(text, "request")
    assert exc.value.first_line() == line


# -- dates ----------------------------------------------------------------------------------


def test_dates_are_read_in_their_range_only():
    assert parse_date("2015-03-26") == D("2015-03-26")
    assert parse_date(FIRST_DATE.isoformat()) == FIRST_DATE
    assert parse_date(LAST_DATE.isoformat()) == LAST_DATE
    for outside in (FIRST_DATE - dt.timedelta(days=1), LAST_DATE + dt.timedelta(days=1)):
        with pytest.raises(BadAnswer) as exc:
            parse_date(outside.isoformat())
        assert exc.value.page == (
            "Enter a date from 2010 to 2035: the bank-holiday calendar this site holds "
            "covers those years only"
        )
    with pytest.raises(BadAnswer) as exc:
        parse_date("2015-02-29")
    assert (exc.value.message, exc.value.page) == (
        "2015-02-29 is not a real date", "Enter a real date: 2015-02-29 does not exist")  # fmt: skip
    for unreadable in ("2015-2-01", "15-02-01", "2015/02/01", "2015-02-01x", "٢٠١٥-02-01", 2015,
                       None, "2015-02-0١"):  # fmt: skip
        with pytest.raises(BadAnswer) as exc:
            parse_date(unreadable)
        assert exc.value.page == "Enter a real date, for example 27 3 2015"


def test_long_dates_are_written_out():
    assert long_date(D("2015-03-26")) == "Thursday 26 March 2015"
    assert long_date(D("2016-01-04")) == "Monday 4 January 2016"
    assert long_date(D("2018-12-30")) == "Sunday 30 December 2018"
    assert [long_date(D(f"2015-{m:02d}-01")).split()[2] for m in range(1, 13)] == [
        "January", "February", "March", "April", "May", "June", "July", "August",
        "September", "October", "November", "December"]  # fmt: skip


# -- the 2015 period ------------------------------------------------------------------------


def test_the_period_warning_starts_and_ends_on_the_right_days():
    assert period_warnings(PUBLISHED) == []
    assert period_warnings(REPLACED - dt.timedelta(days=1)) == []
    before = period_warnings(PUBLISHED - dt.timedelta(days=1))
    after = period_warnings(REPLACED)
    assert len(before) == len(after) == 1
    assert before[0].text.startswith("The date you gave (Wednesday 25 March 2015) is before 26")
    assert after[0].text.startswith("The date you gave (Wednesday 4 July 2018) is on or after")
    assert before[0].to_json() == {"text": before[0].text, "cite": "#status"}


# -- working days and deadlines -------------------------------------------------------------


def test_working_days_edges():
    assert covered(D("2010-01-01")) and covered(D("2036-12-31"))
    assert not covered(D("2009-12-31")) and not covered(D("2037-01-01"))
    assert is_working_day(D("2015-03-27"))  # a Friday
    assert not is_working_day(D("2015-12-25"))
    with pytest.raises(OutsideCalendar, match="outside the bank-holiday calendar"):
        is_working_day(D("2009-12-31"))
    with pytest.raises(ValueError, match=r"^count must be at least 1$"):
        add_working_days(D("2015-03-02"), 0)
    with pytest.raises(OutsideCalendar) as exc:
        add_working_days(D("2037-01-01"), 1)
    assert str(exc.value) == calendar_range_message()
    assert add_working_days(D("2015-03-02"), 2) == D("2015-03-04")
    assert calendar_range_message() == (
        "is outside the bank-holiday calendar this site holds (2010-01-01 to 2036-12-31), so "
        "no deadline can be worked out"
    )


def test_deadline_wording():
    assert working_days_phrase(1) == "one working day"
    assert working_days_phrase(5) == "five working days"
    assert deadline(None, 5) is None
    assert deadline(D("2015-04-02"), 5) == D("2015-04-13")
    assert within(5, None, "becoming aware") == (
        None, "within five working days of becoming aware (give the date to see the day)")  # fmt: skip
    assert within(1, D("2015-04-02"), "x") == (
        D("2015-04-07"),
        "by Tuesday 7 April 2015 at the latest: one working day after Thursday 2 April 2015, "
        "not counting weekends or bank holidays in England and Wales",
    )


# -- answers as the page sends and shows them ----------------------------------------------


def test_encoding_of_answers():
    checker = CHECKERS["serious-harm"]
    custody = checker.question("custody_setting")
    died = checker.question("child_died")
    assert encoding.form_value(True) == "yes"
    assert encoding.form_value(False) == "no"
    assert encoding.form_value(None) == "unsure"
    assert encoding.options(died) == [("yes", "Yes"), ("no", "No"), ("unsure", "Not sure")]
    assert encoding.shown(died, None) == "Not sure"
    assert encoding.shown(died, True) == "Yes"
    assert encoding.shown(custody, None) == "Not answered"
    assert encoding.shown(custody, custody.choices[0].value) == custody.choices[0].label
    assert encoding.asked_if_value(custody) == ("death_in_custody", "yes")
    assert encoding.asked_if_value(died) is None
    assert encoding.group_id(checker, died) == "serious-harm-child_died-group"
    assert encoding.control_id(checker, died, "no") == "serious-harm-child_died-no"
    assert encoding.control_id(checker, died) == "serious-harm-child_died"
    assert encoding.title_id(checker) == "serious-harm-title"
    assert encoding.form_id(checker) == "serious-harm-form"
    recovered = checker.question("child_recovered")
    assert encoding.options(recovered) == [("yes", "Yes"), ("no", "No")]
    assert encoding.shown(recovered, None) == "Not answered"
    assert encoding.shown(died, False) == "No"
    aware_on = CHECKERS["notifiable-incident"].question("aware_on")
    assert encoding.shown(aware_on, D("2015-04-02")) == "Thursday 2 April 2015"
    assert encoding.shown(aware_on, None) == "Not answered"
    kind = CHECKERS["notifiable-incident"].question("abuse_or_neglect")  # a choice with not sure
    assert encoding.shown(kind, None) == "Not sure"


def test_a_fragment_leaves_out_what_it_cannot_carry():
    checker = CHECKERS["serious-harm"]
    answers = {"child_died": None, "child_recovered": None, "custody_setting": None,
               "abuse_or_neglect": "known", "death_in_custody": False}  # fmt: skip
    assert encoding.fragment(checker, answers) == (
        "#checker=serious-harm&abuse_or_neglect=known&child_died=unsure&death_in_custody=no"
    )
    assert encoding.filled_in(checker, {}) == "serious-harm/#checker=serious-harm"
    ni = CHECKERS["notifiable-incident"]
    assert encoding.fragment(ni, {"aware_on": "2015-04-02", "child_died": True}) == (
        "#checker=notifiable-incident&child_died=yes"
    )


def test_a_fragment_goes_on_past_an_answer_it_leaves_out():
    checker = CHECKERS["serious-harm"]
    answers = {"interagency_concerns": None, "child_recovered": None, "death_in_custody": True,
               "custody_setting": "police_custody"}  # fmt: skip
    assert encoding.fragment(checker, answers) == (
        "#checker=serious-harm&death_in_custody=yes&custody_setting=police_custody"
    )


def test_result_parts_render_their_edges():
    from checkers.model import Action, Reason, result
    from checkers.period import DateWarning
    from checkers.web import result as page

    assert page.link("page/#nolabel", "/") == '<a href="/page/#nolabel">page/#nolabel</a>'
    assert page.cite_span(Reason("x", "allegations/#s11-para-5"), "/").endswith(
        "; January 2015 proposed text)</span>"
    )
    checker = CHECKERS["allegations"]
    answered = {"harmed_or_may_have_harmed": True, "possible_criminal_offence": False,
                "risk_of_harm": False, "removed_due_to_risk": False, "reported_on": None}  # fmt: skip
    two = result(checker, answered, "allegation", "S", [], [])
    two = type(two)(**{**two.__dict__, "warnings": (DateWarning("one", "#status"),
                                                    DateWarning("two", "#status"))})  # fmt: skip
    warnings = page._warnings(two, "/")
    assert warnings == (
        '<p class="checker-warning"><strong>Warning:</strong> one (<a href="/#status">The '
        'status of the 2015 guidance</a>)</p><p class="checker-warning"><strong>Warning:'
        '</strong> two (<a href="/#status">The status of the 2015 guidance</a>)</p>'
    )
    # both before the headline (and so before any deadline in it)
    html = page.render_result(two, "/")
    assert html.index("checker-warning") < html.index("checker-outcome")
    # the live region reads the first warning's first sentence, then the headline
    assert page.announcement(two) == "Warning: one S"
    long = type(two)(**{**two.__dict__, "warnings": (
        DateWarning("First. Second. Third.", "#status"),)})  # fmt: skip
    assert page.announcement(long) == "Warning: First. S"
    assert page._source_key(two) == ""  # nothing from a tagged source: no key
    # a date before an action, unless its text already gives it
    due = D("2016-01-04")
    listed = page.grouped(
        [Action("Tell Ofsted.", "#status", due=due),
         Action("Tell Ofsted by Monday 4 January 2016.", "#status", due=due)], "/", "ul", "x")  # fmt: skip
    assert listed.count('<strong class="checker-due">By Monday 4 January 2016:</strong> ') == 1
    assert '<li><strong class="checker-due">By Monday 4 January 2016:</strong> Tell Ofsted.' in (
        listed
    )
    assert page.label("#status") == "The status of the 2015 guidance"
    assert page.label("page/#nolabel") == "page/#nolabel"


def test_a_checker_without_a_printout_has_no_organisation_field():
    import dataclasses

    from checkers.web.form import render_form

    plain = dataclasses.replace(CHECKERS["allegations"], print_title="")
    html = render_form(plain, "../", {"python": "p"})
    assert "data-organisation" not in html
    assert '</div>\n<div class="checker-error-summary"' not in html
    assert "<ul data-to-finish-list></ul></div>\n<fieldset" in html


def test_a_checker_without_a_printout_renders_no_print_parts():
    import dataclasses

    from checkers.web import result as page

    plain = dataclasses.replace(CHECKERS["allegations"], print_title="")
    assert page._print_heading(plain) == "" and page._print_button(plain) == ""


def test_a_death_in_custody_without_a_death_is_named_for_both_audiences():
    answers = {"abuse_or_neglect": "known", "child_died": False, "life_threatening_injury": False,
               "serious_or_long_term_impairment": False, "interagency_concerns": "no",
               "death_in_custody": True}  # fmt: skip
    with pytest.raises(InputError) as exc:
        CHECKERS["serious-harm"].run(answers)
    (problem,) = exc.value.problems
    assert (problem.field, problem.message) == (
        "death_in_custody", "cannot be yes when the child has not died (child_died is no)")  # fmt: skip
    assert problem.for_page == (
        "This cannot be yes when the child has not died. Change this answer, or your answer to "
        "“Has the child died?”"
    )


def test_the_build_steps_import_one_way():
    """The pre-pass never imports the post-pass (which reads what the pre-pass made): each
    package imports on its own in a fresh interpreter, and no pre-pass module names postpass."""
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    for package in ("build_scripts.prepass", "build_scripts.postpass", "build_scripts.build"):
        done = subprocess.run([sys.executable, "-c", f"import {package}"], cwd=root,
                              capture_output=True, text=True)  # fmt: skip
        assert done.returncode == 0, done.stderr
    for module in (root / "build_scripts" / "prepass").glob("*.py"):
        assert "postpass" not in module.read_text(encoding="utf-8").replace(
            "build_scripts/postpass", ""
        ).replace("post-pass", ""), module


def test_a_checkers_outcomes_are_unique_with_undetermined_last_and_alone_open():
    import dataclasses

    from checkers.model import UNDETERMINED, Outcome

    checker = CHECKERS["allegations"]

    def outcome(outcome_id: str, tone: str) -> Outcome:
        return Outcome(outcome_id, tone, outcome_id, lambda a: "")  # type: ignore[arg-type]

    good = (outcome("yes", "act"), outcome("no", "clear"), outcome(UNDETERMINED, "open"))
    assert dataclasses.replace(checker, outcomes=good).decided == good[:2]
    for bad in [
        good[:2],  # no undetermined
        (good[2], good[0], good[1]),  # undetermined not last
        (good[0], good[0], good[2]),  # an id twice
        (good[0], outcome("no", "open"), good[2]),  # a second open outcome
        (good[0], good[1], outcome(UNDETERMINED, "clear")),  # undetermined not open
    ]:
        with pytest.raises(ValueError, match=checker.id):
            dataclasses.replace(checker, outcomes=bad)
    assert checker.outcome("allegation").tone == "act"
    with pytest.raises(KeyError):
        checker.outcome("no such outcome")


def test_not_sure_that_no_answer_can_fill_is_one_problem_on_that_question():
    from checkers import api

    answers = {"child_died": None, "death_in_custody": True, "child_recovered": True,
               "abuse_or_neglect": "known", "interagency_concerns": "yes",
               "life_threatening_injury": False, "serious_or_long_term_impairment": False}  # fmt: skip
    with pytest.raises(InputError) as raised:
        api.assess("serious-harm", answers)
    [problem] = raised.value.problems
    assert (problem.field, problem.message, problem.page) == (
        "child_died",
        "is not sure (null), but no answer to child_died fits the other answers",
        "You answered “Not sure”, but no answer here fits your other answers. Change this "
        "answer or the others",
    )
    two = CHECKERS["serious-harm"].unsure_contradictions(["child_died", "abuse_or_neglect"])
    assert two[0].message == (
        "is not sure (null), but no answer to child_died, abuse_or_neglect fits the other answers"
    )


def test_what_a_screen_reader_hears_of_questions_left_blank():
    from checkers.model import result
    from checkers.web.result import announcement

    checker = CHECKERS["allegations"]
    answered = {"harmed_or_may_have_harmed": True, "possible_criminal_offence": False,
                "risk_of_harm": False, "removed_due_to_risk": False, "reported_on": None}  # fmt: skip
    said = result(checker, answered, "allegation", "It is an allegation.", [], [])
    assert announcement(said, ["risk_of_harm"]) == (
        "It is an allegation. 1 question not answered yet could not change this."
    )
    assert announcement(said, ["risk_of_harm", "reported_on"]) == (
        "It is an allegation. 2 questions not answered yet could not change this."
    )
    assert announcement(said) == "It is an allegation."


def test_the_form_carries_the_runtime_it_starts_from():
    from checkers.web.form import render_form

    files = {"python": "assets/py/ab/python.zip"}
    digests = {"assets/py/ab/python.zip": "00ff", "assets/py/aa/snapshot.bin": "11ee"}
    html = render_form(CHECKERS["allegations"], "../", files, digests, download_bytes=1234)
    assert ' data-python="assets/py/ab/python.zip" data-download-bytes="1234" ' in html
    assert (
        ' data-runtime-sha256="{&quot;assets/py/aa/snapshot.bin&quot;: &quot;11ee&quot;, '
        '&quot;assets/py/ab/python.zip&quot;: &quot;00ff&quot;}"' in html
    )
    assert "data-download-bytes" not in render_form(CHECKERS["allegations"], "../", files)


def test_each_anchor_is_one_record_under_its_own_address():
    from checkers import citations

    assert citations.ANCHORS, "the checkers cite anchors"
    for address, anchor in citations.ANCHORS.items():
        assert anchor.address == address
        assert citations.LABELS[address] == anchor.label
        assert citations.SOURCE_OF[address] == anchor.source


def test_a_question_asked_on_another_answer_is_shown_on_it_and_on_not_sure_where_offered():
    import dataclasses

    checker = CHECKERS["serious-harm"]
    custody = checker.question("custody_setting")
    assert encoding.shown_on(checker, custody) == ("death_in_custody", ["yes", "unsure"])
    assert encoding.shown_on(checker, checker.question("child_died")) is None
    # where the answer it hangs on has no "not sure", only that answer shows it
    sure_only = dataclasses.replace(checker, questions=tuple(
        dataclasses.replace(q, unsure=False) if q.id == "death_in_custody" else q
        for q in checker.questions))  # fmt: skip
    assert encoding.shown_on(sure_only, custody) == ("death_in_custody", ["yes"])


def test_a_choice_left_not_sure_is_carried_in_a_link_as_not_sure():
    checker = CHECKERS["notifiable-incident"]
    assert encoding.fragment(checker, {"abuse_or_neglect": None, "child_died": True}) == (
        "#checker=notifiable-incident&child_died=yes&abuse_or_neglect=unsure"
    )
