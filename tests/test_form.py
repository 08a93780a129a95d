"""Each checker's form, as the pre-pass renders it from the checker's questions: a reviewed
record of its HTML (tests/golden/form-ID.html), and its structure checked against the
questions: one group per question, the right controls and values, every label and every
aria-describedby pointing at an element that exists, and nothing that sends the answers."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import pytest

from checkers import CHECKERS, api
from checkers.model import Question, choice, date_question, yes_no
from checkers.web import encoding
from checkers.web.form import MESSAGES, attr, render_form

from . import golden

FILES = {
    "pyodide": "assets/pyodide/v/",
    "python": "assets/py/h/python.zip",
    "snapshot": "assets/py/h/snapshot.bin",
}


def rendered(checker_id: str) -> str:
    return render_form(CHECKERS[checker_id], "../", FILES)


class Elements(HTMLParser):
    def __init__(self, html: str) -> None:
        super().__init__()
        self.elements: list[tuple[str, dict[str, str]]] = []
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, {k: v or "" for k, v in attrs}))

    def all(self, tag: str, **wanted: str) -> list[dict[str, str]]:
        """Elements with these attributes ("for_" is `for`; "data_x" is `data-x`)."""
        names = {k: k.rstrip("_").replace("_", "-") for k in wanted}
        return [a for t, a in self.elements if t == tag
                and all(a.get(names[k]) == v for k, v in wanted.items())]  # fmt: skip


@pytest.mark.parametrize("checker_id", list(CHECKERS))
def test_form_is_in_the_reviewed_record(checker_id):
    html = rendered(checker_id)
    assert html == golden.matches_text(f"form-{checker_id}.html", html)


@pytest.mark.parametrize("checker_id", list(CHECKERS))
def test_form_follows_the_questions(checker_id):
    checker = CHECKERS[checker_id]
    html = rendered(checker_id)
    page = Elements(html)
    ids = [a["id"] for _, a in page.elements if "id" in a]
    assert len(ids) == len(set(ids)), "ids are unique"
    (form,) = page.all("form")
    assert form["data-checker"] == checker_id and form["method"] == "dialog"
    assert form["autocomplete"] == "off" and "action" not in form
    # The encodings the page script uses, from the encoding module, none of its own.
    assert form["data-fragment-start"] == encoding.FRAGMENT_START
    assert form["data-fragment-own"] == encoding.fragment(checker, {}) + "&"
    assert form["data-unreadable-date"] == encoding.UNREADABLE_DATE
    for name, address in FILES.items():
        assert form[f"data-{name}"] == address
    for key, text in MESSAGES.items():
        assert form[f"data-msg-{key.replace('_', '-')}"] == text
    for q in checker.questions:
        (group,) = [a for _, a in page.elements if a.get("data-field") == q.id]
        assert group["id"] == encoding.group_id(checker, q)
        for described in group.get("aria-describedby", "").split():
            assert described in ids
        if q.kind == "date":
            (control,) = page.all("input", name=q.id)
            assert control["type"] == "date" and control["id"] == encoding.control_id(checker, q)
            assert (control["min"], control["max"]) == ("2010-01-01", "2035-12-31")
            assert page.all("label", for_=control["id"])
            continue
        radios = page.all("input", name=q.id)
        assert [(r["type"], r["value"]) for r in radios] == [
            ("radio", v) for v, _ in encoding.options(q)
        ]
        for radio, (value, label) in zip(radios, encoding.options(q), strict=True):
            assert radio["id"] == encoding.control_id(checker, q, value)
            assert page.all("label", for_=radio["id"])
            assert f">{label}</label>" in html
        asked = encoding.asked_if_value(q)
        if asked:
            # Shown on the answer it is asked on, and on "not sure" where the other question
            # offers it (not known is not ruled out); hidden on any other answer.
            name, value = asked
            other = {v for v, _ in encoding.options(checker.question(name))}
            shown_on = {value} | ({"unsure"} & other)
            assert group["data-asked-if-field"] == name
            assert set(group["data-asked-on"].split(" ")) == shown_on
        else:
            assert "data-asked-if-field" not in group and "data-asked-on" not in group
        if q.cite:
            assert page.all("a", href="../" + q.cite)
    assert bool(page.all("input", data_organisation="")) == bool(checker.print_title)
    (result,) = [a for _, a in page.elements if "data-checker-result" in a]
    assert "aria-labelledby" not in result or result["aria-labelledby"] in ids
    assert "\n\n" not in html, "one HTML block for Markdown"


def test_attributes_are_escaped():
    assert attr('say "no" & <go>') == "say &quot;no&quot; &amp; &lt;go&gt;"
    assert attr("it’s") == "it’s"


def test_asked_if_is_written_for_a_choice_as_well_as_a_yes_no():
    q = Question("q", "bool", "Q?", asked_if=("interagency_concerns", "unclear"))
    assert encoding.asked_if_value(q) == ("interagency_concerns", "unclear")
    q = Question("q", "bool", "Q?", asked_if=("policy_in_place", False))
    assert encoding.asked_if_value(q) == ("policy_in_place", "no")


def test_question_builders():
    q = yes_no("a", "A?", "hint", "page/#a")
    assert (q.id, q.kind, q.text, q.hint, q.cite, q.unsure, q.required) == (
        "a", "bool", "A?", "hint", "page/#a", True, True)  # fmt: skip
    assert yes_no("b", "B?", unsure=False).unsure is False
    assert (yes_no("b", "B?").hint, yes_no("b", "B?").cite) == ("", None)
    assert (choice("b", "B?", []).hint, date_question("b", "B?").hint) == ("", "")
    optional = yes_no("c", "C?", required=False)
    assert (optional.required, optional.unsure) == (False, False)
    asked = yes_no("d", "D?", asked_if=("a", True))
    assert asked.asked_if == ("a", True)
    c = choice("e", "E?", [("x", "Ex"), ("y", "Why")], "hint", "page/#e", required=False)
    assert c.id == "e"
    assert (c.kind, c.text, c.hint, c.cite, c.required) == (
        "choice",
        "E?",
        "hint",
        "page/#e",
        False,
    )
    assert [(o.value, o.label) for o in c.choices] == [("x", "Ex"), ("y", "Why")]
    assert choice("f", "F?", [("x", "Ex")]).required is True
    d = date_question("g", "G?", "hint", "page/#g")
    assert (d.id, d.kind, d.text, d.hint, d.cite, d.required, d.unsure) == (
        "g", "date", "G?", "hint", "page/#g", False, False)  # fmt: skip


def test_no_blank_line_and_no_unescaped_text():
    for checker_id in CHECKERS:
        html = rendered(checker_id)
        assert not re.search(r"=\"[^\"]*<", html)


def test_a_question_shows_its_guidance_link_only_when_it_has_one():
    from checkers.web.form import render_question

    checker = CHECKERS["allegations"]
    plain = render_question(checker, Question("x", "bool", "X?"), "../")
    assert "Guidance:" not in plain and "checker-question-cite" not in plain
    assert plain.endswith("</label></div></div></fieldset>")
    unlabelled = render_question(checker, Question("x", "bool", "X?", cite="page/#nolabel"), "../")
    assert '<a href="../page/#nolabel">Guidance: page/#nolabel</a>' in unlabelled


@pytest.mark.parametrize("checker_id", sorted(CHECKERS))
def test_an_unreadable_date_is_an_error_on_its_field(checker_id):
    """What the page sends for a half-typed date is reported against that date, never dropped."""
    checker = CHECKERS[checker_id]
    for q in (q for q in checker.questions if q.kind == "date"):
        message = {"checker": checker_id, "values": {q.id: encoding.UNREADABLE_DATE}}
        reply = json.loads(api.handle_form(json.dumps(message)))
        assert q.id in {e["field"] for e in reply["errors"]}, q.id
