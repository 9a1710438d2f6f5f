"""What data returns have waiting on each person's home page: an agency lead's returns to submit
and those sent back, the business unit's returns overdue."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from assure.accounts.tests.factories import MembershipFactory
from assure.core.waiting import waiting_kinds
from assure.partnerships.tests.factories import AgencyFactory
from assure.performance.models import DataReturn, ReturnRound
from assure.performance.selectors.waiting import NO_LEAD, returns_overdue, returns_sent_back, returns_to_submit
from assure.performance.services.notices import return_remind
from assure.performance.tests.factories import ReturnRoundFactory, return_test_indicators, return_with
from conftest import make_member

Status = DataReturn.Status
TODAY = dt.date(2026, 5, 20)


@pytest.fixture
def referrals(db):
    return return_test_indicators()["returns-test-referrals"]


def _round(partnership, *, opens_in: int, due_in: int) -> None:
    """The partnership's 2014-15 round (made once), opening and due so many days from today."""
    if not ReturnRound.objects.filter(partnership=partnership).exists():
        ReturnRoundFactory(
            partnership=partnership,
            opens_on=TODAY + dt.timedelta(days=opens_in),
            deadline=TODAY + dt.timedelta(days=due_in),
        )


def overdue_return(partnership, agency, referrals, **fields):
    """A return of the agency whose round's deadline passed a week ago."""
    _round(partnership, opens_in=-60, due_in=-7)
    return return_with(partnership=partnership, agency=agency, indicators=[referrals], **fields)


def due_return(partnership, agency, referrals, **fields):
    """A return of the agency in an open round due in a fortnight."""
    _round(partnership, opens_in=-10, due_in=14)
    return return_with(partnership=partnership, agency=agency, indicators=[referrals], **fields)


def test_performance_registers_its_kinds_of_waiting_item():
    keys = {kind.key for kind in waiting_kinds()}
    assert {"performance.returns_to_submit", "performance.returns_sent_back", "performance.returns_overdue"} <= keys


def test_the_agency_lead_sees_their_agencys_return_to_submit_with_its_deadline(
    agency_lead, partnership, agency, referrals
):
    data_return = due_return(partnership, agency, referrals)
    [item] = returns_to_submit(user=agency_lead, partnership=partnership, today=TODAY)
    assert item.title == f"Data return for 2014-15: {agency.name}"
    assert item.due == TODAY + dt.timedelta(days=14)
    assert not item.overdue
    assert item.url == reverse(
        "performance:return_detail", kwargs={"partnership": partnership.slug, "pk": data_return.pk}
    )


def test_a_return_past_its_deadline_is_overdue_for_the_agency_lead(agency_lead, partnership, agency, referrals):
    overdue_return(partnership, agency, referrals)
    [item] = returns_to_submit(user=agency_lead, partnership=partnership, today=TODAY)
    assert item.overdue


def test_the_agency_lead_does_not_see_another_agencys_return(agency_lead, partnership, other_agency, referrals):
    due_return(partnership, other_agency, referrals)
    assert returns_to_submit(user=agency_lead, partnership=partnership, today=TODAY) == []


def test_a_round_not_yet_open_waits_for_nobody(agency_lead, partnership, agency, referrals):
    _round(partnership, opens_in=3, due_in=30)
    return_with(partnership=partnership, agency=agency, indicators=[referrals])
    assert returns_to_submit(user=agency_lead, partnership=partnership, today=TODAY) == []


def test_a_submitted_return_no_longer_waits_for_the_agency_lead(agency_lead, partnership, agency, referrals):
    due_return(partnership, agency, referrals, status=Status.SUBMITTED)
    assert returns_to_submit(user=agency_lead, partnership=partnership, today=TODAY) == []


def test_a_return_sent_back_waits_for_the_agency_lead_with_the_reason(agency_lead, partnership, agency, referrals):
    due_return(partnership, agency, referrals, status=Status.RETURNED, returned_reason="Referrals look doubled.")
    [item] = returns_sent_back(user=agency_lead, partnership=partnership, today=TODAY)
    assert item.title == f"Data return for 2014-15: {agency.name}"
    assert "Referrals look doubled." in item.detail
    assert returns_to_submit(user=agency_lead, partnership=partnership, today=TODAY) == []


def test_the_business_unit_is_not_asked_to_submit_returns(business_unit, partnership, agency, referrals):
    due_return(partnership, agency, referrals)
    assert returns_to_submit(user=business_unit, partnership=partnership, today=TODAY) == []


def test_the_business_unit_sees_a_return_overdue_by_agency_with_its_reminder_button(
    business_unit, agency_lead, partnership, agency, referrals
):
    data_return = overdue_return(partnership, agency, referrals)
    [item] = returns_overdue(user=business_unit, partnership=partnership, today=TODAY)
    assert item.returns_overdue and item.overdue
    assert item.agency == agency.name
    assert item.remind_url == reverse(
        "performance:return_remind", kwargs={"partnership": partnership.slug, "pk": data_return.pk}
    )
    assert item.last_reminded is None
    assert item.flag == ""


def test_an_overdue_return_says_when_it_was_last_reminded(business_unit, agency_lead, partnership, agency, referrals):
    data_return = overdue_return(partnership, agency, referrals)
    reminder = return_remind(actor=business_unit, data_return=data_return, today=TODAY)
    [item] = returns_overdue(user=business_unit, partnership=partnership, today=TODAY)
    assert item.last_reminded == reminder.sent_at


def test_an_overdue_return_whose_agency_has_no_lead_is_flagged(business_unit, partnership, other_agency, referrals):
    overdue_return(partnership, other_agency, referrals)
    [item] = returns_overdue(user=business_unit, partnership=partnership, today=TODAY)
    assert item.flag == NO_LEAD


def test_a_return_not_yet_due_is_not_overdue(business_unit, partnership, agency, referrals):
    due_return(partnership, agency, referrals)
    assert returns_overdue(user=business_unit, partnership=partnership, today=TODAY) == []


def test_the_agency_lead_is_not_shown_returns_overdue_to_chase(agency_lead, partnership, agency, referrals):
    overdue_return(partnership, agency, referrals)
    assert returns_overdue(user=agency_lead, partnership=partnership, today=TODAY) == []


def test_returns_overdue_come_from_the_persons_own_partnership_only(
    business_unit, outsider, partnership, other_partnership, agency, referrals
):
    foreign = AgencyFactory(name="Southshire Police", partnerships=[other_partnership])
    overdue_return(other_partnership, foreign, referrals)
    assert returns_overdue(user=business_unit, partnership=partnership, today=TODAY) == []
    overdue_return(partnership, agency, referrals)
    assert [item.agency for item in returns_overdue(user=outsider, partnership=other_partnership, today=TODAY)] == [
        foreign.name
    ]


def test_an_agency_lead_sees_returns_to_submit_of_their_own_partnership_only(
    partnership, other_partnership, other_agency, referrals
):
    # other_agency belongs to both partnerships: its lead in the first sees nothing of the second.
    lead = make_member("agency-lead", partnership, agency=other_agency, full_name="Lee Dor", email="lee@example.org")
    due_return(other_partnership, other_agency, referrals)
    assert returns_to_submit(user=lead, partnership=partnership, today=TODAY) == []


def _queries(function, user, partnership) -> int:
    function(user=user, partnership=partnership, today=TODAY)  # the person's roles, read once a request
    with CaptureQueriesContext(connection) as captured:
        items = function(user=user, partnership=partnership, today=TODAY)
    return len(captured), len(items)


def _more_agencies(partnership, referrals, status, lead=None):
    """Five more agencies, each with a lead and an overdue return; ``lead`` acts for them all."""
    for n in range(5):
        extra = AgencyFactory(name=f"Agency {n}", partnerships=[partnership])
        make_member("agency-lead", partnership, agency=extra, full_name=f"Lead {n}", email=f"lead{n}@example.org")
        if lead is not None:
            MembershipFactory(user=lead, partnership=partnership, role="agency-lead", agency=extra)
        overdue_return(partnership, extra, referrals, status=status)


def test_returns_overdue_are_read_in_the_same_number_of_queries_however_many(
    business_unit, agency_lead, partnership, agency, referrals
):
    overdue_return(partnership, agency, referrals)
    one, shown = _queries(returns_overdue, business_unit, partnership)
    assert shown == 1
    _more_agencies(partnership, referrals, Status.DRAFT)
    many, shown = _queries(returns_overdue, business_unit, partnership)
    assert (many, shown) == (one, 6)


@pytest.mark.parametrize(
    ("function", "status"), [(returns_to_submit, Status.DRAFT), (returns_sent_back, Status.RETURNED)]
)
def test_an_agency_leads_returns_are_read_in_the_same_number_of_queries_however_many(
    function, status, agency_lead, partnership, agency, referrals
):
    overdue_return(partnership, agency, referrals, status=status)
    one, shown = _queries(function, agency_lead, partnership)
    assert shown == 1
    _more_agencies(partnership, referrals, status, lead=agency_lead)
    lead = type(agency_lead).objects.get(pk=agency_lead.pk)  # roles re-read
    many, shown = _queries(function, lead, partnership)
    assert (many, shown) == (one, 6)
