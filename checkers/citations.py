"""Where each paragraph of the guidance stands on this site.

Every citation a checker gives is one of these anchors: "page/#anchor", relative to the site
root. The build fails when one of them is not an id of the built page
(build_scripts/postpass/anchors.py).
"""

# Allegations against people who work with children (proposed text, January 2015)
S11_DUTY = "allegations/#s11-para-1"
S11_ARRANGEMENTS = "allegations/#s11-para-2"
ALLEGATION_LIMBS = "allegations/#allegation-limbs"
ALLEGATIONS_COORDINATED = "allegations/#s11-para-3"
ALLEGATIONS_ADVICE = "allegations/#s11-para-4"
ALLEGATIONS_REPORTING = "allegations/#s11-para-5"
DBS_REFERRAL = "allegations/#s11-para-6"
DESIGNATED_OFFICER_FINAL = "allegations/#designated-officer-final"

# Notifiable incidents
NI_CRITERIA = "notifiable-incidents/#criteria"
NI_REGULATED_SETTINGS = "notifiable-incidents/#regulated-settings"
NI_REPORTING = "notifiable-incidents/#ni-para-2"
NI_AND_SCR = "notifiable-incidents/#ni-para-3"

# Serious harm and serious case reviews
REGULATION_5 = "serious-harm/#regulation-5"
SERIOUS_HARM_DEFINITION = "serious-harm/#definition"
SCR_PARA_6 = "serious-harm/#scr-para-6"
SCR_PARA_7 = "serious-harm/#scr-para-7"
SCR_PARA_8 = "serious-harm/#scr-para-8"

# Whistleblowing
WHISTLEBLOWING = "whistleblowing/#expectation"
WHISTLEBLOWING_GOOD_PRACTICE = "whistleblowing/#good-practice"

# The status of the 2015 guidance (replaced in 2018 and 2023)
STATUS = "#status"

ALL = {name: value for name, value in dict(globals()).items() if name.isupper()}

# Where the text behind each anchor comes from. The two source texts are not equal: the summary
# gives the final 2015 wording of some passages (and elsewhere speaks in its own words); the
# January 2015 consultation gives proposed text, which is all this site has for the rest.
FINAL = "final-2015"
SUMMARY = "summary"
DRAFT = "draft-2015"
REGULATION = "regulation"
SITE = "this-site"

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

SOURCE_OF = {
    S11_DUTY: DRAFT,
    S11_ARRANGEMENTS: DRAFT,
    ALLEGATION_LIMBS: DRAFT,
    ALLEGATIONS_COORDINATED: DRAFT,
    ALLEGATIONS_ADVICE: DRAFT,
    ALLEGATIONS_REPORTING: DRAFT,
    DBS_REFERRAL: DRAFT,
    DESIGNATED_OFFICER_FINAL: FINAL,
    NI_CRITERIA: FINAL,
    NI_REGULATED_SETTINGS: DRAFT,
    NI_REPORTING: DRAFT,
    NI_AND_SCR: DRAFT,
    REGULATION_5: REGULATION,
    SERIOUS_HARM_DEFINITION: FINAL,
    SCR_PARA_6: DRAFT,
    SCR_PARA_7: DRAFT,
    SCR_PARA_8: DRAFT,
    WHISTLEBLOWING: SUMMARY,
    WHISTLEBLOWING_GOOD_PRACTICE: SITE,
    STATUS: SITE,
}


def source_fields(cite: str, source: str | None = None) -> dict[str, str]:
    """The `source` of a reason or action (its citation's, unless given), and the sentence
    that says what it is."""
    source = source or SOURCE_OF[cite]
    return {"source": source, "source_note": SOURCE_NOTES[source]}


# How a link to each anchor reads in a result.
LABELS = {
    S11_DUTY: "Section 11 of the Children Act 2004, paragraph 1",
    S11_ARRANGEMENTS: "Section 11 arrangements, paragraph 2",
    ALLEGATION_LIMBS: "What an allegation is",
    ALLEGATIONS_COORDINATED: "Allegations, paragraph 3",
    ALLEGATIONS_ADVICE: "Allegations, paragraph 4",
    ALLEGATIONS_REPORTING: "Allegations, paragraph 5",
    DBS_REFERRAL: "Allegations, paragraph 6",
    DESIGNATED_OFFICER_FINAL: "The designated officer",
    NI_CRITERIA: "Notifiable incidents: the criteria",
    NI_REGULATED_SETTINGS: "Regulated settings",
    NI_REPORTING: "Notifiable incidents, paragraph 2",
    NI_AND_SCR: "Notifiable incidents, paragraph 3",
    REGULATION_5: "Regulation 5",
    SERIOUS_HARM_DEFINITION: "The definition of “seriously harmed”",
    SCR_PARA_6: "Serious case reviews, paragraph 6",
    SCR_PARA_7: "Serious case reviews, paragraph 7",
    SCR_PARA_8: "Serious case reviews, paragraph 8",
    WHISTLEBLOWING: "Whistleblowing: what the guidance expects",
    WHISTLEBLOWING_GOOD_PRACTICE: "Whistleblowing: good practice",
    STATUS: "The status of the 2015 guidance",
}
