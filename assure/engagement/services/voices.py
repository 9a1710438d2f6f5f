"""Every change to the voices heard: a voice recorded (to review), changed, reviewed (may be
quoted, or not to be quoted with the reason), chosen for the annual report or taken out of it,
and removed. Only the business unit (``engagement.manage``) makes them.

Nothing is quoted until it has been reviewed: a voice whose words or consent change after its
review goes back to be reviewed again, and out of the annual report. Only a voice that may be
quoted and whose speaker consented to being quoted can be chosen for the report.

Every message names its field, so a form shows it against that field."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from assure.audit.services import event_record
from assure.core.computations import records_changed
from assure.core.services import model_update

from ..models import Voice
from ..permissions import ensure_can_manage
from ..selectors.voices import source_titles

VOICE_FIELDS = ("source_type", "channel", "heard_on", "text", "consent_to_quote", "consent_note", "priority")
# A change to these after the review means the words must be reviewed again before they are quoted.
REVIEWED_FIELDS = {"text", "consent_to_quote", "consent_note"}
# What the computed "voices heard" figures count.
COUNTED_FIELDS = {"heard_on"}


def _changed(partnership) -> None:
    records_changed("engagement", partnership_ids=[partnership.pk])


def _clean(values: dict) -> dict:
    cleaned = dict(values)
    for name in ("channel", "text", "consent_note"):
        if name in cleaned:
            cleaned[name] = (cleaned[name] or "").strip()
    cleaned["consent_to_quote"] = bool(cleaned.get("consent_to_quote"))
    return cleaned


def _check(*, partnership, values: dict) -> None:
    errors: dict[str, str] = {}
    if values.get("source_type") not in source_titles():
        errors["source_type"] = "Choose who the voice is from."
    if not values.get("channel"):
        errors["channel"] = "Say how it reached the board, for example the website or an event."
    heard_on = values.get("heard_on")
    if heard_on is None:
        errors["heard_on"] = "Enter the date it was heard."
    elif heard_on > timezone.localdate():
        errors["heard_on"] = "The date it was heard cannot be in the future."
    if not values.get("text"):
        errors["text"] = "Enter what was said."
    if values.get("consent_to_quote") and not values.get("consent_note"):
        errors["consent_note"] = "Say how and when they agreed to be quoted."
    priority = values.get("priority")
    if priority is not None and priority.partnership_id != partnership.pk:
        errors["priority"] = "Choose one of the business plan's priorities."
    if errors:
        raise ValidationError(errors)


def _record(actor, voice: Voice, verb: str, summary: str, data: dict | None = None) -> None:
    event_record(
        actor=actor,
        verb=f"engagement.voice_{verb}",
        target=voice,
        partnership=voice.partnership,
        summary=summary,
        data=data,
    )


@transaction.atomic
def voice_create(*, actor, partnership, values: dict) -> Voice:
    """Record a voice heard; it waits for the business unit's review before it can be quoted."""
    ensure_can_manage(user=actor, partnership=partnership)
    values = _clean(values)
    _check(partnership=partnership, values=values)
    voice = Voice(partnership=partnership, recorded_by=actor, **{name: values.get(name) for name in VOICE_FIELDS})
    voice.full_clean()
    voice.save()
    _record(actor, voice, "recorded", f"Voice recorded ({source_titles().get(voice.source_type, voice.source_type)})")
    _changed(partnership)
    return voice


@transaction.atomic
def voice_update(*, actor, voice: Voice, values: dict) -> list[str]:
    """Change a voice; returns the fields changed. Words or consent changed after the review send
    it back to be reviewed, and out of the annual report."""
    partnership = voice.partnership
    ensure_can_manage(user=actor, partnership=partnership)
    values = _clean({**{name: getattr(voice, name) for name in VOICE_FIELDS}, **values})
    _check(partnership=partnership, values=values)
    changed = model_update(instance=voice, fields=VOICE_FIELDS, data=values)
    if not changed:
        return changed
    if REVIEWED_FIELDS & set(changed) and voice.status != Voice.Status.TO_REVIEW:
        voice.status = Voice.Status.TO_REVIEW
        voice.for_report = False
        voice.reviewed_by, voice.reviewed_at, voice.withheld_reason = None, None, ""
        voice.save(update_fields=["status", "for_report", "reviewed_by", "reviewed_at", "withheld_reason"])
        changed.append("status")
    _record(actor, voice, "updated", "Voice changed", {"changed": changed})
    if COUNTED_FIELDS & set(changed):
        _changed(partnership)
    return changed


@transaction.atomic
def voice_review(*, actor, voice: Voice, approve: bool, reason: str = "") -> Voice:
    """The business unit's review: the voice may be quoted, or it is not to be quoted (with the
    reason why, kept with it). A voice withheld is taken out of the annual report."""
    ensure_can_manage(user=actor, partnership=voice.partnership)
    reason = (reason or "").strip()
    if not approve and not reason:
        raise ValidationError({"reason": "Say why it is not to be quoted."})
    voice.status = Voice.Status.APPROVED if approve else Voice.Status.WITHHELD
    voice.withheld_reason = "" if approve else reason
    voice.reviewed_by, voice.reviewed_at = actor, timezone.now()
    if not approve:
        voice.for_report = False
    voice.save(update_fields=["status", "withheld_reason", "reviewed_by", "reviewed_at", "for_report"])
    _record(
        actor,
        voice,
        "approved" if approve else "withheld",
        "Voice reviewed: may be quoted" if approve else "Voice reviewed: not to be quoted",
    )
    return voice


@transaction.atomic
def voice_choose(*, actor, voice: Voice) -> Voice:
    """Choose the voice for the annual report: only one that may be quoted, with consent."""
    ensure_can_manage(user=actor, partnership=voice.partnership)
    if voice.status != Voice.Status.APPROVED:
        raise ValidationError("Only a voice reviewed as one that may be quoted can be chosen for the annual report.")
    if not voice.consent_to_quote:
        raise ValidationError("They did not agree to be quoted, so their words cannot be chosen for the annual report.")
    if voice.for_report:
        raise ValidationError("The voice is already chosen for the annual report.")
    voice.for_report = True
    voice.save(update_fields=["for_report"])
    _record(actor, voice, "chosen", "Voice chosen for the annual report")
    return voice


@transaction.atomic
def voice_unchoose(*, actor, voice: Voice) -> Voice:
    """Take the voice out of the annual report; it stays among the voices heard."""
    ensure_can_manage(user=actor, partnership=voice.partnership)
    if not voice.for_report:
        raise ValidationError("The voice is not chosen for the annual report.")
    voice.for_report = False
    voice.save(update_fields=["for_report"])
    _record(actor, voice, "unchosen", "Voice taken out of the annual report")
    return voice


@transaction.atomic
def voice_delete(*, actor, voice: Voice) -> None:
    """Remove a voice, for example one recorded twice or against the speaker's wish."""
    partnership = voice.partnership
    ensure_can_manage(user=actor, partnership=partnership)
    _record(actor, voice, "removed", "Voice removed", {"heard_on": voice.heard_on.isoformat()})
    voice.delete()
    _changed(partnership)
