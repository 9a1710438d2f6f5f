"""What attendance has waiting, for the home page: "Registers to mark", each session held in the
last 14 days with booked places not yet marked; every session's for the business unit, their own
sessions' for a trainer. One query, titled by the session's reference and course (never a
delegate)."""

import datetime as dt

from django.db.models import Count, Q
from django.utils import timezone

from assure.accounts.permissions import has_permission
from assure.core.tables import record_address
from assure.core.waiting import WaitingItem

from .models import Booking, Session
from .permissions import can_manage

REGISTERS = "training.registers_to_mark"
DAYS = 14


def registers_to_mark(*, user, partnership, today: dt.date) -> list[WaitingItem]:
    if can_manage(user=user, partnership=partnership):
        sessions = Session.objects.filter(partnership=partnership)
    elif has_permission(user=user, permission="training.register", partnership=partnership):
        sessions = Session.objects.filter(partnership=partnership, trainers=user)
    else:
        return []
    zone = timezone.get_current_timezone()
    since = dt.datetime.combine(today - dt.timedelta(days=DAYS), dt.time.min, tzinfo=zone)
    until = dt.datetime.combine(today + dt.timedelta(days=1), dt.time.min, tzinfo=zone)
    sessions = (
        sessions.filter(status=Session.Status.SCHEDULED, starts_at__gte=since, starts_at__lt=until)
        .annotate(
            unmarked=Count(
                "bookings", filter=Q(bookings__status=Booking.Status.BOOKED, bookings__attendance=""), distinct=True
            )
        )
        .filter(unmarked__gt=0)
        .select_related("course")
        .order_by("starts_at", "pk")
    )
    address = record_address("training:register", partnership=partnership.slug)
    return [
        WaitingItem(
            kind=REGISTERS,
            title=f"Register of {session.reference}: {session.display_title}",
            url=address(session.pk),
            due=timezone.localdate(session.starts_at),
            due_label="Held on",
            detail=f"{session.unmarked} booked {'place' if session.unmarked == 1 else 'places'} not marked",
        )
        for session in sessions
    ]


def registers_phrase(*, user, partnership) -> str | None:
    """The menu's line for the charges part: registers waiting to be marked."""
    count = len(registers_to_mark(user=user, partnership=partnership, today=timezone.localdate()))
    if not count:
        return None
    return f"{count} {'register' if count == 1 else 'registers'} to mark"
