"""What the challenge log puts on people's home pages (from the right partnership only, in a
constant number of queries) and the challenges the daily reminders chase."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from assure.governance.models import Challenge
from assure.governance.waiting_challenges import (
    challenges_overdue,
    challenges_reminders_due,
    challenges_to_answer,
    responses_to_assess,
)
from assure.partnerships.tests.factories import AgencyFactory

from .factories import ChallengeFactory

pytestmark = pytest.mark.django_db


def _today() -> dt.date:
    return timezone.localdate()


def _overdue(partnership, agency, raiser, **fields) -> Challenge:
    return ChallengeFactory(
        partnership=partnership,
        agency=agency,
        raised_by=raiser,
        response_due_on=_today() - dt.timedelta(days=3),
        **fields,
    )


def test_the_agency_lead_is_asked_to_answer_challenges_to_their_agency(
    agency_lead, partnership, agency, other_agency, board_member
):
    mine = ChallengeFactory(partnership=partnership, agency=agency, raised_by=board_member)
    ChallengeFactory(partnership=partnership, agency=other_agency, raised_by=board_member)
    items = challenges_to_answer(user=agency_lead, partnership=partnership, today=_today())
    assert [item.url for item in items] == [mine.get_absolute_url()]


def test_challenges_to_answer_come_from_the_partnership_asked_only(
    agency_lead, partnership, other_partnership, agency, outsider
):
    agency.partnership_links.create(partnership=other_partnership)
    ChallengeFactory(partnership=other_partnership, agency=agency, raised_by=outsider)
    assert challenges_to_answer(user=agency_lead, partnership=partnership, today=_today()) == []


def test_an_answered_challenge_no_longer_waits_for_the_agency(agency_lead, partnership, agency, board_member):
    ChallengeFactory(partnership=partnership, agency=agency, raised_by=board_member, status=Challenge.Status.RESPONDED)
    assert challenges_to_answer(user=agency_lead, partnership=partnership, today=_today()) == []


def test_the_business_unit_sees_overdue_challenges_with_a_reminder_to_send(
    business_unit, agency_lead, partnership, agency, board_member
):
    challenge = _overdue(partnership, agency, board_member)
    [item] = challenges_overdue(user=business_unit, partnership=partnership, today=_today())
    assert (item.overdue, item.remind_url) == (True, f"{challenge.get_absolute_url()}remind/")


def test_an_overdue_challenge_to_an_agency_without_a_lead_is_flagged(business_unit, partnership, board_member):
    leaderless = AgencyFactory(partnerships=[partnership])
    _overdue(partnership, leaderless, board_member)
    [item] = challenges_overdue(user=business_unit, partnership=partnership, today=_today())
    assert (item.remind_url, bool(item.flag)) == ("", True)


def test_a_board_member_is_shown_no_overdue_challenges(board_member, partnership, agency):
    _overdue(partnership, agency, board_member)
    assert challenges_overdue(user=board_member, partnership=partnership, today=_today()) == []


def test_responses_not_yet_assessed_wait_for_the_business_unit(business_unit, partnership, agency, board_member):
    waiting = ChallengeFactory(
        partnership=partnership, agency=agency, raised_by=board_member, status=Challenge.Status.RESPONDED
    )
    ChallengeFactory(
        partnership=partnership,
        agency=agency,
        raised_by=board_member,
        status=Challenge.Status.RESPONDED,
        satisfied="yes",
    )
    items = responses_to_assess(user=business_unit, partnership=partnership, today=_today())
    assert [item.url for item in items] == [waiting.get_absolute_url()]


def test_the_overdue_list_reads_in_constant_queries(business_unit, agency_lead, partnership, agency, board_member):
    _overdue(partnership, agency, board_member)
    challenges_overdue(user=business_unit, partnership=partnership, today=_today())
    with CaptureQueriesContext(connection) as few:
        challenges_overdue(user=business_unit, partnership=partnership, today=_today())
    for _ in range(5):
        _overdue(partnership, AgencyFactory(partnerships=[partnership]), board_member)
    with CaptureQueriesContext(connection) as many:
        challenges_overdue(user=business_unit, partnership=partnership, today=_today())
    assert len(many) == len(few)


def test_the_reminders_job_chases_challenges_awaiting_a_response_to_the_agencys_lead(
    agency_lead, partnership, agency, board_member
):
    challenge = _overdue(partnership, agency, board_member)
    ChallengeFactory(partnership=partnership, agency=agency, raised_by=board_member, status=Challenge.Status.CLOSED)
    [due] = challenges_reminders_due(today=_today())
    assert (due.target, due.recipients, due.deadline) == (challenge, [agency_lead], challenge.response_due_on)
