"""Every reason and action is labelled with the source of its words, not only of the paragraph
it cites: a run of words it shares with a source text must come from the source its label
names (the final 2015 wording the summary quotes, the summary's own sentences, the January 2015
consultation), and the site's own advice is labelled as the site's.

The sentences are read from the reviewed records in tests/golden/, which test_wording.py holds
equal to everything the checkers can say."""

from __future__ import annotations

import json
import re
from functools import cache

import pytest

from checkers import CHECKERS, api
from tests.golden import FOLDER as GOLDEN
from tests.seed_text import sources

RUN = 8  # words in a row that count as quoting a source

# The passages of the summary that give the guidance's own (final 2015) wording, as the site
# uses them; the rest of the summary is its author's own words.
FINAL_PASSAGES = (
    "Local authorities should have designated a particular officer, or team of officers (either "
    "as part of multi-agency arrangements or otherwise), to be involved in the management and "
    "oversight of allegations against people that work with children.",
    "Any such officer, or team of officers, should be sufficiently qualified and experienced to "
    "be able to fulfil this role effectively, for example qualified social workers. Any new "
    "appointments to such a role, other than current or former designated officers moving "
    "between local authorities, should be qualified social workers.",
    "Serious harm includes, but is not limited to, cases, where the child has sustained, as a "
    "result of abuse or neglect, (a) potentially life-threatening injury or (b) serious or "
    "likely long-term impairment of physical/mental health or physical, intellectual, "
    "emotional, social, or behavioural development.",
    "this definition is not exhaustive",
    "A notifiable incident is an incident involving the care of a child which meets any of the "
    "following criteria: A child has died (including cases of suspected suicide), and abuse or "
    "neglect is known or suspected. A child has been seriously harmed, and abuse or neglect is "
    "known or suspected. A looked-after child has died (including cases where abuse or neglect "
    "is not known or suspected). A child in a regulated setting or service has died (including "
    "cases where abuse or neglect is not known or suspected).",
    "this guidance defines preventable child deaths as those in which modifiable factors may "
    "have contributed to the death. These are factors defined as those, where, if actions could "
    "be taken through national or local interventions, the risk of future child deaths could be "
    "reduced.",
)
ITEM = re.compile(
    r"^(?:By \d{4}-\d\d-\d\d: )?(?P<text>.*) \[(?P<cite>[^;\]]*); (?P<source>[^\]]*)\]$"
)


def words(text: str) -> list[str]:
    text = re.sub(r"[^\w\s/-]", " ", text.replace("’", "'").replace("'", "").lower())
    return [w for w in text.split() if re.search(r"\w", w)]


def runs(text: str) -> set[tuple[str, ...]]:
    w = words(text)
    return {tuple(w[i : i + RUN]) for i in range(len(w) - RUN + 1)}


@cache
def corpora() -> dict[str, set[tuple[str, ...]]]:
    """Runs of words by the labels that may carry them."""
    texts = sources()
    final = set().union(*(runs(p) for p in FINAL_PASSAGES))
    for passage in FINAL_PASSAGES:
        assert " ".join(words(passage)) in " ".join(words(texts["summary"])), passage
    return {
        "final-2015": final,
        "summary": runs(texts["summary"]) - final,
        "draft-2015": runs(texts["consultation"]),
        "regulation": runs(texts["consultation"]),
    }


def items() -> list[tuple[str, str, str, str]]:
    out = []
    for checker_id in CHECKERS:
        record = json.loads((GOLDEN / f"sentences-{checker_id}.json").read_text(encoding="utf-8"))
        for key in ("reasons", "actions"):
            for line in record[key]:
                m = ITEM.match(line)
                assert m, line
                out.append((checker_id, m["text"], m["cite"], m["source"]))
    return out


ITEMS = items()


def test_the_records_hold_sentences():
    assert len(ITEMS) > 200


@pytest.mark.parametrize("source", ["final-2015", "summary", "draft-2015", "this-site"])
def test_every_label_is_used(source):
    assert any(s == source for *_, s in ITEMS)


# The checkers' questions are the site's own words, wherever a sentence repeats one.
QUESTIONS = sorted(
    (q.text for checker in CHECKERS.values() for q in checker.questions), key=len, reverse=True
)


def without_questions(text: str) -> str:
    for question in QUESTIONS:
        text = text.replace(f"“{question}”", " … ")
        text = text.replace(question[0].lower() + question[1:], " … ")  # "Find out: does …"
    return text


def test_quoted_words_carry_the_label_of_their_source():
    wrong = []
    for checker_id, text, _cite, source in ITEMS:
        for run in runs(without_questions(text)):
            allowed = {label for label, found in corpora().items() if run in found}
            if allowed and source not in allowed:
                wrong.append((checker_id, text, source, " ".join(run), sorted(allowed)))
                break
    assert not wrong, f"{len(wrong)} mislabelled, e.g. {wrong[:3]}"


def test_the_summarys_own_words_are_never_final_wording():
    # "In addition, even if a child recovers, this does not mean that serious harm has not
    # occurred": the summary's sentence, not a quotation of the guidance.
    recovered = [i for i in ITEMS if "even if a child recovers" in i[1]]
    assert recovered and all(source == "summary" for *_, source in recovered)


def test_the_sites_advice_is_the_sites():
    for checker_id, text, _cite, source in ITEMS:
        if "check again" in text or text.startswith(("Find out", "Check whether this is also")):
            assert source == "this-site", (checker_id, text, source)
        if source == "this-site":
            assert not any(run in corpora()["final-2015"] for run in runs(text)), text


def test_a_regulated_setting_not_sure_rests_on_the_fourth_criterion():
    answers = {
        "child_died": True,
        "abuse_or_neglect": "not_suspected",
        "looked_after": False,
        "regulated_setting": None,
    }
    result = api.assess("notifiable-incident", answers)
    assert result["depends_on"] == ["regulated_setting"]
    reason = next(r for r in result["reasons"] if "regulated setting" in r["text"])
    assert reason["source"] == "final-2015" and reason["cite"].endswith("#criteria")


def test_the_draft_and_final_comparison_shows_only_the_guidances_words_as_final():
    """The final side of each comparison is made of what the summary gives as the guidance's
    own wording; its own sentences are never shown as "final wording"."""
    from build_scripts.prepass.draft_and_final import COMPARISONS
    from build_scripts.prepass.draft_and_final import words as block_words

    passages = " ".join(" ".join(words(p)) for p in FINAL_PASSAGES)
    for comparison in COMPARISONS.values():
        for block in comparison.final:
            texts = (block,) if isinstance(block, str) else block
            for text in texts:
                assert " ".join(words(text)) in passages, (comparison.id, text)
        assert block_words(comparison.final)
