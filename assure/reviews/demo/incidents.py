"""Shropshire's serious incidents in the demo, both invented and dated from the day the demo is
loaded: the current one (a baby seriously injured), notified to the national panel on time, its
rapid review not yet sent and due within a few working days, so its clock is amber whatever the
day; and an earlier one of the year, closed: its rapid review decided no local review was needed
and the national panel agreed. The child is known by an invented case reference and an age only.
"""

from __future__ import annotations

import datetime as dt

from assure.audit.services import event_record
from assure.clocks.workingdays import add_working_days
from assure.demo import region
from assure.partnerships.years import financial_year_bounds, financial_year_of

from ..models import Incident

LEAD_AGENCY = "shropshire-csc"

# The rapid review falls due this many working days after the demo's day (amber: 5 or fewer).
RAPID_REVIEW_LEFT = 3
RAPID_REVIEW_LENGTH = 15
NOTIFIED_AFTER = 3


def _earlier_aware_on(today: dt.date) -> dt.date:
    """When the local authority became aware of the earlier incident: in the current financial
    year, with room for its steps before today (the year before, loaded in its first weeks)."""
    first, _ = financial_year_bounds(financial_year_of(today))
    aware = max(first + dt.timedelta(days=7), today - dt.timedelta(days=150))
    if (today - aware).days < 60:
        aware = today - dt.timedelta(days=100)
    return aware


def load(*, partnerships, agencies, users, today, made: dict) -> None:
    partnership = partnerships[region.SHROPSHIRE]
    agency = agencies[LEAD_AGENCY]
    officer = users[(region.SHROPSHIRE, "business-unit")]

    aware = _earlier_aware_on(today)
    notified = add_working_days(aware, 4)
    reviewed = add_working_days(notified, 13)
    answered = add_working_days(reviewed, 10)
    earlier = Incident.objects.create(
        partnership=partnership,
        reference="SI-001",
        summary="A young person seriously harmed while missing from home",
        circumstances=(
            "Found injured after two days missing; known to early help for missing episodes. Police and "
            "children's social care shared what they knew on the day of the first report."
        ),
        lead_agency=agency,
        case_reference="CSC/26/0412",
        child_age_years=15,
        aware_on=aware,
        notified_on=notified,
        rapid_review_on=reviewed,
        rapid_review_outcome="no-lcspr",
        rapid_review_reasons=(
            "Agencies recognised the risk and worked together promptly; the learning on return interviews is "
            "taken forward through the missing children protocol rather than a local review."
        ),
        panel_response="agrees",
        panel_response_on=answered,
        closed_on=add_working_days(answered, 2),
        created_by=officer,
    )
    notified_now = add_working_days(today, RAPID_REVIEW_LEFT - RAPID_REVIEW_LENGTH)
    current = Incident.objects.create(
        partnership=partnership,
        reference="SI-002",
        summary="Serious injury to a baby",
        circumstances=(
            "Admitted to hospital with a fractured arm and bruising not explained by the account given. The "
            "family was known to the health visiting service; no other agency was involved."
        ),
        lead_agency=agency,
        case_reference="CSC/26/1187",
        child_age_years=0,
        aware_on=add_working_days(notified_now, -NOTIFIED_AFTER),
        notified_on=notified_now,
        created_by=officer,
    )
    for incident, steps in (
        (
            earlier,
            [
                ("reviews.incident_recorded", f"{earlier} recorded: {earlier.summary}"),
                ("reviews.incident_notified", f"{earlier} notified to the national panel"),
                ("reviews.incident_rapid_reviewed", f"{earlier}: rapid review sent: no local review"),
                ("reviews.incident_panel_responded", f"{earlier}: the national panel agrees"),
                ("reviews.incident_closed", f"{earlier} closed"),
            ],
        ),
        (
            current,
            [
                ("reviews.incident_recorded", f"{current} recorded: {current.summary}"),
                ("reviews.incident_notified", f"{current} notified to the national panel"),
            ],
        ),
    ):
        for verb, summary in steps:
            event_record(actor=officer, verb=verb, target=incident, partnership=partnership, summary=summary)
    made["incidents"] = {"earlier": earlier, "current": current}
