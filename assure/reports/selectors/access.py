"""Who may see and do what with reports, inside a partnership.

The roles library grants reports.view (business unit, board members, auditors, agency leads),
reports.manage (the business unit) and reports.contribute (agency leads); these predicates
narrow them to records:

- the business unit, board members and auditors read every report of the partnership, drafts
  included; only the business unit changes one;
- an agency lead reads published reports, and of a draft only the sections asked of their
  agency; they write those sections while they are requested or written, never once accepted;
- nobody outside the partnership reads any of it: another partnership's report answers 404;
- a published report is frozen: nobody changes it.
"""

from collections.abc import Callable

from django.db.models import Q

from assure.accounts.permissions import agencies_of, has_permission, is_agency_scoped
from assure.partnerships.models import Partnership

from ..models import Report, Section


def can_view(user, partnership: Partnership) -> bool:
    return has_permission(user, "reports.view", partnership)


def can_manage(user, partnership: Partnership) -> bool:
    return has_permission(user, "reports.manage", partnership)


def contributes_for(user, partnership: Partnership) -> set[int]:
    """Ids of the agencies whose sections the user writes (agency leads only)."""
    if not has_permission(user, "reports.contribute", partnership):
        return set()
    return agencies_of(user, partnership)


def _narrowed(user, partnership: Partnership) -> bool:
    """True when the user reads only their agency's part of a draft."""
    return not can_manage(user, partnership) and is_agency_scoped(user, partnership)


def asked_of_q(agencies: set[int], prefix: str = "") -> Q:
    """Sections requested from one of the agencies."""
    return Q(**{f"{prefix}agency_id__in": agencies, f"{prefix}requested_from__isnull": False})


def report_scope_q(user, partnership: Partnership) -> Q | None:
    """The filter of the reports the user may read in the partnership (None: none at all)."""
    if not can_view(user, partnership):
        return None
    scope = Q(partnership=partnership)
    if _narrowed(user, partnership):
        agencies = agencies_of(user, partnership)
        asked = Section.objects.filter(asked_of_q(agencies)).values("report_id")
        return scope & (Q(status=Report.Status.PUBLISHED) | Q(pk__in=asked))
    return scope


def section_scope_q(user, partnership: Partnership) -> Q | None:
    """The filter of the sections the user may read in the partnership (None: none at all)."""
    if not can_view(user, partnership):
        return None
    scope = Q(report__partnership=partnership)
    if _narrowed(user, partnership):
        agencies = agencies_of(user, partnership)
        return scope & (Q(report__status=Report.Status.PUBLISHED) | asked_of_q(agencies))
    return scope


def may_manage(user, report: Report) -> bool:
    """The user may change the report now: the business unit, while it is a draft."""
    return not report.is_published and can_manage(user, report.partnership)


def may_write(user, section: Section) -> bool:
    """The user may write the section's narrative now."""
    return may_write_in(user, section.report)(section)


def may_write_in(user, report: Report) -> Callable[[Section], bool]:
    """``may_write`` for the sections of one report, the user's rights looked up once: a
    report's contents ask it of every section."""
    if report.is_published:
        return lambda section: False
    if can_manage(user, report.partnership):
        return lambda section: True
    agencies = contributes_for(user, report.partnership)
    return lambda section: (
        section.requested_from_id is not None
        and section.agency_id in agencies
        and section.status in (Section.Status.REQUESTED, Section.Status.WRITTEN)
    )
