"""A published report is corrected as a new edition: the first stays frozen and listed, the
new one is a draft copy, published with a note of what changed."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from assure.audit.models import Event
from assure.partnerships.tests.factories import AttendanceFactory, MeetingFactory
from assure.reports.document import document_for
from assure.reports.models import Report, Section
from assure.reports.services.editions import report_correct
from assure.reports.services.reports import report_create, report_publish
from assure.reports.services.sections import section_accept, section_write

from .factories import ReportTemplateFactory, ready_to_publish

pytestmark = pytest.mark.usefixtures("stand_in_kinds")


@pytest.fixture
def published(partnership, business_unit, agency):
    from assure.performance.tests.factories import PriorityFactory

    PriorityFactory(partnership=partnership, title="Neglect")
    AttendanceFactory(meeting=MeetingFactory(partnership=partnership), agency=agency)
    report = report_create(
        partnership=partnership, kind="annual", year="2014-15", template=ReportTemplateFactory(), actor=business_unit
    )
    ready_to_publish(report, business_unit)
    return report_publish(report=report, actor=business_unit)


def _correct(edition, actor, text="The board is effective; 249 children had plans.") -> Report:
    conclusion = edition.sections.get(key="conclusion")
    section_write(section=conclusion, body=text, actor=actor)
    section_accept(section=conclusion, actor=actor)
    return edition


def test_correcting_makes_a_draft_copy_as_the_next_edition(published, business_unit):
    edition = report_correct(report=published, actor=business_unit)
    assert (edition.edition, edition.status, edition.corrects) == (2, Report.Status.DRAFT, published)
    assert list(edition.sections.values_list("title", "body", "status")) == list(
        published.sections.values_list("title", "body", "status")
    )


def test_the_copy_keeps_the_nesting_of_sections(published, business_unit):
    edition = report_correct(report=published, actor=business_unit)
    child = edition.sections.get(key="next-year")
    assert child.parent.report == edition and child.parent.key == "conclusion"


def test_the_copy_keeps_the_frozen_figures(published, business_unit):
    edition = report_correct(report=published, actor=business_unit)
    assert edition.sections.get(key="priorities").blocks.get().data == (
        published.sections.get(key="priorities").blocks.get().data
    )


def test_the_first_editions_stored_output_does_not_change(published, business_unit, partnership, agency):
    before = repr(document_for(Report.objects.get(pk=published.pk)))
    edition = _correct(report_correct(report=published, actor=business_unit), business_unit)
    AttendanceFactory(meeting=MeetingFactory(partnership=partnership), agency=agency)
    report_publish(report=edition, actor=business_unit, note="The number of children on plans corrected.")
    assert repr(document_for(Report.objects.get(pk=published.pk))) == before


def test_the_first_edition_stays_frozen(published, business_unit):
    report_correct(report=published, actor=business_unit)
    with pytest.raises(ValidationError):
        section_write(section=published.sections.get(key="conclusion"), body="Changed.", actor=business_unit)


def test_a_draft_is_not_corrected_as_an_edition(partnership, business_unit):
    draft = report_create(
        partnership=partnership, kind="annual", year="2015-16", template=ReportTemplateFactory(), actor=business_unit
    )
    with pytest.raises(ValidationError):
        report_correct(report=draft, actor=business_unit)


def test_an_edition_is_corrected_once(published, business_unit):
    report_correct(report=published, actor=business_unit)
    with pytest.raises(ValidationError, match="corrected already"):
        report_correct(report=published, actor=business_unit)


def test_only_the_business_unit_corrects(published, board_member):
    with pytest.raises(PermissionDenied):
        report_correct(report=published, actor=board_member)


def test_a_corrected_edition_is_published_only_with_a_note(published, business_unit):
    edition = _correct(report_correct(report=published, actor=business_unit), business_unit)
    with pytest.raises(ValidationError) as error:
        report_publish(report=edition, actor=business_unit, note=" ")
    assert "note" in error.value.message_dict


def test_the_note_is_kept_on_the_edition(published, business_unit):
    edition = _correct(report_correct(report=published, actor=business_unit), business_unit)
    report_publish(report=edition, actor=business_unit, note="Children on plans: 249, not 294.")
    edition.refresh_from_db()
    assert (edition.status, edition.correction_note) == (Report.Status.PUBLISHED, "Children on plans: 249, not 294.")


def test_correcting_is_recorded(published, business_unit):
    edition = report_correct(report=published, actor=business_unit)
    assert Event.objects.filter(verb="reports.report_corrected", target_id=str(edition.pk)).exists()


def test_the_corrected_documents_say_which_edition_they_are(published, business_unit):
    edition = _correct(report_correct(report=published, actor=business_unit), business_unit)
    report_publish(report=edition, actor=business_unit, note="Corrected.")
    assert document_for(edition).status_text.startswith("Edition 2, published ")
    assert document_for(published).status_text.startswith("Published ")


def test_the_report_page_lists_the_editions_and_their_notes(client, published, business_unit):
    edition = _correct(report_correct(report=published, actor=business_unit), business_unit)
    report_publish(report=edition, actor=business_unit, note="Children on plans: 249, not 294.")
    client.force_login(business_unit)
    url = reverse("reports:report_detail", kwargs={"partnership": published.partnership.slug, "pk": published.pk})
    page = client.get(url).content.decode()
    assert "Edition 1, published" in page and "Edition 2, published" in page
    assert "Children on plans: 249, not 294." in page


def test_the_correct_page_starts_the_next_edition(client, published, business_unit):
    client.force_login(business_unit)
    url = reverse("reports:report_correct", kwargs={"partnership": published.partnership.slug, "pk": published.pk})
    response = client.post(url, {})
    edition = Report.objects.get(corrects=published)
    assert response.url.endswith(f"/{edition.pk}/")


def test_an_accepted_section_of_the_new_edition_is_edited_and_accepted_again(published, business_unit):
    edition = report_correct(report=published, actor=business_unit)
    conclusion = edition.sections.get(key="conclusion")
    section_write(section=conclusion, body="Corrected.", actor=business_unit)
    assert conclusion.status == Section.Status.WRITTEN


def test_the_register_tells_the_editions_apart(client, published, business_unit):
    report_correct(report=published, actor=business_unit)
    client.force_login(business_unit)
    page = client.get(reverse("reports:reports", kwargs={"partnership": published.partnership.slug}))
    assert f"{published.title} (edition 2)" in page.content.decode()
