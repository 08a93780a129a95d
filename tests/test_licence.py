"""Everything the site publishes says on what terms it may be reused, and says it the same way
(build_scripts/licence.py): every page's footer, the For trainers page, and what travels without
the site — each handout and each downloaded chart carries the credit line at its foot."""

from __future__ import annotations

import re
from html import escape, unescape

import pytest

from build_scripts.licence import OWN_WORK, QUOTED, SUMMARY_WORDS, credit
from build_scripts.prepass import flowcharts, worked_examples
from checkers import CHECKERS


def test_every_page_names_both_licences(site):
    pages = sorted(site.dir.rglob("*.html"))
    assert len(pages) > 40
    for page in pages:
        html = page.read_text(encoding="utf-8")
        for licence in (OWN_WORK, QUOTED):
            assert licence.url in html, (page, licence.short)


def test_the_for_trainers_page_gives_the_terms_for_the_sites_own_work(site):
    html = (site.dir / "for-trainers" / "index.html").read_text(encoding="utf-8")
    section = html[html.index('id="licence"') :]
    section = unescape(re.sub(r"<[^>]+>", "", section[: section.index("</article>")]))
    section = " ".join(section.split())
    assert f"Creative Commons Attribution 4.0 International licence ({OWN_WORK.short})" in section
    assert "not yet" not in section  # the old "not yet under an open licence" is gone
    assert "Crown copyright" in section and QUOTED.name in section


def test_every_handout_carries_the_credit(site):
    handouts = [site.dir / "handouts" / e["id"] / "index.html" for e in worked_examples.load()]
    handouts.append(site.dir / "handouts" / "paragraphs" / "index.html")
    for page in handouts:
        html = page.read_text(encoding="utf-8")
        assert f'<p class="handout-footer">{escape(credit(site.url))}</p>' in html, page


@pytest.mark.parametrize("checker_id", flowcharts.DECISION_CHECKERS)
@pytest.mark.parametrize("definite", [False, True], ids=["full", "definite"])
def test_a_downloaded_chart_carries_the_credit_with_its_address(site, checker_id, definite):
    name = flowcharts.download_name(checker_id, definite)
    svg = (site.dir / "assets" / "flowcharts" / f"{name}.svg").read_text()
    # dot writes the foot as one <text> per line, in order: read them back as one line.
    words = " ".join(unescape(t) for t in re.findall(r"<text[^>]*>([^<]*)</text>", svg))
    address = f"{site.url}{CHECKERS[checker_id].page}#flowchart"
    assert " ".join(credit(address).split()) in " ".join(words.split())


# The summary of the revisions is a third party's: the site never puts its own sentences under
# the Crown's copyright or the Open Government Licence.
SUMMARY_NAME = "a published summary of the revisions (its author is not named in our copy)"


def test_the_credit_line_keeps_the_summarys_words_out_of_the_crown_licence():
    line = credit("https://example.org/")
    assert SUMMARY_NAME in line and "not Crown copyright" in line


def test_every_source_line_attributes_the_summary_rightly():
    from tests.conftest import ROOT

    own = (ROOT / "includes" / "source-summary.md").read_text(encoding="utf-8")
    final = (ROOT / "includes" / "source-final.md").read_text(encoding="utf-8")
    assert SUMMARY_NAME in own and SUMMARY_NAME in final
    assert "not Crown copyright" in own and "not covered by the Open Government Licence" in own
    # The final wording it quotes is the guidance's, and so the Crown's.
    assert "The guidance’s words: Crown copyright" in final
    readme = (ROOT / "sources" / "README.md").read_text(encoding="utf-8")
    assert "not Crown copyright" in readme


def test_every_page_footer_and_the_for_trainers_page_say_so(site):
    for page in sorted(site.dir.rglob("*.html"))[:60]:
        text = " ".join(unescape(re.sub(r"<[^>]+>", " ", page.read_text(encoding="utf-8"))).split())
        if "Crown copyright" in text:  # the footer of a page, or a handout's credit line
            assert (
                "a published summary of the revisions are its author's own words" in text
                or SUMMARY_WORDS in text
            ), page
    html = (site.dir / "for-trainers" / "index.html").read_text(encoding="utf-8")
    text = " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())
    assert "The summary is not a government publication" in text


def test_a_preview_build_says_so_where_its_addresses_travel():
    """A handout or chart built for the build machine's own address says "Preview build" at its
    foot; one built for the published address does not."""
    from build_scripts.licence import PREVIEW

    for preview in ("http://127.0.0.1:8000/", "http://localhost:8080/wt/"):
        assert credit(preview).startswith(PREVIEW)
    for published in ("https://example.org/wt2015/", "https://127.example.org/"):
        assert PREVIEW not in credit(published)
