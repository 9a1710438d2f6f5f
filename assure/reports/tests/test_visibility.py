"""Who sees which report and section: agency leads only the sections asked of their agency in a
draft; nobody outside the partnership; and the pages that follow from it."""

import pytest
from django.urls import reverse

from assure.reports.models import Section
from assure.reports.selectors.reports import reports_visible_to, sections_to_write, sections_visible_to

from .factories import BlockFactory, ReportFactory, SectionFactory, due_date


@pytest.fixture
def report(partnership, business_unit):
    return ReportFactory(partnership=partnership, created_by=business_unit)


@pytest.fixture
def asked(report, agency, agency_lead):
    return SectionFactory(
        report=report, agency=agency, requested_from=agency_lead, due_on=due_date(), status=Section.Status.REQUESTED
    )


@pytest.fixture
def other_section(report):
    return SectionFactory(report=report, title="Foreword")


def _url(name, partnership, pk=None):
    kwargs = {"partnership": partnership.slug, **({"pk": pk} if pk else {})}
    return reverse(f"reports:{name}", kwargs=kwargs)


def test_the_agency_lead_sees_only_sections_asked_of_their_agency(asked, other_section, agency_lead, partnership):
    assert list(sections_visible_to(user=agency_lead, partnership=partnership)) == [asked]


def test_the_agency_lead_does_not_see_a_draft_with_nothing_asked_of_them(
    report, other_section, agency_lead, partnership
):
    assert not reports_visible_to(user=agency_lead, partnership=partnership).exists()


def test_the_agency_lead_sees_a_published_report_whole(report, asked, other_section, agency_lead, partnership):
    report.status = report.Status.PUBLISHED
    report.save()
    assert set(sections_visible_to(user=agency_lead, partnership=partnership)) == {asked, other_section}


def test_board_members_see_drafts_of_their_partnership(asked, other_section, board_member, partnership):
    assert sections_visible_to(user=board_member, partnership=partnership).count() == 2


def test_nobody_outside_the_partnership_sees_a_draft(report, outsider, other_partnership, partnership):
    assert not reports_visible_to(user=outsider, partnership=partnership).exists()
    assert not reports_visible_to(user=outsider, partnership=other_partnership).filter(pk=report.pk).exists()


def test_viewers_see_no_report(report, viewer, partnership):
    assert not reports_visible_to(user=viewer, partnership=partnership).exists()


def test_my_sections_lists_the_leads_sections(asked, other_section, agency_lead, partnership):
    assert list(sections_to_write(user=agency_lead, partnership=partnership)) == [asked]


def test_the_agency_lead_cannot_open_another_section(client, other_section, asked, agency_lead, partnership):
    client.force_login(agency_lead)
    assert client.get(_url("section_detail", partnership, other_section.pk)).status_code == 404


def test_the_agency_lead_writes_through_the_section_page(client, asked, agency_lead, partnership):
    client.force_login(agency_lead)
    response = client.post(_url("section_detail", partnership, asked.pk), {"body": "# Training\n\n- 300 staff"})
    assert response.status_code == 302
    asked.refresh_from_db()
    assert asked.status == Section.Status.WRITTEN


def test_a_board_member_cannot_post_to_a_section(client, asked, board_member, partnership):
    client.force_login(board_member)
    assert client.post(_url("section_detail", partnership, asked.pk), {"body": "Mine now."}).status_code == 403


def test_the_section_page_shows_its_blocks_with_source(client, asked, business_unit, partnership):
    BlockFactory(section=asked)
    client.force_login(business_unit)
    page = client.get(_url("section_detail", partnership, asked.pk)).content.decode()
    assert "2,626" in page and "Children&#x27;s social care returns" in page


def test_the_report_page_shows_contributions(client, report, asked, business_unit, partnership):
    client.force_login(business_unit)
    page = client.get(_url("report_detail", partnership, report.pk)).content.decode()
    assert "1 section asked of agencies" in page
    assert str(asked.requested_from) in page


def test_the_register_exports_csv(client, report, business_unit, partnership):
    client.force_login(business_unit)
    response = client.get(_url("reports", partnership) + "?_export=csv")
    assert report.title in response.content.decode()


def test_publishing_needs_the_confirmation(client, report, business_unit, partnership):
    client.force_login(business_unit)
    response = client.post(_url("report_publish", partnership, report.pk), {})
    assert "Tick the box" in response.content.decode()
    report.refresh_from_db()
    assert not report.is_published
