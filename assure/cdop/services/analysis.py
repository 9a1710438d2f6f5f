"""The review meeting and the panel's analysis of a death: the child death review meeting where one
is held, the factors the panel found by domain, the category and modifiable factors that complete
the review, the recommendations raised as actions in the partnership's tracker, and the link to
the case consideration the death was referred to the practice review panel as.

Everything is given the actor and the partnership they work in; the permission comes first. What
any person outside the panel reads (events, actions, their labels) names the death by its
reference, never the child."""

import datetime as dt

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from assure.actions.services import action_create
from assure.audit.services import event_record
from assure.core.computations import records_changed
from assure.core.links import linked_record
from assure.library.selectors import current_item, current_items

from ..models import ChildDeath, Factor
from ..permissions import ensure_can_manage_cases, ensure_can_read_cases
from ..pipeline import move
from ..selectors.panels import panels_of

CATEGORY, DOMAIN, CONTRIBUTION = "cdop-category", "cdop-domain", "cdop-contribution"
REFERRAL_USE = "referral"


def _ensure_panel_of(*, partnership, death: ChildDeath) -> None:
    """The death must be one the partnership's panels review: a grant in one partnership never
    opens another panel's cases."""
    if not panels_of(partnership=partnership).filter(pk=death.panel_id).exists():
        raise PermissionDenied


def _ensure_reviewable(death: ChildDeath) -> None:
    if death.status in (ChildDeath.Status.DRAFT, ChildDeath.Status.PASSED_ON, ChildDeath.Status.DUPLICATE):
        raise ValidationError({"__all__": f"{death.reference} is not reviewed by this panel."})


def _changed(death: ChildDeath) -> None:
    records_changed("cdop", partnership_ids=death.trail_partnership_ids())


def panel_meetings(death: ChildDeath):
    """The meetings of the death's panel: the host's meetings of the panel's subgroup."""
    from assure.partnerships.models import Meeting

    panel = death.panel
    if panel.subgroup_id is None:
        return Meeting.objects.none()
    return Meeting.objects.filter(partnership_id=panel.host_id, subgroup_id=panel.subgroup_id).order_by("-held_on")


# --- the child death review meeting ---------------------------------------------------------------


@transaction.atomic
def review_meeting_record(*, actor, partnership, death: ChildDeath, held_on: dt.date, notes: str) -> ChildDeath:
    """Record the child death review meeting held on the death (the manager)."""
    ensure_can_manage_cases(user=actor, partnership=partnership)
    _ensure_panel_of(partnership=partnership, death=death)
    _ensure_reviewable(death)
    if held_on < death.date_of_death:
        raise ValidationError({"held_on": "The review meeting cannot be before the death."})
    if held_on > timezone.localdate():
        raise ValidationError({"held_on": "The review meeting must have been held: enter today or an earlier date."})
    death.review_meeting_on = held_on
    death.review_meeting_notes = notes.strip()
    death.save(update_fields=["review_meeting_on", "review_meeting_notes"])
    event_record(
        actor=actor,
        verb="cdop.review_meeting_recorded",
        target=death,
        partnership=partnership,
        summary=f"Child death review meeting of {death.reference} recorded ({held_on:%-d %B %Y})",
    )
    return death


# --- the panel's analysis -------------------------------------------------------------------------


@transaction.atomic
def analysis_record(
    *,
    actor,
    partnership,
    death: ChildDeath,
    panel_meeting,
    category,
    modifiable: str,
    learning: str,
    referred_for_review: bool,
) -> ChildDeath:
    """Record the panel's analysis and so complete the review: reviewed on the date of the panel
    meeting. A paused review waits until it is resumed; modifiable factors identified need one
    factor marked modifiable."""
    ensure_can_read_cases(user=actor, partnership=partnership)
    _ensure_panel_of(partnership=partnership, death=death)
    _ensure_reviewable(death)
    if death.status == ChildDeath.Status.PAUSED:
        raise ValidationError({"__all__": f"{death.reference} is paused: resume the review before completing it."})
    if death.status == ChildDeath.Status.REVIEWED:
        raise ValidationError({"__all__": f"{death.reference} has been reviewed already: reopen it to change it."})
    problems: dict[str, str] = {}
    if panel_meeting is None or not panel_meetings(death).filter(pk=panel_meeting.pk).exists():
        problems["panel_meeting"] = "Choose a meeting of the panel."
    elif panel_meeting.held_on < death.date_of_death:
        problems["panel_meeting"] = "The panel cannot have reviewed the death before it happened."
    elif panel_meeting.held_on > timezone.localdate():
        problems["panel_meeting"] = "Choose a meeting that has been held."
    if category is None or not current_items(kind=CATEGORY).filter(pk=category.pk).exists():
        problems["category"] = "Choose a category of death."
    if modifiable not in ChildDeath.Modifiable.values:
        problems["modifiable"] = "Choose whether the panel identified modifiable factors."
    elif modifiable == ChildDeath.Modifiable.IDENTIFIED and not death.factors.filter(modifiable=True).exists():
        problems["modifiable"] = (
            "Add the factors first: modifiable factors identified needs a factor marked modifiable."
        )
    if problems:
        raise ValidationError(problems)
    move(death, ChildDeath.Status.REVIEWED)
    death.panel_meeting = panel_meeting
    death.reviewed_on = panel_meeting.held_on
    death.category = category
    death.modifiable = modifiable
    death.learning = learning.strip()
    death.referred_for_review = referred_for_review
    death.status = ChildDeath.Status.REVIEWED
    death.save(
        update_fields=[
            "panel_meeting",
            "reviewed_on",
            "category",
            "modifiable",
            "learning",
            "referred_for_review",
            "status",
        ]
    )
    event_record(
        actor=actor,
        verb="cdop.analysis_recorded",
        target=death,
        partnership=partnership,
        summary=f"Review of {death.reference} completed at the panel of {panel_meeting.held_on:%-d %B %Y}",
        data={"category": category.code, "modifiable": modifiable},
    )
    _changed(death)
    return death


@transaction.atomic
def analysis_reopen(*, actor, partnership, death: ChildDeath, reason: str) -> ChildDeath:
    """Reopen a completed review to correct it (the manager): back to notified, the analysis kept
    for the panel to change."""
    ensure_can_manage_cases(user=actor, partnership=partnership)
    _ensure_panel_of(partnership=partnership, death=death)
    if death.status != ChildDeath.Status.REVIEWED:
        raise ValidationError({"__all__": f"{death.reference} has not been reviewed."})
    if not reason.strip():
        raise ValidationError({"reason": "Say why the review is reopened."})
    move(death, ChildDeath.Status.NOTIFIED, reason=reason)
    death.status = ChildDeath.Status.NOTIFIED
    death.reviewed_on = None
    death.save(update_fields=["status", "reviewed_on"])
    event_record(
        actor=actor,
        verb="cdop.analysis_reopened",
        target=death,
        partnership=partnership,
        summary=f"Review of {death.reference} reopened",
        data={"reason": reason.strip()},
    )
    _changed(death)
    return death


# --- factors --------------------------------------------------------------------------------------


@transaction.atomic
def factor_add(
    *, actor, partnership, death: ChildDeath, domain: str, description: str, contribution: str, modifiable: bool
) -> Factor:
    """Add a factor the panel found, in a domain, with how far it contributed."""
    ensure_can_read_cases(user=actor, partnership=partnership)
    _ensure_panel_of(partnership=partnership, death=death)
    _ensure_reviewable(death)
    if death.status == ChildDeath.Status.REVIEWED:
        raise ValidationError({"__all__": f"{death.reference} has been reviewed: reopen it to change its factors."})
    problems: dict[str, str] = {}
    if current_item(kind=DOMAIN, code=domain) is None:
        problems["domain"] = "Choose the domain of the factor."
    if current_item(kind=CONTRIBUTION, code=contribution) is None:
        problems["contribution"] = "Choose how far the factor contributed."
    if not description.strip():
        problems["description"] = "Describe the factor."
    if problems:
        raise ValidationError(problems)
    factor = Factor.objects.create(
        death=death, domain=domain, description=description.strip(), contribution=contribution, modifiable=modifiable
    )
    event_record(
        actor=actor,
        verb="cdop.factor_added",
        target=death,
        partnership=partnership,
        summary=f"A factor in {domain} added to {death.reference}",
    )
    _changed(death)
    return factor


@transaction.atomic
def factor_remove(*, actor, partnership, factor: Factor) -> None:
    death = factor.death
    ensure_can_read_cases(user=actor, partnership=partnership)
    _ensure_panel_of(partnership=partnership, death=death)
    if death.status == ChildDeath.Status.REVIEWED:
        raise ValidationError({"__all__": f"{death.reference} has been reviewed: reopen it to change its factors."})
    domain = factor.domain
    factor.delete()
    event_record(
        actor=actor,
        verb="cdop.factor_removed",
        target=death,
        partnership=partnership,
        summary=f"A factor in {domain} removed from {death.reference}",
    )
    _changed(death)


# --- recommendations, as actions ------------------------------------------------------------------


def recommendation_label(death: ChildDeath) -> str:
    """How an action names the review that raised it: its reference only."""
    return f"Child death review {death.reference}"


@transaction.atomic
def recommendation_raise(
    *, actor, partnership, death: ChildDeath, title: str, owner_agency, due_on: dt.date, description: str = ""
):
    """Raise the panel's recommendation as an action of the partnership's tracker, its source the
    death and labelled by its reference (everyone who reads actions sees the label)."""
    ensure_can_read_cases(user=actor, partnership=partnership)
    _ensure_panel_of(partnership=partnership, death=death)
    _ensure_reviewable(death)
    if not title.strip():
        raise ValidationError({"title": "Enter what the action is."})
    action = action_create(
        actor=actor,
        partnership=partnership,
        title=title,
        owner_agency=owner_agency,
        due_on=due_on,
        description=description,
        source=death,
        source_label=recommendation_label(death),
    )
    event_record(
        actor=actor,
        verb="cdop.recommendation_raised",
        target=death,
        partnership=partnership,
        summary=f"Recommendation of {death.reference} raised as action {action.reference}",
    )
    return action


# --- the referral to the practice review panel ----------------------------------------------------


@transaction.atomic
def referral_link(*, actor, partnership, death: ChildDeath, kind_key: str, pk: str) -> ChildDeath:
    """Link the case consideration the death was referred to the practice review panel as (one the
    actor may see), and mark it referred."""
    ensure_can_read_cases(user=actor, partnership=partnership)
    _ensure_panel_of(partnership=partnership, death=death)
    _ensure_reviewable(death)
    found = linked_record(user=actor, partnership=partnership, key=kind_key, pk=pk)
    if found is None or REFERRAL_USE not in found[0].uses:
        raise ValidationError({"referral": "Choose a case consideration you made or may see."})
    kind, record = found
    death.referred_for_review = True
    death.referral_type = ContentType.objects.get_for_model(record)
    death.referral_id = str(record.pk)
    death.referral_label = kind.describe(record)[:200]
    death.save(update_fields=["referred_for_review", "referral_type", "referral_id", "referral_label"])
    event_record(
        actor=actor,
        verb="cdop.referral_linked",
        target=death,
        partnership=partnership,
        summary=f"{death.reference} linked to {death.referral_label}",
    )
    return death
