"""The terms on which what the site publishes may be reused, written down once for the places
the build puts them: the foot of every handout and of every downloaded chart. The site's
footer (mkdocs.yml) and the For trainers page say the same in prose; tests/test_licence.py
holds all of them to these two."""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from urllib.parse import urlsplit


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


# What a handout or chart built for the build machine's own address says at its foot, so that
# its QR code and addresses (which open that machine) are never taken for the published ones.
PREVIEW = (
    "Preview build: the addresses and QR code on this page open the computer it was built on, "
    "not the published site."
)


def is_preview(address: str) -> bool:
    """A build for a loopback address (make build's default) is a preview, not for publishing."""
    host = urlsplit(address).hostname or ""
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:  # a name, not an address
        return False


def credit(address: str) -> str:
    """One line for the foot of a handout or a chart that travels without the site: where it
    came from and on what terms, so whoever reuses it can give the credit both licences ask.
    A preview build says so first."""
    preview = f"{PREVIEW} " if is_preview(address) else ""
    return (
        f"{preview}From Working Together 2015, {address}. The site's own words and pictures: "
        f"{OWN_WORK.short} ({OWN_WORK.url}). Quoted words of the guidance and the consultation: "
        f"Crown copyright, {QUOTED.name} ({QUOTED.url}); {SUMMARY_WORDS}."
    )
