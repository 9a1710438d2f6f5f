"""The demo's risk register: about eight risks with a year of quarterly reviews, and reviews
overdue on the day of loading for the home pages."""

import datetime as dt

import pytest

from assure.demo import region
from assure.governance.demo.risks import risks_demo_load
from assure.governance.models import Risk
from assure.partnerships.tests.factories import AgencyFactory

pytestmark = pytest.mark.django_db

TODAY = dt.date(2026, 12, 7)


@pytest.fixture
def loaded(partnership, business_unit, board_member, auditor):
    agencies = {
        key: AgencyFactory(name=key, partnerships=[partnership])
        for key in ("shropshire-csc", "shropshire-ccg", "shropshire-education")
    }
    users = {
        (region.SHROPSHIRE, "business-unit"): business_unit,
        (region.SHROPSHIRE, "board-member"): board_member,
        (region.SHROPSHIRE, "auditor"): auditor,
    }
    risks_demo_load(partnerships={region.SHROPSHIRE: partnership}, agencies=agencies, users=users, today=TODAY)
    return partnership


def test_the_demo_holds_eight_risks_each_with_four_quarterly_reviews(loaded):
    risks = Risk.objects.filter(partnership=loaded)
    assert risks.count() == 8
    assert {risk.reviews.count() for risk in risks} == {4}


def test_each_risks_current_score_is_its_latest_reviews(loaded):
    for risk in Risk.objects.filter(partnership=loaded):
        assert risk.current_score == risk.reviews.order_by("reviewed_on").last().score


def test_two_reviews_are_overdue_on_the_day_of_loading(loaded):
    assert Risk.objects.filter(Risk.review_overdue_q(TODAY), partnership=loaded).count() == 2


def test_every_review_is_dated_before_the_day_of_loading(loaded):
    assert all(
        review.reviewed_on < TODAY for risk in Risk.objects.filter(partnership=loaded) for review in risk.reviews.all()
    )
