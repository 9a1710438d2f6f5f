"""What the risk register asks of people on their home page, and the daily reminders' source:
overdue reviews flagged, for the right people, in the right partnership, in constant queries."""

import datetime as dt

import pytest
from django.utils import timezone

from assure.governance.models import Risk
from assure.governance.waiting_risks import risk_reviews_due, risk_reviews_overdue, risks_to_review

from .factories import RiskFactory

pytestmark = pytest.mark.django_db


def _today() -> dt.date:
    return timezone.localdate()


def test_an_open_risk_past_its_review_date_is_overdue(partnership):
    risk = RiskFactory(partnership=partnership, next_review_on=_today() - dt.timedelta(days=1))
    assert risk.is_review_overdue
    assert Risk.objects.filter(Risk.review_overdue_q()).get() == risk


def test_a_closed_risk_is_never_overdue(partnership):
    risk = RiskFactory(partnership=partnership, next_review_on=_today() - dt.timedelta(days=1), status="closed")
    assert not risk.is_review_overdue


def test_the_owner_sees_their_risks_due_for_review_soon(board_member, partnership):
    due = RiskFactory(partnership=partnership, owner=board_member, next_review_on=_today() + dt.timedelta(days=5))
    RiskFactory(partnership=partnership, owner=board_member, next_review_on=_today() + dt.timedelta(days=60))
    items = risks_to_review(user=board_member, partnership=partnership, today=_today())
    assert [item.title for item in items] == [f"Risk {due.reference}: {due.title}"]


def test_the_business_unit_sees_overdue_reviews_with_a_reminder(business_unit, board_member, partnership):
    RiskFactory(partnership=partnership, owner=board_member, next_review_on=_today() - dt.timedelta(days=3))
    (item,) = risk_reviews_overdue(user=business_unit, partnership=partnership, today=_today())
    assert item.overdue and item.remind_url.endswith("/remind/")


def test_overdue_reviews_are_not_shown_to_other_roles(board_member, auditor, partnership):
    RiskFactory(partnership=partnership, owner=board_member, next_review_on=_today() - dt.timedelta(days=3))
    assert risk_reviews_overdue(user=auditor, partnership=partnership, today=_today()) == []


def test_another_partnerships_overdue_risks_are_not_shown(business_unit, partnership, other_partnership):
    RiskFactory(partnership=other_partnership, next_review_on=_today() - dt.timedelta(days=3))
    assert risk_reviews_overdue(user=business_unit, partnership=partnership, today=_today()) == []


def test_overdue_reviews_read_in_constant_queries(business_unit, partnership, django_assert_max_num_queries):
    for _ in range(8):
        RiskFactory(partnership=partnership, next_review_on=_today() - dt.timedelta(days=3))
    risk_reviews_overdue(user=business_unit, partnership=partnership, today=_today())  # warm the role cache
    with django_assert_max_num_queries(6):
        assert len(risk_reviews_overdue(user=business_unit, partnership=partnership, today=_today())) == 8


def test_the_reminder_source_gives_each_open_owned_risk_its_review_date(partnership):
    risk = RiskFactory(partnership=partnership)
    RiskFactory(partnership=partnership, owner=None, owner_name="A named chair")
    (due,) = risk_reviews_due(today=_today())
    assert (due.target, due.deadline, due.recipients) == (risk, risk.next_review_on, [risk.owner])
