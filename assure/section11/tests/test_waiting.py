"""What Section 11 has waiting for each person, on their home page: from their partnership only,
what they may act on only, in as many queries for many records as for one."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from assure.partnerships.models import PartnershipAgency
from assure.partnerships.tests.factories import AgencyFactory
from assure.section11.models import Cycle, Response, Return
from assure.section11.services.reminders import return_remind
from assure.section11.waiting import answers_to_review, challenges_to_answer, returns_overdue, returns_to_complete
from conftest import make_member

from .factories import CycleFactory, ReturnFactory

TODAY = dt.date.today()
Status, Moderation = Return.Status, Response.Moderation


def _return(partnership, agency, *, days=10, status=Status.NOT_STARTED, **cycle_fields):
    cycle = CycleFactory(lead_partnership=partnership, deadline=TODAY + dt.timedelta(days=days), **cycle_fields)
    return ReturnFactory(cycle=cycle, agency=agency, status=status)


def _challenged(partnership, agency, ref="1.2", moderation=Moderation.CHALLENGED):
    return_record = _return(partnership, agency, status=Status.UNDER_CHALLENGE)
    response = return_record.responses.get(criterion=ref)
    response.moderation = moderation
    response.save()
    return response


def _items(kind, user, partnership):
    return kind(user=user, partnership=partnership, today=TODAY)


# An agency lead's return to complete.


def test_the_agency_lead_is_asked_for_their_return_by_the_deadline(agency_lead, partnership, agency):
    return_record = _return(partnership, agency, days=10)
    [item] = _items(returns_to_complete, agency_lead, partnership)
    assert item.title == f"Complete the Section 11 return of {agency.name}"
    assert item.url == f"/p/{partnership.slug}/section11/returns/{return_record.pk}/"
    assert (item.due, item.overdue, item.agency) == (return_record.cycle.deadline, False, agency.name)


def test_a_return_past_its_deadline_is_overdue(agency_lead, partnership, agency):
    _return(partnership, agency, days=-2, opens_on=TODAY - dt.timedelta(days=60))
    assert _items(returns_to_complete, agency_lead, partnership)[0].overdue


@pytest.mark.parametrize("status", [Status.SUBMITTED, Status.ACCEPTED])
def test_a_return_handed_in_no_longer_waits(agency_lead, partnership, agency, status):
    _return(partnership, agency, status=status)
    assert _items(returns_to_complete, agency_lead, partnership) == []


def test_a_closed_cycles_return_no_longer_waits(agency_lead, partnership, agency):
    _return(partnership, agency)
    Cycle.objects.update(status=Cycle.Status.CLOSED)
    assert _items(returns_to_complete, agency_lead, partnership) == []


def test_another_agencys_return_does_not_wait_for_the_agency_lead(agency_lead, partnership, other_agency):
    _return(partnership, other_agency)
    assert _items(returns_to_complete, agency_lead, partnership) == []


def test_a_return_asked_by_another_partnership_does_not_show_here(agency_lead, partnership, other_partnership, agency):
    # The agency belongs to both; the other partnership's own cycle does not include this one.
    PartnershipAgency.objects.create(partnership=other_partnership, agency=agency)
    _return(other_partnership, agency)
    assert _items(returns_to_complete, agency_lead, partnership) == []


def test_the_business_unit_has_no_return_to_complete(business_unit, partnership, agency):
    _return(partnership, agency)
    assert _items(returns_to_complete, business_unit, partnership) == []


# Challenges to answer.


def test_the_agency_lead_is_asked_to_answer_each_challenge_naming_the_criterion(agency_lead, partnership, agency):
    response = _challenged(partnership, agency, ref="1.2")
    [item] = _items(challenges_to_answer, agency_lead, partnership)
    assert item.title == "Answer the challenge on 1.2 Criterion 1.2 is in place."
    assert item.url == f"/p/{partnership.slug}/section11/returns/{response.return_record_id}/#criterion-1.2"


def test_an_answered_challenge_no_longer_waits_for_the_agency(agency_lead, partnership, agency):
    _challenged(partnership, agency, moderation=Moderation.ANSWERED)
    assert _items(challenges_to_answer, agency_lead, partnership) == []


def test_another_agencys_challenge_is_not_the_agency_leads(agency_lead, partnership, other_agency):
    _challenged(partnership, other_agency)
    assert _items(challenges_to_answer, agency_lead, partnership) == []


# Answers for a moderator to review.


def test_a_moderator_is_asked_to_review_each_answer(auditor, partnership, agency):
    response = _challenged(partnership, agency, ref="2.1", moderation=Moderation.ANSWERED)
    [item] = _items(answers_to_review, auditor, partnership)
    assert item.title == "Review the answer on 2.1 Criterion 2.1 is in place."
    assert item.url == f"/p/{partnership.slug}/section11/criteria/{response.pk}/moderate/"
    assert item.agency == agency.name


def test_a_challenge_not_answered_does_not_wait_for_the_moderator(auditor, partnership, agency):
    _challenged(partnership, agency, moderation=Moderation.CHALLENGED)
    assert _items(answers_to_review, auditor, partnership) == []


def test_a_board_member_reviews_nothing(board_member, partnership, agency):
    _challenged(partnership, agency, moderation=Moderation.ANSWERED)
    assert _items(answers_to_review, board_member, partnership) == []


# Returns overdue, for the business unit.


def test_the_business_unit_is_shown_each_overdue_return_to_chase(business_unit, agency_lead, partnership, agency):
    return_record = _return(partnership, agency, days=-3, opens_on=TODAY - dt.timedelta(days=60))
    [item] = _items(returns_overdue, business_unit, partnership)
    assert (item.returns_overdue, item.overdue, item.agency, item.flag) == (True, True, agency.name, "")
    assert item.remind_url == f"/p/{partnership.slug}/section11/returns/{return_record.pk}/remind/"
    assert item.last_reminded is None


def test_an_overdue_return_says_when_it_was_last_reminded(business_unit, agency_lead, partnership, agency):
    return_record = _return(partnership, agency, days=-3, opens_on=TODAY - dt.timedelta(days=60))
    reminder = return_remind(actor=business_unit, partnership=partnership, return_record=return_record)
    assert _items(returns_overdue, business_unit, partnership)[0].last_reminded == reminder.sent_at


def test_an_overdue_return_nobody_can_answer_is_flagged(business_unit, partnership, agency):
    _return(partnership, agency, days=-3, opens_on=TODAY - dt.timedelta(days=60))
    assert "invite an agency lead" in _items(returns_overdue, business_unit, partnership)[0].flag


def test_a_return_not_yet_due_is_not_overdue(business_unit, partnership, agency):
    _return(partnership, agency, days=3)
    assert _items(returns_overdue, business_unit, partnership) == []


def test_another_partnerships_overdue_return_does_not_show(business_unit, partnership, other_partnership):
    elsewhere = AgencyFactory(partnerships=[other_partnership])
    _return(other_partnership, elsewhere, days=-3, opens_on=TODAY - dt.timedelta(days=60))
    assert _items(returns_overdue, business_unit, partnership) == []


def test_an_auditor_chases_nothing(auditor, partnership, agency):
    _return(partnership, agency, days=-3, opens_on=TODAY - dt.timedelta(days=60))
    assert _items(returns_overdue, auditor, partnership) == []


# As many queries for many records as for one.


def _queries(kind, user, partnership) -> int:
    user.__dict__.pop("_assure_permission_cache", None)
    with CaptureQueriesContext(connection) as captured:
        kind(user=user, partnership=partnership, today=TODAY)
    return len(captured.captured_queries)


@pytest.mark.parametrize(
    ("kind", "persona"),
    [
        (returns_to_complete, "agency_lead"),
        (challenges_to_answer, "agency_lead"),
        (answers_to_review, "auditor"),
        (returns_overdue, "business_unit"),
    ],
    ids=["returns", "challenges", "answers", "overdue"],
)
def test_each_kind_takes_as_many_queries_for_many_records(kind, persona, request, partnership, agency):
    user = request.getfixturevalue(persona)

    def add(count):
        for _ in range(count):
            if kind is returns_to_complete:
                _return(partnership, agency)
            elif kind is challenges_to_answer:
                _challenged(partnership, agency)
            elif kind is answers_to_review:
                _challenged(partnership, AgencyFactory(partnerships=[partnership]), moderation=Moderation.ANSWERED)
            else:
                other = AgencyFactory(partnerships=[partnership])
                make_member("agency-lead", partnership, agency=other)
                _return(partnership, other, days=-3, opens_on=TODAY - dt.timedelta(days=60))

    add(1)
    one = _queries(kind, user, partnership)
    add(5)
    assert len(kind(user=user, partnership=partnership, today=TODAY)) == 6
    assert _queries(kind, user, partnership) == one
