"""How the tests read "Not sure": try every answer for every unsure question, independently of
checkers.unknowns. An oracle's rules are decision tables written from the guidance text."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Hashable, Mapping, Sequence
from typing import Any

# An unsure yes/no answer is true or false; an unsure choice is one of its values, given here.
Values = Mapping[str, Sequence[Any]]


def _values(name: str, values: Values | None) -> Sequence[Any]:
    return (values or {}).get(name, (True, False))


def fillings(answers: dict[str, Any], unsure: list[str], values: Values | None = None):
    for combo in itertools.product(*(_values(u, values) for u in unsure)):
        yield dict(answers) | dict(zip(unsure, combo, strict=True))


def outcomes(
    answers: dict[str, Any],
    unsure: list[str],
    rule: Callable[[dict[str, Any]], Hashable],
    valid: Callable[[dict[str, Any]], bool] = lambda a: True,
    values: Values | None = None,
) -> set[Hashable]:
    """Every outcome `rule` gives over the ways of answering the unsure questions."""
    return {rule(f) for f in fillings(answers, unsure, values) if valid(f)}


def deciding(
    answers: dict[str, Any],
    unsure: list[str],
    rule: Callable[[dict[str, Any]], Hashable],
    valid: Callable[[dict[str, Any]], bool] = lambda a: True,
    values: Values | None = None,
) -> list[str]:
    """The unsure questions whose answer can change the outcome: knowing it would narrow
    what the outcome can be, or, with the others fixed, its answer alone changes it."""
    every = outcomes(answers, unsure, rule, valid, values)
    out = []
    for name in unsure:
        rest = [u for u in unsure if u != name]
        narrows = any(
            outcomes(answers | {name: v}, rest, rule, valid, values) not in (set(), every)
            for v in _values(name, values)
        )
        alone = any(
            len({rule(base | {name: v}) for v in _values(name, values) if valid(base | {name: v})})
            > 1
            for base in fillings(answers, rest, values)
        )
        if narrows or alone:
            out.append(name)
    return out


def verdict(
    answers: dict[str, Any],
    unsure: list[str],
    rule: Callable[[dict[str, Any]], Hashable],
    valid: Callable[[dict[str, Any]], bool] = lambda a: True,
    values: Values | None = None,
) -> tuple[Hashable, list[str]]:
    """The outcome the answers settle, or "undetermined" with the questions that decide it."""
    possible = outcomes(answers, unsure, rule, valid, values)
    if len(possible) == 1:
        return possible.pop(), []
    return "undetermined", deciding(answers, unsure, rule, valid, values)


def first_row(table: list[tuple[str, Callable[[dict[str, Any]], bool], str]], a: dict) -> str:
    """The outcome of the first row of a decision table whose condition holds."""
    return next(outcome for _source, condition, outcome in table if condition(a))
