"""What case reviews' contributions have waiting for a person, for their home page. Each function
reads in a constant number of queries, however many reviews and contributions there are, and only
the partnership asked about.

- an agency lead: each chronology or report their agency still has to upload for an open review
  ("Review contributions to upload"), due the date it was asked for by;
- the business unit: each contribution overdue, with a reminder to send and when one was last
  sent ("Review contributions overdue"), flagged when the agency has no lead with an account."""

import datetime as dt

from assure.accounts.models import User
from assure.accounts.permissions import agencies_of, is_agency_scoped
from assure.core.navigation import partnership_url
from assure.core.waiting import WaitingItem
from assure.notifications.selectors import last_reminded
from assure.partnerships.models import Partnership

from .models import Contribution
from .permissions import can_contribute_for, can_manage_reviews
from .scheme import scheme_for
from .selectors.reviews import open_q
from .services.contributions import contribution_leads, upload_path

CONTRIBUTIONS_TO_UPLOAD = "reviews.contributions_to_upload"
CONTRIBUTIONS_OVERDUE = "reviews.contributions_overdue"


def _awaited(partnership: Partnership):
    return (
        Contribution.objects.filter(review__partnership=partnership, uploaded_at__isnull=True)
        .filter(open_q("review__"))
        .select_related("review", "review__partnership", "agency")
        .order_by("due_on", "review__reference", "agency__name")
    )


def contributions_to_upload(*, user: User, partnership: Partnership, today: dt.date) -> list[WaitingItem]:
    """For an agency lead: each contribution their agency still has to upload."""
    if not is_agency_scoped(user=user, partnership=partnership):
        return []
    mine = [
        agency_id
        for agency_id in agencies_of(user=user, partnership=partnership)
        if can_contribute_for(user=user, partnership=partnership, agency_id=agency_id)
    ]
    if not mine:
        return []
    contributions = list(_awaited(partnership).filter(agency_id__in=mine))
    if not contributions:
        return []
    scheme = scheme_for(partnership)
    return [
        WaitingItem(
            kind=CONTRIBUTIONS_TO_UPLOAD,
            title=f"Review {c.review.reference}: {c.agency}'s {scheme.title_of('contribution_kinds', c.kind).lower()}",
            url=upload_path(c),
            due=c.due_on,
            detail=c.review.title,
            agency=c.agency.name,
            overdue=c.due_on < today,
        )
        for c in contributions
    ]


def contributions_overdue(*, user: User, partnership: Partnership, today: dt.date) -> list[WaitingItem]:
    """For the business unit: each contribution past its due date and not uploaded, with a
    reminder to send and when one was last sent."""
    if not can_manage_reviews(user=user, partnership=partnership):
        return []
    contributions = list(_awaited(partnership).filter(due_on__lt=today))
    if not contributions:
        return []
    scheme = scheme_for(partnership)
    leads = contribution_leads(partnership_ids=[partnership.pk])
    reminded = last_reminded(model=Contribution, ids=[c.pk for c in contributions])
    items = []
    for c in contributions:
        who = leads.get((partnership.pk, c.agency_id), [])
        items.append(
            WaitingItem(
                kind=CONTRIBUTIONS_OVERDUE,
                title=f"Review {c.review.reference}: {c.agency}'s "
                f"{scheme.title_of('contribution_kinds', c.kind).lower()}",
                url=partnership_url("reviews:review_detail", partnership, pk=c.review_id),
                due=c.due_on,
                detail=c.review.title,
                agency=c.agency.name,
                overdue=True,
                flag="" if who else "No agency lead with an account to upload it",
                remind_url=partnership_url("reviews:contribution_remind", partnership, pk=c.pk) if who else "",
                last_reminded=reminded.get(str(c.pk)),
            )
        )
    return items


def contributions_waiting(*, user: User, partnership: Partnership) -> str | None:
    """The menu's phrase for "Review contributions": how many the person's agency still owes."""
    if not is_agency_scoped(user=user, partnership=partnership):
        return None
    mine = [
        agency_id
        for agency_id in agencies_of(user=user, partnership=partnership)
        if can_contribute_for(user=user, partnership=partnership, agency_id=agency_id)
    ]
    count = _awaited(partnership).filter(agency_id__in=mine).count() if mine else 0
    if not count:
        return None
    return f"{count} to upload"
