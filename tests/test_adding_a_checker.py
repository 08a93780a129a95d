"""README's "Adding or changing a checker", followed for a checker made up for the test
(tests/throwaway_checker.py). With its module and its registry entry alone, everything made
from the registry takes it up: the API and the page's replies (the tone from its outcome
records), its form, the home page's list, its flowchart. What is left is what README's list
says is left, and each is asked for by name: its page's includes (by the pre-pass), its worked
examples and its words in CONTRACT.md (by their tests)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys

import pytest

from build_scripts.prepass import INCLUDE

from .conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
STEPS = README.split("## Adding or changing a checker", 1)[1].split("\n## ", 1)[0]
PAGE_INCLUDES = ["checker-throwaway.html", "check-on-this-page-throwaway.md",
                 "flowchart-throwaway.html"]  # fmt: skip


def probe(docs) -> dict:
    run = subprocess.run(
        [sys.executable, "-m", "tests.throwaway_checker", str(docs)],
        cwd=ROOT, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr[-3000:]
    return json.loads(run.stdout)


@pytest.fixture(scope="module")
def docs(tmp_path_factory):
    """A scratch copy of docs/, with the new checker's page in it: first without its includes
    (step 3 not done), then with them."""
    docs = tmp_path_factory.mktemp("adding") / "docs"
    shutil.copytree(ROOT / "docs", docs, ignore=shutil.ignore_patterns("js", "css", "decisions"))
    return docs


def test_the_registry_is_all_the_site_needs_to_take_a_checker_up(docs):
    (docs / "throwaway.md").write_text("# A made-up check\n\n## Check {#check}\n", "utf-8")
    found = probe(docs)
    assert found["outcomes"] == {"yes": "made_up", "no": "not_made_up", "unsure": "undetermined"}
    assert found["tones"] == {"yes": "act", "no": "clear", "unsure": "open"}
    assert found["summary_shown"] and found["form_asks"] and found["home_list"]
    assert found["charted"]
    assert found["chart_outcomes"] == ["made_up", "not_made_up", "undetermined"]
    assert found["chart_tones"] == ["act", "clear", "open"]
    # What is left, each asked for by name.
    assert found["page_problems"] == [
        f"docs/throwaway.md does not include {name}" for name in PAGE_INCLUDES
    ]
    assert "throwaway" in found["examples_check"]
    assert "throwaway" in found["contract_check"] and "made_up" in found["contract_check"]


def test_with_its_page_includes_the_pre_pass_asks_nothing_more(docs):
    lines = "\n\n".join(INCLUDE.format(name=name) for name in PAGE_INCLUDES)
    (docs / "throwaway.md").write_text(f"# A made-up check\n\n{lines}\n", "utf-8")
    assert probe(docs)["page_problems"] == []


def test_readme_names_each_thing_left_to_do():
    for needed in ["checkers/NAME.py", "checkers/registry.py", "examples/worked_examples.yaml",
                   "CONTRACT.md", "tests/golden/"]:  # fmt: skip
        assert needed in STEPS, needed
    for name in PAGE_INCLUDES:
        assert name.replace("throwaway", "ID") in STEPS, name
    assert re.search(r"outcome records?|`Outcome`", STEPS), "the outcome records"
