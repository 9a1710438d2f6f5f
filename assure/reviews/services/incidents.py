"""Recording a serious incident and its steps: the local authority becomes aware of it, notifies
the national panel, the partners send their rapid review with its decision, the panel responds,
and the incident is closed once nothing more is awaited. A rapid review deciding on a local child
safeguarding practice review commissions it (``review_commission``) and the incident points at it.

The child is known by the lead agency's case reference and age only: a case reference or a summary
that looks like a name or a date of birth is refused. The dates keep their order (aware, notified,
rapid review, panel response) and none is in the future; each message names its field.
"""

from __future__ import annotations

import datetime as dt
import re

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from assure.audit.services import event_record
from assure.core.computations import records_changed
from assure.core.references import next_reference
from assure.core.services import model_update
from assure.partnerships.models import PartnershipAgency
from assure.partnerships.years import financial_year_of
from assure.questionnaires.identifying import looks_like_a_date_of_birth, looks_like_a_name

from ..models import Incident, Referral
from ..permissions import ensure_can_record_incidents, ensure_may_change_incident
from ..scheme import scheme_for

OWNER = "reviews"
PREFIX = "SI-"
OLDEST_CHILD = 17

# Two words of letters in a row ("Jane Smith", "smith family"): a case reference holds none.
WORDS_IN_A_ROW = re.compile(r"[A-Za-z]*[a-z][A-Za-z]*[\s.,]+[A-Za-z]*[a-z][A-Za-z]*")

# The fields of an incident's record (its steps are recorded by their own services).
DETAIL_FIELDS = (
    "summary",
    "lead_agency",
    "case_reference",
    "child_age_years",
    "circumstances",
    "aware_on",
    "referral",
)


def _details_checked(*, partnership, incident: Incident | None, data: dict, today: dt.date) -> dict:
    """The incident's details, cleaned, or a ValidationError keyed by field."""
    errors: dict[str, str] = {}
    known = [partnership.name, partnership.short_name] + list(
        PartnershipAgency.objects.filter(partnership=partnership).values_list("agency__name", flat=True)
    )
    summary = (data.get("summary") or "").strip()
    if not summary:
        errors["summary"] = "Enter what happened in a few words, e.g. 'Serious injury to a baby'."
    elif looks_like_a_name(summary, known=known) or looks_like_a_date_of_birth(summary):
        errors["summary"] = (
            "The summary looks as if it names someone or gives a date of birth: say what happened in words "
            "that identify nobody."
        )
    agency = data.get("lead_agency")
    if agency is None:
        errors["lead_agency"] = "Choose the lead agency."
    elif not PartnershipAgency.objects.filter(partnership=partnership, agency=agency).exists():
        errors["lead_agency"] = "Choose one of the partnership's agencies."
    case_reference = (data.get("case_reference") or "").strip()
    if not case_reference:
        errors["case_reference"] = "Enter the lead agency's case reference."
    elif looks_like_a_date_of_birth(case_reference) or WORDS_IN_A_ROW.search(case_reference):
        errors["case_reference"] = (
            "This looks like a name or a date of birth: enter the lead agency's case reference instead."
        )
    elif not any(character.isdigit() for character in case_reference):
        errors["case_reference"] = "A case reference has figures in it, e.g. CSC-10482: never a name."
    age = data.get("child_age_years")
    if age is not None and not 0 <= age <= OLDEST_CHILD:
        errors["child_age_years"] = f"Enter the child's age in years, from 0 to {OLDEST_CHILD}."
    aware_on = data.get("aware_on")
    if aware_on is None:
        errors["aware_on"] = "Enter the date the local authority became aware of the incident."
    elif aware_on > today:
        errors["aware_on"] = "The date the local authority became aware must be today or in the past."
    elif incident is not None and incident.notified_on and aware_on > incident.notified_on:
        errors["aware_on"] = (
            "The date the local authority became aware must be on or before the date the national panel was "
            f"notified ({incident.notified_on:%-d %B %Y})."
        )
    referral = data.get("referral")
    if referral is not None and referral.partnership_id != partnership.pk:
        errors["referral"] = "Choose one of the partnership's case considerations."
    if errors:
        raise ValidationError(errors)
    return {
        "summary": summary,
        "lead_agency": agency,
        "case_reference": case_reference,
        "child_age_years": age,
        "circumstances": (data.get("circumstances") or "").strip(),
        "aware_on": aware_on,
        "referral": referral,
    }


def _changed(incident: Incident) -> None:
    # The figures count an incident by the year it began and its clocks by the year each stopped.
    days = [incident.aware_on, incident.notified_on, incident.rapid_review_on]
    years = sorted({financial_year_of(day) for day in days if day})
    records_changed(OWNER, partnership_ids=[incident.partnership_id], years=years)


def _locked(incident: Incident) -> Incident:
    return (
        Incident.objects.select_for_update(of=("self",))
        .select_related("partnership", "lead_agency", "review", "referral")
        .get(pk=incident.pk)
    )


@transaction.atomic
def incident_record(
    *,
    actor,
    partnership,
    summary: str,
    lead_agency,
    case_reference: str,
    aware_on: dt.date | None,
    child_age_years: int | None = None,
    circumstances: str = "",
    referral: Referral | None = None,
) -> Incident:
    """Record a serious incident the local authority has become aware of; numbered SI-001 in the
    partnership. Its notification clock starts on ``aware_on``."""
    ensure_can_record_incidents(user=actor, partnership=partnership)
    fields = _details_checked(
        partnership=partnership,
        incident=None,
        data={
            "summary": summary,
            "lead_agency": lead_agency,
            "case_reference": case_reference,
            "child_age_years": child_age_years,
            "circumstances": circumstances,
            "aware_on": aware_on,
            "referral": referral,
        },
        today=timezone.localdate(),
    )
    reference = next_reference(
        partnership=partnership, records=Incident.objects.filter(partnership=partnership), prefix=PREFIX, digits=3
    )
    incident = Incident.objects.create(partnership=partnership, reference=reference, created_by=actor, **fields)
    event_record(
        actor=actor,
        verb="reviews.incident_recorded",
        target=incident,
        partnership=partnership,
        summary=f"{incident} recorded: {incident.summary}",
    )
    _changed(incident)
    return incident


@transaction.atomic
def incident_update(*, actor, incident: Incident, **data) -> Incident:
    """Correct the incident's details (``DETAIL_FIELDS``); its steps keep their own pages."""
    incident = _locked(incident)
    ensure_may_change_incident(user=actor, incident=incident)
    unknown = set(data) - set(DETAIL_FIELDS)
    if unknown:
        raise ValueError(f"incident_update does not set {', '.join(sorted(unknown))}")
    current = {name: getattr(incident, name) for name in DETAIL_FIELDS}
    fields = _details_checked(
        partnership=incident.partnership, incident=incident, data={**current, **data}, today=timezone.localdate()
    )
    before_year = financial_year_of(incident.aware_on)
    changed = model_update(instance=incident, fields=DETAIL_FIELDS, data=fields)
    if changed:
        event_record(
            actor=actor,
            verb="reviews.incident_updated",
            target=incident,
            partnership=incident.partnership,
            summary=f"{incident} changed",
            data={"fields": changed},
        )
        records_changed(
            OWNER,
            partnership_ids=[incident.partnership_id],
            years=[before_year, financial_year_of(incident.aware_on)],
        )
    return incident


@transaction.atomic
def incident_notify(*, actor, incident: Incident, notified_on: dt.date | None) -> Incident:
    """Record (or correct) the date the incident was notified to the national panel: on or after
    the date the local authority became aware, not in the future, and not after a rapid review
    already sent. It stops the notification clock and starts the rapid review's."""
    incident = _locked(incident)
    ensure_may_change_incident(user=actor, incident=incident)
    today = timezone.localdate()
    if notified_on is None:
        problem = "Enter the date the incident was notified to the national panel."
    elif notified_on > today:
        problem = "The date notified must be today or in the past."
    elif notified_on < incident.aware_on:
        problem = (
            "The date notified must be on or after the date the local authority became aware "
            f"({incident.aware_on:%-d %B %Y})."
        )
    elif incident.rapid_review_on and notified_on > incident.rapid_review_on:
        problem = (
            "The date notified must be on or before the date the rapid review was sent "
            f"({incident.rapid_review_on:%-d %B %Y})."
        )
    else:
        problem = ""
    if problem:
        raise ValidationError({"notified_on": problem})
    before = incident.notified_on
    incident.notified_on = notified_on
    incident.save(update_fields=["notified_on"])
    event_record(
        actor=actor,
        verb="reviews.incident_notified",
        target=incident,
        partnership=incident.partnership,
        summary=f"{incident} notified to the national panel on {notified_on:%-d %B %Y}"
        + (f" (was {before:%-d %B %Y})" if before and before != notified_on else ""),
        data={"notified_on": notified_on.isoformat(), "before": before.isoformat() if before else None},
    )
    _changed(incident)
    return incident


@transaction.atomic
def incident_rapid_review(
    *, actor, incident: Incident, rapid_review_on: dt.date | None, outcome: str, reasons: str | None
) -> Incident:
    """Record the rapid review sent to the national panel: its date (on or after the notification,
    not in the future), its decision (one of the review scheme's rapid review outcomes) and the
    reasons. A decision to hold a local child safeguarding practice review commissions it, dated
    the rapid review's day, and the incident points at it (once). ``reasons`` None keeps the reasons
    already recorded (a correction by someone who may not read them)."""
    incident = _locked(incident)
    ensure_may_change_incident(user=actor, incident=incident)
    partnership = incident.partnership
    scheme = scheme_for(partnership)
    today = timezone.localdate()
    errors: dict[str, str] = {}
    if incident.notified_on is None:
        errors["rapid_review_on"] = "Record the notification to the national panel before the rapid review."
    elif rapid_review_on is None:
        errors["rapid_review_on"] = "Enter the date the rapid review was sent to the national panel."
    elif rapid_review_on > today:
        errors["rapid_review_on"] = "The date the rapid review was sent must be today or in the past."
    elif rapid_review_on < incident.notified_on:
        errors["rapid_review_on"] = (
            "The date the rapid review was sent must be on or after the date the national panel was notified "
            f"({incident.notified_on:%-d %B %Y})."
        )
    elif incident.panel_response_on and rapid_review_on > incident.panel_response_on:
        errors["rapid_review_on"] = (
            "The date the rapid review was sent must be on or before the national panel's response "
            f"({incident.panel_response_on:%-d %B %Y})."
        )
    if scheme.term("rapid_review_outcomes", outcome) is None:
        errors["outcome"] = "Choose the rapid review's decision."
    reasons = (incident.rapid_review_reasons if reasons is None else reasons).strip()
    if not reasons:
        errors["reasons"] = "Enter the reasons for the rapid review's decision."
    if errors:
        raise ValidationError(errors)
    incident.rapid_review_on = rapid_review_on
    incident.rapid_review_outcome = outcome
    incident.rapid_review_reasons = reasons
    fields = ["rapid_review_on", "rapid_review_outcome", "rapid_review_reasons"]
    if outcome == "lcspr" and incident.review_id is None:
        from .reviews import review_commission

        incident.review = review_commission(
            actor=actor,
            partnership=partnership,
            kind="lcspr",
            title=incident.summary,
            decided_on=rapid_review_on,
            referral=incident.referral,
            agencies=(incident.lead_agency,),
            authorised=True,
        )
        fields.append("review")
    incident.save(update_fields=fields)
    event_record(
        actor=actor,
        verb="reviews.incident_rapid_reviewed",
        target=incident,
        partnership=partnership,
        summary=f"{incident}: rapid review sent on {rapid_review_on:%-d %B %Y}: "
        f"{scheme.title_of('rapid_review_outcomes', outcome)}",
        data={
            "rapid_review_on": rapid_review_on.isoformat(),
            "outcome": outcome,
            "review": incident.review.reference if incident.review else None,
        },
    )
    _changed(incident)
    return incident


@transaction.atomic
def incident_panel_response(*, actor, incident: Incident, response: str, responded_on: dt.date | None) -> Incident:
    """Record the national panel's response to the rapid review: one of the review scheme's panel
    responses, dated on or after the rapid review and not in the future."""
    incident = _locked(incident)
    ensure_may_change_incident(user=actor, incident=incident)
    scheme = scheme_for(incident.partnership)
    today = timezone.localdate()
    errors: dict[str, str] = {}
    if incident.rapid_review_on is None:
        errors["responded_on"] = "Record the rapid review before the national panel's response."
    elif responded_on is None:
        errors["responded_on"] = "Enter the date of the national panel's response."
    elif responded_on > today:
        errors["responded_on"] = "The date of the national panel's response must be today or in the past."
    elif responded_on < incident.rapid_review_on:
        errors["responded_on"] = (
            "The date of the national panel's response must be on or after the date the rapid review was sent "
            f"({incident.rapid_review_on:%-d %B %Y})."
        )
    if scheme.term("panel_responses", response) is None:
        errors["response"] = "Choose the national panel's response."
    if errors:
        raise ValidationError(errors)
    incident.panel_response = response
    incident.panel_response_on = responded_on
    incident.save(update_fields=["panel_response", "panel_response_on"])
    event_record(
        actor=actor,
        verb="reviews.incident_panel_responded",
        target=incident,
        partnership=incident.partnership,
        summary=f"{incident}: the national panel responded on {responded_on:%-d %B %Y}: "
        f"{scheme.title_of('panel_responses', response)}",
        data={"response": response, "responded_on": responded_on.isoformat()},
    )
    _changed(incident)
    return incident


@transaction.atomic
def incident_close(*, actor, incident: Incident) -> Incident:
    """Close the incident: nothing more is awaited of it (a local review that followed goes on as
    a review of its own). Its clocks are no longer shown among the open ones."""
    incident = _locked(incident)
    ensure_may_change_incident(user=actor, incident=incident)
    incident.closed_on = timezone.localdate()
    incident.save(update_fields=["closed_on"])
    event_record(
        actor=actor,
        verb="reviews.incident_closed",
        target=incident,
        partnership=incident.partnership,
        summary=f"{incident} closed",
    )
    _changed(incident)
    return incident
