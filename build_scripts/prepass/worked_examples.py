"""The worked-examples page, made from examples/worked_examples.yaml.

The same table drives the tests (every example's outcome is asserted in CPython, under
Pyodide, and a sample in the browser). Each example links to its checker with the answers
filled in, through the URL fragment only.
"""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import Any

import yaml

from checkers import CHECKERS
from checkers.dates import parse_date
from checkers.web.encoding import filled_in, shown

TABLE = Path(__file__).resolve().parents[2] / "examples" / "worked_examples.yaml"


def load() -> list[dict[str, Any]]:
    return yaml.safe_load(TABLE.read_text(encoding="utf-8"))["examples"]


def link(example: dict[str, Any]) -> str:
    return filled_in(CHECKERS[example["checker"]], example["answers"])


def answer_text(checker_id: str, answers: dict[str, Any]) -> list[str]:
    checker = CHECKERS[checker_id]
    lines = []
    for q in checker.questions:
        if q.id not in answers:
            continue
        value = answers[q.id]
        text = shown(q, parse_date(value) if q.kind == "date" and value else value)
        lines.append(f"{q.text} — **{escape(text)}**")
    return lines


def render_markdown() -> str:
    out = []
    by_checker: dict[str, list[dict[str, Any]]] = {}
    for ex in load():
        by_checker.setdefault(ex["checker"], []).append(ex)
    for checker_id, examples in by_checker.items():
        checker = CHECKERS[checker_id]
        out.append(f"## {escape(checker.title)} {{#{checker_id}}}\n")
        for ex in examples:
            outcome = checker.run(ex["answers"])  # the page shows what the checker says
            out.append(f"### {escape(ex['title'])} {{#{ex['id']}}}\n")
            out.append(f"{escape(ex['facts'].strip())}\n")
            out.append("\n".join(f"- {line}" for line in answer_text(checker_id, ex["answers"])))
            out.append("")
            out.append(f"**Outcome:** {escape(outcome.summary)}\n")
            out.append(
                f'<p class="example-link"><a href="../{escape(link(ex))}" '
                f'data-example-link="{escape(ex["id"])}">Open this example in the checker</a></p>\n'
            )
    return "\n".join(out)
