"""What the Section 11 demo holds: who answers, in which state, and the invented schools and
early years settings whose audits reproduce Shropshire's reported compliance (schools 98%, early
years settings 42%: annual report 2014-15, section 5.43). Every name here is invented."""

import datetime as dt
from dataclasses import dataclass

from assure.demo import region

CLASSIC = "section11-classic-2007"
SCHOOLS = "schools-175-157"
EARLY_YEARS = "early-years-settings"

# The deadlines of the past years' cycles (the schools' and early years settings' audits of
# 2014-15 share the regional cycle's), each in its own year.
DEADLINES = {"2013-14": dt.date(2014, 1, 31), "2014-15": dt.date(2015, 1, 30)}
# The current year's cycle closed for returns this many days before the demo is loaded.
CURRENT_DEADLINE_DAYS_AGO = 7

# The state of each agency's return in the current year's cycle (keys of region.AGENCIES);
# agencies not named are accepted. The deadline has passed, so those not yet submitted are
# overdue: two of them Shropshire's (the ambulance service and the voluntary sector, neither
# with an agency lead account to answer).
STATES = {
    "shropshire-community-health": "under_challenge",  # the Shropshire agency lead's own return
    "yos": "under_challenge",
    "crc": "submitted",
    "cafcass": "submitted",
    "sssft": "submitted",
    "telford-ccg": "submitted",
    "herefordshire-early-help": "in_progress",
    "shropshire-voluntary": "in_progress",
    "ambulance": "not_started",
    "worcestershire-public-health": "not_started",
}

# Agencies whose moderated ratings were markedly lower than their own: the demo's over-raters.
OVER_RATERS = ("police", "sath", "telford-csc")


@dataclass(frozen=True)
class Challenge:
    agency: str
    criterion: str
    question: str
    answer: str


CHALLENGES = (
    Challenge(
        "shropshire-community-health",
        "2.3",
        "You score commissioning 3, fully in place. Which contracts were checked for the safeguarding clause this "
        "year, and how do you monitor providers against it?",
        "All twelve contracts renewed this year carry the clause; providers complete our Section 11 template at "
        "tender and contract monitoring reviews it every quarter. The monitoring report to the Quality Committee "
        "is attached.",
    ),
    # Waiting for the Shropshire agency lead to answer.
    Challenge(
        "shropshire-community-health",
        "8.2",
        "Your evidence is the information sharing policy. How do you know staff are confident to share? Please "
        "attach the latest staff survey or audit, or say when one will be done.",
        "",
    ),
    Challenge(
        "yos",
        "5.4",
        "How is the impact of safeguarding training on practice measured? The evidence lists attendance only.",
        "",
    ),
)

# The moderator's note on accepting a return whose ratings were lowered.
ACCEPT_NOTE = "Accepted after moderation; ratings lowered where the evidence showed policy rather than practice."


@dataclass(frozen=True)
class AuditedSetting:
    """An invented school or early years setting of Shropshire, and the criteria its audit found
    not met (criterion ref -> level code); every other criterion is fully or mostly met."""

    name: str
    agency_type: str
    not_met: dict[str, str]


# Ten schools x 25 criteria = 250; five not met, all RSE or equal opportunities training (the
# report's "key areas of non-compliance"): 245 of 250 = 98%.
SCHOOL_SETTINGS = (
    AuditedSetting("Brackenhurst Primary School", "school", {"4.3": "partially-met"}),
    AuditedSetting("Hollinsgate Church of England Primary School", "school", {}),
    AuditedSetting("Ridgemoor Primary School", "school", {"4.4": "partially-met"}),
    AuditedSetting("Kestrelford Academy", "school", {}),
    AuditedSetting("Wenlow Valley Primary School", "school", {"4.3": "not-met"}),
    AuditedSetting("Corbet Heath High School", "school", {}),
    AuditedSetting("Sabrina Meadows Primary School", "school", {"4.4": "partially-met"}),
    AuditedSetting("Lydbrook Fields Special School", "school", {}),
    AuditedSetting("Marchwood Grange School", "school", {"4.3": "partially-met"}),
    AuditedSetting("Stiperstones View Primary School", "school", {}),
)

# Six settings x 17 criteria = 102; 43 fully or mostly met: 42%. A setting meets the criteria
# named in ``met`` and no others.
EARLY_YEARS_MET = {
    "Bramblewick Pre-school": ("1.1", "1.2", "1.3", "2.1", "2.2", "3.2", "3.3", "4.1", "4.2", "4.4", "5.2"),
    "Kestrel Lane Day Nursery": ("1.1", "1.2", "2.1", "2.2", "3.2", "3.3", "4.1", "4.2", "5.2"),
    "Oakhollow Nursery": ("1.2", "2.1", "3.2", "3.3", "4.1", "4.2", "4.4"),
    "Teme Meadow Playgroup": ("1.2", "2.1", "3.2", "3.3", "4.1", "4.2"),
    "Larkspur Childcare": ("2.1", "3.2", "3.3", "4.1", "4.2"),
    "Moss Hollow Pre-school": ("2.1", "3.2", "3.3", "4.1", "4.2"),
}

LEAD = region.SHROPSHIRE
