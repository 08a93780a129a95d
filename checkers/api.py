"""One JSON-in, JSON-out entry point, shared by the CLI and the browser worker."""

from __future__ import annotations

import json
from typing import Any

from . import html
from .model import InputError
from .registry import get


def assess(checker_id: str, answers: Any) -> dict[str, Any]:
    """Validate `answers` (JSON types) and return the checker's result. Raises InputError."""
    return get(checker_id).run(answers)


def assess_json(message: str) -> str:
    """{"checker", "answers"} in; {"result": ...} or {"error": "field: problem"} out.

    The same call in CPython and in Pyodide, so the parity tests compare like with like.
    """
    try:
        request = json.loads(message)
        if not isinstance(request, dict):
            raise InputError.one("request", "must be a JSON object")
        return json.dumps({"result": assess(request.get("checker"), request.get("answers"))})
    except InputError as exc:
        return json.dumps({"error": exc.first_line()})


def handle_form(message: str) -> str:
    """The browser's call: {"checker", "values" (form strings), "base"} in, JSON out.

    Out is {"result": ..., "html": ...} or {"errors": [{"field", "message"}]}. The result's
    HTML is made here so that all wording stays in Python; every text in it is escaped.
    """
    try:
        request = json.loads(message)
        checker = get(request["checker"])
        values = request.get("values") or {}
        if not isinstance(values, dict) or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in values.items()
        ):
            raise InputError.one("values", "must map field names to strings")
        answers = checker.validate(checker.from_form(values))
        outcome = checker.assess(answers)
    except InputError as exc:
        return json.dumps(
            {"errors": [{"field": p.field, "message": p.for_page} for p in exc.problems]}
        )
    base = request.get("base") if isinstance(request.get("base"), str) else ""
    page = html.render_result(outcome, base) + html.your_answers(checker, answers)
    return json.dumps({"result": outcome, "html": page})
