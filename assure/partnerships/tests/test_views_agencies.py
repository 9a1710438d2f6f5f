import csv
import io

import openpyxl
from django.urls import reverse

from assure.accounts.tests.factories import MembershipFactory
from assure.audit.models import Event
from assure.partnerships.models import Agency, PartnershipAgency
from assure.partnerships.tests.factories import AgencyFactory, library_item


def u(name, partnership, **kwargs):
    return reverse(f"partnerships:{name}", kwargs={"partnership": partnership.slug, **kwargs})


def _form(**overrides):
    return {
        "name": "Northshire Fire and Rescue",
        "agency_type": library_item("agency-type", "council-service").pk,
        "sector": library_item("sector", "local-authority").pk,
        "on_board": "on",
        **overrides,
    }


def test_register_lists_the_partnerships_agencies_only(
    client, viewer, partnership, agency, other_agency, foreign_agency
):
    client.force_login(viewer)
    page = client.get(u("agencies", partnership)).content.decode()
    assert agency.name in page and other_agency.name in page
    assert foreign_agency.name not in page


def test_register_filters_by_sector(client, viewer, partnership, agency, other_agency):
    AgencyFactory(
        name="Northshire Acute Hospitals",
        agency_type=library_item("agency-type", "acute-trust"),
        sector=library_item("sector", "health"),
        partnerships=[partnership],
    )
    client.force_login(viewer)
    page = client.get(u("agencies", partnership), {"sector": "health"}).content.decode()
    assert "Northshire Acute Hospitals" in page and other_agency.name not in page


def test_register_searches_by_name(client, viewer, partnership, agency, other_agency):
    client.force_login(viewer)
    page = client.get(u("agencies", partnership), {"q": "mercian"}).content.decode()
    assert other_agency.name in page and agency.name not in page


def test_register_hides_agencies_that_left_unless_asked(client, viewer, partnership, agency, other_agency):
    PartnershipAgency.objects.filter(partnership=partnership, agency=other_agency).update(left_on="2015-01-01")
    client.force_login(viewer)
    assert other_agency.name not in client.get(u("agencies", partnership)).content.decode()
    assert other_agency.name in client.get(u("agencies", partnership), {"status": "former"}).content.decode()


def test_register_exports_filtered_rows_as_csv(client, viewer, partnership, agency, other_agency):
    client.force_login(viewer)
    response = client.get(u("agencies", partnership), {"q": "mercian", "_export": "csv"})
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows == [["Agency", "Type", "Sector", "On the board"], [other_agency.name, "Police force", "Police", "Yes"]]


def test_register_exports_xlsx(client, viewer, partnership, agency, other_agency):
    client.force_login(viewer)
    response = client.get(u("agencies", partnership), {"_export": "xlsx"})
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    assert [row[0] for row in sheet.iter_rows(values_only=True)] == ["Agency", other_agency.name, agency.name]


def test_outsider_gets_404_for_the_register(client, outsider, partnership):
    client.force_login(outsider)
    assert client.get(u("agencies", partnership)).status_code == 404


def test_agency_detail_shows_type_sector_partnerships_and_board_seat(client, viewer, partnership, other_agency):
    client.force_login(viewer)
    page = client.get(u("agency_detail", partnership, pk=other_agency.pk)).content.decode()
    assert "Police force" in page and "Represented on the board" in page
    assert "Southshire Safeguarding Children Board" in page


def test_agency_of_another_partnership_answers_404(client, viewer, partnership, foreign_agency):
    client.force_login(viewer)
    assert client.get(u("agency_detail", partnership, pk=foreign_agency.pk)).status_code == 404


def test_business_unit_adds_an_agency(client, business_unit, partnership):
    client.force_login(business_unit)
    assert client.get(u("agency_create", partnership)).status_code == 200
    response = client.post(u("agency_create", partnership), _form())
    agency = Agency.objects.get(name="Northshire Fire and Rescue")
    assert response.status_code == 302 and response["Location"] == u("agency_detail", partnership, pk=agency.pk)


def test_add_agency_shows_the_sector_mismatch(client, business_unit, partnership):
    client.force_login(business_unit)
    response = client.post(u("agency_create", partnership), _form(sector=library_item("sector", "health").pk))
    assert response.status_code == 200
    assert "choose Local authority, or a different type of agency" in response.content.decode()
    assert not Agency.objects.filter(name="Northshire Fire and Rescue").exists()


def test_add_agency_refuses_a_duplicate_name(client, business_unit, partnership, agency):
    client.force_login(business_unit)
    response = client.post(u("agency_create", partnership), _form(name=agency.name))
    assert f"{agency.name} is already an agency of this partnership." in response.content.decode()


def test_add_agency_offers_only_managed_partnerships(client, business_unit, partnership, other_partnership):
    client.force_login(business_unit)
    assert "Other partnerships it works with" not in client.get(u("agency_create", partnership)).content.decode()
    MembershipFactory(user=business_unit, partnership=other_partnership, role="business-unit")
    page = client.get(u("agency_create", partnership)).content.decode()
    assert "Other partnerships it works with" in page and other_partnership.name in page


def test_viewer_may_not_add_an_agency(client, viewer, partnership):
    client.force_login(viewer)
    assert client.get(u("agency_create", partnership)).status_code == 403
    assert client.post(u("agency_create", partnership), _form()).status_code == 403


def test_business_unit_edits_an_agency(client, business_unit, partnership, other_agency):
    client.force_login(business_unit)
    assert client.get(u("agency_edit", partnership, pk=other_agency.pk)).status_code == 200
    form = _form(
        name="Mercian Constabulary",
        agency_type=library_item("agency-type", "police").pk,
        sector=library_item("sector", "police").pk,
    )
    response = client.post(u("agency_edit", partnership, pk=other_agency.pk), form)
    assert response.status_code == 302
    other_agency.refresh_from_db()
    assert other_agency.name == "Mercian Constabulary"


def test_edit_page_of_another_partnerships_agency_answers_404(client, business_unit, partnership, foreign_agency):
    client.force_login(business_unit)
    assert client.get(u("agency_edit", partnership, pk=foreign_agency.pk)).status_code == 404


def test_remove_asks_for_confirmation_first(client, business_unit, partnership, other_agency):
    client.force_login(business_unit)
    response = client.get(u("agency_remove", partnership, pk=other_agency.pk))
    assert response.status_code == 200 and "Remove agency" in response.content.decode()
    assert PartnershipAgency.objects.get(partnership=partnership, agency=other_agency).left_on is None


def test_remove_takes_the_agency_out_of_the_partnership(client, business_unit, partnership, other_agency):
    client.force_login(business_unit)
    response = client.post(u("agency_remove", partnership, pk=other_agency.pk))
    assert response.status_code == 302
    assert PartnershipAgency.objects.get(partnership=partnership, agency=other_agency).left_on is not None
    assert Event.objects.filter(verb="agency.removed").exists()


def test_remove_explains_why_it_is_refused(client, business_unit, partnership, agency, agency_lead):
    client.force_login(business_unit)
    response = client.post(u("agency_remove", partnership, pk=agency.pk))
    assert response.status_code == 200 and "End their memberships first" in response.content.decode()


def test_board_member_may_not_remove_an_agency(client, board_member, partnership, other_agency):
    client.force_login(board_member)
    assert client.post(u("agency_remove", partnership, pk=other_agency.pk)).status_code == 403
