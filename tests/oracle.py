"""How the tests read "Not sure": try both answers for every unsure question, independently of
checkers.unknowns. An oracle's rules are decision tables written from the guidance text."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Hashable
from typing import Any


def outcomes(
    answers: dict[str, Any],
    unsure: list[str],
    rule: Callable[[dict[str, Any]], Hashable],
    valid: Callable[[dict[str, Any]], bool] = lambda a: True,
) -> set[Hashable]:
    """Every outcome `rule` gives over the ways of answering the unsure questions."""
    found = set()
    for values in itertools.product([True, False], repeat=len(unsure)):
        filled = dict(answers) | dict(zip(unsure, values, strict=True))
        if valid(filled):
            found.add(rule(filled))
    return found


def deciding(
    answers: dict[str, Any],
    unsure: list[str],
    rule: Callable[[dict[str, Any]], Hashable],
    valid: Callable[[dict[str, Any]], bool] = lambda a: True,
) -> list[str]:
    """The unsure questions whose answer alone can change the outcome."""
    out = []
    for name in unsure:
        rest = [u for u in unsure if u != name]
        for values in itertools.product([True, False], repeat=len(rest)):
            base = dict(answers) | dict(zip(rest, values, strict=True))
            yes, no = base | {name: True}, base | {name: False}
            if valid(yes) and valid(no) and rule(yes) != rule(no):
                out.append(name)
                break
    return out


def verdict(
    answers: dict[str, Any],
    unsure: list[str],
    rule: Callable[[dict[str, Any]], Hashable],
    valid: Callable[[dict[str, Any]], bool] = lambda a: True,
) -> tuple[Hashable, list[str]]:
    """The outcome the answers settle, or "undetermined" with the questions that decide it."""
    possible = outcomes(answers, unsure, rule, valid)
    if len(possible) == 1:
        return possible.pop(), []
    return "undetermined", deciding(answers, unsure, rule, valid)


def first_row(table: list[tuple[str, Callable[[dict[str, Any]], bool], str]], a: dict) -> str:
    """The outcome of the first row of a decision table whose condition holds."""
    return next(outcome for _source, condition, outcome in table if condition(a))
