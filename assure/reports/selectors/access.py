"""Which reports and sections a user may read in a partnership, as query filters: the scope the
predicates of ``assure/reports/permissions.py`` describe, for the selectors' querysets."""

from django.db.models import Q

from assure.accounts.permissions import agencies_of
from assure.partnerships.models import Partnership

from ..models import Report, Section
from ..permissions import can_read_whole_drafts, can_view


def asked_of_q(agencies: set[int], prefix: str = "") -> Q:
    """Sections requested from one of the agencies."""
    return Q(**{f"{prefix}agency_id__in": agencies, f"{prefix}requested_from__isnull": False})


def report_scope_q(*, user, partnership: Partnership) -> Q | None:
    """The filter of the reports the user may read in the partnership (None: none at all)."""
    if not can_view(user=user, partnership=partnership):
        return None
    scope = Q(partnership=partnership)
    if not can_read_whole_drafts(user=user, partnership=partnership):
        agencies = agencies_of(user=user, partnership=partnership)
        asked = Section.objects.filter(asked_of_q(agencies)).values("report_id")
        return scope & (Q(status=Report.Status.PUBLISHED) | Q(pk__in=asked))
    return scope


def section_scope_q(*, user, partnership: Partnership) -> Q | None:
    """The filter of the sections the user may read in the partnership (None: none at all)."""
    if not can_view(user=user, partnership=partnership):
        return None
    scope = Q(report__partnership=partnership)
    if not can_read_whole_drafts(user=user, partnership=partnership):
        agencies = agencies_of(user=user, partnership=partnership)
        return scope & (Q(report__status=Report.Status.PUBLISHED) | asked_of_q(agencies))
    return scope
