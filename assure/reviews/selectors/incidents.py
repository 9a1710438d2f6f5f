"""Reading serious incidents: those of the partnership for someone who reads reviews (their
existence, reference, summary, steps and clocks), their history of steps, and the financial years
they fall in. Their case details are read only with the case-review grant
(``can_read_case_content``); the views log every such read."""

from __future__ import annotations

from django.db.models import QuerySet

from assure.audit.selectors import events_about
from assure.partnerships.years import financial_year_of

from ..models import Incident, Referral
from ..permissions import can_manage_reviews, can_view_reviews


def incidents_visible_to(*, user, partnership) -> QuerySet[Incident]:
    """The partnership's serious incidents the user may see, the newest first."""
    if not can_view_reviews(user=user, partnership=partnership):
        return Incident.objects.none()
    return Incident.objects.filter(partnership=partnership).select_related(
        "partnership", "lead_agency", "review", "referral"
    )


def incident_years(*, user, partnership) -> list[str]:
    """The financial years in which the incidents the user may see became known, newest first."""
    days = incidents_visible_to(user=user, partnership=partnership).dates("aware_on", "month", order="DESC")
    years: list[str] = []
    for day in days:
        year = financial_year_of(day)
        if year not in years:
            years.append(year)
    return years


def incident_steps(*, user, incident: Incident) -> list:
    """What has been recorded of the incident, the newest first (for someone who may see it)."""
    if not can_view_reviews(user=user, partnership=incident.partnership):
        return []
    return list(events_about(target=incident).select_related("actor"))


def referral_choices(*, user, partnership) -> QuerySet[Referral]:
    """The case considerations an incident may come from, for the business unit: the partnership's,
    by reference (never a child)."""
    if not can_manage_reviews(user=user, partnership=partnership):
        return Referral.objects.none()
    return Referral.objects.filter(partnership=partnership).order_by("-reference")
