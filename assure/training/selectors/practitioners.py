"""Reads of practitioners, given the user: the business unit's register of the partnership's
practitioners, those whose organisation waits to be placed, and a practitioner's own profile."""

from django.db.models import Count, Q, QuerySet

from assure.partnerships.models import Agency, Partnership

from ..models import Practitioner
from ..permissions import can_book, can_manage


def practitioners_visible_to(*, user, partnership: Partnership) -> QuerySet[Practitioner]:
    """The partnership's practitioners, for the business unit (none for anyone else), each with
    the number of their bookings."""
    if not can_manage(user=user, partnership=partnership):
        return Practitioner.objects.none()
    return (
        Practitioner.objects.filter(partnership=partnership)
        .select_related("user", "agency")
        .annotate(bookings_count=Count("bookings"))
        .order_by("user__full_name", "pk")
    )


def practitioners_to_place(*, user, partnership: Partnership) -> QuerySet[Practitioner]:
    """Practitioners whose organisation is not one of the partnership's agencies, waiting for the
    business unit to place it (verified ones only: an unverified sign-up may never be used)."""
    return (
        practitioners_visible_to(user=user, partnership=partnership)
        .filter(agency_status=Practitioner.AgencyStatus.TO_REVIEW, verified_at__isnull=False)
        .order_by("created_at", "pk")
    )


def own_practitioner(*, user, partnership: Partnership) -> Practitioner | None:
    """The user's own practitioner profile in the partnership (None when they have none or may
    not book there)."""
    if not can_book(user=user, partnership=partnership):
        return None
    return Practitioner.objects.filter(user=user, partnership=partnership).select_related("agency").first()


def partnership_agencies(partnership: Partnership) -> QuerySet[Agency]:
    """The partnership's active agencies, by name: what a practitioner chooses from. Public (the
    sign-up form), so no user."""
    return Agency.objects.filter(partnerships=partnership, is_active=True).order_by("name")


def practitioner_search_q(value: str) -> Q:
    return Q(user__full_name__icontains=value) | Q(user__email__icontains=value)


def waiting_for_practitioner(*, user, partnership, today):
    """What waits for a practitioner (places offered, evaluations to give, the registers of the
    sessions they teach): "My training" is their home page, since they do not see the
    partnership's, so it lists the same items the home page would (``partnerships/_waiting.html``)."""
    from assure.core.waiting import waiting_for, waiting_kinds
    from assure.partnerships.selectors.home import Home, Waiting

    labels = {kind.key: kind.label for kind in waiting_kinds()}
    items = waiting_for(user=user, partnership=partnership, today=today)
    return Home(waiting=[Waiting(item=item, label=labels.get(item.kind, "")) for item in items])
