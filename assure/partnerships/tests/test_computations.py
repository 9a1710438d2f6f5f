"""Meetings held and attendance at them, counted from the partnership's registers per financial
year, and registered for the library's indicators to name."""

import datetime as dt

import pytest
from django.utils import timezone

from assure.core.computations import computation_named
from assure.partnerships.computations import attendance_percent, meetings_held
from assure.partnerships.models import Attendance
from assure.partnerships.tests.factories import AttendanceFactory, MeetingFactory

PRESENT, DEPUTY, APOLOGIES, ABSENT = (
    Attendance.Status.PRESENT,
    Attendance.Status.DEPUTY,
    Attendance.Status.APOLOGIES,
    Attendance.Status.ABSENT,
)


def counted(figures) -> list[tuple]:
    return [(f.year, f.numerator, f.denominator, f.counted_from) for f in figures]


def test_board_meetings_are_counted_by_financial_year(partnership):
    for day in (dt.date(2014, 4, 1), dt.date(2015, 3, 31), dt.date(2015, 4, 1)):
        MeetingFactory(partnership=partnership, held_on=day)
    assert counted(meetings_held(partnership=partnership)) == [
        ("2014-15", 2, None, "the meetings register (2 board meetings)"),
        ("2015-16", 1, None, "the meetings register (1 board meeting)"),
    ]


def test_a_meeting_still_to_come_is_not_held(partnership):
    MeetingFactory(partnership=partnership, held_on=timezone.localdate() + dt.timedelta(days=1))
    assert meetings_held(partnership=partnership) == []


def test_the_body_chooses_the_board_or_the_subgroups(partnership, subgroup):
    MeetingFactory(partnership=partnership, held_on=dt.date(2014, 6, 12))
    MeetingFactory(partnership=partnership, subgroup=subgroup, held_on=dt.date(2014, 7, 3))
    MeetingFactory(partnership=partnership, subgroup=subgroup, held_on=dt.date(2014, 9, 4))
    assert [f.numerator for f in meetings_held(partnership=partnership, body="board")] == [1]
    assert [f.numerator for f in meetings_held(partnership=partnership, body="subgroups")] == [2]
    assert [f.numerator for f in meetings_held(partnership=partnership, body="all")] == [3]


def test_another_partnerships_meetings_are_not_counted(partnership, foreign_meeting):
    assert meetings_held(partnership=partnership) == []


def test_years_narrow_the_count(partnership):
    MeetingFactory(partnership=partnership, held_on=dt.date(2014, 6, 12))
    MeetingFactory(partnership=partnership, held_on=dt.date(2015, 6, 11))
    assert [f.year for f in meetings_held(partnership=partnership, years={"2015-16"})] == ["2015-16"]


def test_attendance_is_places_taken_out_of_places_recorded(partnership, board_meeting):
    later = MeetingFactory(partnership=partnership, held_on=dt.date(2014, 9, 11))
    for meeting, status in ((board_meeting, PRESENT), (board_meeting, DEPUTY), (later, APOLOGIES), (later, ABSENT)):
        AttendanceFactory(meeting=meeting, status=status)
    assert counted(attendance_percent(partnership=partnership)) == [
        ("2014-15", 2, 4, "the attendance recorded at 2 board meetings")
    ]


def test_a_meeting_without_attendance_recorded_does_not_count(partnership, board_meeting):
    assert attendance_percent(partnership=partnership) == []


@pytest.mark.parametrize("name", ["partnerships.meetings_held", "partnerships.attendance_percent"])
def test_the_registers_computations_are_registered(name):
    computation = computation_named(name)
    assert computation is not None and computation.owner == "partnerships"
    assert computation.problems({"body": "panels"}) == [
        f"{name}: body must be one of board, subgroups, all, not 'panels'"
    ]
