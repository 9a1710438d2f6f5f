"""What bookings have waiting, for the home page and the daily reminders:

- "Places offered to you": each place offered to the practitioner from a waiting list, to accept
  before the offer lapses (their own only), in one query;
- the ``training-session`` reminder source: every booked place of a session to come, to its
  practitioner, on each of the partnership's policy's ``reminder_days`` before the session;
- the ``training-offer`` reminder source: every place offered and not yet accepted, the day
  before the offer lapses."""

import datetime as dt

from django.utils import timezone

from assure.core.navigation import partnership_url
from assure.core.waiting import WaitingItem
from assure.notifications.reminders import ReminderDue

from .models import Booking, Session
from .permissions import can_book
from .policy import policy_for

OFFERS = "training.offers"
Status = Booking.Status


def offers_waiting(*, user, partnership, today: dt.date) -> list[WaitingItem]:
    if not can_book(user=user, partnership=partnership):
        return []
    offers = (
        Booking.objects.filter(
            partnership=partnership,
            practitioner__user=user,
            status=Status.OFFERED,
            offer_expires__gt=timezone.now(),
        )
        .select_related("session__course")
        .order_by("offer_expires", "pk")
    )
    return [
        WaitingItem(
            kind=OFFERS,
            title=f"A place on {booking.session.display_title}, {_day(booking.session.starts_at)}",
            url=partnership_url("training:booking_detail", partnership, pk=booking.pk),
            due=timezone.localtime(booking.offer_expires).date(),
            due_label="Accept by",
            detail="Offered from the waiting list; unaccepted, it goes to the next in line.",
        )
        for booking in offers
    ]


def _day(moment: dt.datetime) -> str:
    local = timezone.localtime(moment)
    return f"{local.day} {local:%B %Y}"


def sessions_reminders_due(*, today: dt.date) -> list[ReminderDue]:
    """The ``training-session`` reminder source: every booked place on a scheduled session to
    come, in every partnership, with the partnership's reminder days."""
    booked = (
        Booking.objects.filter(
            status=Status.BOOKED,
            session__status=Session.Status.SCHEDULED,
            session__starts_at__gt=timezone.now(),
        )
        .select_related("session__course", "session__partnership", "practitioner__user")
        .order_by("session__starts_at", "pk")
    )
    policies: dict[int, tuple[int, ...]] = {}
    due = []
    for booking in booked:
        session = booking.session
        partnership = session.partnership
        if partnership.pk not in policies:
            policies[partnership.pk] = policy_for(partnership)[1].reminder_days
        where = session.venue or "online: the link is on your booking's page"
        due.append(
            ReminderDue(
                target=booking,
                partnership=partnership,
                recipients=[booking.practitioner.user],
                deadline=timezone.localtime(session.starts_at).date(),
                before_days=policies[partnership.pk],
                subject=f"Reminder: {session.display_title} on {_day(session.starts_at)}",
                body=(
                    f"You are booked on {session.display_title} ({session.reference}) on {_day(session.starts_at)} "
                    f"at {timezone.localtime(session.starts_at):%H:%M}, {where}.\n\nIf you cannot come, cancel on "
                    "your booking's page so that the place goes to someone on the waiting list."
                ),
                path=partnership_url("training:booking_detail", partnership, pk=booking.pk),
                kind="training.session_reminder",
            )
        )
    return due


def offers_reminders_due(*, today: dt.date) -> list[ReminderDue]:
    """The ``training-offer`` reminder source: every place offered and not yet accepted."""
    offered = Booking.objects.filter(status=Status.OFFERED, offer_expires__gt=timezone.now()).select_related(
        "session__course", "session__partnership", "practitioner__user"
    )
    return [
        ReminderDue(
            target=booking,
            partnership=booking.session.partnership,
            recipients=[booking.practitioner.user],
            deadline=timezone.localtime(booking.offer_expires).date(),
            subject=f"Accept your place on {booking.session.display_title}",
            body=(
                f"A place on {booking.session.display_title} ({booking.session.reference}) on "
                f"{_day(booking.session.starts_at)} is offered to you until "
                f"{timezone.localtime(booking.offer_expires):%H:%M} on {_day(booking.offer_expires)}. Accept it on "
                "your booking's page, or it goes to the next in line."
            ),
            path=partnership_url("training:booking_detail", booking.session.partnership, pk=booking.pk),
            kind="training.offer_reminder",
        )
        for booking in offered
    ]
