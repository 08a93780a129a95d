"""Links that open a checker with answers filled in.

Only categorical answers (yes/no and choices) are carried, and only in the URL fragment,
which browsers never send to a server. Dates and free text never go in a link.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from .model import Checker


def fragment(checker: Checker, answers: dict[str, Any]) -> str:
    parts = [f"checker={quote(checker.id)}"]
    for q in checker.questions:
        value = answers.get(q.id)
        if value is None or q.kind == "date":
            continue
        shown = ("yes" if value else "no") if q.kind == "bool" else str(value)
        parts.append(f"{quote(q.id)}={quote(shown)}")
    return "#" + "&".join(parts)


def filled_in(checker: Checker, answers: dict[str, Any]) -> str:
    """The link, relative to the site root, to `checker` with `answers` filled in."""
    return checker.page + fragment(checker, answers)
