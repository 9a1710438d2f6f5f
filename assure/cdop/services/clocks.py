"""Pausing a child death review while legal processes run (an inquest, a criminal investigation
or proceedings, a practice review) and resuming it. The days paused are not counted by the review
clock (``assure/cdop/clocks.py``): resuming adds the pause's days to ``days_paused``.

``paused_reason`` keeps the reason's code of the library's ``cdop-pause-reason`` kind, followed by
the manager's note after ": " when one was written."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from assure.audit.services import event_record
from assure.core.computations import records_changed
from assure.library.selectors import current_item, current_items

from ..models import ChildDeath
from ..permissions import ensure_can_manage_cases
from ..pipeline import move

OWNER = "cdop"
PAUSE_REASON = "cdop-pause-reason"


def pause_reasons() -> list[tuple[str, str]]:
    """The library's reasons for pausing, as (code, title)."""
    return [(item.code, item.title) for item in current_items(kind=PAUSE_REASON)]


def pause_reason_label(value: str) -> str:
    """``paused_reason`` in words: the reason's title, and the note after it."""
    code, _, note = (value or "").partition(": ")
    item = current_item(kind=PAUSE_REASON, code=code) if code else None
    if item is None:
        return value or ""
    return f"{item.title}: {note}" if note else item.title


def _locked(*, actor, partnership, death: ChildDeath) -> ChildDeath:
    from ..selectors.panels import deaths_visible_to

    ensure_can_manage_cases(user=actor, partnership=partnership)
    locked = deaths_visible_to(user=actor, partnership=partnership).select_for_update(of=("self",)).filter(pk=death.pk)
    found = locked.first()
    if found is None:
        raise PermissionDenied
    return found


def _status(death: ChildDeath, status: str, *, reason: str = "") -> None:
    """Move the death through the pipeline (which refuses a move it does not allow)."""
    move(death, status, reason=reason)
    death.status = status


@transaction.atomic
def death_pause(
    *, actor, partnership, death: ChildDeath, reason: str, note: str = "", paused_on: dt.date | None
) -> ChildDeath:
    """Pause an open death's review from ``paused_on`` for a reason of the library's."""
    death = _locked(actor=actor, partnership=partnership, death=death)
    today = timezone.localdate()
    errors: dict[str, str] = {}
    if death.status != ChildDeath.Status.NOTIFIED:
        raise ValidationError({"reason": f"{death.reference} is not awaiting the panel: it cannot be paused."})
    codes = dict(pause_reasons())
    note = (note or "").strip()
    if reason not in codes:
        errors["reason"] = "Choose why the review is paused."
    elif reason == "other" and not note:
        errors["note"] = "Say why the review is paused."
    if paused_on is None:
        errors["paused_on"] = "Enter the date the review was paused."
    elif paused_on > today:
        errors["paused_on"] = "The date the review was paused must be today or in the past."
    elif paused_on < death.date_of_death:
        errors["paused_on"] = "The date the review was paused must be on or after the date of death."
    elif death.resumed_on and paused_on < death.resumed_on:
        errors["paused_on"] = f"The review was last resumed on {death.resumed_on:%-d %B %Y}: pause it after that."
    if errors:
        raise ValidationError(errors)
    _status(death, ChildDeath.Status.PAUSED, reason=reason)
    death.paused_on = paused_on
    death.paused_reason = f"{reason}: {note}"[:300] if note else reason
    death.resumed_on = None
    death.save(update_fields=["status", "paused_on", "paused_reason", "resumed_on"])
    event_record(
        actor=actor,
        verb="cdop.death_paused",
        target=death,
        partnership=partnership,
        summary=f"{death.reference} paused: {codes[reason]}",
        data={"reason": reason, "paused_on": paused_on.isoformat()},
    )
    records_changed(OWNER, partnership_ids=death.trail_partnership_ids())
    return death


@transaction.atomic
def death_resume(*, actor, partnership, death: ChildDeath, resumed_on: dt.date | None) -> ChildDeath:
    """Resume a paused review on ``resumed_on``; the pause's days are added to ``days_paused``."""
    death = _locked(actor=actor, partnership=partnership, death=death)
    today = timezone.localdate()
    if death.status != ChildDeath.Status.PAUSED:
        raise ValidationError({"resumed_on": f"{death.reference} is not paused."})
    if resumed_on is None:
        raise ValidationError({"resumed_on": "Enter the date the review resumed."})
    if resumed_on > today:
        raise ValidationError({"resumed_on": "The date the review resumed must be today or in the past."})
    if death.paused_on and resumed_on < death.paused_on:
        raise ValidationError(
            {"resumed_on": f"The review was paused on {death.paused_on:%-d %B %Y}: it resumes on or after that."}
        )
    days = (resumed_on - death.paused_on).days if death.paused_on else 0
    _status(death, ChildDeath.Status.NOTIFIED)
    death.days_paused += days
    death.resumed_on = resumed_on
    death.save(update_fields=["status", "days_paused", "resumed_on"])
    event_record(
        actor=actor,
        verb="cdop.death_resumed",
        target=death,
        partnership=partnership,
        summary=f"{death.reference} resumed after {days} day{'s' if days != 1 else ''} paused",
        data={"resumed_on": resumed_on.isoformat(), "days": days},
    )
    records_changed(OWNER, partnership_ids=death.trail_partnership_ids())
    return death
