"""Who may see and do what with Section 11 records, inside a partnership.

can_ = the role allows it; may_ = the role and the record's state allow it now; ensure_ raises
PermissionDenied. Every predicate takes keyword arguments only (see assure/accounts/permissions.py).
A return is answered once and seen by each of its agency's partnerships in the cycle, so the
``may_`` predicates are also given the partnership the user acts in.

The roles library grants the permissions (section11.view, .complete, .moderate, .manage,
.analyse); these predicates narrow them to records:

- an agency lead (an agency-scoped role) sees only their own agency's returns, drafts included;
- the business unit (section11.manage) sees every return of the partnership's agencies, drafts
  included (read-only: it chases progress, it does not answer for an agency);
- everyone else with section11.view (board members, auditors) sees returns once submitted, never
  drafts;
- a return is seen in a partnership only when the partnership takes part in the cycle and the
  agency belongs to it; anything else answers 404 (``selectors/access.py`` narrows the queries).
"""

from assure.accounts.permissions import agencies_of, has_permission, is_agency_scoped
from assure.partnerships.models import Partnership

from .models import Cycle, Response, Return


def can_view(*, user, partnership: Partnership) -> bool:
    return has_permission(user=user, permission="section11.view", partnership=partnership)


def can_manage(*, user, partnership: Partnership) -> bool:
    return has_permission(user=user, permission="section11.manage", partnership=partnership)


def can_moderate(*, user, partnership: Partnership) -> bool:
    return has_permission(user=user, permission="section11.moderate", partnership=partnership)


def can_analyse(*, user, partnership: Partnership) -> bool:
    return has_permission(user=user, permission="section11.analyse", partnership=partnership)


def can_complete_for(*, user, partnership: Partnership, agency_id: int) -> bool:
    """True when the user completes returns for this agency: an agency lead of it (whether a
    return can still be changed is ``may_complete``)."""
    return (
        has_permission(user=user, permission="section11.complete", partnership=partnership)
        and is_agency_scoped(user=user, partnership=partnership)
        and agency_id in agencies_of(user=user, partnership=partnership)
    )


def may_manage_cycle(*, user, partnership: Partnership, cycle: Cycle) -> bool:
    """Only the business unit of the cycle's lead partnership changes a cycle."""
    return cycle.lead_partnership_id == partnership.pk and can_manage(user=user, partnership=partnership)


def may_complete(*, user, partnership: Partnership, return_record: Return) -> bool:
    """The user may change the return's answers now."""
    return return_record.is_editable and can_complete_for(
        user=user, partnership=partnership, agency_id=return_record.agency_id
    )


def may_answer(*, user, partnership: Partnership, response: Response) -> bool:
    """The agency lead may answer a moderator's challenge on the criterion."""
    return (
        response.moderation == Response.Moderation.CHALLENGED
        and response.return_record.status == Return.Status.UNDER_CHALLENGE
        and can_complete_for(user=user, partnership=partnership, agency_id=response.return_record.agency_id)
    )


def may_moderate(*, user, partnership: Partnership, return_record: Return) -> bool:
    """The user may challenge, rate and accept the return's criteria now."""
    return return_record.status in Return.MODERATABLE and can_moderate(user=user, partnership=partnership)


def may_reopen(*, user, partnership: Partnership, return_record: Return) -> bool:
    """The user may give a handed-in return back to its agency now."""
    return return_record.status in Return.HANDED_IN and can_moderate(user=user, partnership=partnership)


def may_remind(*, user, partnership: Partnership, return_record: Return) -> bool:
    """The business unit may chase the return's agency now: it is not handed in, and its cycle
    is open."""
    return return_record.is_editable and can_manage(user=user, partnership=partnership)
