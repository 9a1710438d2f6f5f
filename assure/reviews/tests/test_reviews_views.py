"""The pages of running a review: the register and its export, commissioning, the review's page
with the person's buttons, moving on, publication, asking agencies, uploading, chasing, and an
agency lead's own contributions."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from assure.core.navigation import partnership_url
from assure.notifications.models import Reminder
from assure.reviews.models import Contribution, Review
from assure.reviews.tests.factories import REVIEW_PDF, ContributionFactory, ReviewFactory

pytestmark = pytest.mark.django_db


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def running(partnership, business_unit, agency):
    return ReviewFactory(
        partnership=partnership,
        reference="RV-001",
        kind="lcspr",
        decided_on=dt.date.today() - dt.timedelta(days=30),
        status=Review.Status.UNDER_WAY,
        created_by=business_unit,
        agencies=[agency],
    )


def test_the_register_lists_reviews_with_their_publication_clock(running, board_member, partnership):
    page = _client(board_member).get(partnership_url("reviews:reviews", partnership)).content.decode()
    assert "RV-001" in page and "Local child safeguarding practice review" in page
    assert "assure-clock" in page


def test_the_register_exports_as_csv(running, board_member, partnership):
    response = _client(board_member).get(partnership_url("reviews:reviews", partnership) + "?_export=csv")
    text = b"".join(response.streaming_content if response.streaming else [response.content]).decode()
    assert "RV-001" in text and "<" not in text


def test_the_register_filters_by_status(running, board_member, partnership):
    ReviewFactory(partnership=partnership, reference="RV-002", status=Review.Status.PUBLISHED)
    url = partnership_url("reviews:reviews", partnership) + "?status=published"
    page = _client(board_member).get(url).content.decode()
    assert "RV-002" in page and "RV-001" not in page


def test_the_business_unit_commissions_a_review(business_unit, partnership, agency):
    response = _client(business_unit).post(
        partnership_url("reviews:review_create", partnership),
        {
            "kind": "learning-review",
            "title": "A baby with unexplained injuries",
            "decided_on": "2014-09-01",
            "agencies": [agency.pk],
        },
    )
    review = Review.objects.get()
    assert response.status_code == 302 and response.url == partnership_url(
        "reviews:review_detail", partnership, pk=review.pk
    )


def test_a_service_error_is_shown_against_its_field(business_unit, partnership):
    future = (dt.date.today() + dt.timedelta(days=5)).isoformat()
    response = _client(business_unit).post(
        partnership_url("reviews:review_create", partnership),
        {"kind": "learning-review", "title": "A baby", "decided_on": future},
    )
    assert response.status_code == 200 and "The decision cannot be in the future." in response.content.decode()


def test_the_review_page_offers_the_business_unit_its_buttons(running, business_unit, partnership):
    page = (
        _client(business_unit)
        .get(partnership_url("reviews:review_detail", partnership, pk=running.pk))
        .content.decode()
    )
    for words in ("Edit the details", "Move the review on", "Ask agencies to contribute", "Record a conversation"):
        assert words in page
    assert "Open the case file" not in page


def test_the_review_page_offers_a_board_member_no_buttons(running, board_member, partnership):
    page = (
        _client(board_member).get(partnership_url("reviews:review_detail", partnership, pk=running.pk)).content.decode()
    )
    assert "Edit the details" not in page and "Ask agencies to contribute" not in page


def test_moving_the_review_on_from_its_page(running, business_unit, partnership):
    response = _client(business_unit).post(
        partnership_url("reviews:review_move", partnership, pk=running.pk), {"to_status": "reporting"}
    )
    running.refresh_from_db()
    assert response.status_code == 302 and running.status == Review.Status.REPORTING


def test_publication_asks_for_the_national_panel_date_of_a_statutory_review(partnership, business_unit):
    review = ReviewFactory(partnership=partnership, kind="lcspr", status=Review.Status.COMPLETED)
    response = _client(business_unit).post(
        partnership_url("reviews:review_publish", partnership, pk=review.pk),
        {"completed_on": "2015-01-05", "published_on": "2015-02-02", "summary": "Agencies learned to share sooner."},
    )
    assert "this review is statutory" in response.content.decode()


def test_asking_agencies_from_the_page(running, business_unit, partnership, agency):
    due = (dt.date.today() + dt.timedelta(days=14)).isoformat()
    response = _client(business_unit).post(
        partnership_url("reviews:contribution_request", partnership, pk=running.pk),
        {"agencies": [agency.pk], "kind": "chronology", "due_on": due},
    )
    assert response.status_code == 302 and Contribution.objects.get().agency == agency


def test_the_agency_lead_uploads_from_their_page(running, agency, agency_lead, partnership):
    asked = ContributionFactory(review=running, agency=agency)
    upload = SimpleUploadedFile("chronology.pdf", REVIEW_PDF, content_type="application/pdf")
    response = _client(agency_lead).post(
        partnership_url("reviews:contribution_upload", partnership, pk=asked.pk), {"file": upload}
    )
    asked.refresh_from_db()
    assert response.status_code == 302 and asked.is_received


def test_a_refused_file_is_shown_on_the_upload_form(running, agency, agency_lead, partnership):
    asked = ContributionFactory(review=running, agency=agency)
    upload = SimpleUploadedFile("chronology.pdf", b"not a pdf at all", content_type="application/pdf")
    response = _client(agency_lead).post(
        partnership_url("reviews:contribution_upload", partnership, pk=asked.pk), {"file": upload}
    )
    assert response.status_code == 200 and "is not a PDF" in response.content.decode()


def test_another_agencys_lead_cannot_open_the_upload_page(running, other_agency, agency_lead, partnership):
    asked = ContributionFactory(review=running, agency=other_agency)
    response = _client(agency_lead).get(partnership_url("reviews:contribution_upload", partnership, pk=asked.pk))
    assert response.status_code == 404


def test_a_reminder_is_confirmed_before_it_is_sent(running, agency, agency_lead, business_unit, partnership):
    asked = ContributionFactory(review=running, agency=agency, due_on=dt.date.today() - dt.timedelta(days=2))
    url = partnership_url("reviews:contribution_remind", partnership, pk=asked.pk)
    client = _client(business_unit)
    assert "Send a reminder" in client.get(url).content.decode() and not Reminder.objects.exists()
    response = client.post(url, {"next": partnership_url("partnerships:home", partnership)})
    assert response.url == partnership_url("partnerships:home", partnership) and Reminder.objects.count() == 1


def test_an_agency_lead_with_nothing_asked_sees_the_empty_state(agency_lead, partnership):
    page = _client(agency_lead).get(partnership_url("reviews:contributions_mine", partnership)).content.decode()
    assert "has not been asked to contribute" in page


def test_an_agency_lead_sees_their_agencys_requests(running, agency, other_agency, agency_lead, partnership):
    ContributionFactory(review=running, agency=agency)
    ContributionFactory(review=running, agency=other_agency, kind="report")
    page = _client(agency_lead).get(partnership_url("reviews:contributions_mine", partnership)).content.decode()
    assert "Chronology of the agency" in page and "Agency report" not in page
