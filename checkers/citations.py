"""Where each paragraph of the guidance stands on this site.

Every citation a checker gives is one of these anchors: "page/#anchor", relative to the site
root. The build fails when one of them is not an id of the built page
(build_scripts/postpass/anchors.py).
"""

from dataclasses import dataclass

# Where the text behind an anchor comes from. The two source texts are not equal: the summary
# gives the final 2015 wording of some passages (and elsewhere speaks in its own words, a third
# party's); the January 2015 consultation gives proposed text, which is all this site has for the
# rest.
FINAL = "final-2015"
SUMMARY = "summary"
DRAFT = "draft-2015"
REGULATION = "regulation"
SITE = "this-site"


@dataclass(frozen=True)
class Anchor:
    """One place a checker cites: its address, how a link to it reads, and its source."""

    address: str  # "page/#anchor", relative to the site root
    label: str
    source: str


ANCHORS: dict[str, Anchor] = {}


def anchor(address: str, label: str, source: str) -> str:
    """Record an anchor in the one table, and give its address for a checker to cite."""
    ANCHORS[address] = Anchor(address, label, source)
    return address


# Allegations against people who work with children (proposed text, January 2015)
S11_DUTY = anchor(
    "allegations/#s11-para-1", "Section 11 of the Children Act 2004, paragraph 1", DRAFT
)
S11_ARRANGEMENTS = anchor("allegations/#s11-para-2", "Section 11 arrangements, paragraph 2", DRAFT)
ALLEGATION_LIMBS = anchor("allegations/#allegation-limbs", "What an allegation is", DRAFT)
ALLEGATIONS_COORDINATED = anchor("allegations/#s11-para-3", "Allegations, paragraph 3", DRAFT)
ALLEGATIONS_ADVICE = anchor("allegations/#s11-para-4", "Allegations, paragraph 4", DRAFT)
ALLEGATIONS_REPORTING = anchor("allegations/#s11-para-5", "Allegations, paragraph 5", DRAFT)
DBS_REFERRAL = anchor("allegations/#s11-para-6", "Allegations, paragraph 6", DRAFT)
DESIGNATED_OFFICER_FINAL = anchor(
    "allegations/#designated-officer-final", "The designated officer", FINAL
)

# Notifiable incidents
NI_CRITERIA = anchor("notifiable-incidents/#criteria", "Notifiable incidents: the criteria", FINAL)
NI_REGULATED_SETTINGS = anchor(
    "notifiable-incidents/#regulated-settings", "Regulated settings", DRAFT
)
NI_REPORTING = anchor("notifiable-incidents/#ni-para-2", "Notifiable incidents, paragraph 2", DRAFT)
NI_AND_SCR = anchor("notifiable-incidents/#ni-para-3", "Notifiable incidents, paragraph 3", DRAFT)

# Serious harm and serious case reviews
REGULATION_5 = anchor("serious-harm/#regulation-5", "Regulation 5", REGULATION)
SERIOUS_HARM_DEFINITION = anchor(
    "serious-harm/#definition", "The definition of “seriously harmed”", FINAL
)
SCR_PARA_6 = anchor("serious-harm/#scr-para-6", "Serious case reviews, paragraph 6", DRAFT)
SCR_PARA_7 = anchor("serious-harm/#scr-para-7", "Serious case reviews, paragraph 7", DRAFT)
SCR_PARA_8 = anchor("serious-harm/#scr-para-8", "Serious case reviews, paragraph 8", DRAFT)

# Whistleblowing
WHISTLEBLOWING = anchor(
    "whistleblowing/#expectation", "Whistleblowing: what the guidance expects", SUMMARY
)
WHISTLEBLOWING_GOOD_PRACTICE = anchor(
    "whistleblowing/#good-practice", "Whistleblowing: good practice", SITE
)

# The designated officer (its own page, with its check)
DESIGNATED_OFFICER_RULE = anchor(
    "designated-officer/#final-wording", "The designated officer: the final wording", FINAL
)

# LSCB annual reports
LSCB_ANNUAL_REPORT = anchor(
    "lscb-annual-reports/#expectations", "LSCB annual reports: what the summary says", SUMMARY
)

# Preventable child deaths
PREVENTABLE_DEFINITION = anchor(
    "preventable-child-deaths/#definition", "The definition of preventable child deaths", FINAL
)

# The status of the 2015 guidance (replaced in 2018 and 2023)
STATUS = anchor("#status", "The status of the 2015 guidance", SITE)

ALL = {
    name: value
    for name, value in dict(globals()).items()
    if name.isupper() and isinstance(value, str) and value in ANCHORS
}
# Read from the one table (the names other modules use).
SOURCE_OF = {address: a.source for address, a in ANCHORS.items()}
LABELS = {address: a.label for address, a in ANCHORS.items()}

SOURCE_NOTES = {
    FINAL: "Working Together 2015, final wording (as quoted in a published summary of the "
    "revisions)",
    SUMMARY: "a published summary of the revisions (its author is not named in our copy), in "
    "its own words: not the guidance’s own text, which is not in this site’s sources, and not "
    "Crown copyright",
    DRAFT: "the January 2015 proposed text; the final wording is not in this site’s sources",
    REGULATION: "regulation 5 of the Local Safeguarding Children Boards Regulations 2006, as "
    "quoted in the January 2015 consultation",
    SITE: "good practice written by this site, not the guidance",
}

# How a result tags a reason or action from each source, next to its citation.
SOURCE_TAGS = {
    FINAL: "",
    SUMMARY: "the summary’s own words",
    DRAFT: "January 2015 proposed text",
    REGULATION: "",
    SITE: "this site’s good practice",
}

# A result groups its items by source: one heading over a run of items from one source, in
# place of the tag on every line (the final wording and the regulation need none).
SOURCE_HEADINGS = {
    SUMMARY: "In the summary’s own words",
    DRAFT: "From the January 2015 proposed text",
    SITE: "This site’s good practice",
}


def source_fields(cite: str, source: str | None = None) -> dict[str, str]:
    """The `source` of a reason or action (its citation's, unless given), and the sentence
    that says what it is."""
    source = source or SOURCE_OF[cite]
    return {"source": source, "source_note": SOURCE_NOTES[source]}
