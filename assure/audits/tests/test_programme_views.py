"""The programme's pages: the year's audits by term, the register with its filters and export, a
programme added, an audit planned (with the form's validation), its page, its plan edited and
its cancellation."""

import datetime as dt

import pytest

from assure.audits.models import Audit, Programme
from assure.core.navigation import partnership_url

from .factories import AuditFactory, ProgrammeFactory, ThemedAuditFactory, case_file_audit_tool

pytestmark = pytest.mark.django_db


def _client(client, user):
    client.force_login(user)
    return client


def _plan_data(programme, **changes) -> dict:
    return {
        "programme": str(programme.pk),
        "title": "Autumn multi-agency audit",
        "theme": "Neglect",
        "tier": "practice",
        "term": "autumn",
        "questionnaire": str(case_file_audit_tool().pk),
        "files_planned": "10",
        "starts_on": "2014-09-01",
        "ends_on": "2014-11-28",
        **changes,
    }


def test_the_programme_page_shows_the_years_audits_by_term(client, business_unit, partnership):
    programme = ProgrammeFactory(partnership=partnership, year=2014, title="Audits of 2014-15")
    AuditFactory(partnership=partnership, programme=programme, title="Neglect in the autumn", term="autumn")
    AuditFactory(partnership=partnership, programme=programme, title="Spring files", term="spring")
    url = partnership_url("audits:programme", partnership) + "?year=2014"
    page = _client(client, business_unit).get(url).content.decode()
    assert "Audits of 2014-15" in page
    assert page.index("Autumn term") < page.index("Neglect in the autumn") < page.index("Spring term")
    assert page.index("Spring term") < page.index("Spring files") < page.index("Summer term")
    assert "Files being audited" not in page and "Planned" in page


def test_the_programme_page_offers_the_business_unit_to_add_a_missing_programme(client, business_unit, partnership):
    url = partnership_url("audits:programme", partnership) + "?year=2016"
    page = _client(client, business_unit).get(url).content.decode()
    assert "Add the 2016-17 programme" in page


def test_an_agency_lead_sees_only_their_agencys_audits_on_the_programme(client, agency_lead, partnership, agency):
    programme = ProgrammeFactory(partnership=partnership, year=2014)
    AuditFactory(partnership=partnership, programme=programme, title="Ours", agencies=[agency])
    AuditFactory(partnership=partnership, programme=programme, title="Not ours")
    url = partnership_url("audits:programme", partnership) + "?year=2014"
    page = _client(client, agency_lead).get(url).content.decode()
    assert "Ours" in page and "Not ours" not in page
    assert "Plan an audit" not in page


def test_the_register_filters_by_status_and_theme(client, business_unit, partnership):
    AuditFactory(partnership=partnership, title="Neglect audit", theme="Neglect", status=Audit.Status.AUDITING)
    AuditFactory(partnership=partnership, title="Parenting audit", theme="Compromised parenting")
    client = _client(client, business_unit)
    url = partnership_url("audits:audit_register", partnership)
    page = client.get(url + "?status=auditing").content.decode()
    assert "Neglect audit" in page and "Parenting audit" not in page
    page = client.get(url + "?theme=parenting").content.decode()
    assert "Parenting audit" in page and "Neglect audit" not in page


def test_the_register_filters_by_year_including_themed_audits(client, business_unit, partnership):
    AuditFactory(partnership=partnership, programme=ProgrammeFactory(partnership=partnership, year=2015), title="Later")
    ThemedAuditFactory(partnership=partnership, title="Second plans", starts_on=dt.date(2014, 9, 8))
    url = partnership_url("audits:audit_register", partnership) + "?year=2014"
    page = _client(client, business_unit).get(url).content.decode()
    assert "Second plans" in page and "Later" not in page


def test_the_register_exports_term_and_tier_in_words(client, business_unit, partnership):
    AuditFactory(partnership=partnership, reference="AU-007", term="spring", tier="oversight")
    url = partnership_url("audits:audit_register", partnership) + "?_export=csv"
    export = _client(client, business_unit).get(url).content.decode()
    assert "AU-007" in export and "Spring term" in export and "Oversight and analysis" in export
    assert "2014-15" in export and "Planned" in export


def test_the_business_unit_adds_a_programme(client, business_unit, partnership):
    response = _client(client, business_unit).post(
        partnership_url("audits:programme_add", partnership), {"year": "2015", "title": "Audits 2015-16"}
    )
    assert response.status_code == 302 and response.url.endswith("?year=2015")
    assert Programme.objects.get(partnership=partnership).title == "Audits 2015-16"


def test_a_second_programme_for_a_year_is_shown_against_the_year(client, business_unit, partnership):
    ProgrammeFactory(partnership=partnership, year=2015)
    response = _client(client, business_unit).post(
        partnership_url("audits:programme_add", partnership), {"year": "2015", "title": "Again"}
    )
    assert response.status_code == 200
    assert "There is already a programme for 2015-16" in response.content.decode()


def test_planning_suggests_the_terms_dates_and_the_frameworks_files(client, business_unit, partnership):
    programme = ProgrammeFactory(partnership=partnership, year=2014)
    url = partnership_url("audits:audit_create", partnership) + f"?programme={programme.pk}&term=spring"
    form = _client(client, business_unit).get(url).context["form"]
    assert form.initial["starts_on"] == dt.date(2015, 1, 1)
    assert form.initial["ends_on"] == dt.date(2015, 4, 30)
    assert form.initial["files_planned"] == 10


def test_planning_without_a_programme_asks_for_one_first(client, business_unit, partnership):
    response = _client(client, business_unit).get(partnership_url("audits:audit_create", partnership))
    assert response.status_code == 302
    assert response.url == partnership_url("audits:programme_add", partnership)


def test_the_business_unit_plans_an_audit_with_agencies(client, business_unit, partnership, agency):
    programme = ProgrammeFactory(partnership=partnership, year=2014)
    response = _client(client, business_unit).post(
        partnership_url("audits:audit_create", partnership), _plan_data(programme, agencies=[str(agency.pk)])
    )
    audit = Audit.objects.get(partnership=partnership)
    assert response.status_code == 302 and response.url == audit.get_absolute_url()
    assert audit.reference == "AU-001" and list(audit.agencies.all()) == [agency]


def test_the_services_errors_are_shown_against_their_fields(client, business_unit, partnership):
    programme = ProgrammeFactory(partnership=partnership, year=2014)
    response = _client(client, business_unit).post(
        partnership_url("audits:audit_create", partnership), _plan_data(programme, ends_on="2014-08-01")
    )
    assert response.status_code == 200
    assert response.context["form"].errors["ends_on"] == ["The answers cannot be due before the audit starts."]
    assert not Audit.objects.exists()


def test_a_missing_title_is_asked_for(client, business_unit, partnership):
    programme = ProgrammeFactory(partnership=partnership, year=2014)
    response = _client(client, business_unit).post(
        partnership_url("audits:audit_create", partnership), _plan_data(programme, title="")
    )
    assert "Enter the audit&#x27;s title." in response.content.decode()


def test_the_audits_page_shows_its_plan_and_the_parts_of_cases_and_findings(client, business_unit, partnership, agency):
    audit = AuditFactory(partnership=partnership, agencies=[agency], theme="Children missing education")
    page = _client(client, business_unit).get(audit.get_absolute_url()).content.decode()
    assert "Children missing education" in page and agency.name in page
    assert "Practice" in page and "autumn term" in page
    assert 'id="findings"' in page
    assert "Edit the plan" in page and "Cancel the audit" in page


def test_an_agency_lead_of_another_agency_gets_404_on_the_audit(client, agency_lead, partnership, other_agency):
    audit = AuditFactory(partnership=partnership, agencies=[other_agency])
    assert _client(client, agency_lead).get(audit.get_absolute_url()).status_code == 404


def test_the_business_unit_edits_a_planned_audit(client, business_unit, partnership):
    audit = AuditFactory(partnership=partnership)
    response = _client(client, business_unit).post(
        partnership_url("audits:audit_edit", partnership, pk=audit.pk),
        _plan_data(audit.programme, title="Neglect, re-planned"),
    )
    assert response.status_code == 302
    audit.refresh_from_db()
    assert audit.title == "Neglect, re-planned"


def test_an_audit_under_way_cannot_be_edited(client, business_unit, partnership):
    audit = AuditFactory(partnership=partnership, status=Audit.Status.AUDITING)
    url = partnership_url("audits:audit_edit", partnership, pk=audit.pk)
    assert _client(client, business_unit).get(url).status_code == 404


def test_cancelling_asks_for_a_reason(client, business_unit, partnership):
    audit = AuditFactory(partnership=partnership)
    client = _client(client, business_unit)
    url = partnership_url("audits:audit_cancel", partnership, pk=audit.pk)
    assert "Say why the audit is cancelled." in client.post(url, {"reason": ""}).content.decode()
    response = client.post(url, {"reason": "Merged with the spring audit."})
    assert response.status_code == 302
    audit.refresh_from_db()
    assert audit.status == Audit.Status.CANCELLED
    assert "Merged with the spring audit." in client.get(audit.get_absolute_url()).content.decode()


def test_adding_a_programme_suggests_the_year_after_the_newest(client, business_unit, partnership):
    ProgrammeFactory(partnership=partnership, year=2014)
    form = _client(client, business_unit).get(partnership_url("audits:programme_add", partnership)).context["form"]
    assert form.initial["year"] == 2015
