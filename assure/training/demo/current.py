"""The live programme, dated from the day the demo is loaded: sessions in the coming weeks with
bookings (one full, with a waiting list), a session held two days ago whose register is still to
mark, and the practitioner persona booked on one of them."""

from __future__ import annotations

import datetime as dt

from ..models import Booking, Session
from . import history


def current_load(*, partnership, courses, pool, business_unit, today: dt.date, rng) -> dict[str, int]:
    first_number = Session.objects.filter(partnership=partnership).count() + 1
    writer = history.Writer(partnership, business_unit, pool, rng)
    plan = (
        # (course, days from today, places, bookings holding a place, waiting)
        ("working-together", -2, 24, 18, 0),
        ("neglect", 9, 20, 20, 3),
        ("cp-domestic-abuse", 16, 20, 12, 0),
        ("designated-leads", 23, 16, 7, 0),
        ("early-help", 37, 24, 5, 0),
    )
    made = []
    for key, days, places, booked, waiting in plan:
        day = history.weekday(today + dt.timedelta(days=days))
        session = writer.session(courses[key], day, capacity=places, attended=0, noise=False)
        if days > 0:
            session.booking_opens = history.at(today - dt.timedelta(days=30))
            session.booking_closes = session.starts_at - dt.timedelta(days=2)
        made.append((session, booked, waiting))
    writer.write_sessions(first_number=first_number)
    persona, others = pool[0], pool[1:]
    bookings = []
    for number, (session, booked, waiting) in enumerate(made):
        chosen = rng.sample(others, booked + waiting)
        if number == 2:
            chosen[0] = persona
        for place, practitioner in enumerate(chosen):
            queued = history.at(today - dt.timedelta(days=20 - place % 15))
            bookings.append(
                Booking(
                    partnership=partnership,
                    session=session,
                    practitioner=practitioner,
                    agency_id=practitioner.agency_id,
                    status=Booking.Status.BOOKED if place < booked else Booking.Status.WAITING,
                    queued_at=queued + dt.timedelta(minutes=place),
                    created_at=queued,
                )
            )
    Booking.objects.bulk_create(bookings)
    return {"current_sessions": len(made), "current_bookings": len(bookings)}
