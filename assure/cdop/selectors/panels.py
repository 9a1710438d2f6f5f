"""The panels a partnership shares, and the deaths a person may read through them: the base every
other cdop selector starts from. Given the user, keyword-only, scoped to the partnership."""

from django.db.models import Q, QuerySet

from ..models import ChildDeath, Panel, PanelPartnership
from ..permissions import can_read_cases


def panels_of(*, partnership) -> QuerySet[Panel]:
    """The active panels the partnership has joined (as host or invited and joined)."""
    return Panel.objects.filter(
        is_active=True,
        memberships__partnership=partnership,
        memberships__status=PanelPartnership.Status.JOINED,
    ).distinct()


def deaths_visible_to(*, user, partnership) -> QuerySet[ChildDeath]:
    """Every death the partnership's panels review or first recorded, for a person who may read
    the cases (a panel role and the ``cdop`` grant there); nothing for anyone else."""
    if not can_read_cases(user=user, partnership=partnership):
        return ChildDeath.objects.none()
    panel_ids = list(panels_of(partnership=partnership).values_list("pk", flat=True))
    return ChildDeath.objects.filter(Q(panel_id__in=panel_ids) | Q(recorded_by_id__in=panel_ids)).select_related(
        "panel", "partnership"
    )


def death_for(*, user, partnership, pk) -> ChildDeath | None:
    """The death ``pk`` when the user may read it in the partnership, else None."""
    if not str(pk).isdigit():
        return None
    return deaths_visible_to(user=user, partnership=partnership).filter(pk=int(pk)).first()
