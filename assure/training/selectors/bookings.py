"""Reads of bookings, given the user. The pages of other parts include what bookings shows on
them through the ``*_page`` functions below (each a dict for the page's context, drawn by the
partial named in its docstring)."""

from django.db.models import Count, QuerySet

from assure.core.navigation import partnership_url

from ..models import Booking, Practitioner, Session
from ..permissions import can_book, can_manage

Status = Booking.Status


def own_profile(*, user, partnership) -> Practitioner | None:
    """The user's practitioner profile in the partnership, if they have one."""
    if not getattr(user, "is_authenticated", False):
        return None
    return Practitioner.objects.filter(user=user, partnership=partnership).first()


def bookings_visible_to(*, user, partnership) -> QuerySet[Booking]:
    """Every booking of the partnership for the business unit; a practitioner's own otherwise."""
    qs = Booking.objects.filter(partnership=partnership).select_related(
        "session__course", "session__partnership", "practitioner__user", "agency"
    )
    if can_manage(user=user, partnership=partnership):
        return qs
    if can_book(user=user, partnership=partnership):
        return qs.filter(practitioner__user=user)
    return qs.none()


def own_booking(*, user, partnership, pk: int) -> Booking | None:
    """The practitioner's own booking ``pk`` (None when it is not theirs)."""
    if not can_book(user=user, partnership=partnership):
        return None
    return bookings_visible_to(user=user, partnership=partnership).filter(practitioner__user=user, pk=pk).first()


def managed_booking(*, user, partnership, pk: int) -> Booking | None:
    """Any booking of the partnership, for the business unit."""
    if not can_manage(user=user, partnership=partnership):
        return None
    return bookings_visible_to(user=user, partnership=partnership).filter(pk=pk).first()


def bookable_session(*, user, partnership, pk: int) -> Session | None:
    """A scheduled session of an offered course of the partnership, for a practitioner to book."""
    if not can_book(user=user, partnership=partnership):
        return None
    return (
        Session.objects.filter(partnership=partnership, pk=pk, course__is_active=True)
        .select_related("course", "parent", "partnership")
        .first()
    )


def managed_session(*, user, partnership, pk: int) -> Session | None:
    if not can_manage(user=user, partnership=partnership):
        return None
    return Session.objects.filter(partnership=partnership, pk=pk).select_related("course", "partnership").first()


def session_counts(session: Session) -> dict[str, int]:
    """Places held and people in line on the session, by status, in one query."""
    found = dict(
        Booking.objects.filter(session=session, status__in=Booking.ACTIVE)
        .values_list("status")
        .annotate(n=Count("pk"))
        .values_list("status", "n")
    )
    booked = found.get(Status.BOOKED, 0)
    awaiting = found.get(Status.AWAITING_APPROVAL, 0)
    offered = found.get(Status.OFFERED, 0)
    held = booked + awaiting + offered
    return {
        "booked": booked,
        "awaiting": awaiting,
        "offered": offered,
        "waiting": found.get(Status.WAITING, 0),
        "held": held,
        "left": max(session.capacity - held, 0),
    }


def session_bookings(*, user, partnership, session: Session) -> QuerySet[Booking]:
    """The session's bookings, every status, for the business unit (the page orders them: places
    held, the waiting list in line, then those ended)."""
    if not can_manage(user=user, partnership=partnership) or session.partnership_id != partnership.pk:
        return Booking.objects.none()
    return Booking.objects.filter(session=session).select_related("practitioner__user", "agency", "session")


def bookings_for_session_page(*, user, partnership, session) -> dict:
    """The business unit's session page: the bookings and the waiting list
    (``training/_session_bookings.html``)."""
    if not can_manage(user=user, partnership=partnership) or session.partnership_id != partnership.pk:
        return {}
    return {
        "booking_counts": session_counts(session),
        "booking_capacity": session.capacity,
        "bookings_url": partnership_url("training:session_bookings", partnership, pk=session.pk),
    }


def bookings_for_mine_page(*, user, partnership, practitioner) -> dict:
    """The practitioner's own page: their bookings, offers and waiting places
    (``training/_mine_bookings.html``)."""
    if practitioner is None or practitioner.user_id != user.pk or not can_book(user=user, partnership=partnership):
        return {}
    bookings = list(
        Booking.objects.filter(practitioner=practitioner, partnership=partnership)
        .select_related("session__course")
        .order_by("-session__starts_at", "-pk")
    )
    for booking in bookings:
        booking.url = partnership_url("training:booking_detail", partnership, pk=booking.pk)
    return {
        "my_offers": [b for b in bookings if b.status == Status.OFFERED],
        "my_active": [b for b in bookings if b.status in (Status.BOOKED, Status.AWAITING_APPROVAL, Status.WAITING)],
        "my_ended": [b for b in bookings if not b.is_active],
    }


def booking_for_public_session(*, user, partnership, session) -> dict:
    """The public session page: places left and how to book (``training/_public_booking.html``)."""
    counts = session_counts(session)
    profile = own_profile(user=user, partnership=partnership)
    mine = None
    if profile is not None:
        mine = Booking.objects.filter(session=session, practitioner=profile, status__in=Booking.ACTIVE).first()
    may_book = profile is not None and profile.may_book and can_book(user=user, partnership=partnership)
    return {
        "places_left": counts["left"],
        "is_full": counts["left"] == 0,
        "waiting_count": counts["waiting"],
        "is_open": session.is_open_for_booking(),
        "may_book": may_book,
        "signed_in": getattr(user, "is_authenticated", False),
        "my_booking": mine,
        "my_booking_url": partnership_url("training:booking_detail", partnership, pk=mine.pk) if mine else "",
        "book_url": partnership_url("training:book", partnership, pk=session.pk),
    }


def booking_history(*, user, partnership, booking: Booking) -> list:
    """What happened to the booking, newest first, once the caller has found the user may see it."""
    from assure.audit.selectors import events_about

    return list(events_about(target=booking))
