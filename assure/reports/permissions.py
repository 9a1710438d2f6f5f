"""Who may see and do what with reports, inside a partnership.

can_ = the role allows it; may_ = the role and the record's state allow it now; ensure_ raises
PermissionDenied. Every predicate takes keyword arguments only (see assure/accounts/permissions.py).

The roles library grants reports.view (business unit, board members, auditors, agency leads),
reports.manage (the business unit) and reports.contribute (agency leads); these predicates
narrow them to records:

- the business unit, board members and auditors read every report of the partnership, drafts
  included; only the business unit changes one;
- an agency lead reads published reports, and of a draft only the sections asked of their
  agency; they write those sections while they are requested, being drafted or written, never
  once accepted or left out;
- nobody outside the partnership reads any of it: another partnership's report answers 404
  (``selectors/access.py`` narrows the queries);
- a published report is frozen: nobody changes it.
"""

from collections.abc import Callable

from django.core.exceptions import PermissionDenied

from assure.accounts.permissions import agencies_of, has_permission, is_agency_scoped
from assure.partnerships.models import Partnership

from .models import Report, Section


def can_view(*, user, partnership: Partnership) -> bool:
    return has_permission(user=user, permission="reports.view", partnership=partnership)


def can_manage(*, user, partnership: Partnership) -> bool:
    return has_permission(user=user, permission="reports.manage", partnership=partnership)


def ensure_can_manage(*, user, partnership: Partnership) -> None:
    if not can_manage(user=user, partnership=partnership):
        raise PermissionDenied("Only the business unit changes a report.")


def contributes_for(*, user, partnership: Partnership) -> set[int]:
    """Ids of the agencies whose sections the user writes (agency leads only)."""
    if not has_permission(user=user, permission="reports.contribute", partnership=partnership):
        return set()
    return agencies_of(user=user, partnership=partnership)


def can_contribute(*, user, partnership: Partnership) -> bool:
    """True when the user writes sections for an agency of the partnership."""
    return bool(contributes_for(user=user, partnership=partnership))


def can_contribute_for(*, user, partnership: Partnership, agency_id: int) -> bool:
    """True when the user writes sections for this agency: a section can be asked of them."""
    return agency_id in contributes_for(user=user, partnership=partnership)


def can_read_whole_drafts(*, user, partnership: Partnership) -> bool:
    """True when the user reads every section of a draft, not only those asked of their agency."""
    return can_manage(user=user, partnership=partnership) or not is_agency_scoped(user=user, partnership=partnership)


def may_read_whole(*, user, report: Report) -> bool:
    """True when the user reads the report whole (its outputs are of the whole report): once it
    is published, or while a draft for those who read every section of one."""
    return report.is_published or can_read_whole_drafts(user=user, partnership=report.partnership)


def may_manage(*, user, report: Report) -> bool:
    """The user may change the report now: the business unit, while it is a draft."""
    return not report.is_published and can_manage(user=user, partnership=report.partnership)


def may_write(*, user, section: Section) -> bool:
    """The user may write the section's narrative now."""
    return may_write_in(user=user, report=section.report)(section)


def may_write_in(*, user, report: Report) -> Callable[[Section], bool]:
    """``may_write`` for the sections of one report, the user's rights looked up once: a
    report's contents ask it of every section."""
    if report.is_published:
        return lambda section: False
    if can_manage(user=user, partnership=report.partnership):
        # A section left out is put back into the report before anyone writes it.
        return lambda section: section.status != Section.Status.OMITTED
    agencies = contributes_for(user=user, partnership=report.partnership)
    return lambda section: (
        section.requested_from_id is not None
        and section.agency_id in agencies
        and section.status in (Section.Status.REQUESTED, Section.Status.DRAFTING, Section.Status.WRITTEN)
    )


def may_correct(*, user, report: Report) -> bool:
    """The user may start a corrected edition of the report now: the business unit, of a
    published edition not corrected already."""
    return (
        report.is_published
        and can_manage(user=user, partnership=report.partnership)
        and not Report.objects.filter(corrects=report).exists()
    )
