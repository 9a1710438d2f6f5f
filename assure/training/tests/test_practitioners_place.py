"""The business unit's register of practitioners and the placing (or refusing) of an organisation
that is not one of the partnership's agencies; what waits on its home page."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from assure.notifications.models import Message
from assure.training.models import Practitioner
from assure.training.services.practitioners import practitioner_place, practitioner_refuse
from assure.training.tests.factories import BookingFactory, PractitionerFactory, SessionFactory
from assure.training.waiting_practitioners import to_place_waiting

pytestmark = pytest.mark.django_db


def url(name, partnership, **kwargs):
    return reverse(f"training:{name}", kwargs={"partnership": partnership.slug, **kwargs})


@pytest.fixture
def to_review(partnership):
    return PractitionerFactory(
        partnership=partnership,
        agency=None,
        other_organisation="Little Acorns Nursery",
        agency_status=Practitioner.AgencyStatus.TO_REVIEW,
        user__full_name="Sam Quarrendon",
        user__email="sam@acorns.example.org",
    )


def test_the_register_lists_the_partnerships_practitioners(client, partnership, business_unit, to_review):
    client.force_login(business_unit)
    html = client.get(url("practitioners", partnership)).content.decode()
    assert "Sam Quarrendon" in html and "Little Acorns Nursery" in html


def test_the_register_searches_by_e_mail(client, partnership, business_unit, to_review, practitioner):
    client.force_login(business_unit)
    html = client.get(url("practitioners", partnership), {"q": "acorns.example"}).content.decode()
    assert "Sam Quarrendon" in html and "Pat Tishner" not in html


def test_the_register_filters_those_to_review(client, partnership, business_unit, to_review, practitioner):
    client.force_login(business_unit)
    html = client.get(url("practitioners", partnership), {"status": "to-review"}).content.decode()
    assert "Sam Quarrendon" in html and "Pat Tishner" not in html


def test_the_register_downloads_with_the_bookings_count(client, partnership, business_unit, profile, course):
    BookingFactory(session=SessionFactory(course=course), practitioner=profile, agency=profile.agency)
    client.force_login(business_unit)
    rows = client.get(url("practitioners", partnership), {"_export": "csv"}).content.decode().splitlines()
    assert rows[0].startswith("Name,E-mail address") and rows[1].endswith(",1")


def test_the_register_has_no_other_partnerships_practitioners(client, partnership, business_unit, other_partnership):
    PractitionerFactory(partnership=other_partnership, user__full_name="Elsewhere Person")
    client.force_login(business_unit)
    assert "Elsewhere Person" not in client.get(url("practitioners", partnership)).content.decode()


def test_placing_puts_the_practitioner_in_the_agency(client, partnership, business_unit, to_review, agency):
    client.force_login(business_unit)
    client.post(url("practitioner_place", partnership, pk=to_review.pk), {"decision": "place", "agency": agency.pk})
    to_review.refresh_from_db()
    assert (to_review.agency, to_review.agency_status) == (agency, Practitioner.AgencyStatus.PLACED)


def test_placing_tells_the_practitioner(partnership, business_unit, to_review, agency):
    practitioner_place(actor=business_unit, partnership=partnership, practitioner=to_review, agency=agency)
    assert Message.objects.filter(address="sam@acorns.example.org", kind="training.placed").exists()


def test_placing_needs_an_agency(client, partnership, business_unit, to_review):
    client.force_login(business_unit)
    response = client.post(url("practitioner_place", partnership, pk=to_review.pk), {"decision": "place"})
    to_review.refresh_from_db()
    assert response.status_code == 200 and to_review.agency_status == Practitioner.AgencyStatus.TO_REVIEW


def test_refusing_stops_booking_and_says_why(client, partnership, business_unit, to_review):
    client.force_login(business_unit)
    client.post(
        url("practitioner_place", partnership, pk=to_review.pk),
        {"decision": "refuse", "reason": "Not a setting in the area."},
    )
    to_review.refresh_from_db()
    assert to_review.may_book is False and to_review.refused_reason == "Not a setting in the area."


def test_refusing_tells_the_practitioner(partnership, business_unit, to_review):
    practitioner_refuse(actor=business_unit, partnership=partnership, practitioner=to_review, reason="Not local.")
    message = Message.objects.get(kind="training.refused")
    assert "Not local." in message.body and "Sam" not in message.subject


def test_refusing_needs_a_reason(partnership, business_unit, to_review):
    with pytest.raises(ValidationError):
        practitioner_refuse(actor=business_unit, partnership=partnership, practitioner=to_review, reason=" ")


def test_a_board_member_may_not_place(partnership, board_member, to_review, agency):
    with pytest.raises(PermissionDenied):
        practitioner_place(actor=board_member, partnership=partnership, practitioner=to_review, agency=agency)


def test_an_organisation_already_placed_is_not_placed_again(partnership, business_unit, profile, other_agency):
    with pytest.raises(ValidationError):
        practitioner_place(actor=business_unit, partnership=partnership, practitioner=profile, agency=other_agency)


def test_the_organisation_to_place_waits_for_the_business_unit(partnership, business_unit, to_review):
    items = to_place_waiting(user=business_unit, partnership=partnership, today=timezone.localdate())
    assert [item.title for item in items] == ["Organisation to place: Little Acorns Nursery"]


def test_nothing_waits_for_a_board_member(partnership, board_member, to_review):
    assert to_place_waiting(user=board_member, partnership=partnership, today=timezone.localdate()) == []


def test_an_unverified_sign_up_does_not_wait(partnership, business_unit, to_review):
    Practitioner.objects.filter(pk=to_review.pk).update(verified_at=None)
    assert to_place_waiting(user=business_unit, partnership=partnership, today=timezone.localdate()) == []
