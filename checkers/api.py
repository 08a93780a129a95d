"""The checkers' JSON entry points: `assess_json` for the command line and `handle_form`,
`link_for_form` and `read_fragment` for the page (called from its Python worker). Each takes
one JSON string and gives one back: a result, or errors a reader can act on, never a
traceback."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from .errors import InputError
from .json_input import loads_object
from .model import Checker, Result
from .registry import get
from .web import encoding, result


def assess(checker_id: str, answers: Any) -> dict[str, Any]:
    """Validate `answers` (JSON types) and return the checker's result as the contract's JSON.
    Raises InputError."""
    return get(checker_id).run(answers).to_json()


def assess_json(message: str) -> str:
    """{"checker", "answers"} in; {"result": ...} or {"error": "field: problem"} out."""
    try:
        request = loads_object(message, "request")
        return json.dumps({"result": assess(request.get("checker"), request.get("answers"))})
    except InputError as exc:
        return json.dumps({"error": exc.first_line()})


def _form_request(message: str) -> tuple[Checker, Mapping[str, str], dict[str, Any]]:
    """The checker, the form values (every value a string) and the whole request."""
    request = loads_object(message, "request")
    checker = get(request.get("checker"))
    values = request.get("values", {})
    if not isinstance(values, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in values.items()
    ):
        raise InputError.one("values", "must map field names to strings")
    return checker, values, request


def _errors(exc: InputError) -> str:
    return json.dumps(
        {
            "errors": [
                {"field": p.field, "message": p.for_page} | ({"missing": True} if p.missing else {})
                for p in exc.problems
            ]
        }
    )


def settled_without(checker: Checker, raw: dict[str, Any], exc: InputError) -> Result | None:
    """For a form filled from a link (a hand-off from another check, a handout's code): when
    the only problems are questions not answered yet, and no answer to them could change the
    outcome, the result as if they were "not sure"; else None, and the page asks for them."""
    if not exc.problems or not all(p.missing for p in exc.problems):
        return None
    missing = [p.field for p in exc.problems]
    if not all(checker.question(name).unsure for name in missing):
        return None
    try:
        outcome = checker.run({**raw, **dict.fromkeys(missing)})
    except InputError:
        return None
    deciding = checker.open(outcome.answers).depends_on
    return None if any(name in deciding for name in missing) else outcome


def handle_form(message: str) -> str:
    """{"checker", "values" (form strings), "base", "from_link"} in; out {"result", "html",
    "tone", "said" (what the live region reads out)}, with "unanswered" where there are some,
    or {"errors": [{"field", "message"}]} with one message per field for the page to show.
    With `from_link`, questions not answered that cannot change the outcome are listed in
    "unanswered" instead of being errors."""
    unanswered: list[str] = []
    try:
        checker, values, request = _form_request(message)
        raw = encoding.answers_from_form(checker, values)
        try:
            outcome = checker.run(raw)
        except InputError as exc:
            settled = settled_without(checker, raw, exc) if request.get("from_link") else None
            if settled is None:
                raise
            outcome, unanswered = settled, [p.field for p in exc.problems]
    except InputError as exc:
        return _errors(exc)
    base = request.get("base") if isinstance(request.get("base"), str) else ""
    reply = {
        "result": outcome.to_json(),
        "html": result.render(outcome, base, unanswered),
        "tone": outcome.tone,
        "said": result.announcement(outcome, unanswered),
    }
    return json.dumps(reply | ({"unanswered": unanswered} if unanswered else {}))


def link_for_form(message: str) -> str:
    """{"checker", "values"} in; {"fragment": "#checker=…"} out, carrying the categorical
    answers chosen (never a date or typed text)."""
    try:
        checker, values, _ = _form_request(message)
    except InputError as exc:
        return _errors(exc)
    return json.dumps({"fragment": encoding.fragment_from_form(checker, values)})


def read_fragment(message: str) -> str:
    """{"checker", "fragment"} in. Out {"values": {field: value}} to choose in the form,
    {"values": null} when the fragment is not for this checker, or {"ignored": true} when it
    is but cannot be read as a whole (the page then says so and fills in nothing)."""
    try:
        request = loads_object(message, "request")
        checker = get(request.get("checker"))
        text = request.get("fragment")
        if not isinstance(text, str):
            raise InputError.one("fragment", "must be a string")
    except InputError as exc:
        return _errors(exc)
    try:
        return json.dumps({"values": encoding.form_from_fragment(checker, text)})
    except encoding.FragmentIgnored:
        return json.dumps({"ignored": True})
