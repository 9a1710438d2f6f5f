"""The register on the day, on a phone: the business unit's home page has a session's register
waiting to be marked; a practitioner who teaches the session opens its register, marks one
delegate attended and one as not attending, and saves it; the business unit finds the charge in
the year's training charges, opens the agency and waives it with a reason. Every page is checked
with axe-core at 375 by 740 pixels, and none scrolls sideways."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from assure.partnerships.years import financial_year_of
from assure.training.models import Booking
from assure.training.tests.factories import BookingFactory, CourseFactory, PractitionerFactory, SessionFactory

pytestmark = pytest.mark.browser

PHONE = {"width": 375, "height": 740}


def fits_the_phone(page) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], f"{page.url} scrolls sideways"


def test_a_trainer_marks_the_register_and_the_business_unit_waives_a_charge(
    pages, second_pages, partnership, agency, practitioner, business_unit
):
    slug = partnership.slug
    starts = timezone.localtime().replace(hour=9, minute=30, second=0, microsecond=0)
    session = SessionFactory(
        course=CourseFactory(partnership=partnership, title="Working with compromised parenting"),
        starts_at=starts,
        booking_opens=starts - dt.timedelta(days=30),
    )
    session.trainers.add(practitioner)
    came = BookingFactory(
        session=session,
        practitioner=PractitionerFactory(partnership=partnership, agency=agency, user__full_name="Robin Ashdown"),
    )
    missed = BookingFactory(
        session=session,
        practitioner=PractitionerFactory(partnership=partnership, agency=agency, user__full_name="Kit Marlow-Haines"),
    )

    # The business unit's home page has the register waiting to be marked.
    second_pages.page.set_viewport_size(PHONE)
    second_pages.sign_in_as(business_unit)
    office = second_pages.goto(reverse("partnerships:home", kwargs={"partnership": slug}))
    expect(office.get_by_role("link", name=f"Register of {session.reference}")).to_be_visible()

    # The trainer, on a phone, opens the session's register.
    pages.page.set_viewport_size(PHONE)
    pages.sign_in_as(practitioner)
    page = pages.goto(reverse("training:register", kwargs={"partnership": slug, "pk": session.pk}))
    fits_the_phone(page)
    expect(page.get_by_role("heading", level=1)).to_have_text("Register")
    page.get_by_role("group", name="Robin Ashdown").get_by_label("Attended").check()
    page.get_by_role("group", name="Kit Marlow-Haines").get_by_label("Did not attend").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Save the register").click()
    pages.check()
    fits_the_phone(page)
    expect(page.locator(".govuk-notification-banner, .govuk-panel").first).to_contain_text("register")
    came.refresh_from_db()
    missed.refresh_from_db()
    assert (came.attendance, missed.attendance) == (Booking.Attendance.ATTENDED, Booking.Attendance.NO_SHOW)
    assert missed.charge_pence == 5000

    # The business unit sees the charge in the year's report and waives it.
    year = financial_year_of(timezone.localdate())
    office = second_pages.goto(reverse("training:charges", kwargs={"partnership": slug}) + f"?year={year}")
    fits_the_phone(office)
    expect(office.get_by_role("heading", level=1)).to_have_text(f"Training charges, {year}")
    with office.expect_navigation():
        office.get_by_role("link", name=agency.name).click()
    second_pages.check()
    with office.expect_navigation():
        office.get_by_role("link", name="Waive the charge for Kit Marlow-Haines").click()
    second_pages.check()
    fits_the_phone(office)
    with office.expect_navigation():
        office.get_by_role("button", name="Yes, waive the charge").click()
    second_pages.check()
    expect(office.locator(".govuk-error-summary")).to_be_visible()
    office.get_by_label("Why is the charge waived?").fill("Called in sick before the start; manager confirmed.")
    with office.expect_navigation():
        office.get_by_role("button", name="Yes, waive the charge").click()
    second_pages.check()
    missed.refresh_from_db()
    assert missed.charge_pence == 0
    expect(office.get_by_role("cell", name="Waived (£50.00)")).to_be_visible()
