"""Links that open a checker with answers filled in.

Only categorical answers (yes/no/not sure and choices) are carried, and only in the URL
fragment, which browsers never send to a server. Dates and free text never go in a link.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from .model import Checker, form_value


def fragment(checker: Checker, answers: dict[str, Any]) -> str:
    """ "#checker=ID&field=value…" for the answers given. A yes/no answer present as None is
    carried as "unsure" where the question allows it; an absent one is left out."""
    parts = [f"checker={quote(checker.id)}"]
    for q in checker.questions:
        if q.id not in answers or q.kind == "date":
            continue
        value = answers[q.id]
        if q.kind == "bool":
            if value is None and not q.unsure:
                continue
            shown = form_value(value)
        elif value is None:
            continue
        else:
            shown = str(value)
        parts.append(f"{quote(q.id)}={quote(shown)}")
    return "#" + "&".join(parts)


def filled_in(checker: Checker, answers: dict[str, Any]) -> str:
    """The link, relative to the site root, to `checker` with `answers` filled in."""
    return checker.page + fragment(checker, answers)
