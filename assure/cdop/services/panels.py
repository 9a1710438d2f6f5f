"""Setting a child death overview panel up and sharing it: the business unit of the host sets the
panel up on one of its subgroups (whose meetings are the panel's), invites other partnerships of
the installation, and each invited partnership's own business unit joins or declines. Until it
joins, none of its people see anything of the panel; once joined, its panel members with the
``cdop`` grant work on every death the panel reviews. A partnership other than the host may
leave; the host's place stays."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from assure.accounts.models import User
from assure.accounts.recipients import roles_granting
from assure.audit.services import event_record
from assure.core.computations import records_changed
from assure.core.navigation import partnership_url
from assure.notifications.services import notify
from assure.partnerships.models import Partnership, Subgroup

from ..models import Panel, PanelPartnership
from ..permissions import ensure_can_set_up_panels

OWNER = "cdop"
INVITED_KIND = "cdop.panel_invited"


def business_unit_of(*, partnership: Partnership) -> list[User]:
    """The people who set up and join panels for the partnership (``cdop.setup``)."""
    return list(
        User.objects.filter(
            memberships__partnership=partnership,
            memberships__is_active=True,
            memberships__role__in=roles_granting("cdop.setup"),
            is_active=True,
        )
        .distinct()
        .order_by("full_name", "pk")
    )


@transaction.atomic
def panel_create(*, actor, partnership: Partnership, name: str, subgroup: Subgroup | None) -> Panel:
    """Set up a panel hosted by ``partnership`` on one of its subgroups; the host is joined."""
    ensure_can_set_up_panels(user=actor, partnership=partnership)
    errors: dict[str, str] = {}
    name = (name or "").strip()
    if not name:
        errors["name"] = "Enter the panel's name, e.g. Northshire Child Death Overview Panel."
    elif Panel.objects.filter(host=partnership, name__iexact=name).exists():
        errors["name"] = "The partnership already has a panel of that name."
    if subgroup is None:
        errors["subgroup"] = "Choose the subgroup whose meetings are the panel's meetings."
    elif subgroup.partnership_id != partnership.pk:
        errors["subgroup"] = "Choose one of the partnership's own subgroups."
    if errors:
        raise ValidationError(errors)
    now = timezone.now()
    panel = Panel.objects.create(name=name, host=partnership, subgroup=subgroup, created_by=actor, created_at=now)
    PanelPartnership.objects.create(
        panel=panel,
        partnership=partnership,
        status=PanelPartnership.Status.JOINED,
        invited_at=now,
        joined_at=now,
        joined_by=actor,
    )
    event_record(
        actor=actor, verb="cdop.panel_created", target=panel, partnership=partnership, summary=f"Panel {panel} set up"
    )
    records_changed(OWNER, partnership_ids=[partnership.pk])
    return panel


@transaction.atomic
def panel_invite(*, actor, partnership: Partnership, panel: Panel, invited: Partnership | None) -> PanelPartnership:
    """Invite another partnership to the host's panel and tell its business unit."""
    ensure_can_set_up_panels(user=actor, partnership=partnership)
    if panel.host_id != partnership.pk:
        raise PermissionDenied
    if invited is None:
        raise ValidationError({"invited": "Choose the partnership to invite."})
    if invited.pk == partnership.pk:
        raise ValidationError({"invited": "The host is in its own panel already: choose another partnership."})
    place = PanelPartnership.objects.filter(panel=panel, partnership=invited).first()
    if place is not None and place.status != PanelPartnership.Status.LEFT:
        said = "has joined" if place.status == PanelPartnership.Status.JOINED else "is invited already"
        raise ValidationError({"invited": f"{invited.name} {said}."})
    if place is None:
        place = PanelPartnership.objects.create(panel=panel, partnership=invited)
    else:
        place.status = PanelPartnership.Status.INVITED
        place.invited_at = timezone.now()
        place.joined_at = None
        place.joined_by = None
        place.save(update_fields=["status", "invited_at", "joined_at", "joined_by"])
    event_record(
        actor=actor,
        verb="cdop.panel_invited",
        target=place,
        partnership=partnership,
        summary=f"{invited.name} invited to {panel}",
    )
    notify(
        recipients=business_unit_of(partnership=invited),
        partnership=invited,
        kind=INVITED_KIND,
        subject=f"Invitation to join {panel.name}",
        body=(
            f"{partnership.name} invites {invited.name} to share its child death overview panel, {panel.name}.\n\n"
            "Once you join, your panel members with access to child death records work on every death the panel "
            "reviews, and the panel's figures include your partnership's children. Please join or decline."
        ),
        path=partnership_url("cdop:panel_join", invited, pk=place.pk),
        target=place,
    )
    return place


@transaction.atomic
def panel_join(*, actor, partnership: Partnership, place: PanelPartnership, accept: bool) -> PanelPartnership:
    """The invited partnership's business unit joins the panel (``accept``) or declines."""
    ensure_can_set_up_panels(user=actor, partnership=partnership)
    place = PanelPartnership.objects.select_for_update().select_related("panel", "partnership").get(pk=place.pk)
    if place.partnership_id != partnership.pk:
        raise PermissionDenied
    if place.status != PanelPartnership.Status.INVITED:
        raise ValidationError({"accept": "This invitation has been answered already."})
    if accept:
        place.status = PanelPartnership.Status.JOINED
        place.joined_at = timezone.now()
        place.joined_by = actor
        verb, summary = "cdop.panel_joined", f"{partnership.name} joined {place.panel}"
    else:
        place.status = PanelPartnership.Status.LEFT
        verb, summary = "cdop.panel_declined", f"{partnership.name} declined to join {place.panel}"
    place.save(update_fields=["status", "joined_at", "joined_by"])
    event_record(actor=actor, verb=verb, target=place, partnership=partnership, summary=summary)
    if accept:
        records_changed(OWNER, partnership_ids=place.panel.trail_partnership_ids())
    return place


@transaction.atomic
def panel_leave(*, actor, partnership: Partnership, panel: Panel) -> PanelPartnership:
    """A partnership other than the host leaves the panel: its people no longer see its deaths."""
    ensure_can_set_up_panels(user=actor, partnership=partnership)
    if panel.host_id == partnership.pk:
        raise ValidationError({"panel": "The host cannot leave its own panel."})
    place = PanelPartnership.objects.select_for_update().filter(panel=panel, partnership=partnership).first()
    if place is None or place.status != PanelPartnership.Status.JOINED:
        raise ValidationError({"panel": "The partnership is not a member of this panel."})
    place.status = PanelPartnership.Status.LEFT
    place.save(update_fields=["status"])
    event_record(
        actor=actor,
        verb="cdop.panel_left",
        target=place,
        partnership=partnership,
        summary=f"{partnership.name} left {panel}",
    )
    records_changed(OWNER, partnership_ids=[*panel.trail_partnership_ids(), partnership.pk])
    return place
