"""The checkers this site offers, by id."""

from __future__ import annotations

from . import (
    allegations,
    case,
    designated_officer,
    lscb_annual_report,
    notifiable_incident,
    preventable_death,
    serious_harm,
    whistleblowing,
)
from .model import Checker, InputError

CHECKERS: dict[str, Checker] = {
    c.id: c
    for c in (
        case.CHECKER,  # one case, every check: first on the home page's list
        notifiable_incident.CHECKER,
        serious_harm.CHECKER,
        allegations.CHECKER,
        designated_officer.CHECKER,
        whistleblowing.CHECKER,
        preventable_death.CHECKER,
        lscb_annual_report.CHECKER,
    )
}


def get(checker_id: str) -> Checker:
    try:
        return CHECKERS[checker_id]
    except (KeyError, TypeError):
        known = ", ".join(CHECKERS)
        raise InputError.one(
            "checker", f"unknown checker {checker_id!r} (known: {known})"
        ) from None
