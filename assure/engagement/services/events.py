"""Every change to the board's events: an event added, changed or deleted. Only the business unit
(``engagement.manage``) makes them.

An event run as a training session names the session's reference (TS-0042); the reference must be
one of the partnership's sessions (asked through the tenant core's hook, since engagement may not
import training), and its attendance is then the training register's, so no number is typed for
it."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction

from assure.audit.services import event_record
from assure.core.computations import records_changed
from assure.core.services import model_update
from assure.partnerships.session_attendance import session_attendance

from ..models import Event
from ..permissions import ensure_can_manage
from ..selectors.events import event_kinds

EVENT_FIELDS = (
    "kind",
    "title",
    "held_on",
    "venue",
    "area",
    "purpose",
    "audience",
    "attendees",
    "training_session",
    "feedback",
    "priority",
    "campaign",
)
TEXT_FIELDS = ("title", "venue", "area", "purpose", "audience", "feedback")


def _changed(partnership) -> None:
    records_changed("engagement", partnership_ids=[partnership.pk])


def _check_event(*, partnership, values: dict) -> dict:
    errors: dict[str, str] = {}
    cleaned = dict(values)
    for name in TEXT_FIELDS:
        cleaned[name] = (values.get(name) or "").strip()
    if values.get("kind") not in event_kinds():
        errors["kind"] = "Choose the kind of event."
    if not cleaned["title"]:
        errors["title"] = "Enter the event's title."
    if not values.get("held_on"):
        errors["held_on"] = "Enter the day the event was held."
    attendees = values.get("attendees")
    if attendees is not None and attendees < 0:
        errors["attendees"] = "The number who came cannot be below nought."
    reference = (values.get("training_session") or "").strip().upper()
    cleaned["training_session"] = reference
    if reference:
        if session_attendance(partnership=partnership, reference=reference) is None:
            errors["training_session"] = (
                f"The training register has no session {reference}: check the reference on the session's page."
            )
        elif attendees is not None:
            errors["attendees"] = f"The training register counts those who came to {reference}: leave the number empty."
    priority = values.get("priority")
    if priority is not None and priority.partnership_id != partnership.pk:
        errors["priority"] = "Choose one of the business plan's priorities."
    campaign = values.get("campaign")
    if campaign is not None and campaign.partnership_id != partnership.pk:
        errors["campaign"] = "Choose one of the partnership's campaigns."
    if errors:
        raise ValidationError(errors)
    return cleaned


@transaction.atomic
def event_create(*, actor, partnership, values: dict) -> Event:
    """Record an event the board held or supported."""
    ensure_can_manage(user=actor, partnership=partnership)
    values = _check_event(partnership=partnership, values=values)
    event = Event(partnership=partnership, created_by=actor, **{name: values.get(name) for name in EVENT_FIELDS})
    event.full_clean()
    event.save()
    event_record(
        actor=actor,
        verb="engagement.event_created",
        target=event,
        partnership=partnership,
        summary=f"Event recorded: {event.title}",
    )
    _changed(partnership)
    return event


@transaction.atomic
def event_update(*, actor, event: Event, values: dict) -> list[str]:
    """Change an event; returns the fields changed."""
    partnership = event.partnership
    ensure_can_manage(user=actor, partnership=partnership)
    values = _check_event(partnership=partnership, values=values)
    changed = model_update(instance=event, fields=EVENT_FIELDS, data=values)
    if changed:
        event_record(
            actor=actor,
            verb="engagement.event_updated",
            target=event,
            partnership=partnership,
            summary=f"Event changed: {event.title}",
            data={"changed": changed},
        )
        _changed(partnership)
    return changed


@transaction.atomic
def event_delete(*, actor, event: Event) -> None:
    """Delete an event recorded in error."""
    partnership = event.partnership
    ensure_can_manage(user=actor, partnership=partnership)
    event_record(
        actor=actor,
        verb="engagement.event_deleted",
        target=event,
        partnership=partnership,
        summary=f"Event deleted: {event.title}",
    )
    event.delete()
    _changed(partnership)
