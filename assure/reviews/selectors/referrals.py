"""Reads of case considerations, given the person asking: the register (for readers of reviews:
no case content), a member's own referrals (status only), one referral, its letter and its
events. A referral still awaiting its referrer's confirmation is nobody's to see yet."""

import datetime as dt

from django.db.models import QuerySet
from django.utils import timezone

from assure.accounts.models import User
from assure.audit.selectors import events_about
from assure.partnerships.models import Partnership
from assure.partnerships.years import financial_year_of

from ..models import Referral
from ..permissions import can_refer, can_view_reviews, may_read_letter
from ..scheme import scheme_for


def _received(partnership: Partnership) -> QuerySet[Referral]:
    return (
        Referral.objects.filter(partnership=partnership)
        .exclude(status=Referral.Status.AWAITING_CONFIRMATION)
        .select_related("partnership", "lead_agency", "referrer_agency", "considered_at", "considered_at__subgroup")
    )


def referrals_visible_to(*, user: User, partnership: Partnership) -> QuerySet[Referral]:
    """The partnership's referrals received, for those who read reviews; none for anyone else."""
    if not can_view_reviews(user=user, partnership=partnership):
        return Referral.objects.none()
    return _received(partnership)


def referrals_of(*, user: User, partnership: Partnership) -> QuerySet[Referral]:
    """The referrals the person made themselves as a member, newest first."""
    if not can_refer(user=user, partnership=partnership):
        return Referral.objects.none()
    return _received(partnership).filter(referred_by=user).order_by("-submitted_at", "-pk")


def referral_with_letter(*, user: User, partnership: Partnership, pk: int) -> Referral | None:
    """The referral whose letter the person may read (its referring member, or a reader of case
    content, once decided), None otherwise: a referral they may not see at all is None too."""
    found = referral_seen(user=user, partnership=partnership, pk=pk)
    return found if found is not None and may_read_letter(user=user, referral=found) else None


def referral_seen(*, user: User, partnership: Partnership, pk: int) -> Referral | None:
    """The referral if the person sees it at all: a reader of reviews, or its referring member."""
    found = _received(partnership).filter(pk=pk)
    if can_view_reviews(user=user, partnership=partnership):
        return found.first()
    if can_refer(user=user, partnership=partnership):
        return found.filter(referred_by=user).first()
    return None


def referral_events(*, user: User, referral: Referral) -> list:
    """What happened to the referral, newest first, for those who read reviews."""
    if not can_view_reviews(user=user, partnership=referral.partnership):
        return []
    return list(events_about(target=referral))


def referral_years(*, user: User, partnership: Partnership) -> list[str]:
    """The financial years referrals were received in, newest first."""
    days = referrals_visible_to(user=user, partnership=partnership).values_list("submitted_at", flat=True)
    return sorted({financial_year_of(timezone.localtime(day).date()) for day in days if day is not None}, reverse=True)


def year_bounds(year: str) -> tuple[dt.datetime, dt.datetime]:
    """The first moment of a financial year ("2014-15") and of the next."""
    start = int(year[:4])
    tz = timezone.get_current_timezone()
    return (
        dt.datetime(start, 4, 1, tzinfo=tz),
        dt.datetime(start + 1, 4, 1, tzinfo=tz),
    )


def scheme_choices(partnership: Partnership, listing: str) -> list[tuple[str, str]]:
    """The codes and titles of one listing of the partnership's review scheme. Reads no user: the
    library is shared."""
    return [(term.code, term.title) for term in getattr(scheme_for(partnership), listing)]


def referral_counts(*, user: User, partnership: Partnership) -> dict[str, int]:
    """How many referrals of each status the person sees, for the menu."""
    counts: dict[str, int] = {}
    for status in referrals_visible_to(user=user, partnership=partnership).values_list("status", flat=True):
        counts[status] = counts.get(status, 0) + 1
    return counts
