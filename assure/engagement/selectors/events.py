"""Reads of the board's events, given the user, with each event's attendance: those typed in, or,
for an event run as a training session (it names the session's reference, TS-0042), those the
training register marked attended, read through the tenant core's hook
(``assure.partnerships.session_attendance``), since engagement may not import training."""

from dataclasses import dataclass

from django.db.models import QuerySet

from assure.accounts.models import User
from assure.library.selectors import current_items
from assure.partnerships.models import Partnership
from assure.partnerships.session_attendance import SessionAttendance, sessions_attendance
from assure.partnerships.years import financial_year_of

from ..models import Campaign, Event
from ..permissions import can_manage, can_view

EVENT_KIND = "engagement-event-kind"


def can_read_events(*, user: User, partnership: Partnership) -> bool:
    return can_view(user=user, partnership=partnership) or can_manage(user=user, partnership=partnership)


def events_visible_to(*, user: User, partnership: Partnership) -> QuerySet[Event]:
    """The partnership's events, the latest first."""
    if not can_read_events(user=user, partnership=partnership):
        return Event.objects.none()
    return Event.objects.filter(partnership=partnership).select_related("priority", "campaign")


def event_for(*, user: User, partnership: Partnership, pk: int) -> Event | None:
    return events_visible_to(user=user, partnership=partnership).filter(pk=pk).first()


def event_kinds() -> dict[str, str]:
    """The library's kinds of event, code to title, in the library's order (shared by every
    partnership, so no user is needed)."""
    items = sorted(current_items(kind=EVENT_KIND), key=lambda item: (item.data.get("order", 0), item.title))
    return {item.code: item.title for item in items}


def event_years(*, user: User, partnership: Partnership) -> list[str]:
    """The financial years the partnership's events were held in, the latest first."""
    days = events_visible_to(user=user, partnership=partnership).values_list("held_on", flat=True)
    return sorted({financial_year_of(day) for day in days}, reverse=True)


def campaign_choices(*, user: User, partnership: Partnership) -> QuerySet[Campaign]:
    """The campaigns an event may be part of."""
    if not can_read_events(user=user, partnership=partnership):
        return Campaign.objects.none()
    return Campaign.objects.filter(partnership=partnership).order_by("-starts_on", "pk")


@dataclass(frozen=True)
class Attendance:
    """An event's attendance: the number, and where it comes from (the training register for a
    session named by its reference, else the number typed; None when neither is known)."""

    number: int | None
    from_training: bool
    session: SessionAttendance | None = None

    @property
    def label(self) -> str:
        if self.number is None:
            return "Not recorded"
        if self.from_training:
            return f"{self.number} (the training register of {self.session.reference})"
        return str(self.number)


def attendance_of(events, *, partnership: Partnership) -> dict[int, Attendance]:
    """Each event's attendance, by the event's key, reading every named training session at once.
    A reference the training register does not hold falls back to the number typed."""
    events = list(events)
    sessions = sessions_attendance(
        partnership=partnership, references=[event.training_session for event in events if event.training_session]
    )
    found: dict[int, Attendance] = {}
    for event in events:
        session = sessions.get(event.training_session.strip().upper()) if event.training_session else None
        if session is not None:
            found[event.pk] = Attendance(number=session.attended, from_training=True, session=session)
        else:
            found[event.pk] = Attendance(number=event.attendees, from_training=False)
    return found


def event_attendance(*, user: User, partnership: Partnership, event: Event) -> Attendance:
    """One event's attendance."""
    if not can_read_events(user=user, partnership=partnership) or event.partnership_id != partnership.pk:
        return Attendance(number=None, from_training=False)
    return attendance_of([event], partnership=partnership)[event.pk]
