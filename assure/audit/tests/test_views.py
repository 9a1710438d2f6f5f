import csv
import io

import openpyxl
import pytest
from auditlog.context import set_actor
from django.urls import reverse

from assure.audit.services import event_record, restricted_read_record
from assure.partnerships.tests.factories import ConfidentialMinuteFactory, SubgroupFactory

PAGES = ["trail", "events", "access_log"]


def url(name, partnership):
    return reverse(f"audit:{name}", kwargs={"partnership": partnership.slug})


def page(client, user, address, **params) -> str:
    client.force_login(user)
    response = client.get(address, params)
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize("name", PAGES)
@pytest.mark.parametrize(
    ("persona", "status"),
    [
        ("business_unit", 200),
        ("board_member", 403),
        ("agency_lead", 403),
        ("auditor", 403),
        ("viewer", 403),
        ("outsider", 404),
    ],
    indirect=["persona"],
)
def test_trail_pages_are_for_the_business_unit(client, persona, partnership, name, status):
    client.force_login(persona)
    assert client.get(url(name, partnership)).status_code == status


@pytest.mark.parametrize("name", PAGES)
def test_trail_pages_send_anonymous_visitors_to_sign_in(client, partnership, name):
    assert client.get(url(name, partnership)).status_code == 302


def test_trail_pages_link_to_each_other(client, business_unit, partnership):
    html = page(client, business_unit, url("events", partnership))
    for name in PAGES:
        assert f'href="{url(name, partnership)}"' in html
    assert 'aria-current="page">Events' in html


def test_trail_shows_who_changed_what(client, business_unit, partnership):
    with set_actor(business_unit):
        subgroup = SubgroupFactory(partnership=partnership, name="Learning and improvement")
        subgroup.name = "Learning, improvement and training"
        subgroup.save()
    html = page(client, business_unit, url("trail", partnership))
    assert "Name: Learning and improvement → Learning, improvement and training" in html
    assert business_unit.full_name in html


def test_trail_filters_by_record_type(client, business_unit, partnership, agency):
    SubgroupFactory(partnership=partnership, name="Quality assurance subgroup")
    from django.contrib.contenttypes.models import ContentType

    agency_type = ContentType.objects.get(app_label="partnerships", model="agency")
    agency.name = "Renamed trust"
    agency.save()
    html = page(client, business_unit, url("trail", partnership), record_type=agency_type.pk)
    assert "Renamed trust" in html
    assert "Quality assurance subgroup" not in html


def test_trail_filters_by_person(client, business_unit, partnership):
    with set_actor(business_unit):
        SubgroupFactory(partnership=partnership, name="Set up by the business unit")
    SubgroupFactory(partnership=partnership, name="Set up by an import")
    html = page(client, business_unit, url("trail", partnership), person=business_unit.pk)
    assert "Set up by the business unit" in html
    assert "Set up by an import" not in html


def test_trail_filters_by_date(client, business_unit, partnership):
    SubgroupFactory(partnership=partnership, name="Made today")
    assert "Made today" in page(client, business_unit, url("trail", partnership), date_from="2015-04-01")
    assert "Made today" not in page(client, business_unit, url("trail", partnership), date_to="2015-03-31")


def test_trail_never_shows_another_partnerships_records(client, business_unit, partnership, other_partnership):
    SubgroupFactory(partnership=other_partnership, name="Southshire panel")
    assert "Southshire panel" not in page(client, business_unit, url("trail", partnership))


def test_trail_exports_changes_as_text(client, business_unit, partnership):
    subgroup = SubgroupFactory(partnership=partnership, name="Old name")
    subgroup.name = "New name"
    subgroup.save()
    client.force_login(business_unit)
    response = client.get(url("trail", partnership), {"_export": "csv"})
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0] == ["When", "Who", "Record type", "Record", "Change", "What changed"]
    assert ["Subgroup", "New name", "Updated", "Name: Old name → New name"] in [row[2:] for row in rows]


def test_events_page_lists_the_partnerships_events(client, business_unit, partnership, other_partnership):
    event_record(actor=business_unit, verb="member.added", target=None, partnership=partnership, summary="Added one")
    event_record(
        actor=business_unit, verb="member.added", target=None, partnership=other_partnership, summary="Southshire one"
    )
    html = page(client, business_unit, url("events", partnership))
    assert "Added one" in html
    assert "Southshire one" not in html


def test_events_filter_by_verb(client, business_unit, partnership):
    event_record(actor=business_unit, verb="member.added", target=None, partnership=partnership, summary="Joined")
    event_record(actor=business_unit, verb="role.changed", target=None, partnership=partnership, summary="Promoted")
    html = page(client, business_unit, url("events", partnership), verb="role.changed")
    assert "Promoted" in html
    assert "Joined" not in html


def test_events_export_as_csv(client, business_unit, partnership):
    event_record(actor=business_unit, verb="member.added", target=None, partnership=partnership, summary="Joined")
    client.force_login(business_unit)
    rows = list(csv.reader(io.StringIO(client.get(url("events", partnership), {"_export": "csv"}).content.decode())))
    assert rows[0] == ["When", "Who", "Event", "Summary"]
    assert rows[1][1:] == [business_unit.full_name, "member.added", "Joined"]


def test_access_log_lists_reads_and_exports_them(client, business_unit, board_member, partnership):
    minute = ConfidentialMinuteFactory(meeting__partnership=partnership)
    restricted_read_record(
        user=board_member, partnership=partnership, area="confidential-minutes", record=minute, label="Part B item 2"
    )
    html = page(client, business_unit, url("access_log", partnership), area="confidential-minutes")
    assert "Part B item 2" in html
    response = client.get(url("access_log", partnership), {"_export": "xlsx"})
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    assert [cell.value for cell in sheet[2]][1:] == [board_member.full_name, "confidential-minutes", "Part B item 2"]


def test_every_partnerships_events_page_shows_imports_of_published_statistics(
    client, business_unit, outsider, operator, partnership, other_partnership
):
    event_record(
        actor=operator, verb="statistics.imported", target=None, partnership=None, summary="Imported c1.csv: 9 new"
    )
    event_record(
        actor=None,
        verb="accounts.operator_granted",
        target=None,
        partnership=None,
        summary="Opie Rator made an operator of the installation",
    )
    for user, where in ((business_unit, partnership), (outsider, other_partnership)):
        html = page(client, user, url("events", where))
        assert "Imported c1.csv: 9 new" in html and operator.full_name in html
        assert "made an operator" not in html
        filtered = page(client, user, url("events", where), verb="statistics.imported")
        assert "Imported c1.csv: 9 new" in filtered
