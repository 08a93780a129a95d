"""JSON read strictly: what Python's json module lets through that answers must not hold."""

from __future__ import annotations

import json
from typing import Any

from .errors import InputError

MAX_BYTES = 1_000_000  # answers are a few hundred bytes; anything near this is not answers


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise InputError.one(key, "appears twice in the same JSON object")
        out[key] = value
    return out


def _no_constant(name: str) -> Any:
    raise InputError.one("answers", f"{name} is not a JSON value")


def loads(text: str, what: str = "answers") -> Any:
    """Parse JSON; any problem is an InputError naming `what`, never a traceback."""
    if len(text) > MAX_BYTES:
        raise InputError.one(what, f"is longer than {MAX_BYTES} characters")
    try:
        return json.loads(text, object_pairs_hook=_no_duplicates, parse_constant=_no_constant)
    except json.JSONDecodeError as exc:
        raise InputError.one(
            what, f"not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})"
        ) from None
    except RecursionError:
        raise InputError.one(what, "is nested too deeply to be answers") from None
    except InputError:
        raise
    except ValueError:  # an integer too long to convert (Python's limit is 4300 digits)
        raise InputError.one(what, "holds a number too long to read") from None


def loads_object(text: str, what: str) -> dict[str, Any]:
    value = loads(text, what)
    if not isinstance(value, dict):
        raise InputError.one(what, "must be a JSON object")
    return value
