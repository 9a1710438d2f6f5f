"""The register of a session: marked by the business unit or a trainer named on the session, from
the session's day on, with only those booked on it; saved again as often as needed."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from assure.audit.models import Event
from assure.core.navigation import partnership_url
from assure.training.models import Booking
from assure.training.services.attendance import register_mark
from assure.training.tests.factories import BookingFactory, PractitionerFactory, SessionFactory

pytestmark = pytest.mark.django_db


def today_at(hour: int = 9):
    return timezone.localtime().replace(hour=hour, minute=30, second=0, microsecond=0)


@pytest.fixture
def held(course):
    """A session of the course held today."""
    return SessionFactory(course=course, starts_at=today_at())


@pytest.fixture
def booked(held, partnership):
    return BookingFactory(session=held, practitioner=PractitionerFactory(partnership=partnership))


def test_the_business_unit_marks_a_delegate_attended(business_unit, held, booked):
    register_mark(actor=business_unit, session=held, marks={booked.pk: "attended"})
    booked.refresh_from_db()
    assert booked.attendance == "attended" and booked.attendance_marked_by == business_unit


def test_marking_records_an_event(business_unit, held, booked):
    register_mark(actor=business_unit, session=held, marks={booked.pk: "attended"})
    assert Event.objects.filter(verb="training.register_marked", target_id=held.pk).exists()


def test_a_trainer_named_on_the_session_marks_it(practitioner, held, booked):
    held.trainers.add(practitioner)
    register_mark(actor=practitioner, session=held, marks={booked.pk: "no-show"})
    booked.refresh_from_db()
    assert booked.attendance == "no-show"


def test_a_practitioner_who_is_not_a_trainer_is_refused(practitioner, held, booked):
    with pytest.raises(PermissionDenied):
        register_mark(actor=practitioner, session=held, marks={booked.pk: "attended"})


def test_the_register_cannot_be_marked_before_the_day(business_unit, session, partnership):
    booking = BookingFactory(session=session, practitioner=PractitionerFactory(partnership=partnership))
    with pytest.raises(ValidationError, match="from the day of the session"):
        register_mark(actor=business_unit, session=session, marks={booking.pk: "attended"})


def test_a_booking_not_booked_cannot_be_marked(business_unit, held, partnership):
    waiting = BookingFactory(
        session=held, practitioner=PractitionerFactory(partnership=partnership), status=Booking.Status.WAITING
    )
    with pytest.raises(ValidationError):
        register_mark(actor=business_unit, session=held, marks={waiting.pk: "attended"})


def test_the_register_can_be_marked_again(business_unit, held, booked):
    register_mark(actor=business_unit, session=held, marks={booked.pk: "no-show"})
    register_mark(actor=business_unit, session=held, marks={booked.pk: "attended"})
    booked.refresh_from_db()
    assert booked.attendance == "attended" and booked.charge_pence is None


def test_marking_again_is_in_the_field_history(business_unit, held, booked):
    from auditlog.models import LogEntry

    register_mark(actor=business_unit, session=held, marks={booked.pk: "no-show"})
    register_mark(actor=business_unit, session=held, marks={booked.pk: "attended"})
    changes = [e.changes_dict.get("attendance") for e in LogEntry.objects.get_for_object(booked)]
    assert ["no-show", "attended"] in changes


def test_an_unchanged_register_writes_nothing(business_unit, held, booked):
    register_mark(actor=business_unit, session=held, marks={booked.pk: "attended"})
    assert register_mark(actor=business_unit, session=held, marks={booked.pk: "attended"}) == []


# --- the page ------------------------------------------------------------------------------------


def test_the_page_lists_those_booked_in_name_order(client, business_unit, held, partnership):
    for name in ("Zara Quill", "Alex Brook"):
        BookingFactory(session=held, practitioner=PractitionerFactory(partnership=partnership, user__full_name=name))
    client.force_login(business_unit)
    html = client.get(partnership_url("training:register", partnership, pk=held.pk)).content.decode()
    assert html.index("Alex Brook") < html.index("Zara Quill")


def test_the_page_leaves_out_cancelled_bookings(client, business_unit, held, partnership):
    BookingFactory(
        session=held,
        practitioner=PractitionerFactory(partnership=partnership, user__full_name="Cass Gone"),
        status=Booking.Status.CANCELLED,
    )
    client.force_login(business_unit)
    response = client.get(partnership_url("training:register", partnership, pk=held.pk))
    assert "Cass Gone" not in response.content.decode()


def test_saving_the_page_marks_the_register(client, business_unit, held, booked, partnership):
    client.force_login(business_unit)
    url = partnership_url("training:register", partnership, pk=held.pk)
    response = client.post(url, {f"booking-{booked.pk}": "attended"})
    booked.refresh_from_db()
    assert response.status_code == 302 and booked.attendance == "attended"


def test_before_the_day_the_page_says_when(client, business_unit, session, partnership):
    BookingFactory(session=session, practitioner=PractitionerFactory(partnership=partnership))
    client.force_login(business_unit)
    response = client.get(partnership_url("training:register", partnership, pk=session.pk))
    assert f"from the day of the session, {session.starts_at:%A %-d %B %Y}" in response.content.decode()


def test_a_trainer_opens_their_own_sessions_register(client, practitioner, held, partnership):
    held.trainers.add(practitioner)
    client.force_login(practitioner)
    assert client.get(partnership_url("training:register", partnership, pk=held.pk)).status_code == 200


def test_a_trainer_is_refused_another_sessions_register(client, practitioner, held, partnership):
    client.force_login(practitioner)
    assert client.get(partnership_url("training:register", partnership, pk=held.pk)).status_code == 403


def test_the_session_page_partial_counts_attendance(business_unit, held, booked, partnership):
    from assure.training.selectors.attendance import attendance_for_session_page

    register_mark(actor=business_unit, session=held, marks={booked.pk: "attended"})
    found = attendance_for_session_page(user=business_unit, partnership=partnership, session=held)["attendance"]
    assert (found["attended"], found["no_show"], found["unmarked"]) == (1, 0, 0)
