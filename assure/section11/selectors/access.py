"""Which Section 11 returns a user may read in a partnership, as a query filter: the scope the
predicates of ``assure/section11/permissions.py`` describe, for the selectors' querysets."""

from django.db.models import Q

from assure.accounts.permissions import agencies_of, is_agency_scoped
from assure.partnerships.models import Partnership

from ..models import Return
from ..permissions import can_manage, can_view


def return_scope_q(*, user, partnership: Partnership) -> Q | None:
    """The filter of the returns the user may read in the partnership (None: none at all)."""
    if not can_view(user=user, partnership=partnership):
        return None
    scope = Q(cycle__partnerships=partnership, agency__partnership_links__partnership=partnership)
    if is_agency_scoped(user=user, partnership=partnership):
        return scope & Q(agency_id__in=agencies_of(user=user, partnership=partnership))
    if can_manage(user=user, partnership=partnership):
        return scope
    return scope & Q(status__in=Return.HANDED_IN)
