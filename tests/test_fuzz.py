"""Property-based tests of validation: any JSON in, a result or one error line out, never a
traceback; and nothing from the input ever becomes markup in the page's HTML."""

from __future__ import annotations

import json
from functools import cache
from html.parser import HTMLParser

from hypothesis import given, settings
from hypothesis import strategies as st

from checkers import CHECKERS, api
from checkers.dates import parse_date
from checkers.model import InputError
from tests.answers import every_combination
from tests.test_handle_form import form_values

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


@cache
def valid(checker_id: str) -> list[dict]:
    """Answers the checker accepts (every combination that validates without contradiction)."""
    checker = CHECKERS[checker_id]
    out = []
    for answers in every_combination(checker_id):
        try:
            checker.checked(answers)
        except InputError:
            continue
        out.append(answers)
    return out


HOSTILE_TEXT = st.one_of(
    st.sampled_from(['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>',
                     "javascript:alert(1)", "yes\u2028", "2015-04-02T00:00", "2015-02-30",
                     "1999-12-31", "Yes", "YES", " yes", "true", "null", "\x00"]),
    st.text(max_size=40),
)  # fmt: skip


def not_accepted(q) -> st.SearchStrategy:
    """JSON values question `q` must refuse."""
    if q.kind == "bool":
        others = (st.integers() | st.floats(allow_nan=False, allow_infinity=False) | HOSTILE_TEXT
                  | st.lists(st.booleans()))  # fmt: skip
        return others if q.unsure or not q.required else others | st.none()
    if q.kind == "choice":
        allowed = {c.value for c in q.choices}
        return HOSTILE_TEXT.filter(lambda v: v not in allowed) | st.integers() | st.booleans()
    return HOSTILE_TEXT.filter(lambda v: not _is_date_in_range(v)) | st.integers()


def _is_date_in_range(text: str) -> bool:
    try:
        parse_date(text)
    except Exception:
        return False
    return True


@settings(max_examples=400, deadline=None)
@given(checker_id=st.sampled_from(list(CHECKERS)), data=st.data())
def test_one_bad_value_among_good_answers_is_named(checker_id, data):
    """Valid answers with one value replaced by a hostile one: exactly that field is named,
    in one line, and markup in the value is never repeated back."""
    answers = dict(data.draw(st.sampled_from(valid(checker_id))))
    q = data.draw(st.sampled_from([q for q in CHECKERS[checker_id].questions
                                   if q.id in answers or q.kind == "date"]))  # fmt: skip
    bad = data.draw(not_accepted(q))
    answers[q.id] = bad
    reply = json.loads(api.assess_json(json.dumps({"checker": checker_id, "answers": answers})))
    assert set(reply) == {"error"}, (q.id, bad)
    assert reply["error"].startswith(f"{q.id}: ")
    assert "\n" not in reply["error"]
    if isinstance(bad, str) and "<" in bad:
        assert bad not in reply["error"]


@settings(max_examples=300, deadline=None)
@given(checker_id=st.sampled_from(list(CHECKERS)), data=st.data(), base=HOSTILE_TEXT)
def test_nothing_from_the_request_becomes_markup(checker_id, data, base):
    """Valid form answers with a hostile `base`: a result whose HTML holds only the site's own
    tags, no event handler, and the base only escaped; and a hostile form value gives an error
    next to its field, in which no markup is repeated back."""
    answers = data.draw(st.sampled_from(valid(checker_id)))
    values = form_values(checker_id, answers)
    reply = json.loads(
        api.handle_form(json.dumps({"checker": checker_id, "values": values, "base": base}))
    )
    html = reply["html"]
    tags = Tags(html)
    assert {t for t, _ in tags.found} <= RESULT_TAGS
    assert not [a for _, attrs in tags.found for a in attrs if a.startswith("on")]
    if "<" in base or '"' in base:
        # Only escaped: the raw text is nowhere, unless the site's own markup has it anyway
        # (a lone "<" is in every tag).
        plain = json.loads(
            api.handle_form(json.dumps({"checker": checker_id, "values": values, "base": ""}))
        )["html"]
        assert base not in html or base in plain
    name = data.draw(st.sampled_from(list(values)))
    bad = data.draw(HOSTILE_TEXT.filter(lambda v: v not in OK_FORM_VALUES and v != ""))
    reply = json.loads(api.handle_form(json.dumps(
        {"checker": checker_id, "values": {**values, name: bad}, "base": base})))  # fmt: skip
    if "errors" in reply:
        assert name in {e["field"] for e in reply["errors"]}
        assert all(e["message"] and "<" not in e["message"] for e in reply["errors"])
    else:  # a date field given another readable date in the period
        assert CHECKERS[checker_id].question(name).kind == "date"


class Tags(HTMLParser):
    def __init__(self, html: str) -> None:
        super().__init__()
        self.found: list[tuple[str, list[str]]] = []
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.append((tag, [name for name, _ in attrs]))


RESULT_TAGS = {"p", "h3", "h4", "span", "a", "strong", "ol", "ul", "li", "button", "details",
               "summary", "dl", "dt", "dd", "table", "thead", "tbody", "tr", "th", "td", "sup"}  # fmt: skip
OK_FORM_VALUES = {"yes", "no", "unsure"} | {
    c.value for checker in CHECKERS.values() for q in checker.questions for c in q.choices
}


@settings(max_examples=200, deadline=None)
@given(text=st.text(max_size=50))
def test_unknown_field_names_stay_on_one_line(text):
    try:
        CHECKERS["allegations"].validate({text: True})
    except InputError as exc:
        assert "\n" not in exc.first_line() and "\r" not in exc.first_line()
