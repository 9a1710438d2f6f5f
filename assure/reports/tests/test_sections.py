"""Asking an agency lead for a section, writing it, accepting it or sending it back."""

import datetime as dt
import importlib

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError

from assure.audit.models import Event
from assure.reports.models import Section
from assure.reports.richtext import to_html
from assure.reports.selectors.reports import last_return_reason
from assure.reports.services.sections import BODY_MAX, section_accept, section_request, section_return, section_write

from .factories import ReportFactory, SectionFactory, due_date


@pytest.fixture
def section(partnership, business_unit):
    return SectionFactory(report=ReportFactory(partnership=partnership, created_by=business_unit))


@pytest.fixture
def asked(section, agency, agency_lead, business_unit, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return section_request(section=section, agency=agency, user=agency_lead, due_on=due_date(), actor=business_unit)


def test_asking_sets_the_agency_lead_and_due_date(asked, agency, agency_lead):
    assert (asked.status, asked.agency, asked.requested_from) == (Section.Status.REQUESTED, agency, agency_lead)


def test_the_agency_lead_is_emailed(asked, agency_lead):
    assert mail.outbox[-1].to == [agency_lead.email]


def test_asking_someone_who_does_not_write_for_the_agency_is_refused(section, agency, board_member, business_unit):
    with pytest.raises(ValidationError) as error:
        section_request(section=section, agency=agency, user=board_member, due_on=due_date(), actor=business_unit)
    assert "user" in error.value.message_dict


def test_asking_another_partnerships_agency_is_refused(section, agency_lead, business_unit, other_partnership):
    from assure.partnerships.tests.factories import AgencyFactory

    foreign = AgencyFactory(partnerships=[other_partnership])
    with pytest.raises(ValidationError):
        section_request(section=section, agency=foreign, user=agency_lead, due_on=due_date(), actor=business_unit)


def test_a_due_date_in_the_past_is_refused(section, agency, agency_lead, business_unit):
    with pytest.raises(ValidationError):
        section_request(
            section=section, agency=agency, user=agency_lead, due_on=dt.date(2015, 1, 1), actor=business_unit
        )


def test_only_the_business_unit_asks(section, agency, agency_lead):
    with pytest.raises(PermissionDenied):
        section_request(section=section, agency=agency, user=agency_lead, due_on=due_date(), actor=agency_lead)


def test_the_agency_lead_writes_the_section_asked_of_them(asked, agency_lead):
    section_write(section=asked, body="We trained 300 staff.", actor=agency_lead)
    asked.refresh_from_db()
    assert (asked.body, asked.status) == ("We trained 300 staff.", Section.Status.WRITTEN)


def test_the_agency_lead_cannot_write_a_section_not_asked_of_them(section, agency_lead):
    with pytest.raises(PermissionDenied):
        section_write(section=section, body="Not mine.", actor=agency_lead)


def test_the_agency_lead_cannot_write_another_agencys_section(
    section, other_agency, business_unit, agency_lead, partnership
):
    from conftest import make_member

    other_lead = make_member("agency-lead", partnership, agency=other_agency)
    section_request(section=section, agency=other_agency, user=other_lead, due_on=due_date(), actor=business_unit)
    with pytest.raises(PermissionDenied):
        section_write(section=section, body="Not mine.", actor=agency_lead)


def test_the_agency_lead_cannot_write_once_accepted(asked, agency_lead, business_unit):
    section_write(section=asked, body="Draft.", actor=agency_lead)
    section_accept(section=asked, actor=business_unit)
    with pytest.raises(PermissionDenied):
        section_write(section=asked, body="Changed after.", actor=agency_lead)


def test_board_members_do_not_write(section, board_member):
    with pytest.raises(PermissionDenied):
        section_write(section=section, body="Text.", actor=board_member)


def test_the_business_unit_writes_any_section(section, business_unit):
    section_write(section=section, body="Our foreword.", actor=business_unit)
    assert section.status == Section.Status.WRITTEN


def test_raw_html_is_stored_as_typed_and_never_interpreted(section, business_unit):
    typed = 'Hello <script>alert("x")</script> <b onclick="x()">bold</b>'
    section_write(section=section, body=typed, actor=business_unit)
    section.refresh_from_db()
    assert section.body == typed
    assert "<script" not in to_html(section.body) and "<b " not in to_html(section.body)


def test_a_body_too_long_is_refused(section, business_unit):
    with pytest.raises(ValidationError) as error:
        section_write(section=section, body="x" * (BODY_MAX + 1), actor=business_unit)
    assert "at most" in str(error.value)


def test_an_empty_body_is_refused(section, business_unit):
    with pytest.raises(ValidationError):
        section_write(section=section, body="   ", actor=business_unit)


def test_accepting_a_written_section(asked, agency_lead, business_unit):
    section_write(section=asked, body="Draft.", actor=agency_lead)
    section_accept(section=asked, actor=business_unit)
    assert (asked.status, asked.accepted_by) == (Section.Status.ACCEPTED, business_unit)


def test_a_section_not_written_cannot_be_accepted(asked, business_unit):
    with pytest.raises(ValidationError):
        section_accept(section=asked, actor=business_unit)


def test_sending_back_returns_it_to_the_lead_with_the_reason(asked, agency_lead, business_unit):
    section_write(section=asked, body="Draft.", actor=agency_lead)
    section_return(section=asked, reason="Add the audit results.", actor=business_unit)
    assert asked.status == Section.Status.REQUESTED
    assert last_return_reason(asked) == "Add the audit results."
    section_write(section=asked, body="Draft with audit results.", actor=agency_lead)


def test_sending_back_needs_a_reason(asked, agency_lead, business_unit):
    section_write(section=asked, body="Draft.", actor=agency_lead)
    with pytest.raises(ValidationError):
        section_return(section=asked, reason=" ", actor=business_unit)


def test_each_step_is_recorded(asked, agency_lead, business_unit):
    section_write(section=asked, body="Draft.", actor=agency_lead)
    section_accept(section=asked, actor=business_unit)
    verbs = set(Event.objects.filter(target_id=str(asked.pk)).values_list("verb", flat=True))
    assert {"reports.section_requested", "reports.section_written", "reports.section_accepted"} <= verbs


def test_the_reason_for_sending_back_is_kept_on_the_section(asked, agency_lead, business_unit):
    section_write(section=asked, body="Draft.", actor=agency_lead)
    section_return(section=asked, reason=" Add the audit results. ", actor=business_unit)
    asked.refresh_from_db()
    assert asked.returned_reason == "Add the audit results."


def test_reasons_given_before_they_were_kept_on_the_section_are_copied_from_the_trail(asked, business_unit):
    from django.apps import apps

    from assure.audit.services import event_record

    copy = importlib.import_module("assure.reports.migrations.0002_section_returned_reason").copy_last_reason
    for reason in ("Add the audit results.", "Say what changed for children."):
        event_record(
            actor=business_unit,
            verb="reports.section_returned",
            target=asked,
            partnership=asked.report.partnership,
            summary="Section sent back",
            data={"reason": reason},
        )
    copy(apps, None)
    asked.refresh_from_db()
    assert asked.returned_reason == "Say what changed for children."
