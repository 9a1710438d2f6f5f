import csv
import datetime as dt
import io

from django.urls import reverse

from assure.partnerships.models import Attendance
from assure.partnerships.tests.factories import AttendanceFactory, MeetingFactory


def u(name, partnership, **kwargs):
    return reverse(f"partnerships:{name}", kwargs={"partnership": partnership.slug, **kwargs})


def _csv(response):
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def test_report_shows_percentages_and_a_dash_for_no_meetings(
    client, viewer, partnership, agency, other_agency, subgroup
):
    meeting = MeetingFactory(partnership=partnership, subgroup=subgroup, held_on=dt.date(2014, 6, 1))
    AttendanceFactory(meeting=meeting, agency=agency, status=Attendance.Status.PRESENT)
    client.force_login(viewer)
    response = client.get(u("attendance_report", partnership), {"year": "2014-15", "_export": "csv"})
    assert _csv(response) == [
        ["Agency", "Year", "Meetings expected", "Meetings attended", "Attendance"],
        [other_agency.name, "2014-15", "0", "0", "–"],
        [agency.name, "2014-15", "1", "1", "100.0%"],
    ]


def test_report_filters_by_body(client, viewer, partnership, agency, subgroup):
    AttendanceFactory(meeting=MeetingFactory(partnership=partnership, held_on=dt.date(2014, 6, 1)), agency=agency)
    sub_meeting = MeetingFactory(partnership=partnership, subgroup=subgroup, held_on=dt.date(2014, 7, 1))
    AttendanceFactory(meeting=sub_meeting, agency=agency, status=Attendance.Status.ABSENT)
    client.force_login(viewer)
    rows = _csv(client.get(u("attendance_report", partnership), {"body": str(subgroup.pk), "_export": "csv"}))
    assert rows[1:] == [[agency.name, "2014-15", "1", "0", "0.0%"]]


def test_report_page_renders_for_a_member(client, agency_lead, partnership, agency, board_meeting):
    AttendanceFactory(meeting=board_meeting, agency=agency)
    client.force_login(agency_lead)
    response = client.get(u("attendance_report", partnership), {"body": "board"})
    assert response.status_code == 200 and "100.0%" in response.content.decode()


def test_report_exports_xlsx(client, viewer, partnership, agency, board_meeting):
    AttendanceFactory(meeting=board_meeting, agency=agency)
    client.force_login(viewer)
    response = client.get(u("attendance_report", partnership), {"_export": "xlsx"})
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")


def test_outsider_gets_404_for_the_report(client, outsider, partnership):
    client.force_login(outsider)
    assert client.get(u("attendance_report", partnership)).status_code == 404
