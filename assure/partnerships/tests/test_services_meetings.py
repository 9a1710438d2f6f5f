import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from assure.audit.models import Event
from assure.partnerships.models import Attendance, ConfidentialMinute
from assure.partnerships.services import (
    AttendanceEntry,
    attendance_record,
    confidential_minute_create,
    meeting_create,
    meeting_update,
)
from assure.partnerships.tests.factories import AttendanceFactory, MeetingFactory, SubgroupFactory

PRESENT, APOLOGIES = Attendance.Status.PRESENT, Attendance.Status.APOLOGIES


def test_business_unit_adds_a_board_meeting(business_unit, partnership):
    meeting = meeting_create(actor=business_unit, partnership=partnership, held_on=dt.date(2014, 9, 11))
    assert meeting.subgroup is None and meeting.body_name == "Board"
    assert Event.objects.filter(verb="meeting.added", partnership=partnership).exists()


def test_meeting_of_another_partnerships_subgroup_is_refused(business_unit, partnership, other_partnership):
    foreign = SubgroupFactory(partnership=other_partnership)
    with pytest.raises(ValidationError) as raised:
        meeting_create(actor=business_unit, partnership=partnership, held_on=dt.date(2014, 9, 11), subgroup=foreign)
    assert "subgroup" in raised.value.message_dict


def test_viewer_may_not_add_a_meeting(viewer, partnership):
    with pytest.raises(PermissionDenied):
        meeting_create(actor=viewer, partnership=partnership, held_on=dt.date(2014, 9, 11))


def test_meeting_with_attendance_cannot_move_to_another_body(business_unit, board_meeting, subgroup, agency):
    AttendanceFactory(meeting=board_meeting, agency=agency)
    with pytest.raises(ValidationError) as raised:
        meeting_update(actor=business_unit, meeting=board_meeting, held_on=board_meeting.held_on, subgroup=subgroup)
    assert "cannot move to another body" in raised.value.message_dict["subgroup"][0]


def test_meeting_update_changes_its_details(business_unit, board_meeting):
    meeting_update(actor=business_unit, meeting=board_meeting, held_on=dt.date(2014, 6, 13), location="Shire Hall")
    board_meeting.refresh_from_db()
    assert board_meeting.held_on == dt.date(2014, 6, 13) and board_meeting.location == "Shire Hall"


def test_attendance_is_recorded_for_every_expected_agency_at_once(business_unit, board_meeting, agency, other_agency):
    attendance_record(
        actor=business_unit,
        meeting=board_meeting,
        entries=[AttendanceEntry(agency, PRESENT, "Named nurse"), AttendanceEntry(other_agency, APOLOGIES)],
    )
    recorded = {a.agency: a.status for a in board_meeting.attendance.all()}
    assert recorded == {agency: PRESENT, other_agency: APOLOGIES}
    event = Event.objects.get(verb="attendance.recorded")
    assert event.summary.endswith("1 of 2 agencies attended")


def test_recording_again_corrects_and_clears_earlier_records(business_unit, board_meeting, agency, other_agency):
    AttendanceFactory(meeting=board_meeting, agency=agency, status=PRESENT)
    AttendanceFactory(meeting=board_meeting, agency=other_agency, status=PRESENT)
    attendance_record(
        actor=business_unit,
        meeting=board_meeting,
        entries=[AttendanceEntry(agency, APOLOGIES), AttendanceEntry(other_agency, "")],
    )
    assert list(board_meeting.attendance.values_list("agency", "status")) == [(agency.pk, APOLOGIES)]


def test_agency_not_expected_at_the_meeting_is_refused(business_unit, board_meeting, foreign_agency):
    with pytest.raises(ValidationError) as raised:
        attendance_record(
            actor=business_unit, meeting=board_meeting, entries=[AttendanceEntry(foreign_agency, PRESENT)]
        )
    assert raised.value.messages == [f"{foreign_agency.name} is not expected at this meeting."]


def test_subgroup_meeting_expects_only_the_subgroups_agencies(business_unit, partnership, subgroup, other_agency):
    meeting = MeetingFactory(partnership=partnership, subgroup=subgroup, held_on=dt.date(2014, 7, 1))
    with pytest.raises(ValidationError):
        attendance_record(actor=business_unit, meeting=meeting, entries=[AttendanceEntry(other_agency, PRESENT)])


def test_attendance_of_a_future_meeting_is_refused(business_unit, partnership, agency):
    meeting = MeetingFactory(partnership=partnership, held_on=dt.date(2999, 1, 1))
    with pytest.raises(ValidationError) as raised:
        attendance_record(actor=business_unit, meeting=meeting, entries=[AttendanceEntry(agency, PRESENT)])
    assert raised.value.messages == ["Attendance can be recorded once the meeting has taken place."]


def test_confidential_item_is_added_without_its_words_in_the_trail(business_unit, board_meeting):
    minute = confidential_minute_create(
        actor=business_unit, meeting=board_meeting, heading="Staffing matter", text="Sensitive detail"
    )
    assert minute.recorded_by == business_unit
    event = Event.objects.get(verb="confidential_minute.added")
    assert "Staffing matter" not in event.summary and "Sensitive detail" not in event.summary
    assert "Sensitive" not in str(event.data)


def test_board_member_may_not_add_a_confidential_item(board_member, board_meeting):
    with pytest.raises(PermissionDenied):
        confidential_minute_create(actor=board_member, meeting=board_meeting, heading="H", text="T")
    assert not ConfidentialMinute.objects.exists()


def test_confidential_item_needs_heading_and_text(business_unit, board_meeting):
    with pytest.raises(ValidationError) as raised:
        confidential_minute_create(actor=business_unit, meeting=board_meeting, heading=" ", text="")
    assert set(raised.value.message_dict) == {"heading", "text"}
