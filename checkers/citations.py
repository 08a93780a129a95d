"""Where each paragraph of the guidance stands on this site.

Every citation a checker gives is one of these anchors: "page/#anchor", relative to the site
root. The build fails when one of them does not exist in docs/ (build_scripts/citations.py).
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

ALL = {name: value for name, value in dict(globals()).items() if name.isupper()}

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
}
