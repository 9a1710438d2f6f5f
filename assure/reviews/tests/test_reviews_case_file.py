"""A review's named content (terms of reference, panel, agencies' documents, conversations, final
report) is read only with the case-review grant: every read logged, never cached; without the
grant the case file answers 403 and the review's page shows none of it. An agency lead fetches
their own agency's upload without the grant."""

import pytest
from django.test import Client

from assure.accounts.tests.factories import RestrictedGrantFactory
from assure.audit.models import AccessLog
from assure.core.navigation import partnership_url
from assure.reviews.models import Review
from assure.reviews.tests.factories import (
    ConversationFactory,
    ReportedReviewFactory,
    ReviewFactory,
    UploadedContributionFactory,
)

pytestmark = pytest.mark.django_db

TERMS = "How agencies shared what they knew of the missing episodes of case LA-4411."


@pytest.fixture
def running(partnership, business_unit, agency):
    review = ReviewFactory(
        partnership=partnership,
        reference="RV-001",
        status=Review.Status.UNDER_WAY,
        terms_of_reference=TERMS,
        created_by=business_unit,
        agencies=[agency],
    )
    ConversationFactory(review=review, agency=agency, notes="The placement looked settled at the time.")
    return review


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _granted(user, partnership):
    RestrictedGrantFactory(user=user, partnership=partnership, area="case-review")
    return user


def test_the_case_file_answers_403_without_the_grant(running, business_unit, partnership):
    response = _client(business_unit).get(partnership_url("reviews:review_case", partnership, pk=running.pk))
    assert response.status_code == 403
    assert not AccessLog.objects.exists()


def test_the_case_file_is_shown_with_the_grant_logged_and_never_cached(running, business_unit, partnership):
    _granted(business_unit, partnership)
    response = _client(business_unit).get(partnership_url("reviews:review_case", partnership, pk=running.pk))
    assert response.status_code == 200
    assert TERMS in response.content.decode()
    assert "The placement looked settled at the time." in response.content.decode()
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    log = AccessLog.objects.get()
    assert (log.user, log.area, log.record_id) == (business_unit, "case-review", str(running.pk))


def test_the_reviews_page_shows_no_case_content(running, board_member, partnership):
    response = _client(board_member).get(partnership_url("reviews:review_detail", partnership, pk=running.pk))
    page = response.content.decode()
    assert response.status_code == 200
    assert TERMS not in page and "The placement looked settled" not in page
    assert "needs a case-review grant" in page


def test_the_final_report_download_is_logged_and_never_cached(partnership, auditor, agency):
    review = ReportedReviewFactory(partnership=partnership)
    _granted(auditor, partnership)
    response = _client(auditor).get(partnership_url("reviews:review_report_download", partnership, pk=review.pk))
    assert response.status_code == 200 and response["Cache-Control"] == "private, no-store"
    assert AccessLog.objects.get().record_label == f"Final report of review {review.reference}"


def test_the_final_report_needs_the_grant(partnership, auditor):
    review = ReportedReviewFactory(partnership=partnership)
    response = _client(auditor).get(partnership_url("reviews:review_report_download", partnership, pk=review.pk))
    assert response.status_code == 403


def test_an_agency_lead_downloads_their_own_agencys_upload_logged(running, agency, agency_lead, partnership):
    upload = UploadedContributionFactory(review=running, agency=agency)
    response = _client(agency_lead).get(partnership_url("reviews:contribution_download", partnership, pk=upload.pk))
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    assert AccessLog.objects.get().user == agency_lead


def test_an_agency_lead_cannot_download_another_agencys_upload(running, other_agency, agency_lead, partnership):
    upload = UploadedContributionFactory(review=running, agency=other_agency)
    response = _client(agency_lead).get(partnership_url("reviews:contribution_download", partnership, pk=upload.pk))
    assert response.status_code == 404


def test_a_board_member_without_the_grant_cannot_download_an_upload(running, agency, board_member, partnership):
    upload = UploadedContributionFactory(review=running, agency=agency)
    response = _client(board_member).get(partnership_url("reviews:contribution_download", partnership, pk=upload.pk))
    assert response.status_code in (403, 404)
    assert not AccessLog.objects.exists()


def test_a_grant_holder_downloads_any_agencys_upload(running, other_agency, chair, partnership):
    upload = UploadedContributionFactory(review=running, agency=other_agency)
    _granted(chair, partnership)
    response = _client(chair).get(partnership_url("reviews:contribution_download", partnership, pk=upload.pk))
    assert response.status_code == 200 and response["Cache-Control"] == "private, no-store"
