"""Recording the quality assurance of a child protection conference: the conference (its date, its
chair and children's social care's reference, never the child's name), then its checklist,
answered on the questionnaire engine and submitted, after which it is locked and counted.

Submitting a checklist changes the figures counted from them (the core dataset's cpc-* indicators
and the absences), so ``conference_checklist_submit`` tells performance with ``records_changed``.
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from assure.audit.services import event_record
from assure.core.computations import records_changed
from assure.library.selectors import current_item
from assure.partnerships.years import financial_year_of
from assure.questionnaires.services import response_start, response_submit

from ..computations import OWNER
from ..models import Conference
from ..permissions import ensure_can_record_conferences, ensure_may_answer_checklist

CHECKLIST = "conference-checklist"


def _checked(*, held_on: dt.date | None, chair: str, case_reference: str) -> dict:
    errors = {}
    if held_on is None:
        errors["held_on"] = "Enter the date of the conference."
    elif held_on > timezone.localdate():
        errors["held_on"] = "The date of the conference must be today or in the past."
    if not chair.strip():
        errors["chair"] = "Enter the name of the conference's chair."
    if errors:
        raise ValidationError(errors)
    return {"held_on": held_on, "chair": chair.strip(), "case_reference": case_reference.strip()}


@transaction.atomic
def conference_record(
    *, actor, partnership, held_on: dt.date | None, chair: str, case_reference: str = ""
) -> Conference:
    """Record a conference and start its checklist (the library's current version), as a draft."""
    ensure_can_record_conferences(user=actor, partnership=partnership)
    fields = _checked(held_on=held_on, chair=chair, case_reference=case_reference)
    checklist = current_item(kind="questionnaire", code=CHECKLIST)
    if checklist is None:
        raise ValidationError("The library holds no conference checklist; ask the operator to load the library.")
    conference = Conference.objects.create(partnership=partnership, recorded_by=actor, **fields)
    conference.response = response_start(
        actor=actor, partnership=partnership, questionnaire=checklist, about=conference
    )
    conference.save(update_fields=["response"])
    event_record(
        actor=actor,
        verb="audits.conference_recorded",
        target=conference,
        partnership=partnership,
        summary=f"{conference} recorded for quality assurance",
    )
    return conference


@transaction.atomic
def conference_checklist_submit(*, actor, conference: Conference) -> Conference:
    """Submit the conference's checklist: every question it shows must be answered (the errors are
    keyed by question code). It is then locked and counted in the year's figures."""
    conference = Conference.objects.select_for_update(of=("self",)).select_related("response").get(pk=conference.pk)
    ensure_may_answer_checklist(user=actor, conference=conference)
    response_submit(
        actor=actor,
        response=conference.response,
        summary=f"Quality-assurance checklist of the {conference} submitted",
    )
    event_record(
        actor=actor,
        verb="audits.conference_checked",
        target=conference,
        partnership=conference.partnership,
        summary=f"{conference}: quality-assurance checklist submitted",
    )
    records_changed(OWNER, partnership_ids=[conference.partnership_id], years=[financial_year_of(conference.held_on)])
    return conference
