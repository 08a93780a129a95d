""" "Not sure" as an answer: what the known answers settle, and what the unsure ones decide.

A checker states its rules for complete answers only. For answers with some "not sure", every
way of filling them in that does not contradict the known answers is tried: when all give the
same outcome, the known answers settle it; otherwise the outcome is open, and an unsure answer
"decides" it when changing that answer alone can change the outcome. The checkers are small
(at most a few yes/no questions can be unsure at once), so trying every way is cheap and
cannot disagree with the rules it reuses.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from typing import Any

Answers = dict[str, Any]


@dataclass(frozen=True)
class Open:
    """What a set of answers leaves open about one verdict."""

    values: frozenset[Hashable]  # every verdict some completion gives
    depends_on: tuple[str, ...]  # the unsure fields that can change it

    @property
    def settled(self) -> bool:
        return len(self.values) == 1

    @property
    def value(self) -> Any:
        """The verdict when settled, else None."""
        return next(iter(self.values)) if self.settled else None


def completions(
    answers: Answers, unsure: Sequence[str], valid: Callable[[Answers], bool]
) -> list[Answers]:
    """Every way of answering the `unsure` yes/no fields that keeps the answers valid."""
    out = []
    for combo in itertools.product((True, False), repeat=len(unsure)):
        filled = {**answers, **dict(zip(unsure, combo, strict=True))}
        if valid(filled):
            out.append(filled)
    return out


def settle(
    answers: Answers,
    unsure: Sequence[str],
    valid: Callable[[Answers], bool],
    verdict: Callable[[Answers], Hashable],
) -> Open:
    """The verdicts `answers` allow, and which unsure fields decide between them."""
    results = {
        tuple(filled[f] for f in unsure): verdict(filled)
        for filled in completions(answers, unsure, valid)
    }
    depends = []
    for i, name in enumerate(unsure):
        for key, value in results.items():
            other = (*key[:i], not key[i], *key[i + 1 :])
            if other in results and results[other] != value:
                depends.append(name)
                break
    return Open(frozenset(results.values()), tuple(depends))
