"""Publishing waits for every section: accepted in its own words, or deliberately left out with
a reason the report shows in its place. The refusal names each section and why."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from assure.audit.models import Event
from assure.reports.document import OMITTED, document_for
from assure.reports.models import Report, Section
from assure.reports.services.reports import report_create, report_publish
from assure.reports.services.sections import (
    section_accept,
    section_include,
    section_omit,
    section_request,
    section_write,
)

from .factories import ReportTemplateFactory, due_date, ready_to_publish

pytestmark = pytest.mark.usefixtures("stand_in_kinds")


@pytest.fixture
def report(partnership, business_unit, agency):
    return report_create(
        partnership=partnership, kind="annual", year="2014-15", template=ReportTemplateFactory(), actor=business_unit
    )


@pytest.fixture
def conclusion(report):
    return report.sections.get(key="conclusion")


def _refusal(report, actor) -> str:
    with pytest.raises(ValidationError) as error:
        report_publish(report=report, actor=actor)
    return " ".join(error.value.messages)


def test_publishing_is_refused_while_a_section_is_not_accepted(report, business_unit, conclusion):
    ready_to_publish(report, business_unit)
    section_write(section=conclusion, body="Changed after acceptance.", actor=business_unit)
    assert "Conclusion (Not accepted: written, waiting to be accepted)" in _refusal(report, business_unit)
    report.refresh_from_db()
    assert report.status == Report.Status.DRAFT


def test_the_refusal_names_every_section_not_accepted(report, business_unit):
    refusal = _refusal(report, business_unit)
    assert all(section.title in refusal for section in report.sections.all())


def test_publishing_is_refused_while_a_section_holds_the_templates_guidance(report, business_unit, conclusion):
    ready_to_publish(report, business_unit)
    section_write(section=conclusion, body=f"Draft.\n\n{conclusion.guidance}", actor=business_unit)
    section_accept(section=conclusion, actor=business_unit)
    assert "Still holds the template's guidance" in _refusal(report, business_unit)


def test_guidance_with_other_spacing_still_counts_as_the_templates_wording(conclusion):
    conclusion.body = conclusion.guidance.upper().replace(" ", "\n  ")
    assert conclusion.holds_template_wording


def test_a_section_left_out_no_longer_holds_up_publishing(report, business_unit, conclusion):
    section_omit(section=conclusion, reason="The board meets in June to agree it.", actor=business_unit)
    ready_to_publish(report, business_unit)
    report_publish(report=report, actor=business_unit)
    assert report.status == Report.Status.PUBLISHED


def test_leaving_a_section_out_needs_a_reason(conclusion, business_unit):
    with pytest.raises(ValidationError) as error:
        section_omit(section=conclusion, reason="  ", actor=business_unit)
    assert "reason" in error.value.message_dict


def test_the_reason_is_kept_on_the_section_and_recorded(conclusion, business_unit):
    section_omit(section=conclusion, reason="Covered in 2.", actor=business_unit)
    conclusion.refresh_from_db()
    assert (conclusion.status, conclusion.omitted_reason, conclusion.omitted_by) == (
        Section.Status.OMITTED,
        "Covered in 2.",
        business_unit,
    )
    event = Event.objects.get(verb="reports.section_omitted", target_id=str(conclusion.pk))
    assert event.data["reason"] == "Covered in 2."


def test_only_the_business_unit_leaves_a_section_out(conclusion, agency_lead):
    with pytest.raises(PermissionDenied):
        section_omit(section=conclusion, reason="Not needed.", actor=agency_lead)


def test_the_report_shows_a_section_left_out_and_why_in_its_place(report, business_unit, conclusion):
    section_omit(section=conclusion, reason="The <b>board</b> meets in June.", actor=business_unit)
    shown = next(s for s in document_for(report).sections if s.title == "Conclusion")
    assert shown.omitted and shown.blocks == []
    assert shown.narrative_html == f"<p><em>{OMITTED}</em> The &lt;b&gt;board&lt;/b&gt; meets in June.</p>"


def test_an_agency_lead_cannot_write_a_section_left_out(report, business_unit, agency, agency_lead):
    section = report.sections.get(key="agencies")
    section_request(section=section, agency=agency, user=agency_lead, due_on=due_date(), actor=business_unit)
    section_omit(section=section, reason="The trust merged.", actor=business_unit)
    with pytest.raises(PermissionDenied):
        section_write(section=section, body="Ours.", actor=agency_lead)


def test_putting_a_section_back_makes_it_written_again_when_it_holds_text(conclusion, business_unit):
    section_write(section=conclusion, body="The board is effective.", actor=business_unit)
    section_omit(section=conclusion, reason="Not this year.", actor=business_unit)
    section_include(section=conclusion, actor=business_unit)
    conclusion.refresh_from_db()
    assert (conclusion.status, conclusion.omitted_reason) == (Section.Status.WRITTEN, "")


def test_putting_back_a_section_with_no_text_makes_it_not_started(report, business_unit):
    section = report.sections.get(key="next-year")
    section_omit(section=section, reason="Not this year.", actor=business_unit)
    section_include(section=section, actor=business_unit)
    assert section.status == Section.Status.NOT_STARTED


def test_the_publish_page_lists_each_section_holding_it_up_with_a_link(client, report, business_unit, conclusion):
    ready_to_publish(report, business_unit)
    section_write(section=conclusion, body="Changed.", actor=business_unit)
    client.force_login(business_unit)
    slug = report.partnership.slug
    page = client.get(reverse("reports:report_publish", kwargs={"partnership": slug, "pk": report.pk}))
    text = page.content.decode()
    link = reverse("reports:section_detail", kwargs={"partnership": slug, "pk": conclusion.pk})
    assert f'href="{link}"' in text and "written, waiting to be accepted" in text
    assert "Yes, publish the report" not in text


def test_the_leave_out_page_leaves_the_section_out(client, conclusion, business_unit):
    client.force_login(business_unit)
    url = reverse(
        "reports:section_omit", kwargs={"partnership": conclusion.report.partnership.slug, "pk": conclusion.pk}
    )
    client.post(url, {"reason": "Covered in section 2."})
    conclusion.refresh_from_db()
    assert conclusion.status == Section.Status.OMITTED
