"""The iCalendar (RFC 5545) event of a booked session, attached to the e-mails that confirm a
place and offered as a download from the booking's page, so the session lands in the
practitioner's own calendar.

The event carries the course, the times, the venue and address (or the online link, sent only to
those booked), and the address of the booking's page; its UID is the booking's, so a second
download replaces the first in a calendar rather than adding another."""

import datetime as dt

from django.conf import settings
from icalendar import Calendar, Event

from assure.core.navigation import partnership_url

PRODID = "-//Assure//Multi-agency training//EN"


def booking_uid(booking) -> str:
    host = settings.ASSURE_SITE_URL.split("://", 1)[-1].split("/", 1)[0] or "assure"
    return f"training-booking-{booking.pk}@{host}"


def booking_calendar(booking, *, method: str = "PUBLISH") -> str:
    """The iCalendar text of the booking's session (CRLF line ends, folded and escaped)."""
    session = booking.session
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("method", method)
    event = Event()
    event.add("uid", booking_uid(booking))
    event.add("dtstamp", dt.datetime.now(dt.UTC))
    event.add("dtstart", session.starts_at.astimezone(dt.UTC))
    event.add("dtend", session.ends_at.astimezone(dt.UTC))
    event.add("summary", f"{session.display_title} ({session.reference})")
    where = ", ".join(line.strip() for line in [session.venue, *session.address.splitlines()] if line.strip())
    if where:
        event.add("location", where)
    elif session.online_link:
        event.add("location", session.online_link)
    page = settings.ASSURE_SITE_URL.rstrip("/") + partnership_url(
        "training:booking_detail", booking.session.partnership, pk=booking.pk
    )
    lines = [session.course.summary.strip()] if session.course.summary.strip() else []
    if session.online_link:
        lines.append(f"Join online: {session.online_link}")
    if session.trainer_names:
        lines.append(f"Trainers: {session.trainer_names}")
    lines.append(f"Your booking: {page}")
    event.add("description", "\n\n".join(lines))
    event.add("url", page)
    event.add("status", "CANCELLED" if session.status == session.Status.CANCELLED else "CONFIRMED")
    calendar.add_component(event)
    return calendar.to_ical().decode()
