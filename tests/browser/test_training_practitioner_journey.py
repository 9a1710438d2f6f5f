"""A practitioner's training, end to end in a real browser, from their first visit. A new visitor
opens the partnership's public course calendar and the session they want, which is full; they
create an account from it with their work e-mail address and agency, open the link e-mailed to
them, confirm it and land on "My training", signed in. Back on the session's page they join its
waiting list; another delegate's booking is cancelled and the place is offered to them, which they
accept from their booking's page. The session is held and the register marks them attended; "My
training" then asks for their evaluation after the course, which they give (their confidence in
each learning outcome, then the course questions) and submit, and they download their certificate.
The business unit reads the results, chooses the delegate's words for the annual report and finds
them among the year's quotes. Every page is checked with axe-core."""

import datetime as dt
import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from assure.partnerships.years import financial_year_of
from assure.training.models import Booking, Practitioner, Quote, Session
from assure.training.services.bookings import booking_cancel
from assure.training.tests.factories import BookingFactory, CourseFactory, PractitionerFactory, SessionFactory
from tests.browser.htmx import wait_for_swap

pytestmark = pytest.mark.browser

WORDS = "I now ring the duty team before I send a referral, and say what worries me."
NAME = "Morgan Tellwright"
ADDRESS = "morgan.tellwright@northshire-health.example.org"


def emailed_path(address: str, slug: str) -> str:
    """The path of the verification link in the latest e-mail to ``address``. The live server
    runs in this process, so its locmem mail backend fills this test's outbox (the task backend
    is immediate)."""
    for message in reversed(mail.outbox):
        if address in message.to:
            found = re.search(rf"/training/{slug}/verify/[^/\s]+/", message.body)
            if found:
                return found.group()
    raise AssertionError(f"No e-mail to {address} holds a verification link: {[m.subject for m in mail.outbox]}")


def choose(page, question: str, answer: str) -> None:
    """Choose an answer to a question of the questionnaire: a choice changed is saved at once
    (htmx swaps the form), so wait for it before the next."""
    wait_for_swap(page, page.get_by_role("group", name=question).get_by_label(answer, exact=True).check)


def test_a_visitor_signs_up_is_wait_listed_gets_the_place_evaluates_and_downloads_the_certificate(
    pages, second_pages, partnership, agency, business_unit
):
    slug = partnership.slug
    course = CourseFactory(partnership=partnership, title="Working with compromised parenting")
    session = SessionFactory(course=course, capacity=1)
    other = BookingFactory(
        session=session,
        practitioner=PractitionerFactory(partnership=partnership, agency=agency, user__full_name="Robin Ashdown"),
    )

    # A visitor finds the session on the public calendar: it is full, and booking needs an account.
    page = pages.goto(reverse("courses:calendar", kwargs={"partnership": slug}))
    with page.expect_navigation():
        page.get_by_role("link", name=course.title).click()
    pages.check()
    session_path = reverse("courses:session", kwargs={"partnership": slug, "reference": session.reference})
    assert page.url == pages.base_url + session_path
    expect(page.get_by_text("This session is full")).to_be_visible()
    with page.expect_navigation():
        page.get_by_role("link", name="create an account", exact=True).click()
    pages.check()

    # They sign up with their work e-mail address and their agency.
    page.get_by_label("Full name").fill(NAME)
    page.get_by_label("Work e-mail address").fill(ADDRESS)
    page.get_by_label("Password", exact=True).fill("Kestrel-harbour-lantern-42")
    page.get_by_label("Password again").fill("Kestrel-harbour-lantern-42")
    page.get_by_label("Your organisation", exact=True).select_option(label=agency.name)
    page.get_by_label("Your role").fill("Health visitor")
    with page.expect_navigation():
        page.get_by_role("button", name="Create the account").click()
    pages.check()
    expect(page.get_by_role("heading", level=1)).to_have_text("Check your e-mail")

    # The link in the e-mail asks to confirm; confirming signs them in to "My training".
    page = pages.goto(emailed_path(ADDRESS, slug))
    with page.expect_navigation():
        page.get_by_role("button", name="Confirm my e-mail address").click()
    pages.check()
    expect(page.get_by_role("heading", level=1)).to_have_text("My training")
    profile = Practitioner.objects.get(partnership=partnership, user__email=ADDRESS)
    assert profile.verified_at is not None and profile.agency == agency

    # Back on the session's page, now signed in, they join its waiting list.
    page = pages.goto(session_path)
    with page.expect_navigation():
        page.get_by_role("button", name="Join the waiting list").click()
    pages.check()
    with page.expect_navigation():
        page.get_by_role("button", name="Join the waiting list").click()
    pages.check()
    mine = Booking.objects.get(session=session, practitioner=profile)
    assert mine.status == Booking.Status.WAITING

    # The other delegate's place is cancelled; it is offered to the practitioner, who accepts it.
    booking_cancel(actor=business_unit, partnership=partnership, booking=other, reason="Robin is on leave that day.")
    mine.refresh_from_db()
    assert mine.status == Booking.Status.OFFERED
    page = pages.goto(reverse("training:booking_detail", kwargs={"partnership": slug, "pk": mine.pk}))
    with page.expect_navigation():
        page.get_by_role("button", name="Accept the place").click()
    pages.check()
    with page.expect_navigation():
        page.get_by_role("button", name="Accept the place").click()
    pages.check()
    mine.refresh_from_db()
    assert mine.status == Booking.Status.BOOKED

    # The session is held and the register marks the practitioner attended.
    held = (timezone.now() - dt.timedelta(days=2)).replace(hour=9, minute=30, second=0, microsecond=0)
    Session.objects.filter(pk=session.pk).update(starts_at=held, ends_at=held + dt.timedelta(hours=6))
    Booking.objects.filter(pk=mine.pk).update(attendance=Booking.Attendance.ATTENDED, attendance_marked_at=held)

    # "My training" asks for the evaluation after the course; the certificate waits for it.
    page = pages.goto(reverse("training:mine", kwargs={"partnership": slug}))
    expect(page.get_by_text("Your certificate is ready once you have given your evaluation")).to_be_visible()
    with page.expect_navigation():
        page.get_by_role("link", name=f"{course.title} ({session.reference}): after the course").click()
    pages.check()
    with page.expect_navigation():
        page.get_by_role("button", name="Start the evaluation").click()
    pages.check()

    # Submitted without the confidence, the page says what is missing.
    with page.expect_navigation():
        page.get_by_role("button", name="Submit your evaluation").click()
    pages.check()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Choose how confident you feel")

    for outcome in course.outcomes:
        page.get_by_role("group", name=outcome).get_by_label("4 - Confident").check()
    choose(page, "How useful was the content of the course to your work?", "Very good")
    choose(page, "How well did the trainer deliver the course?", "Excellent")
    choose(page, "How suitable were the venue or the online arrangements?", "Good")
    choose(page, "How was the pace of the course?", "About right")
    page.get_by_label("What will you do differently in your work after the course?").fill(WORDS)
    with page.expect_navigation():
        page.get_by_role("button", name="Submit your evaluation").click()
    pages.check()
    expect(page.locator(".govuk-panel")).to_contain_text("Evaluation submitted")

    with page.expect_download() as download:
        page.get_by_role("link", name="Download your certificate (PDF)").click()
    with open(download.value.path(), "rb") as certificate:
        assert certificate.read(4) == b"%PDF"

    # The business unit reads the results and chooses the practitioner's words for the report.
    year = financial_year_of(timezone.localdate(held))
    second_pages.sign_in_as(business_unit)
    office = second_pages.goto(reverse("training:evaluations", kwargs={"partnership": slug}) + f"?year={year}")
    expect(office.get_by_role("heading", level=1)).to_have_text(f"Training evaluations {year}")
    with office.expect_navigation():
        office.get_by_role("link", name="Choose for the annual report").first.click()
    second_pages.check()
    office.get_by_label("The words to quote").fill("I now ring the duty team before I send a referral.")
    with office.expect_navigation():
        office.get_by_role("button", name="Choose the quote").click()
    second_pages.check()
    assert Quote.objects.get().text == "I now ring the duty team before I send a referral."
    office = second_pages.goto(reverse("training:quotes", kwargs={"partnership": slug}) + f"?year={year}")
    expect(office.get_by_text("I now ring the duty team before I send a referral.")).to_be_visible()
