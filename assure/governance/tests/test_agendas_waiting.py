import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from assure.governance.models import MeetingMinutes
from assure.governance.tests.factories import AgendaItemFactory, MeetingMinutesFactory
from assure.governance.waiting_agendas import minutes_to_approve, papers_to_read
from assure.partnerships.tests.factories import MeetingFactory, SubgroupFactory


@pytest.fixture
def today():
    return timezone.localdate()


def published(meeting):
    return MeetingMinutesFactory(meeting=meeting, agenda_published_at=timezone.now())


def test_papers_of_the_next_board_meeting_wait_for_a_board_member(board_member, partnership, today):
    meeting = MeetingFactory(partnership=partnership, held_on=today + dt.timedelta(days=7))
    AgendaItemFactory(meeting=meeting, paper_label="Exception report")
    published(meeting)
    items = papers_to_read(user=board_member, partnership=partnership, today=today)
    assert [(i.due, i.detail) for i in items] == [(meeting.held_on, "1 paper on the agenda")]


def test_an_unpublished_agenda_has_no_papers_to_read(board_member, partnership, today):
    meeting = MeetingFactory(partnership=partnership, held_on=today + dt.timedelta(days=7))
    AgendaItemFactory(meeting=meeting, paper_label="Exception report")
    assert papers_to_read(user=board_member, partnership=partnership, today=today) == []


def test_board_papers_do_not_wait_for_an_agency_lead(agency_lead, partnership, today):
    meeting = MeetingFactory(partnership=partnership, held_on=today + dt.timedelta(days=7))
    AgendaItemFactory(meeting=meeting, paper_label="Exception report")
    published(meeting)
    assert papers_to_read(user=agency_lead, partnership=partnership, today=today) == []


def test_a_subgroups_papers_wait_for_the_lead_of_an_expected_agency(agency_lead, partnership, agency, today):
    subgroup = SubgroupFactory(partnership=partnership)
    subgroup.agencies.add(agency)
    meeting = MeetingFactory(partnership=partnership, subgroup=subgroup, held_on=today + dt.timedelta(days=3))
    AgendaItemFactory(meeting=meeting, paper_label="Audit report")
    published(meeting)
    assert len(papers_to_read(user=agency_lead, partnership=partnership, today=today)) == 1


def test_only_the_next_meeting_of_a_body_has_papers_to_read(board_member, partnership, today):
    for days in (7, 40):
        meeting = MeetingFactory(partnership=partnership, held_on=today + dt.timedelta(days=days))
        AgendaItemFactory(meeting=meeting, paper_label="Paper")
        published(meeting)
    items = papers_to_read(user=board_member, partnership=partnership, today=today)
    assert [i.due for i in items] == [today + dt.timedelta(days=7)]


def test_draft_minutes_of_the_last_meeting_wait_for_the_business_unit(business_unit, partnership, today):
    older = MeetingFactory(partnership=partnership, held_on=today - dt.timedelta(days=90))
    last = MeetingFactory(partnership=partnership, held_on=today - dt.timedelta(days=20))
    AgendaItemFactory(meeting=older)
    AgendaItemFactory(meeting=last)
    items = minutes_to_approve(user=business_unit, partnership=partnership, today=today)
    assert [i.url.rstrip("/").rsplit("/", 2)[-2] for i in items] == [str(last.pk)]


def test_approved_minutes_no_longer_wait(business_unit, partnership, today):
    last = MeetingFactory(partnership=partnership, held_on=today - dt.timedelta(days=20))
    AgendaItemFactory(meeting=last)
    MeetingMinutesFactory(meeting=last, status=MeetingMinutes.Status.APPROVED)
    assert minutes_to_approve(user=business_unit, partnership=partnership, today=today) == []


def test_minutes_to_approve_are_the_business_units_only(board_member, partnership, today):
    last = MeetingFactory(partnership=partnership, held_on=today - dt.timedelta(days=20))
    AgendaItemFactory(meeting=last)
    assert minutes_to_approve(user=board_member, partnership=partnership, today=today) == []


def test_waiting_items_read_in_a_constant_number_of_queries(business_unit, partnership, today):
    for days in range(1, 30, 3):
        for offset in (days, -days):
            meeting = MeetingFactory(partnership=partnership, held_on=today + dt.timedelta(days=offset))
            AgendaItemFactory(meeting=meeting, paper_label="Paper")
            if offset > 0:
                published(meeting)
    papers_to_read(user=business_unit, partnership=partnership, today=today)  # permissions cached
    with CaptureQueriesContext(connection) as queries:
        papers_to_read(user=business_unit, partnership=partnership, today=today)
        minutes_to_approve(user=business_unit, partnership=partnership, today=today)
    assert len(queries) <= 3
