"""What the handling has waiting for the designated officer with the grant: the allegations due
soon or past a timescale, and the updates from employers overdue with a reminder to send."""

import datetime as dt

import pytest

from assure.core.waiting import waiting_kinds
from assure.lado.tests.factories import ReferralFactory, UpdateRequestFactory
from assure.lado.waiting_handling import ALLEGATIONS_DUE, UPDATES_OVERDUE, allegations_due, updates_overdue

pytestmark = pytest.mark.django_db

REFERRED = dt.date(2014, 6, 3)


def test_both_kinds_are_registered():
    assert {ALLEGATIONS_DUE, UPDATES_OVERDUE} <= {kind.key for kind in waiting_kinds()}


def test_an_allegation_whose_month_falls_due_soon_waits(partnership, officer):
    referral = ReferralFactory(partnership=partnership, date_referred=REFERRED)
    [item] = allegations_due(user=officer, partnership=partnership, today=dt.date(2014, 6, 30))
    assert item.title == f"Allegation {referral.reference}" and item.due == dt.date(2014, 7, 3)
    assert not item.overdue and "within one month" in item.detail


def test_an_allegation_with_time_to_spare_does_not_wait(partnership, officer):
    ReferralFactory(partnership=partnership, date_referred=REFERRED)
    assert allegations_due(user=officer, partnership=partnership, today=dt.date(2014, 6, 10)) == []


def test_an_allegation_past_its_month_waits_overdue(partnership, officer):
    ReferralFactory(partnership=partnership, date_referred=REFERRED)
    [item] = allegations_due(user=officer, partnership=partnership, today=dt.date(2014, 7, 20))
    assert item.overdue and "within one month" in item.detail and item.due == dt.date(2014, 7, 3)


def test_an_allegation_past_three_months_names_that_timescale(partnership, officer):
    ReferralFactory(partnership=partnership, date_referred=REFERRED)
    [item] = allegations_due(user=officer, partnership=partnership, today=dt.date(2014, 10, 1))
    assert "within three months" in item.detail and item.due == dt.date(2014, 9, 3)


def test_nothing_waits_for_the_officer_without_the_grant(partnership, designated_officer):
    ReferralFactory(partnership=partnership, date_referred=REFERRED)
    UpdateRequestFactory(referral=ReferralFactory(partnership=partnership), due_on=dt.date(2014, 7, 1))
    today = dt.date(2014, 7, 20)
    assert allegations_due(user=designated_officer, partnership=partnership, today=today) == []
    assert updates_overdue(user=designated_officer, partnership=partnership, today=today) == []


def test_an_update_past_its_date_waits_with_a_reminder(partnership, referral, officer):
    update = UpdateRequestFactory(referral=referral, due_on=dt.date(2014, 7, 1))
    UpdateRequestFactory(referral=referral, due_on=dt.date(2014, 8, 1))
    [item] = updates_overdue(user=officer, partnership=partnership, today=dt.date(2014, 7, 2))
    assert item.overdue and item.due == update.due_on and item.remind_url.endswith(f"/updates/{update.pk}/remind/")
    assert referral.person.family_name not in item.title + item.detail


def test_an_answered_update_does_not_wait(partnership, referral, officer):
    UpdateRequestFactory(
        referral=referral, due_on=dt.date(2014, 7, 1), answered_at=dt.datetime(2014, 7, 3, tzinfo=dt.UTC)
    )
    assert updates_overdue(user=officer, partnership=partnership, today=dt.date(2014, 7, 5)) == []
