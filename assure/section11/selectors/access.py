"""Who may see and do what with Section 11 records, inside a partnership.

The roles library grants the permissions (section11.view, .complete, .moderate, .manage,
.analyse); these predicates narrow them to records:

- an agency lead (an agency-scoped role) sees only their own agency's returns, drafts included;
- the business unit (section11.manage) sees every return of the partnership's agencies, drafts
  included (read-only: it chases progress, it does not answer for an agency);
- everyone else with section11.view (board members, auditors) sees returns once submitted, never
  drafts;
- a return is seen in a partnership only when the partnership takes part in the cycle and the
  agency belongs to it; anything else answers 404.
"""

from django.db.models import Q

from assure.accounts.permissions import agencies_of, has_permission, is_agency_scoped
from assure.partnerships.models import Partnership

from ..models import Cycle, Response, Return

Status = Return.Status

# Statuses everyone with section11.view may read: the agency has handed the return in.
HANDED_IN = (Status.SUBMITTED, Status.UNDER_CHALLENGE, Status.ACCEPTED)
# Statuses in which a moderator works on a return.
MODERATABLE = (Status.SUBMITTED, Status.UNDER_CHALLENGE)


def can_view(user, partnership: Partnership) -> bool:
    return has_permission(user, "section11.view", partnership)


def can_manage(user, partnership: Partnership) -> bool:
    return has_permission(user, "section11.manage", partnership)


def can_moderate(user, partnership: Partnership) -> bool:
    return has_permission(user, "section11.moderate", partnership)


def can_manage_cycle(user, partnership: Partnership, cycle: Cycle) -> bool:
    """Only the business unit of the cycle's lead partnership changes a cycle."""
    return cycle.lead_partnership_id == partnership.pk and can_manage(user, partnership)


def acts_for_agency(user, partnership: Partnership, agency_id: int) -> bool:
    """True when the user completes returns for this agency: an agency lead of it."""
    return (
        has_permission(user, "section11.complete", partnership)
        and is_agency_scoped(user, partnership)
        and agency_id in agencies_of(user, partnership)
    )


def return_scope_q(user, partnership: Partnership) -> Q | None:
    """The filter of the returns the user may read in the partnership (None: none at all)."""
    if not can_view(user, partnership):
        return None
    scope = Q(cycle__partnerships=partnership, agency__partnership_links__partnership=partnership)
    if is_agency_scoped(user, partnership):
        return scope & Q(agency_id__in=agencies_of(user, partnership))
    if can_manage(user, partnership):
        return scope
    return scope & Q(status__in=HANDED_IN)


def is_editable(return_record: Return) -> bool:
    """The agency can still change its answers: not submitted, and the cycle is open."""
    return return_record.status in Return.EDITABLE and return_record.cycle.status == Cycle.Status.OPEN


def may_complete(user, partnership: Partnership, return_record: Return) -> bool:
    """The user may change the return's answers now."""
    return is_editable(return_record) and acts_for_agency(user, partnership, return_record.agency_id)


def may_answer(user, partnership: Partnership, response: Response) -> bool:
    """The agency lead may answer a moderator's challenge on the criterion."""
    return (
        response.moderation == Response.Moderation.CHALLENGED
        and response.return_record.status == Status.UNDER_CHALLENGE
        and acts_for_agency(user, partnership, response.return_record.agency_id)
    )


def may_moderate(user, partnership: Partnership, return_record: Return) -> bool:
    """The user may challenge, rate and accept the return's criteria now."""
    return return_record.status in MODERATABLE and can_moderate(user, partnership)


def may_reopen(user, partnership: Partnership, return_record: Return) -> bool:
    return return_record.status in HANDED_IN and can_moderate(user, partnership)
