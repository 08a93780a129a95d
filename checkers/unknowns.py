""" "Not sure" as an answer: what the known answers settle, and what the unsure ones decide.

A checker states its rules for complete answers only. For answers with some "not sure", every
way of filling them in that does not contradict the known answers is tried: when all give the
same outcome, the known answers settle it; otherwise the outcome is open. An unsure answer
"decides" it when its value can change the outcome: either changing it alone changes the
outcome for some way of filling in the others, or the outcomes its values allow differ (as when
"no" to one answer rules out the others, so that only "yes" leaves them open). The checkers are
small (a few questions unsure at once, each with two or three values), so trying every way is
cheap and cannot disagree with the rules it reuses.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

Answers = dict[str, Any]
# The values an unsure answer can take: a yes/no answer is true or false, a choice one of its
# values.
Domains = Mapping[str, Sequence[Any]]
YES_NO: tuple[bool, bool] = (True, False)


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


def _domain(domains: Domains | None, name: str) -> Sequence[Any]:
    return domains.get(name, YES_NO) if domains else YES_NO


def completions(
    answers: Answers,
    unsure: Sequence[str],
    valid: Callable[[Answers], bool],
    domains: Domains | None = None,
) -> list[Answers]:
    """Every way of answering the `unsure` fields that keeps the answers valid."""
    out = []
    for combo in itertools.product(*(_domain(domains, f) for f in unsure)):
        filled = {**answers, **dict(zip(unsure, combo, strict=True))}
        if valid(filled):
            out.append(filled)
    return out


def settle(
    answers: Answers,
    unsure: Sequence[str],
    valid: Callable[[Answers], bool],
    verdict: Callable[[Answers], Hashable],
    domains: Domains | None = None,
) -> Open:
    """The verdicts `answers` allow, and which unsure fields decide between them."""
    results = {
        tuple(filled[f] for f in unsure): verdict(filled)
        for filled in completions(answers, unsure, valid, domains)
    }
    depends = [
        name for i, name in enumerate(unsure) if _decides(results, i, _domain(domains, name))
    ]
    return Open(frozenset(results.values()), tuple(depends))


def _decides(results: dict[tuple[Any, ...], Hashable], i: int, domain: Sequence[Any]) -> bool:
    by_value: dict[Any, set[Hashable]] = {}
    for key, verdict in results.items():
        by_value.setdefault(key[i], set()).add(verdict)
        for other_value in domain:
            other = (*key[:i], other_value, *key[i + 1 :])
            if other in results and results[other] != verdict:
                return True  # changing this answer alone changes the outcome
    # Some value of this answer narrows what the outcome can be.
    return len(by_value) > 1 and len({frozenset(v) for v in by_value.values()}) > 1
