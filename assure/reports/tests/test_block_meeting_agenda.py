"""The board pack's agenda, built from the meeting's agenda in governance."""

import datetime as dt
from types import SimpleNamespace

import pytest

from assure.governance.models import MeetingMinutes
from assure.governance.tests.factories import AgendaItemFactory, MeetingMinutesFactory
from assure.library.selectors import current_item
from assure.partnerships.tests.factories import AgencyFactory, MeetingFactory
from assure.reports.blocks import compute_block
from assure.reports.models import Block
from assure.reports.services.reports import board_pack_create

TODAY = dt.date(2015, 3, 10)


def _compute(meeting):
    data, problem = compute_block(
        kind="meeting-agenda",
        report=SimpleNamespace(partnership=meeting.partnership, meeting=meeting, pk=1),
        section=None,
        params={},
        today=TODAY,
    )
    assert problem == ""
    return data


@pytest.fixture
def meeting(partnership):
    return MeetingFactory(partnership=partnership, held_on=dt.date(2015, 3, 19), location="Shirehall")


def test_the_agenda_lists_items_with_presenter_purpose_and_paper(meeting, partnership):
    agency = AgencyFactory(name="Northshire Council", partnerships=[partnership])
    AgendaItemFactory(
        meeting=meeting,
        position=1,
        title="Scorecard",
        purpose="decision",
        presenter="Performance lead",
        presenter_agency=agency,
        paper_label="Exception report, 2014-15",
    )
    rows = _compute(meeting).tables[0].rows
    assert rows == [
        ["1", "Scorecard", "Performance lead, Northshire Council", "For decision", "Exception report, 2014-15"]
    ]


def test_a_confidential_items_paper_is_named_only_as_restricted(meeting):
    AgendaItemFactory(meeting=meeting, title="Staffing", confidential=True, paper_label="Investigation report")
    row = _compute(meeting).tables[0].rows[0]
    assert row[1] == "Staffing (confidential, part B)" and row[4] == "Confidential paper (restricted)"


def test_the_last_meetings_draft_minutes_are_presented_for_approval(meeting, partnership):
    MeetingFactory(partnership=partnership, held_on=dt.date(2015, 1, 22))
    AgendaItemFactory(meeting=meeting)
    assert "22 January 2015 are presented for approval" in " ".join(_compute(meeting).paragraphs)


def test_approved_minutes_are_not_presented_again(meeting, partnership):
    earlier = MeetingFactory(partnership=partnership, held_on=dt.date(2015, 1, 22))
    MeetingMinutesFactory(meeting=earlier, status=MeetingMinutes.Status.APPROVED)
    AgendaItemFactory(meeting=meeting)
    assert "have been approved" in " ".join(_compute(meeting).paragraphs)


def test_a_meeting_without_an_agenda_says_so(meeting):
    assert _compute(meeting).empty == "The meeting's agenda has no items yet."


def test_a_new_board_pack_builds_its_agenda_section_from_the_agenda(meeting, business_unit):
    AgendaItemFactory(meeting=meeting, title="Section 11 results")
    pack = board_pack_create(
        meeting=meeting, template=current_item(kind="report-template", code="board-pack"), actor=business_unit
    )
    block = Block.objects.get(section__report=pack, kind="meeting-agenda")
    assert block.section.key == "agenda"
    assert "Section 11 results" in str(block.data)
