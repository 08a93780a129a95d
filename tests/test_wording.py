"""Everything the checkers can say, held in reviewed records (tests/golden/): each checker's
schema (its questions, hints, choices and citations, as the CLI gives it) and every distinct
sentence a result can hold over every combination of its answers. A domain reviewer reads
these files; a change to any of them is a diff to approve, never a silent drift."""

from __future__ import annotations

import pytest

from checkers import CHECKERS
from checkers.errors import InputError
from tests.answers import assessed, every_combination

from . import golden


def sentences(checker_id: str) -> dict[str, list[str]]:
    found: dict[str, set[str]] = {
        "summary": set(), "actions": set(), "reasons": set(), "warnings": set(),
    }  # fmt: skip
    for answers in every_combination(checker_id):
        try:
            result = assessed(checker_id, answers)
        except InputError:
            continue
        found["summary"].add(result["summary"])
        for key in ("actions", "reasons", "warnings"):
            for item in result[key]:
                due = f"By {item['due']}: " if item.get("due") else ""
                cite = f" [{item['cite']}; {item.get('source', '')}]"
                found[key].add(due + item["text"] + cite)
    return {key: sorted(texts) for key, texts in found.items()}


@pytest.mark.parametrize("checker_id", list(CHECKERS))
def test_every_sentence_is_in_the_reviewed_record(checker_id):
    mine = sentences(checker_id)
    recorded = golden.matches(f"sentences-{checker_id}.json", mine)
    for key in mine:
        added = sorted(set(mine[key]) - set(recorded[key]))
        gone = sorted(set(recorded[key]) - set(mine[key]))
        assert not added and not gone, (key, added[:3], gone[:3])


@pytest.mark.parametrize("checker_id", list(CHECKERS))
def test_schema_is_in_the_reviewed_record(checker_id):
    schema = CHECKERS[checker_id].schema()
    assert schema == golden.matches(f"schema-{checker_id}.json", schema)
