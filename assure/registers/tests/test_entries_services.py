"""Recording, correcting, submitting and deleting register entries: numbered in the partnership,
only by those who record the kind for the agency, a questionnaire's entry a draft until its answers
are submitted, every correction in the field history, a deletion with its reason in the trail."""

import datetime as dt

import pytest
from auditlog.models import LogEntry
from django.core.exceptions import PermissionDenied, ValidationError

from assure.audit.models import Event
from assure.partnerships.tests.factories import AgencyFactory, library_item
from assure.questionnaires.models import Response
from assure.questionnaires.services import answers_save
from assure.registers.fields import parse_entry, sex_codes
from assure.registers.kinds import kind_for
from assure.registers.models import Entry
from assure.registers.services.entries import entry_delete, entry_record, entry_submit, entry_update
from assure.registers.tests.factories import EntryFactory, placement_values

pytestmark = pytest.mark.django_db


def marac_case(kind, **more):
    parsed, errors = parse_entry(
        kind,
        {
            "agency_reference": "MARAC/00123",
            "discussed-on": "12/3/2015",
            "repeat": "no",
            "children": "2",
            "referred-by": "police",
            **more,
        },
        sexes=sex_codes(),
    )
    assert errors == {}
    return parsed


def placement(kind):
    raw = {**placement_values(), "agency_reference": "CSC/PL/0001", "age": "14", "sex": "female", "area": "Oswestry"}
    parsed, errors = parse_entry(kind, raw, sexes=sex_codes())
    assert errors == {}
    return parsed


def council(partnership):
    return AgencyFactory(partnerships=[partnership], agency_type=library_item("agency-type", "childrens-social-care"))


def test_an_agency_lead_records_for_their_agency(agency_lead, agency, partnership, marac):
    entry = entry_record(
        actor=agency_lead, partnership=partnership, kind=marac, agency=agency, parsed=marac_case(marac)
    )
    assert (entry.number, entry.agency, entry.status) == ("RG-0001", agency, Entry.Status.SUBMITTED)
    assert entry.occurred_on == dt.date(2015, 3, 12)
    assert entry.values["children"] == 2
    assert entry.kind.code == "marac-case"
    assert Event.objects.filter(verb="registers.entry_recorded", target_id=str(entry.pk)).exists()


def test_entries_are_numbered_after_the_partnerships_highest(business_unit, agency, partnership, marac):
    EntryFactory(partnership=partnership, agency=agency, number="RG-0041")
    entry = entry_record(
        actor=business_unit, partnership=partnership, kind=marac, agency=agency, parsed=marac_case(marac)
    )
    assert entry.number == "RG-0042"


def test_an_agency_lead_cannot_record_for_another_agency(agency_lead, partnership, marac):
    police = AgencyFactory(partnerships=[partnership])
    with pytest.raises(PermissionDenied):
        entry_record(actor=agency_lead, partnership=partnership, kind=marac, agency=police, parsed=marac_case(marac))


def test_an_agency_lead_cannot_record_a_kind_their_agency_does_not(agency_lead, agency, partnership):
    kind = kind_for(partnership, "placement-notification")  # recorded by children's social care only
    with pytest.raises(PermissionDenied):
        entry_record(actor=agency_lead, partnership=partnership, kind=kind, agency=agency, parsed=placement(kind))


def test_the_board_cannot_record(board_member, agency, partnership, marac):
    with pytest.raises(PermissionDenied):
        entry_record(actor=board_member, partnership=partnership, kind=marac, agency=agency, parsed=marac_case(marac))


def test_a_kind_with_a_questionnaire_starts_a_draft_with_its_answers(business_unit, partnership):
    kind = kind_for(partnership, "placement-notification")
    entry = entry_record(
        actor=business_unit, partnership=partnership, kind=kind, agency=council(partnership), parsed=placement(kind)
    )
    assert entry.status == Entry.Status.DRAFT
    assert entry.response.questionnaire.code == "cse-risk-assessment"
    assert entry.response.about == entry


def test_submitting_the_answers_submits_the_entry(business_unit, partnership):
    kind = kind_for(partnership, "placement-notification")
    entry = entry_record(
        actor=business_unit, partnership=partnership, kind=kind, agency=council(partnership), parsed=placement(kind)
    )
    answers = {code: ["no"] for code in ("cse-missing", "cse-older-contacts", "cse-gifts", "cse-online")}
    answers |= {code: ["no"] for code in ("cse-substances", "cse-education", "cse-known")}
    answers |= {"cse-level": ["none-known"], "cse-plan": ["The home's usual plan."]}
    assert answers_save(actor=business_unit, response=entry.response, data=answers) == {}
    entry_submit(actor=business_unit, entry=entry, response=entry.response)
    entry.refresh_from_db()
    assert entry.is_submitted


def test_answers_left_blank_keep_the_entry_a_draft(business_unit, partnership):
    kind = kind_for(partnership, "placement-notification")
    entry = entry_record(
        actor=business_unit, partnership=partnership, kind=kind, agency=council(partnership), parsed=placement(kind)
    )
    with pytest.raises(ValidationError) as refused:
        entry_submit(actor=business_unit, entry=entry, response=entry.response)
    assert "cse-level" in refused.value.message_dict
    entry.refresh_from_db()
    assert entry.status == Entry.Status.DRAFT


def test_an_uploaded_entry_of_a_questionnaires_kind_counts_at_once(business_unit, partnership):
    kind = kind_for(partnership, "placement-notification")
    entry = entry_record(
        actor=business_unit,
        partnership=partnership,
        kind=kind,
        agency=council(partnership),
        parsed=placement(kind),
        source=Entry.Source.UPLOAD,
    )
    assert entry.is_submitted
    assert entry.response is None


def test_a_correction_is_kept_in_the_field_history(agency_lead, agency, partnership, marac):
    entry = EntryFactory(partnership=partnership, agency=agency)
    changed = entry_update(actor=agency_lead, entry=entry, parsed=marac_case(marac, children="3"))
    entry.refresh_from_db()
    assert "values" in changed
    assert entry.values["children"] == 3
    assert LogEntry.objects.get_for_object(entry).filter(action=LogEntry.Action.UPDATE).exists()
    assert Event.objects.filter(verb="registers.entry_changed", target_id=str(entry.pk)).exists()


def test_another_agencys_entry_cannot_be_corrected_by_a_lead(agency_lead, partnership, marac):
    entry = EntryFactory(partnership=partnership)
    with pytest.raises(PermissionDenied):
        entry_update(actor=agency_lead, entry=entry, parsed=marac_case(marac))


def test_deleting_needs_a_reason(business_unit, partnership):
    entry = EntryFactory(partnership=partnership)
    with pytest.raises(ValidationError) as refused:
        entry_delete(actor=business_unit, entry=entry, reason="  ")
    assert "reason" in refused.value.message_dict
    assert Entry.objects.filter(pk=entry.pk).exists()


def test_deleting_removes_the_entry_and_its_answers_and_keeps_the_reason(business_unit, partnership):
    kind = kind_for(partnership, "placement-notification")
    entry = entry_record(
        actor=business_unit, partnership=partnership, kind=kind, agency=council(partnership), parsed=placement(kind)
    )
    response_pk = entry.response_id
    entry_delete(actor=business_unit, entry=entry, reason="Recorded twice")
    assert not Entry.objects.filter(pk=entry.pk).exists()
    assert not Response.objects.filter(pk=response_pk).exists()
    event = Event.objects.get(verb="registers.entry_deleted")
    assert entry.number in event.summary
    assert "Recorded twice" in event.summary
    assert "CSC/PL/0001" not in event.summary
