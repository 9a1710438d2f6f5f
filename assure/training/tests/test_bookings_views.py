"""The booking pages: book, the booking's page, cancel, accept an offer, the .ics download, and
the business unit's list of a session's bookings with its download."""

import datetime as dt

import pytest
from django.utils import timezone

from assure.core.navigation import partnership_url
from assure.training.models import Booking
from assure.training.tests.factories import BookingFactory

Status = Booking.Status
pytestmark = pytest.mark.django_db


def url(name, partnership, **kwargs):
    return partnership_url(f"training:{name}", partnership, **kwargs)


def test_the_book_page_shows_places_left(client, practitioner, profile, partnership, session):
    client.force_login(practitioner)
    response = client.get(url("book", partnership, pk=session.pk))
    assert response.status_code == 200
    assert "20 places left" in response.text


def test_the_book_page_offers_the_waiting_list_when_full(client, practitioner, profile, partnership, session):
    session.capacity = 1
    session.save()
    BookingFactory(session=session)
    client.force_login(practitioner)
    assert "Join the waiting list" in client.get(url("book", partnership, pk=session.pk)).text


def test_booking_goes_to_the_bookings_page(client, practitioner, profile, partnership, session):
    client.force_login(practitioner)
    response = client.post(url("book", partnership, pk=session.pk), {})
    booking = Booking.objects.get(practitioner=profile)
    assert response.status_code == 302
    assert response["Location"] == url("booking_detail", partnership, pk=booking.pk)


def test_a_refused_booking_shows_why(client, practitioner, profile, partnership, session):
    BookingFactory(session=session, practitioner=profile)
    client.force_login(practitioner)
    response = client.post(url("book", partnership, pk=session.pk), {})
    assert response.status_code == 200
    assert "already have a booking" in response.text


def test_the_online_link_is_shown_only_when_booked(client, practitioner, profile, partnership, session):
    session.online_link = "https://meet.example.org/abc"
    session.save()
    waiting = BookingFactory(session=session, practitioner=profile, status=Status.WAITING)
    client.force_login(practitioner)
    assert session.online_link not in client.get(url("booking_detail", partnership, pk=waiting.pk)).text
    Booking.objects.filter(pk=waiting.pk).update(status=Status.BOOKED)
    assert session.online_link in client.get(url("booking_detail", partnership, pk=waiting.pk)).text


def test_another_practitioners_booking_answers_404(client, practitioner, profile, partnership, session):
    other = BookingFactory(session=session)
    client.force_login(practitioner)
    assert client.get(url("booking_detail", partnership, pk=other.pk)).status_code == 404


def test_cancel_asks_first_then_cancels(client, practitioner, profile, partnership, session):
    booking = BookingFactory(session=session, practitioner=profile)
    client.force_login(practitioner)
    page = client.get(url("booking_cancel", partnership, pk=booking.pk))
    assert "Cancel the booking" in page.text
    booking.refresh_from_db()
    assert booking.status == Status.BOOKED
    client.post(url("booking_cancel", partnership, pk=booking.pk), {"reason": ""})
    booking.refresh_from_db()
    assert booking.status == Status.CANCELLED


def test_accepting_an_offer_books_it(client, practitioner, profile, partnership, session):
    booking = BookingFactory(
        session=session,
        practitioner=profile,
        status=Status.OFFERED,
        offer_expires=timezone.now() + dt.timedelta(hours=3),
    )
    client.force_login(practitioner)
    client.post(url("offer_accept", partnership, pk=booking.pk), {})
    booking.refresh_from_db()
    assert booking.status == Status.BOOKED


def test_the_ics_download_is_an_icalendar_event(client, practitioner, profile, partnership, session):
    booking = BookingFactory(session=session, practitioner=profile)
    client.force_login(practitioner)
    response = client.get(url("booking_ics", partnership, pk=booking.pk))
    assert response["Content-Type"].startswith("text/calendar")
    text = response.content.decode()
    assert "BEGIN:VEVENT" in text
    assert f"training-booking-{booking.pk}@" in text
    assert "\r\n" in text


def test_the_ics_of_a_waiting_place_answers_404(client, practitioner, profile, partnership, session):
    booking = BookingFactory(session=session, practitioner=profile, status=Status.WAITING)
    client.force_login(practitioner)
    assert client.get(url("booking_ics", partnership, pk=booking.pk)).status_code == 404


def test_the_session_bookings_list_puts_the_waiting_list_in_order(client, business_unit, partnership, session):
    later = BookingFactory(session=session, status=Status.WAITING, practitioner__user__full_name="Wyn Later")
    earlier = BookingFactory(
        session=session,
        status=Status.WAITING,
        practitioner__user__full_name="Ada Earlier",
        queued_at=later.queued_at - dt.timedelta(minutes=5),
    )
    client.force_login(business_unit)
    text = client.get(url("session_bookings", partnership, pk=session.pk)).text
    assert text.index(earlier.practitioner.user.full_name) < text.index(later.practitioner.user.full_name)


def test_the_session_bookings_list_searches(client, business_unit, partnership, session):
    BookingFactory(session=session, practitioner__user__full_name="Rowan Findme")
    BookingFactory(session=session, practitioner__user__full_name="Sol Other")
    client.force_login(business_unit)
    text = client.get(url("session_bookings", partnership, pk=session.pk), {"q": "findme"}).text
    assert "Rowan Findme" in text
    assert "Sol Other" not in text


def test_the_session_bookings_list_exports_csv(client, business_unit, partnership, session):
    BookingFactory(session=session, practitioner__user__full_name="Kit Exported")
    client.force_login(business_unit)
    response = client.get(url("session_bookings", partnership, pk=session.pk), {"_export": "csv"})
    assert "Kit Exported" in response.content.decode()


def test_the_session_bookings_list_says_when_empty(client, business_unit, partnership, session):
    client.force_login(business_unit)
    assert "Nobody has booked this session yet" in client.get(url("session_bookings", partnership, pk=session.pk)).text


def test_the_business_unit_cancels_a_booking_with_a_reason(client, business_unit, partnership, session):
    booking = BookingFactory(session=session)
    client.force_login(business_unit)
    response = client.post(url("booking_withdraw", partnership, pk=booking.pk), {"reason": ""})
    assert response.status_code == 200
    client.post(url("booking_withdraw", partnership, pk=booking.pk), {"reason": "Duplicate booking"})
    booking.refresh_from_db()
    assert (booking.status, booking.cancelled_reason) == (Status.CANCELLED, "Duplicate booking")


def test_offers_wait_on_the_practitioners_home_page(practitioner, profile, partnership, session):
    from assure.training.waiting_bookings import offers_waiting

    BookingFactory(
        session=session,
        practitioner=profile,
        status=Status.OFFERED,
        offer_expires=timezone.now() + dt.timedelta(hours=3),
    )
    (item,) = offers_waiting(user=practitioner, partnership=partnership, today=timezone.localdate())
    assert session.display_title in item.title


def test_session_reminders_are_due_on_the_policys_days(practitioner, profile, session):
    from assure.notifications.reminders import is_due
    from assure.training.waiting_bookings import sessions_reminders_due

    BookingFactory(session=session, practitioner=profile)
    (due,) = sessions_reminders_due(today=timezone.localdate())
    assert due.before_days == (7, 1)
    week_before = due.deadline - dt.timedelta(days=7)
    assert is_due(deadline=due.deadline, today=week_before, before_days=due.before_days, overdue_every_days=7)


def test_the_public_page_asks_someone_signed_out_to_sign_in(partnership, session):
    from django.contrib.auth.models import AnonymousUser
    from django.template.loader import render_to_string

    from assure.training.selectors.bookings import booking_for_public_session

    context = booking_for_public_session(user=AnonymousUser(), partnership=partnership, session=session)
    assert (context["places_left"], context["may_book"]) == (20, False)
    assert "Sign in to book" in render_to_string("training/_public_booking.html", context)


def test_the_public_page_offers_a_practitioner_the_waiting_list_when_full(practitioner, profile, partnership, session):
    from django.template.loader import render_to_string

    from assure.training.selectors.bookings import booking_for_public_session

    session.capacity = 1
    session.save()
    BookingFactory(session=session)
    context = booking_for_public_session(user=practitioner, partnership=partnership, session=session)
    assert "Join the waiting list" in render_to_string("training/_public_booking.html", context)


def test_the_practitioners_own_page_lists_offers_first(practitioner, profile, partnership, session):
    from assure.training.selectors.bookings import bookings_for_mine_page

    offered = BookingFactory(
        session=session,
        practitioner=profile,
        status=Status.OFFERED,
        offer_expires=timezone.now() + dt.timedelta(hours=3),
    )
    context = bookings_for_mine_page(user=practitioner, partnership=partnership, practitioner=profile)
    assert context["my_offers"] == [offered]
    assert context["my_active"] == []


def test_the_session_page_summary_counts_places(business_unit, partnership, session):
    from assure.training.selectors.bookings import bookings_for_session_page

    BookingFactory(session=session)
    BookingFactory(session=session, status=Status.WAITING)
    counts = bookings_for_session_page(user=business_unit, partnership=partnership, session=session)["booking_counts"]
    assert (counts["booked"], counts["waiting"], counts["left"]) == (1, 1, 19)
