"""Every change to a campaign: the campaign added, changed or deleted; its activities added,
changed or removed; its measures added or removed. Only the business unit
(``engagement.manage``) makes them.

Every message names its field, so a form shows it against that field. The kinds of activity and
of measure are the library's (``engagement-activity``, ``engagement-measure``); a measure is a
count, never below nought, and may name one of its own campaign's activities."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction

from assure.audit.services import event_record
from assure.core.computations import records_changed
from assure.core.services import model_update

from ..models import Activity, Campaign, Measure
from ..permissions import ensure_can_manage
from ..selectors.campaigns import activity_kinds, measure_kinds

CAMPAIGN_FIELDS = ("title", "aims", "audiences", "priority", "starts_on", "ends_on")
ACTIVITY_FIELDS = ("kind", "description", "happened_on")


def _changed(partnership) -> None:
    # Engagement's computed figures (if any are registered) count campaigns and their measures.
    records_changed("engagement", partnership_ids=[partnership.pk])


def _text(values: dict, name: str) -> str:
    return (values.get(name) or "").strip()


# --- campaigns ----------------------------------------------------------------------------------


def _check_campaign(*, partnership, values: dict) -> dict:
    errors: dict[str, str] = {}
    cleaned = dict(values)
    for name in ("title", "aims", "audiences"):
        cleaned[name] = _text(values, name)
    if not cleaned["title"]:
        errors["title"] = "Enter the campaign's title."
    if not cleaned["aims"]:
        errors["aims"] = "Say what the campaign sets out to change."
    if not cleaned["audiences"]:
        errors["audiences"] = "Say who the campaign speaks to."
    starts, ends = values.get("starts_on"), values.get("ends_on")
    if not starts:
        errors["starts_on"] = "Enter the day the campaign starts."
    elif ends and ends < starts:
        errors["ends_on"] = "The campaign must end on or after the day it starts."
    priority = values.get("priority")
    if priority is not None and priority.partnership_id != partnership.pk:
        errors["priority"] = "Choose one of the business plan's priorities."
    if errors:
        raise ValidationError(errors)
    return cleaned


@transaction.atomic
def campaign_create(*, actor, partnership, values: dict) -> Campaign:
    """Add a campaign."""
    ensure_can_manage(user=actor, partnership=partnership)
    values = _check_campaign(partnership=partnership, values=values)
    campaign = Campaign(
        partnership=partnership, created_by=actor, **{name: values.get(name) for name in CAMPAIGN_FIELDS}
    )
    campaign.full_clean()
    campaign.save()
    event_record(
        actor=actor,
        verb="engagement.campaign_created",
        target=campaign,
        partnership=partnership,
        summary=f"Campaign added: {campaign.title}",
    )
    _changed(partnership)
    return campaign


@transaction.atomic
def campaign_update(*, actor, campaign: Campaign, values: dict) -> list[str]:
    """Change a campaign's details; returns the fields changed."""
    partnership = campaign.partnership
    ensure_can_manage(user=actor, partnership=partnership)
    values = _check_campaign(partnership=partnership, values=values)
    changed = model_update(instance=campaign, fields=CAMPAIGN_FIELDS, data=values)
    if changed:
        event_record(
            actor=actor,
            verb="engagement.campaign_updated",
            target=campaign,
            partnership=partnership,
            summary=f"Campaign changed: {campaign.title}",
            data={"changed": changed},
        )
        _changed(partnership)
    return changed


@transaction.atomic
def campaign_delete(*, actor, campaign: Campaign) -> None:
    """Delete a campaign with its activities and measures; an event of the campaign stays, no
    longer part of it."""
    partnership = campaign.partnership
    ensure_can_manage(user=actor, partnership=partnership)
    title = campaign.title
    counts = {"activities": campaign.activities.count(), "measures": campaign.measures.count()}
    event_record(
        actor=actor,
        verb="engagement.campaign_deleted",
        target=campaign,
        partnership=partnership,
        summary=f"Campaign deleted: {title}",
        data=counts,
    )
    campaign.delete()
    _changed(partnership)


# --- activities ---------------------------------------------------------------------------------


def _check_activity(values: dict) -> dict:
    errors: dict[str, str] = {}
    cleaned = {**values, "description": _text(values, "description")}
    if values.get("kind") not in activity_kinds():
        errors["kind"] = "Choose the kind of activity."
    if not cleaned["description"]:
        errors["description"] = "Describe the activity: what was done, where and for whom."
    if not values.get("happened_on"):
        errors["happened_on"] = "Enter the day the activity took place."
    if errors:
        raise ValidationError(errors)
    return cleaned


@transaction.atomic
def activity_add(*, actor, campaign: Campaign, values: dict) -> Activity:
    """Add an activity to the campaign."""
    partnership = campaign.partnership
    ensure_can_manage(user=actor, partnership=partnership)
    values = _check_activity(values)
    activity = Activity(campaign=campaign, **{name: values.get(name) for name in ACTIVITY_FIELDS})
    activity.full_clean()
    activity.save()
    event_record(
        actor=actor,
        verb="engagement.activity_added",
        target=activity,
        partnership=partnership,
        summary=f"Activity added to the campaign {campaign.title}",
        data={"campaign": campaign.pk, "kind": activity.kind},
    )
    _changed(partnership)
    return activity


@transaction.atomic
def activity_update(*, actor, activity: Activity, values: dict) -> list[str]:
    """Change an activity; returns the fields changed."""
    campaign = activity.campaign
    ensure_can_manage(user=actor, partnership=campaign.partnership)
    values = _check_activity(values)
    changed = model_update(instance=activity, fields=ACTIVITY_FIELDS, data=values)
    if changed:
        event_record(
            actor=actor,
            verb="engagement.activity_updated",
            target=activity,
            partnership=campaign.partnership,
            summary=f"Activity of the campaign {campaign.title} changed",
            data={"campaign": campaign.pk, "changed": changed},
        )
        _changed(campaign.partnership)
    return changed


@transaction.atomic
def activity_remove(*, actor, activity: Activity) -> None:
    """Remove an activity with the measures taken of it."""
    campaign = activity.campaign
    ensure_can_manage(user=actor, partnership=campaign.partnership)
    event_record(
        actor=actor,
        verb="engagement.activity_removed",
        target=activity,
        partnership=campaign.partnership,
        summary=f"Activity removed from the campaign {campaign.title}",
        data={"campaign": campaign.pk, "kind": activity.kind, "measures": activity.measures.count()},
    )
    activity.delete()
    _changed(campaign.partnership)


# --- measures -----------------------------------------------------------------------------------


def _check_measure(*, campaign: Campaign, values: dict) -> dict:
    errors: dict[str, str] = {}
    cleaned = {**values, "note": _text(values, "note")}
    if values.get("kind") not in measure_kinds():
        errors["kind"] = "Choose what was measured."
    value = values.get("value")
    try:
        number = Decimal(str(value)) if value not in (None, "") else None
    except InvalidOperation:
        number = None
    if number is None:
        errors["value"] = "Enter the figure measured, a whole number."
    elif number < 0:
        errors["value"] = "The figure measured cannot be below nought."
    elif number != number.to_integral_value():
        errors["value"] = "Enter the figure measured as a whole number."
    cleaned["value"] = number
    if not values.get("measured_on"):
        errors["measured_on"] = "Enter the day it was measured."
    activity = values.get("activity")
    if activity is not None and activity.campaign_id != campaign.pk:
        errors["activity"] = "Choose one of this campaign's activities."
    if errors:
        raise ValidationError(errors)
    return cleaned


@transaction.atomic
def measure_add(*, actor, campaign: Campaign, values: dict) -> Measure:
    """Record a measure of the campaign (optionally of one of its activities)."""
    partnership = campaign.partnership
    ensure_can_manage(user=actor, partnership=partnership)
    values = _check_measure(campaign=campaign, values=values)
    measure = Measure(
        campaign=campaign,
        activity=values.get("activity"),
        kind=values["kind"],
        value=values["value"],
        measured_on=values["measured_on"],
        note=values["note"],
        recorded_by=actor,
    )
    measure.full_clean()
    measure.save()
    event_record(
        actor=actor,
        verb="engagement.measure_added",
        target=measure,
        partnership=partnership,
        summary=f"Measure recorded for the campaign {campaign.title}",
        data={"campaign": campaign.pk, "kind": measure.kind, "value": str(measure.value)},
    )
    _changed(partnership)
    return measure


@transaction.atomic
def measure_remove(*, actor, measure: Measure) -> None:
    """Remove a measure recorded in error."""
    campaign = measure.campaign
    ensure_can_manage(user=actor, partnership=campaign.partnership)
    event_record(
        actor=actor,
        verb="engagement.measure_removed",
        target=measure,
        partnership=campaign.partnership,
        summary=f"Measure removed from the campaign {campaign.title}",
        data={"campaign": campaign.pk, "kind": measure.kind, "value": str(measure.value)},
    )
    measure.delete()
    _changed(campaign.partnership)
