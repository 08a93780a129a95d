"""The terms on which what the site publishes may be reused, written down once for the places
the build puts them: the foot of every handout and of every downloaded chart. The site's
footer (mkdocs.yml) and the For trainers page say the same in prose; tests/test_licence.py
holds all of them to these two."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Licence:
    name: str
    short: str
    url: str


# The site's own text and pictures: introductions, help text, the checkers' wording, the worked
# examples, the flowcharts and the handouts.
OWN_WORK = Licence(
    "Creative Commons Attribution 4.0 International",
    "CC BY 4.0",
    "https://creativecommons.org/licenses/by/4.0/",
)
# The guidance and the January 2015 consultation, quoted word for word (Crown copyright).
QUOTED = Licence(
    "Open Government Licence v3.0",
    "OGL v3.0",
    "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/",
)


# The summary of the revisions is a third party's: the guidance's words it quotes are Crown
# copyright, its own sentences are not, and no licence of ours or the Crown's covers them.
SUMMARY_WORDS = (
    "sentences from a published summary of the revisions (its author is not named in our copy) "
    "are its author's own, not Crown copyright"
)


def credit(address: str) -> str:
    """One line for the foot of a handout or a chart that travels without the site: where it
    came from and on what terms, so whoever reuses it can give the credit both licences ask."""
    return (
        f"From Working Together 2015, {address}. The site's own words and pictures: "
        f"{OWN_WORK.short} ({OWN_WORK.url}). Quoted words of the guidance and the consultation: "
        f"Crown copyright, {QUOTED.name} ({QUOTED.url}); {SUMMARY_WORDS}."
    )
