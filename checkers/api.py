"""One JSON-in, JSON-out entry point for each caller: the CLI's (`assess_json`) and the
browser worker's (`handle_form`). Both give a result or a plain error, never a traceback."""

from __future__ import annotations

import json
from typing import Any

from . import result_html
from .errors import InputError
from .json_input import loads_object
from .registry import get


def assess(checker_id: str, answers: Any) -> dict[str, Any]:
    """Validate `answers` (JSON types) and return the checker's result. Raises InputError."""
    return get(checker_id).run(answers)


def assess_json(message: str) -> str:
    """{"checker", "answers"} in; {"result": ...} or {"error": "field: problem"} out.

    The same call in CPython and in Pyodide, so the parity tests compare like with like.
    """
    try:
        request = loads_object(message, "request")
        return json.dumps({"result": assess(request.get("checker"), request.get("answers"))})
    except InputError as exc:
        return json.dumps({"error": exc.first_line()})


def handle_form(message: str) -> str:
    """The browser's call: {"checker", "values" (form strings), "base"} in, JSON out.

    Out is {"result": ..., "html": ...} or {"errors": [{"field", "message"}]}. The result's
    HTML is made here so that all wording stays in Python; every text in it is escaped.
    """
    try:
        request = loads_object(message, "request")
        checker = get(request.get("checker"))
        values = request.get("values")
        if not isinstance(values, dict) or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in values.items()
        ):
            raise InputError.one("values", "must map field names to strings")
        answers = checker.checked(checker.from_form(values))
        outcome = checker.assess(answers)
    except InputError as exc:
        return json.dumps(
            {"errors": [{"field": p.field, "message": p.for_page} for p in exc.problems]}
        )
    base = request.get("base") if isinstance(request.get("base"), str) else ""
    page = result_html.render_result(outcome, base) + result_html.your_answers(checker, answers)
    return json.dumps({"result": outcome, "html": page})
