"""Reads of a partnership's subgroups."""

from django.db.models import Count, QuerySet

from ..models import Partnership, Subgroup
from ..permissions import can_view


def subgroups_of(*, user, partnership: Partnership, active_only: bool = False) -> QuerySet[Subgroup]:
    """The partnership's subgroups, with how many agencies each expects."""
    if not can_view(user=user, partnership=partnership):
        return Subgroup.objects.none()
    subgroups = Subgroup.objects.filter(partnership=partnership).annotate(agency_count=Count("agencies"))
    if active_only:
        subgroups = subgroups.filter(is_active=True)
    return subgroups.order_by("name")
