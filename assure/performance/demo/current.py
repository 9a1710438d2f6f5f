"""Shropshire's data returns for the current year, relative to the day the demo is loaded: a round
opened some weeks ago whose deadline has just passed. Children's social care and the mental
health trust have submitted (their figures wait for the business unit to validate them, so the
scorecard still shows 2014-15); early help has started its return; education and the police have
not, so three returns are overdue, two of them from agencies with no agency lead account to
answer them. The figures are invented."""

from dataclasses import dataclass

from .shropshire import CSC, EARLY_HELP, EDUCATION, MENTAL_HEALTH, POLICE

OPENED_DAYS_AGO = 40
DEADLINE_DAYS_AGO = 6
NOTE = "Figures for the year so far, invented for the demo."


@dataclass(frozen=True)
class CurrentReturn:
    agency: str
    state: str  # "submitted", "draft" (some figures entered) or "not_started"
    figures: dict[str, str]  # indicator code → the figure entered ("" where none is entered yet)


RETURNS = (
    CurrentReturn(
        CSC, "submitted", {"csc-referrals": "1384", "csc-rereferrals-percent": "24.6", "csc-cp-plans": "262"}
    ),
    CurrentReturn(MENTAL_HEALTH, "submitted", {"s136-detentions-under-18": "11", "s136-police-custody": "0"}),
    CurrentReturn(EARLY_HELP, "draft", {"eh-assessments": "318", "eh-plans": ""}),
    CurrentReturn(EDUCATION, "not_started", {"edu-cme": "", "edu-part-time-timetables": ""}),
    CurrentReturn(
        POLICE, "not_started", {"police-offences-against-children-rate": "", "police-young-sexual-offence-charged": ""}
    ),
)
