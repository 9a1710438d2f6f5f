"""The pages of serious incidents: the register and its export, recording an incident, its page
(clocks, the next step, the case details only with a grant, every read logged and never stored),
the step pages and closing."""

import csv
import datetime as dt
import io

import pytest
from django.urls import reverse

from assure.audit.models import AccessLog
from assure.reviews.models import Incident
from assure.reviews.tests.factories import IncidentFactory

pytestmark = pytest.mark.django_db


def url(name, partnership, **kwargs):
    return reverse(f"reviews:{name}", kwargs={"partnership": partnership.slug, **kwargs})


def page(client, user, address) -> str:
    client.force_login(user)
    response = client.get(address)
    assert response.status_code == 200
    return response.content.decode()


def test_the_register_shows_each_clock_and_the_decision(client, board_member, incident):
    html = page(client, board_member, url("incidents", incident.partnership))
    assert "SI-001" in html and "Serious injury to a baby" in html
    assert "Met" in html  # notified on time
    assert "Awaited" in html  # no rapid review decision yet


def test_the_export_gives_each_clocks_due_date_and_state_in_words(client, board_member, incident):
    client.force_login(board_member)
    response = client.get(url("incidents", incident.partnership) + "?_export=csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0]["Notification"] == "Due 9 March 2026: Met, Met on 5 March 2026"
    assert rows[0]["Rapid review"].startswith("Due 26 March 2026: Overdue, ")
    assert rows[0]["Status"] == "Open"


def test_the_register_is_filtered_by_the_step_awaited(client, business_unit, partnership, incident):
    IncidentFactory(partnership=partnership, reference="SI-002", aware_on=dt.date(2026, 4, 1))
    html = page(client, business_unit, url("incidents", partnership) + "?step=to-notify")
    assert "SI-002" in html and "SI-001" not in html


def test_the_business_unit_records_an_incident(client, business_unit, partnership, agency):
    client.force_login(business_unit)
    response = client.post(
        url("incident_create", partnership),
        {
            "summary": "Serious injury to a baby",
            "lead_agency": agency.pk,
            "case_reference": "CSC-10482",
            "child_age_years": "0",
            "aware_on": "2026-03-02",
        },
    )
    incident = Incident.objects.get(partnership=partnership)
    assert response.url == url("incident_detail", partnership, pk=incident.pk)


def test_a_name_for_a_case_reference_is_shown_against_its_field(client, business_unit, partnership, agency):
    client.force_login(business_unit)
    response = client.post(
        url("incident_create", partnership),
        {
            "summary": "Serious injury",
            "lead_agency": agency.pk,
            "case_reference": "Jane Smith",
            "aware_on": "2026-03-02",
        },
    )
    assert response.status_code == 200
    assert "enter the lead agency&#x27;s case reference instead" in response.content.decode()
    assert not Incident.objects.exists()


def test_the_page_shows_the_clocks_and_the_next_step(client, business_unit, incident):
    html = page(client, business_unit, url("incident_detail", incident.partnership, pk=incident.pk))
    assert "Due 26 March 2026" in html
    assert "Record the rapid review" in html
    assert url("incident_rapid_review", incident.partnership, pk=incident.pk) in html


def test_without_a_grant_the_case_details_are_not_shown_nor_logged(client, business_unit, incident):
    html = page(client, business_unit, url("incident_detail", incident.partnership, pk=incident.pk))
    assert incident.case_reference not in html and "Admitted to hospital" not in html
    assert "need a case-review grant" in html
    assert not AccessLog.objects.exists()


def test_with_a_grant_the_case_details_are_shown_and_the_read_logged(client, case_reader, incident):
    client.force_login(case_reader)
    response = client.get(url("incident_detail", incident.partnership, pk=incident.pk))
    assert incident.case_reference in response.content.decode()
    log = AccessLog.objects.get()
    assert (log.user, log.area, log.record_id) == (case_reader, "case-review", str(incident.pk))
    assert "no-store" in response["Cache-Control"]


def test_the_board_reads_the_page_without_a_form(client, board_member, incident):
    html = page(client, board_member, url("incident_detail", incident.partnership, pk=incident.pk))
    assert "Record the rapid review" not in html


def test_changing_without_a_grant_leaves_the_case_details_as_they_were(client, business_unit, incident):
    client.force_login(business_unit)
    reference = incident.case_reference
    html = client.get(url("incident_edit", incident.partnership, pk=incident.pk)).content.decode()
    assert reference not in html
    client.post(
        url("incident_edit", incident.partnership, pk=incident.pk),
        {"summary": "Serious injury to an infant", "lead_agency": incident.lead_agency_id, "aware_on": "2026-03-02"},
    )
    incident.refresh_from_db()
    assert (incident.summary, incident.case_reference) == ("Serious injury to an infant", reference)


def test_a_rapid_review_deciding_on_a_local_review_links_the_review(client, business_unit, incident):
    client.force_login(business_unit)
    response = client.post(
        url("incident_rapid_review", incident.partnership, pk=incident.pk),
        {"rapid_review_on": "2026-03-20", "outcome": "lcspr", "reasons": "Agencies did not share what they knew."},
    )
    assert response.status_code == 302
    incident.refresh_from_db()
    assert incident.review.kind == "lcspr"
    assert incident.review.reference in page(
        client, business_unit, url("incident_detail", incident.partnership, pk=incident.pk)
    )


def test_a_date_out_of_order_is_shown_against_its_field(client, business_unit, incident):
    client.force_login(business_unit)
    response = client.post(url("incident_notify", incident.partnership, pk=incident.pk), {"notified_on": "2026-02-27"})
    assert response.status_code == 200
    assert "must be on or after the date the local authority became aware" in response.content.decode()


def test_the_panel_response_waits_for_the_rapid_review(client, business_unit, incident):
    html = page(client, business_unit, url("incident_panel_response", incident.partnership, pk=incident.pk))
    assert "Record the rapid review first" in html


def test_closing_asks_first_then_closes(client, business_unit, incident):
    address = url("incident_close", incident.partnership, pk=incident.pk)
    assert "Not yet recorded: the rapid review" in page(client, business_unit, address)
    client.post(address)
    incident.refresh_from_db()
    assert not incident.is_open


def test_an_overdue_rapid_review_waits_on_the_business_units_home_page(client, business_unit, incident):
    html = page(client, business_unit, reverse("partnerships:home", kwargs={"partnership": incident.partnership.slug}))
    assert "SI-001 Serious injury to a baby: rapid review" in html


def test_the_menu_says_how_many_incidents_are_open(client, board_member, incident):
    html = page(client, board_member, reverse("menu:reviews", kwargs={"partnership": incident.partnership.slug}))
    assert "1 serious incident open" in html
