"""Publishing freezes a report: its services refuse changes and refreshes, and its figures stay
as they were whatever the data become."""

import pytest
from django.core.exceptions import ValidationError

from assure.partnerships.tests.factories import AttendanceFactory, MeetingFactory
from assure.performance.tests.factories import PriorityFactory
from assure.reports.models import Report
from assure.reports.services.blocks import blocks_refresh
from assure.reports.services.reports import report_create, report_publish
from assure.reports.services.sections import section_accept, section_request, section_write

from .factories import ReportTemplateFactory, due_date, ready_to_publish

pytestmark = pytest.mark.usefixtures("stand_in_kinds")


@pytest.fixture
def report(partnership, business_unit, agency):
    PriorityFactory(partnership=partnership, title="Neglect")
    AttendanceFactory(meeting=MeetingFactory(partnership=partnership), agency=agency)
    report = report_create(
        partnership=partnership, kind="annual", year="2014-15", template=ReportTemplateFactory(), actor=business_unit
    )
    return ready_to_publish(report, business_unit)


def _impact(report) -> dict:
    return report.sections.get(key="priorities").blocks.get().data


def test_publishing_freezes_the_report(report, business_unit):
    report_publish(report=report, actor=business_unit)
    report.refresh_from_db()
    assert (report.status, report.published_by) == (Report.Status.PUBLISHED, business_unit)
    assert report.published_at is not None


def test_publishing_refreshes_the_figures_one_last_time(report, business_unit, partnership, agency):
    AttendanceFactory(meeting=MeetingFactory(partnership=partnership), agency=agency)
    report_publish(report=report, actor=business_unit)
    assert _impact(report)["paragraphs"] == ["2 attendance records."]


def test_a_published_report_keeps_its_figures_after_the_data_change(report, business_unit, partnership, agency):
    report_publish(report=report, actor=business_unit)
    AttendanceFactory(meeting=MeetingFactory(partnership=partnership), agency=agency)
    assert _impact(report)["paragraphs"] == ["1 attendance records."]


def test_a_published_report_is_not_refreshed(report, business_unit):
    report_publish(report=report, actor=business_unit)
    with pytest.raises(ValidationError):
        blocks_refresh(report=report, actor=business_unit)


def test_a_published_reports_sections_are_not_written(report, business_unit, agency, agency_lead):
    section = report.sections.get(key="agencies")
    section_write(section=section, body="Written by the business unit.", actor=business_unit)
    section_request(section=section, agency=agency, user=agency_lead, due_on=due_date(), actor=business_unit)
    section_write(section=section, body="Written by the agency lead.", actor=agency_lead)
    section_accept(section=section, actor=business_unit)
    report_publish(report=report, actor=business_unit)
    section.refresh_from_db()
    for actor in (business_unit, agency_lead):
        with pytest.raises(ValidationError):
            section_write(section=section, body="Too late.", actor=actor)


def test_a_published_section_is_not_left_out(report, business_unit):
    from assure.reports.services.sections import section_omit

    report_publish(report=report, actor=business_unit)
    section = report.sections.get(key="conclusion")
    with pytest.raises(ValidationError):
        section_omit(section=section, reason="Too late.", actor=business_unit)


def test_a_report_is_published_once(report, business_unit):
    report_publish(report=report, actor=business_unit)
    with pytest.raises(ValidationError):
        report_publish(report=report, actor=business_unit)


def test_publishing_is_refused_while_a_block_fails(report, business_unit):
    block = report.sections.get(key="conclusion").blocks.get()
    block.kind = "broken"
    block.save()
    with pytest.raises(ValidationError) as error:
        report_publish(report=report, actor=business_unit)
    assert "could not be computed" in str(error.value)
    report.refresh_from_db()
    assert report.status == Report.Status.DRAFT


def test_a_refresh_reads_the_data_again_while_a_draft(report, business_unit, partnership, agency):
    AttendanceFactory(meeting=MeetingFactory(partnership=partnership), agency=agency)
    result = blocks_refresh(report=report, actor=business_unit)
    assert result.computed == 3 and result.failed == []
    assert _impact(report)["paragraphs"] == ["2 attendance records."]


def test_the_document_of_a_published_report_shows_the_frozen_figures(report, business_unit, partnership, agency):
    document = pytest.importorskip("assure.reports.document")
    report_publish(report=report, actor=business_unit)
    AttendanceFactory(meeting=MeetingFactory(partnership=partnership), agency=agency)
    text = repr(document.document_for(Report.objects.get(pk=report.pk)))
    assert "1 attendance records." in text
    assert "2 attendance records." not in text


def test_the_real_attendance_block_keeps_its_frozen_figures(partnership, business_unit, agency, other_agency):
    """The same, with the real attendance block: a meeting recorded after publishing changes nothing."""
    import datetime as dt

    from assure.partnerships.models import Attendance
    from assure.reports.models import Block

    meeting = MeetingFactory(partnership=partnership, held_on=dt.date(2014, 6, 12))
    AttendanceFactory(meeting=meeting, agency=agency)
    AttendanceFactory(meeting=meeting, agency=other_agency, status=Attendance.Status.ABSENT)
    template = ReportTemplateFactory()
    template.data["sections"][2]["sections"][0]["blocks"] = [{"kind": "attendance", "title": "Attendance"}]
    template.save()
    report = report_create(
        partnership=partnership, kind="annual", year="2014-15", template=template, actor=business_unit
    )
    ready_to_publish(report, business_unit)
    report_publish(report=report, actor=business_unit)
    frozen = Block.objects.get(section__report=report, kind="attendance").data
    later = MeetingFactory(partnership=partnership, held_on=dt.date(2014, 9, 12))
    AttendanceFactory(meeting=later, agency=other_agency)
    assert Block.objects.get(section__report=report, kind="attendance").data == frozen
    assert not frozen["empty"]
