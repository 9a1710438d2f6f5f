"""An agency lead's section passes through a draft before it is sent to the business unit; the
editor's buttons save a draft, send it, or show a preview rendered by the server."""

import pytest
from django.urls import reverse

from assure.audit.models import Event
from assure.reports.models import Section
from assure.reports.selectors.reports import contributions, report_contents
from assure.reports.services.sections import section_accept, section_draft_save, section_request, section_write

from .factories import ReportFactory, SectionFactory, due_date


@pytest.fixture
def asked(partnership, business_unit, agency, agency_lead):
    section = SectionFactory(report=ReportFactory(partnership=partnership, created_by=business_unit))
    return section_request(section=section, agency=agency, user=agency_lead, due_on=due_date(), actor=business_unit)


def _url(section, name="reports:section_detail"):
    return reverse(name, kwargs={"partnership": section.report.partnership.slug, "pk": section.pk})


def test_saving_a_draft_keeps_the_section_being_drafted(asked, agency_lead):
    section_draft_save(section=asked, body="First thoughts.", actor=agency_lead)
    asked.refresh_from_db()
    assert (asked.body, asked.status) == ("First thoughts.", Section.Status.DRAFTING)


def test_the_lead_goes_on_writing_a_draft(asked, agency_lead):
    section_draft_save(section=asked, body="First thoughts.", actor=agency_lead)
    section_write(section=asked, body="Finished text.", actor=agency_lead)
    assert asked.status == Section.Status.WRITTEN


def test_a_draft_is_not_accepted(asked, agency_lead, business_unit):
    section_draft_save(section=asked, body="First thoughts.", actor=agency_lead)
    with pytest.raises(Exception, match="Only a written section"):
        section_accept(section=asked, actor=business_unit)


def test_saving_a_draft_is_recorded(asked, agency_lead):
    section_draft_save(section=asked, body="First thoughts.", actor=agency_lead)
    assert Event.objects.filter(verb="reports.section_drafted", target_id=str(asked.pk)).exists()


def test_the_business_unit_sees_the_section_being_drafted(asked, agency_lead, business_unit):
    section_draft_save(section=asked, body="First thoughts.", actor=agency_lead)
    summary = contributions(rows=report_contents(user=business_unit, report=asked.report))
    assert (summary.drafting, summary.written) == (1, 0)


def test_the_save_draft_button_saves_a_draft(client, asked, agency_lead):
    client.force_login(agency_lead)
    client.post(_url(asked), {"body": "First thoughts.", "action": "draft"})
    asked.refresh_from_db()
    assert asked.status == Section.Status.DRAFTING


def test_the_send_button_sends_it_to_the_business_unit(client, asked, agency_lead):
    client.force_login(agency_lead)
    response = client.post(_url(asked), {"body": "Finished text.", "action": "send"}, follow=True)
    asked.refresh_from_db()
    assert asked.status == Section.Status.WRITTEN
    assert "sent to the business unit" in response.content.decode()


def test_the_lead_is_offered_save_draft_and_send(client, asked, agency_lead):
    client.force_login(agency_lead)
    page = client.get(_url(asked)).content.decode()
    assert "Save draft" in page and "Send to the business unit" in page


def test_the_textarea_is_marked_for_the_toolbar_and_its_script_is_loaded(client, asked, agency_lead):
    client.force_login(agency_lead)
    page = client.get(_url(asked)).content.decode()
    assert "data-assure-editor" in page
    assert "reports/editor.mjs" in page


def test_the_preview_shows_the_text_as_it_will_read_without_saving_it(client, asked, agency_lead):
    client.force_login(agency_lead)
    response = client.post(_url(asked), {"body": "# Training\n\n- **412** staff", "action": "preview"})
    page = response.content.decode()
    assert "<h3>Training</h3>" in page and "<strong>412</strong>" in page
    asked.refresh_from_db()
    assert (asked.body, asked.status) == ("", Section.Status.REQUESTED)


def test_the_preview_asked_by_htmx_is_the_partial_alone(client, asked, agency_lead):
    client.force_login(agency_lead)
    response = client.post(_url(asked), {"body": "*Only* this", "action": "preview"}, headers={"HX-Request": "true"})
    page = response.content.decode()
    assert "<em>Only</em> this" in page
    assert "<html" not in page


def test_the_preview_keeps_raw_html_as_typed(client, asked, agency_lead):
    client.force_login(agency_lead)
    response = client.post(_url(asked), {"body": "<script>x()</script>", "action": "preview"})
    assert "<script>x()" not in response.content.decode()


def test_a_reader_cannot_post_a_preview(client, asked, board_member):
    client.force_login(board_member)
    response = client.post(_url(asked), {"body": "text", "action": "preview"})
    assert response.status_code == 403
