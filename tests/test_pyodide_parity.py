"""The same cases under real Pyodide (Node, the npm `pyodide` package) give the same JSON
as CPython, through the calls the page makes: `handle_form` (result and HTML) for every
combination of every checker (from the snapshot; one in five from a normal start), the worked examples and form values with markup in them;
`link_for_form` and `read_fragment` for every worked example; and `assess_json`, the
command line's call, for bad input."""

from __future__ import annotations

import functools
import json
import subprocess
import zipfile

import pytest

from build_scripts.prepass import runtime
from checkers import CHECKERS, api
from checkers.web.encoding import fragment as fragment_of
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


HOSTILE = ["<script>alert(1)</script>", '"><img src=x onerror=alert(1)>', "yes\u2028no", ""]


def form_case(checker_id: str, values: dict[str, str], base: str = "/") -> dict:
    message = {"checker": checker_id, "values": values, "base": base}
    return {"call": "handle_form", "message": message}


# The snapshot start (what every visit after the first uses) answers every combination; the
# normal start runs the same Python from the same archive, so it answers one combination in
# SAMPLE of each checker's, and every other case: any difference between the two starts shows
# there, in half the time.
SAMPLE = {"from the snapshot": 1, "normal start": 5}


@functools.cache
def all_cases(sample: int = 1) -> tuple[dict, ...]:
    from build_scripts.prepass.worked_examples import load

    from .test_handle_form import form_values

    examples = load()
    cases = [
        form_case(cid, form_values(cid, a))
        for cid in CHECKERS
        for a in every_combination(cid)[::sample]
    ]
    cases += [
        form_case(ex["checker"], form_values(ex["checker"], ex["answers"])) for ex in examples
    ]
    first = examples[0]
    for text in HOSTILE:
        values = form_values(first["checker"], first["answers"])
        cases.append(form_case(first["checker"], values, base=text))
        cases += [form_case(first["checker"], {**values, name: text}) for name in values]
    for ex in examples:
        checker = CHECKERS[ex["checker"]]
        fragment = fragment_of(checker, ex["answers"])
        cases.append(
            {"call": "read_fragment", "message": {"checker": checker.id, "fragment": fragment}}
        )
        values = form_values(ex["checker"], ex["answers"])
        cases.append(
            {"call": "link_for_form", "message": {"checker": checker.id, "values": values}}
        )
    return tuple(cases + [{"call": "assess_json", "message": bad} for bad in BAD])


CPYTHON = {
    "handle_form": api.handle_form,
    "link_for_form": api.link_for_form,
    "read_fragment": api.read_fragment,
    "assess_json": api.assess_json,
}


@pytest.fixture(scope="module", params=["normal start", "from the snapshot"])
def pyodide_replies(request, node, tmp_path_factory):
    """Replies from Pyodide started as the browser starts it, on the archive the site ships:
    normally (a first visit, and the fallback) and from the build-time snapshot (a visit that
    has it stored)."""
    cases = list(all_cases(SAMPLE[request.param]))
    path = tmp_path_factory.mktemp("parity") / "cases.json"
    path.write_text(json.dumps(cases))
    made = runtime.build_runtime()
    extra = [str(made.snapshot)] if request.param == "from the snapshot" else []
    out = subprocess.run(
        [node, str(ROOT / "tests" / "pyodide_run.mjs"), str(made.archive), str(path), *extra],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=600,
    )
    assert out.returncode == 0, out.stderr[-2000:]
    data = json.loads(out.stdout)
    assert data["python"].startswith("3.")
    assert data["archived"] == len(zipfile.ZipFile(made.archive).namelist()) < 300
    assert data["checkers_from"].startswith("/lib/python")  # the archive, not a wheel
    return cases, data["replies"]


@functools.cache
def cpython_replies() -> dict[str, str]:
    """CPython's reply to each case (by the case, as JSON text), worked out once for both
    starts."""
    return {
        json.dumps(case): CPYTHON[case["call"]](json.dumps(case["message"])) for case in all_cases()
    }


def test_every_case_matches_cpython(pyodide_replies):
    cases, replies = pyodide_replies
    assert len(replies) == len(cases) > 1500
    expected = cpython_replies()
    mismatches = [
        (case, reply)
        for case, reply in zip(cases, replies, strict=True)
        if reply != json.loads(expected[json.dumps(case)])
    ]
    assert not mismatches, mismatches[:3]


def test_bad_input_errors_match(pyodide_replies):
    _, replies = pyodide_replies
    for reply in replies[-len(BAD) :]:
        assert set(reply) == {"error"}


def test_the_page_calls_were_answered_in_full(pyodide_replies):
    """Not a comparison of errors only: most form calls give a result with its HTML, every
    fragment is read and every link made."""
    cases, replies = pyodide_replies
    by_call: dict[str, list[dict]] = {}
    for case, reply in zip(cases, replies, strict=True):
        by_call.setdefault(case["call"], []).append(reply)
    forms = by_call["handle_form"]
    assert len(forms) > 4_000 and sum("html" in r for r in forms) > 0.35 * len(forms)
    assert all("values" in r for r in by_call["read_fragment"])
    assert all(r["fragment"].startswith("#checker=") for r in by_call["link_for_form"])
