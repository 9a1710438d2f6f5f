"""Training's reader of a session's attendance for other apps (registered with
``assure.partnerships.session_attendance``): an engagement event run as a conference names the
session's reference, and its attendance is those marked attended on the session's own register."""

from collections.abc import Collection

from django.db.models import Count, Q
from django.utils import timezone

from assure.partnerships.session_attendance import SessionAttendance

from .models import Booking, Session


def sessions_attendance(*, partnership, references: Collection[str]) -> dict[str, SessionAttendance]:
    """Each of the partnership's sessions among ``references`` (upper case), with the bookings
    marked attended, in one query."""
    sessions = (
        Session.objects.filter(partnership=partnership, reference__in=list(references))
        .select_related("course")
        .annotate(attended=Count("bookings", filter=Q(bookings__attendance=Booking.Attendance.ATTENDED)))
    )
    return {
        session.reference.upper(): SessionAttendance(
            reference=session.reference,
            title=session.display_title,
            held_on=timezone.localdate(session.starts_at),
            attended=session.attended,
        )
        for session in sessions
    }
