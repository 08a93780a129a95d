"""Property-based tests of validation: any JSON in, a result or one error line out, never a
traceback; and nothing from the input ever becomes markup in the page's HTML."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from checkers import CHECKERS, api
from checkers.model import InputError

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(), children, max_size=4)
    ),
    max_leaves=12,
)


def answer_like(checker_id: str):
    """Mostly the right field names, with values of any type: the interesting boundary."""
    names = [q.id for q in CHECKERS[checker_id].questions]
    value = st.one_of(
        st.booleans(),
        st.sampled_from(
            [
                "yes",
                "no",
                "known",
                "suspected",
                "not_suspected",
                "unclear",
                "2015-04-02",
                "2015-02-30",
                "2099-01-01",
                "<script>alert(1)</script>",
                "",
            ]
        ),
        json_values,
    )
    return st.dictionaries(st.sampled_from(names) | st.text(max_size=8), value, max_size=12)


@settings(max_examples=300, deadline=None)
@given(checker_id=st.sampled_from(list(CHECKERS)) | st.text(max_size=10), data=st.data())
def test_any_json_gives_a_result_or_one_error(checker_id, data):
    answers = data.draw(answer_like(checker_id) if checker_id in CHECKERS else json_values)
    reply = json.loads(api.assess_json(json.dumps({"checker": checker_id, "answers": answers})))
    assert set(reply) in ({"result"}, {"error"})
    if "error" in reply:
        assert "\n" not in reply["error"]
        assert ":" in reply["error"]
    else:
        assert reply["result"]["checker"] == checker_id


@settings(max_examples=300, deadline=None)
@given(
    checker_id=st.sampled_from(list(CHECKERS)),
    values=st.dictionaries(st.text(max_size=30), st.text(max_size=30), max_size=10),
    base=st.text(max_size=20),
)
def test_form_values_never_become_markup(checker_id, values, base):
    reply = json.loads(
        api.handle_form(json.dumps({"checker": checker_id, "values": values, "base": base}))
    )
    if "errors" in reply:
        for error in reply["errors"]:
            assert isinstance(error["message"], str)
        return
    html = reply["html"]
    for value in values.values():
        if "<" in value:
            assert value not in html


@settings(max_examples=200, deadline=None)
@given(text=st.text(max_size=50))
def test_unknown_field_names_stay_on_one_line(text):
    try:
        CHECKERS["allegations"].validate({text: True})
    except InputError as exc:
        assert "\n" not in exc.first_line() and "\r" not in exc.first_line()
