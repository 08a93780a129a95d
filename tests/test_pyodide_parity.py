"""The same cases under real Pyodide (Node, the npm `pyodide` package) give the same JSON
as CPython: every combination of every checker, the worked examples, and bad input."""

from __future__ import annotations

import json
import subprocess

import pytest

from build_scripts.prepass import runtime
from checkers import CHECKERS, api
from tests.answers import every_combination

from .conftest import ROOT

pytestmark = pytest.mark.pyodide

BAD = [
    {"checker": "nope", "answers": {}},
    {"checker": "allegations", "answers": {"harmed_or_may_have_harmed": "yes"}},
    {"checker": "notifiable-incident", "answers": {"aware_on": "2015-02-30"}},
    {
        "checker": "allegations",
        "answers": {
            "harmed_or_may_have_harmed": True,
            "possible_criminal_offence": False,
            "risk_of_harm": False,
            "removed_due_to_risk": False,
            "reported_on": "2040-01-01",
        },
    },
    {"checker": "serious-harm", "answers": []},
]


def all_cases() -> list[dict]:
    from build_scripts.prepass.worked_examples import load

    cases = [{"checker": cid, "answers": a} for cid in CHECKERS for a in every_combination(cid)]
    cases += [{"checker": ex["checker"], "answers": ex["answers"]} for ex in load()]
    return cases + BAD


@pytest.fixture(scope="module", params=["normal start", "from the snapshot"])
def pyodide_replies(request, node, tmp_path_factory):
    """Replies from Pyodide started as the browser starts it: from the build-time snapshot,
    and normally (the fallback)."""
    cases = all_cases()
    path = tmp_path_factory.mktemp("parity") / "cases.json"
    path.write_text(json.dumps(cases))
    wheel = runtime.build_wheel()
    extra = [str(runtime.build_snapshot(wheel))] if request.param == "from the snapshot" else []
    out = subprocess.run(
        [node, str(ROOT / "tests" / "pyodide_run.mjs"), str(wheel.path), str(path), *extra],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=600,
    )
    assert out.returncode == 0, out.stderr[-2000:]
    data = json.loads(out.stdout)
    assert data["python"].startswith("3.")
    return cases, data["replies"]


def test_every_case_matches_cpython(pyodide_replies):
    cases, replies = pyodide_replies
    assert len(replies) == len(cases) > 1500
    mismatches = [
        (case, reply)
        for case, reply in zip(cases, replies, strict=True)
        if reply != json.loads(api.assess_json(json.dumps(case)))
    ]
    assert not mismatches, mismatches[:3]


def test_bad_input_errors_match(pyodide_replies):
    _, replies = pyodide_replies
    for reply in replies[-len(BAD) :]:
        assert set(reply) == {"error"}
