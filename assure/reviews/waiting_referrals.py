"""What case considerations have waiting for a person, for their home page. Each reads in a
constant number of queries, however many referrals there are, and only the partnership asked
about.

- the business unit: each referral received and not yet acknowledged ("Case considerations to
  acknowledge"), and each acknowledged and not yet considered by the subgroup ("Case
  considerations to take to the subgroup");
- the chair: each referral the subgroup has considered, awaiting their decision."""

import datetime as dt

from django.utils import timezone

from assure.accounts.models import User
from assure.core.tables import record_address
from assure.core.waiting import WaitingItem
from assure.partnerships.models import Partnership

from .models import Referral
from .permissions import can_decide_referrals, can_manage_reviews
from .scheme import scheme_for

TO_ACKNOWLEDGE = "reviews.referrals_to_acknowledge"
TO_CONSIDER = "reviews.referrals_to_consider"
TO_DECIDE = "reviews.referrals_to_decide"


def _referrals(partnership: Partnership, status: str) -> list[Referral]:
    return list(
        Referral.objects.filter(partnership=partnership, status=status)
        .select_related("lead_agency", "considered_at", "considered_at__subgroup")
        .order_by("submitted_at", "pk")
    )


def _received(referral: Referral) -> str:
    return f"received {timezone.localtime(referral.submitted_at):%-d %B %Y}" if referral.submitted_at else "received"


def _business_unit_items(
    *, user: User, partnership: Partnership, status: str, kind: str, url_name: str, step: str
) -> list[WaitingItem]:
    """For the business unit: each referral at ``status``, linked to the page of its next step."""
    if not can_manage_reviews(user=user, partnership=partnership):
        return []
    found = _referrals(partnership, status)
    if not found:
        return []
    scheme = scheme_for(partnership)
    address = record_address(url_name, partnership=partnership.slug)
    return [
        WaitingItem(
            kind=kind,
            title=f"Case consideration {referral.reference}: {step}",
            url=address(referral.pk),
            detail=f"{scheme.title_of('routes', referral.route)}; {_received(referral)}",
            agency=referral.lead_agency.name,
        )
        for referral in found
    ]


def referrals_to_acknowledge(*, user: User, partnership: Partnership, today: dt.date) -> list[WaitingItem]:
    """For the business unit: each referral received, awaiting acknowledgement."""
    return _business_unit_items(
        user=user,
        partnership=partnership,
        status=Referral.Status.SUBMITTED,
        kind=TO_ACKNOWLEDGE,
        url_name="reviews:referral_acknowledge",
        step="acknowledge it",
    )


def referrals_to_consider(*, user: User, partnership: Partnership, today: dt.date) -> list[WaitingItem]:
    """For the business unit: each referral acknowledged, awaiting the subgroup's consideration."""
    return _business_unit_items(
        user=user,
        partnership=partnership,
        status=Referral.Status.ACKNOWLEDGED,
        kind=TO_CONSIDER,
        url_name="reviews:referral_consider",
        step="the subgroup's consideration",
    )


def referrals_to_decide(*, user: User, partnership: Partnership, today: dt.date) -> list[WaitingItem]:
    """For the chair: each referral the subgroup has considered, awaiting their decision."""
    if not can_decide_referrals(user=user, partnership=partnership):
        return []
    found = _referrals(partnership, Referral.Status.CONSIDERED)
    if not found:
        return []
    scheme = scheme_for(partnership)
    address = record_address("reviews:referral_decide", partnership=partnership.slug)
    items = []
    for referral in found:
        meeting = referral.considered_at
        considered = f" at the {meeting.body_name} on {meeting.held_on:%-d %B %Y}" if meeting else ""
        items.append(
            WaitingItem(
                kind=TO_DECIDE,
                title=f"Case consideration {referral.reference}: your decision",
                url=address(referral.pk),
                detail=f"Recommended{considered}: {scheme.title_of('decisions', referral.recommendation)}",
            )
        )
    return items


def referrals_waiting(*, user: User, partnership: Partnership) -> str | None:
    """The menu's phrase for "Case considerations": what waits for the business unit or the chair."""
    if can_manage_reviews(user=user, partnership=partnership):
        count = Referral.objects.filter(
            partnership=partnership, status__in=[Referral.Status.SUBMITTED, Referral.Status.ACKNOWLEDGED]
        ).count()
        return f"{count} to acknowledge or consider" if count else None
    if can_decide_referrals(user=user, partnership=partnership):
        count = Referral.objects.filter(partnership=partnership, status=Referral.Status.CONSIDERED).count()
        return f"{count} to decide" if count else None
    return None
