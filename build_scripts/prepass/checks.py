"""Where a reader finds the checks: the home page's "Check a case" list, and the note at the
top of each page that has a check, both made from the checkers' own titles and `use_when`."""

from __future__ import annotations

from checkers import CHECKERS
from checkers.model import Checker


def _page_file(checker: Checker) -> str:
    return checker.page.strip("/") + ".md"


def home_list() -> str:
    lines = [f"- [**{c.title}**]({_page_file(c)}#check) {c.use_when}" for c in CHECKERS.values()]
    return "\n".join(lines) + "\n"


def on_this_page(checker: Checker) -> str:
    return (
        '!!! tip "There is a check on this page"\n\n'
        f"    [{checker.title}](#check) {checker.use_when} It runs in your browser: nothing "
        "you enter leaves it.\n"
    )
