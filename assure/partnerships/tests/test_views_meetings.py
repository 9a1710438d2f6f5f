import datetime as dt

from django.urls import reverse

from assure.partnerships.models import Attendance, Meeting
from assure.partnerships.tests.factories import AttendanceFactory, MeetingFactory


def u(name, partnership, **kwargs):
    return reverse(f"partnerships:{name}", kwargs={"partnership": partnership.slug, **kwargs})


def test_register_lists_the_partnerships_meetings(client, viewer, partnership, board_meeting, foreign_meeting):
    client.force_login(viewer)
    page = client.get(u("meetings", partnership)).content.decode()
    assert "12 June 2014" in page and "Southshire board" not in page


def test_register_filters_by_financial_year(client, viewer, partnership, board_meeting):
    MeetingFactory(partnership=partnership, held_on=dt.date(2015, 4, 9), title="First of 2015-16")
    client.force_login(viewer)
    page = client.get(u("meetings", partnership), {"year": "2015-16"}).content.decode()
    assert "First of 2015-16" in page and "12 June 2014" not in page


def test_register_filters_by_body(client, viewer, partnership, board_meeting, subgroup):
    MeetingFactory(partnership=partnership, subgroup=subgroup, held_on=dt.date(2014, 7, 3), title="QAP meeting")
    client.force_login(viewer)
    page = client.get(u("meetings", partnership), {"body": "board"}).content.decode()
    assert "Board meeting" in page and "QAP meeting" not in page
    page = client.get(u("meetings", partnership), {"body": str(subgroup.pk)}).content.decode()
    assert "QAP meeting" in page and "Board meeting" not in page


def test_register_exports_xlsx(client, viewer, partnership, board_meeting):
    client.force_login(viewer)
    response = client.get(u("meetings", partnership), {"_export": "xlsx"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")


def test_meeting_detail_shows_attendance(client, viewer, partnership, board_meeting, agency):
    AttendanceFactory(meeting=board_meeting, agency=agency, status=Attendance.Status.DEPUTY)
    client.force_login(viewer)
    page = client.get(u("meeting_detail", partnership, pk=board_meeting.pk)).content.decode()
    assert agency.name in page and "Represented by a deputy" in page


def test_meeting_of_another_partnership_answers_404(client, viewer, partnership, foreign_meeting):
    client.force_login(viewer)
    assert client.get(u("meeting_detail", partnership, pk=foreign_meeting.pk)).status_code == 404


def test_business_unit_adds_a_subgroup_meeting(client, business_unit, partnership, subgroup):
    client.force_login(business_unit)
    assert client.get(u("meeting_create", partnership)).status_code == 200
    response = client.post(u("meeting_create", partnership), {"subgroup": subgroup.pk, "held_on": "2014-11-20"})
    meeting = Meeting.objects.get(held_on=dt.date(2014, 11, 20))
    assert meeting.subgroup == subgroup
    assert response["Location"] == u("meeting_detail", partnership, pk=meeting.pk)


def test_add_meeting_needs_a_date(client, business_unit, partnership):
    client.force_login(business_unit)
    response = client.post(u("meeting_create", partnership), {"held_on": ""})
    assert "Enter the date of the meeting." in response.content.decode()


def test_business_unit_edits_a_meeting(client, business_unit, partnership, board_meeting):
    client.force_login(business_unit)
    assert client.get(u("meeting_edit", partnership, pk=board_meeting.pk)).status_code == 200
    response = client.post(
        u("meeting_edit", partnership, pk=board_meeting.pk), {"held_on": "2014-06-13", "location": "Shirehall"}
    )
    assert response.status_code == 302
    board_meeting.refresh_from_db()
    assert board_meeting.location == "Shirehall"


def test_viewer_may_not_add_a_meeting(client, viewer, partnership):
    client.force_login(viewer)
    assert client.get(u("meeting_create", partnership)).status_code == 403


def test_attendance_form_lists_expected_agencies_prefilled(
    client, business_unit, partnership, board_meeting, agency, other_agency
):
    AttendanceFactory(meeting=board_meeting, agency=agency, status=Attendance.Status.APOLOGIES)
    client.force_login(business_unit)
    response = client.get(u("meeting_attendance", partnership, pk=board_meeting.pk))
    form = response.context["form"]
    assert [a for a, _, _ in form.rows()] == [other_agency, agency]
    assert form[f"status_{agency.pk}"].value() == Attendance.Status.APOLOGIES


def test_attendance_is_saved_in_one_go(client, business_unit, partnership, board_meeting, agency, other_agency):
    client.force_login(business_unit)
    response = client.post(
        u("meeting_attendance", partnership, pk=board_meeting.pk),
        {
            f"status_{agency.pk}": "present",
            f"representative_{agency.pk}": "Designated nurse",
            f"status_{other_agency.pk}": "absent",
        },
    )
    assert response.status_code == 302
    assert dict(board_meeting.attendance.values_list("agency", "status")) == {
        agency.pk: "present",
        other_agency.pk: "absent",
    }


def test_attendance_of_a_future_meeting_is_refused_with_a_message(client, business_unit, partnership, agency):
    meeting = MeetingFactory(partnership=partnership, held_on=dt.date(2999, 1, 1))
    client.force_login(business_unit)
    response = client.post(u("meeting_attendance", partnership, pk=meeting.pk), {f"status_{agency.pk}": "present"})
    assert "Attendance can be recorded once the meeting has taken place." in response.content.decode()


def test_board_member_may_not_record_attendance(client, board_member, partnership, board_meeting):
    client.force_login(board_member)
    assert client.get(u("meeting_attendance", partnership, pk=board_meeting.pk)).status_code == 403
