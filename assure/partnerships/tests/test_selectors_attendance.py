import datetime as dt
from decimal import Decimal

from assure.partnerships.models import Attendance, PartnershipAgency
from assure.partnerships.selectors import BOARD, AttendanceRow, attendance_by_agency
from assure.partnerships.tests.factories import AgencyFactory, AttendanceFactory, MeetingFactory

PRESENT, DEPUTY = Attendance.Status.PRESENT, Attendance.Status.DEPUTY
APOLOGIES, ABSENT = Attendance.Status.APOLOGIES, Attendance.Status.ABSENT


def _meetings(partnership, count, start=dt.date(2014, 5, 1), subgroup=None):
    return [
        MeetingFactory(partnership=partnership, subgroup=subgroup, held_on=start + dt.timedelta(days=30 * i))
        for i in range(count)
    ]


def _row(rows, agency, year="2014-15"):
    (row,) = [r for r in rows if r.agency_id == agency.pk and r.year == year]
    return row


def test_present_and_deputy_count_as_attended(viewer, partnership, agency):
    for meeting, status in zip(_meetings(partnership, 4), [PRESENT, DEPUTY, APOLOGIES, ABSENT], strict=True):
        AttendanceFactory(meeting=meeting, agency=agency, status=status)
    row = _row(attendance_by_agency(user=viewer, partnership=partnership, year="2014-15"), agency)
    assert (row.expected, row.attended, row.percentage) == (4, 2, Decimal("50.0"))


def test_percentage_has_one_decimal_place_rounded_half_up(viewer, partnership, agency):
    statuses = [PRESENT, PRESENT, ABSENT]
    for meeting, status in zip(_meetings(partnership, 3), statuses, strict=True):
        AttendanceFactory(meeting=meeting, agency=agency, status=status)
    row = _row(attendance_by_agency(user=viewer, partnership=partnership, year="2014-15"), agency)
    assert row.percentage == Decimal("66.7")
    assert row.percentage_text == "66.7%"


def test_percentage_rounds_a_half_up():
    assert AttendanceRow(1, "A", "2014-15", expected=8, attended=1).percentage == Decimal("12.5")
    assert AttendanceRow(1, "A", "2014-15", expected=16, attended=1).percentage == Decimal("6.3")


def test_agency_expected_at_no_meeting_shows_a_dash_not_zero(viewer, partnership, agency, other_agency):
    meeting = _meetings(partnership, 1)[0]
    AttendanceFactory(meeting=meeting, agency=agency, status=PRESENT)
    PartnershipAgency.objects.filter(agency=other_agency).update(on_board=True)
    rows = attendance_by_agency(user=viewer, partnership=partnership, year="2015-16")
    row = _row(rows, other_agency, "2015-16")
    assert (row.expected, row.attended, row.percentage, row.percentage_text) == (0, 0, None, "–")


def test_agency_that_attended_none_shows_zero_percent(viewer, partnership, agency):
    AttendanceFactory(meeting=_meetings(partnership, 1)[0], agency=agency, status=ABSENT)
    row = _row(attendance_by_agency(user=viewer, partnership=partnership, year="2014-15"), agency)
    assert row.percentage_text == "0.0%"


def test_years_are_financial_years(viewer, partnership, agency):
    AttendanceFactory(meeting=MeetingFactory(partnership=partnership, held_on=dt.date(2015, 3, 31)), agency=agency)
    AttendanceFactory(meeting=MeetingFactory(partnership=partnership, held_on=dt.date(2015, 4, 1)), agency=agency)
    rows = attendance_by_agency(user=viewer, partnership=partnership)
    assert [(r.year, r.expected) for r in rows if r.agency_id == agency.pk] == [("2015-16", 1), ("2014-15", 1)]


def test_board_report_leaves_out_subgroup_meetings(viewer, partnership, agency, subgroup):
    AttendanceFactory(meeting=_meetings(partnership, 1)[0], agency=agency, status=PRESENT)
    AttendanceFactory(meeting=_meetings(partnership, 1, subgroup=subgroup)[0], agency=agency, status=ABSENT)
    board = _row(attendance_by_agency(user=viewer, partnership=partnership, year="2014-15", subgroup=BOARD), agency)
    sub = _row(attendance_by_agency(user=viewer, partnership=partnership, year="2014-15", subgroup=subgroup), agency)
    every = _row(attendance_by_agency(user=viewer, partnership=partnership, year="2014-15"), agency)
    assert (board.expected, board.attended) == (1, 1)
    assert (sub.expected, sub.attended) == (1, 0)
    assert (every.expected, every.attended) == (2, 1)


def test_figures_of_a_past_year_stay_after_an_agency_leaves(viewer, partnership, other_agency):
    AttendanceFactory(meeting=_meetings(partnership, 1)[0], agency=other_agency, status=PRESENT)
    PartnershipAgency.objects.filter(partnership=partnership, agency=other_agency).update(left_on=dt.date(2015, 1, 1))
    row = _row(attendance_by_agency(user=viewer, partnership=partnership, year="2014-15"), other_agency)
    assert (row.expected, row.attended) == (1, 1)


def test_agency_that_joined_after_a_year_has_no_row_for_it(viewer, partnership):
    newcomer = AgencyFactory(name="New Academy Trust", partnerships=[partnership])
    PartnershipAgency.objects.filter(agency=newcomer).update(joined_on=dt.date(2016, 5, 1))
    rows = attendance_by_agency(user=viewer, partnership=partnership, year="2014-15")
    assert newcomer.pk not in {r.agency_id for r in rows}


def test_rows_come_by_year_then_agency_name(viewer, partnership):
    zed = AgencyFactory(name="Zed Trust", partnerships=[partnership])
    abbey = AgencyFactory(name="abbey School", partnerships=[partnership])
    rows = attendance_by_agency(user=viewer, partnership=partnership, year="2014-15")
    assert [r.agency for r in rows] == sorted([zed.name, abbey.name], key=str.casefold)


def test_another_partnerships_meetings_are_not_counted(viewer, partnership, other_partnership, other_agency):
    AttendanceFactory(meeting=_meetings(other_partnership, 1)[0], agency=other_agency, status=PRESENT)
    row = _row(attendance_by_agency(user=viewer, partnership=partnership, year="2014-15"), other_agency)
    assert row.expected == 0


def test_outsider_gets_no_rows(outsider, partnership, agency):
    AttendanceFactory(meeting=_meetings(partnership, 1)[0], agency=agency)
    assert attendance_by_agency(user=outsider, partnership=partnership) == []
