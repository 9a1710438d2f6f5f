"""The pages of register entries: an agency's lead keeps their own agency's entries of the kinds
their agency records, the business unit every agency's; the form says what is wrong in the
register's words and keeps what was typed; a correction is kept in the history; a deletion asks
first; the download is plain text; the pages are never cached."""

import datetime as dt

import pytest
from auditlog.models import LogEntry
from django.urls import reverse
from django.utils.html import escape

from assure.partnerships.tests.factories import AgencyFactory, library_item
from assure.registers.models import Entry
from assure.registers.tests.factories import EntryFactory, marac_values

pytestmark = pytest.mark.django_db


def url(name, partnership, **kwargs):
    return reverse(f"registers:{name}", kwargs={"partnership": partnership.slug, **kwargs})


def marac_posted(**more) -> dict:
    return {
        "agency_reference": "MARAC/00123",
        "discussed-on": "2015-03-12",
        "repeat": "no",
        "children": "2",
        "referred-by": "police",
        **more,
    }


def rows(response) -> list:
    return list(response.context["table"].data)


def council(partnership):
    return AgencyFactory(partnerships=[partnership], agency_type=library_item("agency-type", "childrens-social-care"))


# --- the registers' home ------------------------------------------------------------------------


def test_the_home_lists_the_kinds_the_lead_records_with_this_years_entries(client, agency_lead, agency, partnership):
    EntryFactory(partnership=partnership, agency=agency)
    EntryFactory(partnership=partnership)  # another agency's: not the lead's to see
    client.force_login(agency_lead)
    response = client.get(url("index", partnership))
    rows = {row.kind.code: row for row in response.context["rows"]}
    assert "marac-case" in rows
    assert "placement-notification" not in rows  # children's social care records it, not the police
    assert rows["marac-case"].this_year == 1


def test_the_business_unit_keeps_every_register(client, business_unit, partnership):
    client.force_login(business_unit)
    codes = {row.kind.code for row in client.get(url("index", partnership)).context["rows"]}
    assert {"placement-notification", "marac-case", "custody-after-charge"} <= codes


# --- a register's entries -----------------------------------------------------------------------


def test_a_lead_sees_only_their_agencys_entries(client, agency_lead, agency, partnership):
    own = EntryFactory(partnership=partnership, agency=agency)
    EntryFactory(partnership=partnership)
    client.force_login(agency_lead)
    assert rows(client.get(url("entries", partnership, kind="marac-case"))) == [own]


def test_the_business_unit_sees_every_agencys_entries(client, business_unit, agency, partnership):
    entries = {EntryFactory(partnership=partnership, agency=agency), EntryFactory(partnership=partnership)}
    EntryFactory()  # another partnership's
    client.force_login(business_unit)
    assert set(rows(client.get(url("entries", partnership, kind="marac-case")))) == entries


def test_the_register_searches_the_reference_and_filters_the_year(client, business_unit, agency, partnership):
    wanted = EntryFactory(
        partnership=partnership,
        agency=agency,
        agency_reference="MARAC/777",
        values=marac_values(**{"discussed-on": "2015-03-12"}),
    )
    EntryFactory(partnership=partnership, agency=agency, values=marac_values(**{"discussed-on": "2015-04-02"}))
    client.force_login(business_unit)
    assert rows(client.get(url("entries", partnership, kind="marac-case") + "?q=777")) == [wanted]
    assert rows(client.get(url("entries", partnership, kind="marac-case") + "?year=2014-15")) == [wanted]


def test_the_download_is_plain_text(client, business_unit, agency, partnership):
    entry = EntryFactory(partnership=partnership, agency=agency, values=marac_values(**{"referred-by": "idva"}))
    client.force_login(business_unit)
    response = client.get(url("entries", partnership, kind="marac-case") + "?_export=csv")
    text = response.content.decode("utf-8-sig")
    assert entry.number in text
    assert "Independent domestic violence adviser" in text
    assert "<" not in text


def test_a_lead_is_refused_a_register_their_agency_does_not_keep(client, agency_lead, partnership):
    client.force_login(agency_lead)
    assert client.get(url("entries", partnership, kind="placement-notification")).status_code == 403
    assert client.get(url("entry_create", partnership, kind="placement-notification")).status_code == 403


def test_an_unknown_register_is_not_found(client, business_unit, partnership):
    client.force_login(business_unit)
    assert client.get(url("entries", partnership, kind="no-such-register")).status_code == 404


# --- recording ----------------------------------------------------------------------------------


def test_a_lead_records_an_entry_for_their_agency(client, agency_lead, agency, partnership):
    client.force_login(agency_lead)
    response = client.post(url("entry_create", partnership, kind="marac-case"), marac_posted())
    entry = Entry.objects.get(partnership=partnership)
    assert response.status_code == 302
    assert response.url == url("entry_detail", partnership, pk=entry.pk)
    assert entry.agency == agency
    assert entry.values == {"discussed-on": "2015-03-12", "repeat": "no", "children": 2, "referred-by": "police"}


def test_the_business_unit_chooses_the_agency(client, business_unit, agency, other_agency, partnership):
    client.force_login(business_unit)
    form = client.get(url("entry_create", partnership, kind="marac-case")).context["form"]
    assert {agency.name, other_agency.name} <= {label for _pk, label in form.fields["agency"].choices}
    client.post(url("entry_create", partnership, kind="marac-case"), marac_posted(agency=str(other_agency.pk)))
    assert Entry.objects.get(partnership=partnership).agency == other_agency


def test_a_mistake_is_shown_in_the_registers_words_and_nothing_typed_is_lost(client, agency_lead, partnership):
    client.force_login(agency_lead)
    response = client.post(
        url("entry_create", partnership, kind="marac-case"),
        marac_posted(agency_reference="Jane Smith", children="lots"),
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert form.errors["agency_reference"] == [
        "The agency's reference must not be a name: use the agency's own case reference"
    ]
    assert form.errors["children"] == ["Children in the household: enter a number, like 2"]
    page = response.content.decode()
    assert escape("The agency's reference must not be a name") in page
    assert 'value="lots"' in page
    assert 'value="2015-03-12"' in page
    assert not Entry.objects.exists()


def test_a_required_field_left_blank_is_named(client, agency_lead, partnership):
    client.force_login(agency_lead)
    response = client.post(url("entry_create", partnership, kind="marac-case"), marac_posted(repeat=""))
    assert response.context["form"].errors["repeat"] == [
        "Is it a repeat (discussed in the last twelve months)?: answer yes or no"
    ]


def test_a_date_and_time_is_two_inputs(client, agency_lead, partnership):
    client.force_login(agency_lead)
    posted = {
        "agency_reference": "WM/15/0042",
        "age": "14",
        "sex": "female",
        "area": "Oswestry",
        "reported-at_0": "2015-03-02",
        "reported-at_1": "21:40",
        "looked-after": "yes",
    }
    client.post(url("entry_create", partnership, kind="missing-episode"), posted)
    entry = Entry.objects.get(partnership=partnership)
    assert entry.values["reported-at"] == "2015-03-02T21:40:00"
    assert (entry.age, entry.sex, entry.area, entry.occurred_on) == (14, "female", "Oswestry", dt.date(2015, 3, 2))


def test_a_questionnaires_kind_goes_on_to_its_questions(client, business_unit, partnership):
    agency = council(partnership)
    client.force_login(business_unit)
    posted = {
        "agency": str(agency.pk),
        "agency_reference": "CSC/PL/0001",
        "age": "14",
        "sex": "female",
        "area": "Oswestry",
        "moved-in-on": "2015-03-02",
        "notified-on": "2015-03-03",
        "placing-authority": "other-authority",
        "setting": "childrens-home",
        "home": "Oak Lodge",
        "missing-before": "no",
        "cse-risk": "at-risk",
    }
    response = client.post(url("entry_create", partnership, kind="placement-notification"), posted)
    entry = Entry.objects.get(partnership=partnership)
    assert response.url == url("entry_answers", partnership, pk=entry.pk)
    assert entry.status == Entry.Status.DRAFT
    answers = {code: "no" for code in ("cse-missing", "cse-older-contacts", "cse-gifts", "cse-online")}
    answers |= {code: "no" for code in ("cse-substances", "cse-education", "cse-known")}
    answers |= {"cse-level": "at-risk", "cse-plan": "Staff check where the child is going.", "action": "submit"}
    response = client.post(url("entry_answers", partnership, pk=entry.pk), answers)
    assert response.url == url("entry_detail", partnership, pk=entry.pk)
    entry.refresh_from_db()
    assert entry.is_submitted


# --- an entry's page, correcting, deleting ------------------------------------------------------


def test_the_entrys_page_shows_its_fields_in_words_and_is_not_cached(client, agency_lead, agency, partnership):
    entry = EntryFactory(partnership=partnership, agency=agency, values=marac_values(**{"referred-by": "idva"}))
    client.force_login(agency_lead)
    response = client.get(url("entry_detail", partnership, pk=entry.pk))
    assert "Independent domestic violence adviser" in response.content.decode()
    assert "no-store" in response["Cache-Control"]


def test_a_lead_cannot_open_another_agencys_entry(client, agency_lead, partnership):
    entry = EntryFactory(partnership=partnership)
    client.force_login(agency_lead)
    assert client.get(url("entry_detail", partnership, pk=entry.pk)).status_code == 404
    assert client.get(url("entry_edit", partnership, pk=entry.pk)).status_code == 404


def test_a_correction_keeps_its_history(client, agency_lead, agency, partnership):
    entry = EntryFactory(partnership=partnership, agency=agency, agency_reference="MARAC/00001")
    client.force_login(agency_lead)
    form = client.get(url("entry_edit", partnership, pk=entry.pk)).context["form"]
    assert form.initial["agency_reference"] == "MARAC/00001"
    response = client.post(
        url("entry_edit", partnership, pk=entry.pk),
        marac_posted(agency_reference="MARAC/00002", **{"discussed-on": entry.values["discussed-on"]}),
    )
    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.agency_reference == "MARAC/00002"
    change = LogEntry.objects.get_for_object(entry).filter(action=LogEntry.Action.UPDATE).get()
    assert change.changes_dict["agency_reference"] == ["MARAC/00001", "MARAC/00002"]


def test_deleting_asks_first(client, business_unit, partnership):
    entry = EntryFactory(partnership=partnership)
    client.force_login(business_unit)
    response = client.get(url("entry_delete", partnership, pk=entry.pk))
    assert response.status_code == 200
    assert f"Delete entry {entry.number}?" in response.content.decode()
    assert Entry.objects.filter(pk=entry.pk).exists()


def test_deleting_needs_a_reason_then_deletes(client, business_unit, partnership):
    entry = EntryFactory(partnership=partnership)
    client.force_login(business_unit)
    response = client.post(url("entry_delete", partnership, pk=entry.pk), {"reason": ""})
    assert response.context["form"].errors["reason"]
    assert Entry.objects.filter(pk=entry.pk).exists()
    response = client.post(url("entry_delete", partnership, pk=entry.pk), {"reason": "Recorded twice"})
    assert response.url == url("entries", partnership, kind="marac-case")
    assert not Entry.objects.filter(pk=entry.pk).exists()
