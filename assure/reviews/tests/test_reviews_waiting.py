"""What contributions have waiting on the home page: an agency lead's to upload, the business
unit's overdue with a reminder to send; each in a constant number of queries."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from assure.reviews.models import Review
from assure.reviews.tests.factories import ContributionFactory, ReviewFactory, UploadedContributionFactory
from assure.reviews.waiting_reviews import (
    CONTRIBUTIONS_OVERDUE,
    contributions_overdue,
    contributions_to_upload,
)

pytestmark = pytest.mark.django_db

TODAY = dt.date(2026, 5, 11)


@pytest.fixture
def running(partnership):
    return ReviewFactory(partnership=partnership, reference="RV-001", status=Review.Status.UNDER_WAY)


def test_an_agency_lead_sees_their_agencys_contributions_to_upload(running, agency, other_agency, agency_lead):
    mine = ContributionFactory(review=running, agency=agency, due_on=TODAY + dt.timedelta(days=5))
    ContributionFactory(review=running, agency=other_agency)
    UploadedContributionFactory(review=running, agency=agency, kind="report")
    [item] = contributions_to_upload(user=agency_lead, partnership=running.partnership, today=TODAY)
    assert (item.due, item.overdue) == (mine.due_on, False)
    assert item.url.endswith(f"/contributions/{mine.pk}/upload/")


def test_the_business_unit_has_nothing_to_upload(running, agency, business_unit):
    ContributionFactory(review=running, agency=agency)
    assert contributions_to_upload(user=business_unit, partnership=running.partnership, today=TODAY) == []


def test_the_business_unit_sees_overdue_contributions_with_a_reminder(running, agency, agency_lead, business_unit):
    late = ContributionFactory(review=running, agency=agency, due_on=TODAY - dt.timedelta(days=1))
    ContributionFactory(review=running, agency=agency, kind="report", due_on=TODAY + dt.timedelta(days=1))
    [item] = contributions_overdue(user=business_unit, partnership=running.partnership, today=TODAY)
    assert (item.kind, item.agency, item.overdue, item.last_reminded) == (
        CONTRIBUTIONS_OVERDUE,
        agency.name,
        True,
        None,
    )
    assert item.remind_url.endswith(f"/contributions/{late.pk}/remind/")


def test_an_agency_without_a_lead_is_flagged_and_offers_no_reminder(running, other_agency, business_unit):
    ContributionFactory(review=running, agency=other_agency, due_on=TODAY - dt.timedelta(days=1))
    [item] = contributions_overdue(user=business_unit, partnership=running.partnership, today=TODAY)
    assert item.flag and item.remind_url == ""


def test_a_board_member_is_not_asked_to_chase(running, agency, board_member):
    ContributionFactory(review=running, agency=agency, due_on=TODAY - dt.timedelta(days=1))
    assert contributions_overdue(user=board_member, partnership=running.partnership, today=TODAY) == []


def test_overdue_contributions_read_in_a_constant_number_of_queries(partnership, agency, business_unit, agency_lead):
    def count(reviews: int) -> int:
        for _ in range(reviews):
            review = ReviewFactory(partnership=partnership, status=Review.Status.UNDER_WAY)
            ContributionFactory(review=review, agency=agency, due_on=TODAY - dt.timedelta(days=2))
        with CaptureQueriesContext(connection) as queries:
            contributions_overdue(user=business_unit, partnership=partnership, today=TODAY)
        return len(queries)

    contributions_overdue(user=business_unit, partnership=partnership, today=TODAY)  # the role and library read
    assert count(1) == count(5)
