"""Bad input, and what to tell each audience about it."""

from __future__ import annotations

import re
from dataclasses import dataclass

PLAIN_NAME = re.compile(r"[A-Za-z0-9_]+")  # a field name shown as it is; any other is quoted


@dataclass(frozen=True)
class Problem:
    """What is wrong with one field: `message` for the command line ("must be true or false"),
    `page` for a reader, in the GOV.UK error-message style ("Select yes or no")."""

    field: str
    message: str
    page: str = ""
    missing: bool = False  # an answer not yet given (the page can ask for it gently)

    @property
    def for_page(self) -> str:
        return self.page or self.message[0].upper() + self.message[1:]


class BadAnswer(ValueError):
    """An answer that cannot be read, with the message for each audience."""

    def __init__(self, message: str, page: str) -> None:
        super().__init__(message)
        self.message = message
        self.page = page


class InputError(ValueError):
    """Bad answers. Holds one problem per field, in question order."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("; ".join(f"{p.field}: {p.message}" for p in problems))

    @classmethod
    def one(cls, name: str, message: str, page: str = "") -> InputError:
        return cls([Problem(name, message, page)])

    def first_line(self) -> str:
        """The first problem on one line (a field name from the input is quoted if odd)."""
        name, message = self.problems[0].field, self.problems[0].message
        shown = name if PLAIN_NAME.fullmatch(name) else repr(name)
        return f"{shown}: {message}".replace("\n", " ").replace("\r", " ")
