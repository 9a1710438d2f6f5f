"""The pages of agency data returns: who may open them, and what they do."""

import csv
import datetime as dt
import io
import re
from decimal import Decimal

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from assure.performance.models import DataReturn, Observation, ReturnRound
from assure.performance.periods import period_for_year
from assure.performance.returns_xlsx import FIGURES_SHEET
from assure.performance.services.returns import return_save_values, return_submit
from assure.performance.tests.factories import figure, return_test_indicators, return_with
from assure.performance.validation import Entry

Status = DataReturn.Status


def url(name, partnership, **kwargs):
    return reverse(f"performance:{name}", kwargs={"partnership": partnership.slug, **kwargs})


def page(client, user, address, **params) -> str:
    client.force_login(user)
    response = client.get(address, params)
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def indicators(db):
    return return_test_indicators()


@pytest.fixture
def own_return(partnership, agency, indicators):
    return return_with(
        partnership=partnership,
        agency=agency,
        indicators=[indicators["returns-test-referrals"], indicators["returns-test-rereferrals"]],
    )


@pytest.fixture
def other_return(partnership, other_agency, indicators, own_return):
    return return_with(partnership=partnership, agency=other_agency, indicators=[indicators["returns-test-referrals"]])


def fill_in(data_return, user):
    return_save_values(
        actor=user,
        data_return=data_return,
        entries={
            "returns-test-referrals": Entry(value="120"),
            "returns-test-rereferrals": Entry(numerator="18", denominator="120"),
        },
    )


def submit(data_return, user):
    fill_in(data_return, user)
    return_submit(actor=user, data_return=data_return)


FIGURES = {
    "returns-test-referrals__value": "120",
    "returns-test-rereferrals__numerator": "18",
    "returns-test-rereferrals__denominator": "120",
}


# Who may open which page

RETURN_PAGES = ["return_detail", "return_edit", "return_template", "return_upload", "return_submit"]


@pytest.mark.parametrize(
    ("persona", "status"),
    [
        ("business_unit", 200),
        ("auditor", 200),
        ("agency_lead", 200),
        ("board_member", 403),
        ("viewer", 403),
        ("outsider", 404),
    ],
    indirect=["persona"],
)
def test_the_returns_list_is_for_people_who_may_view_returns(client, persona, partnership, status):
    client.force_login(persona)
    assert client.get(url("returns", partnership)).status_code == status


def test_the_returns_list_sends_anonymous_visitors_to_sign_in(client, partnership):
    assert client.get(url("returns", partnership)).status_code == 302


@pytest.mark.parametrize(
    ("persona", "status"),
    [("business_unit", 200), ("auditor", 403), ("agency_lead", 403), ("outsider", 404)],
    indirect=["persona"],
)
def test_opening_a_round_needs_performance_manage(client, persona, partnership, status):
    client.force_login(persona)
    assert client.get(url("round_create", partnership)).status_code == status


@pytest.mark.parametrize(
    ("persona", "status"),
    [("business_unit", 200), ("auditor", 403), ("agency_lead", 403), ("outsider", 404)],
    indirect=["persona"],
)
def test_choosing_what_agencies_are_asked_needs_performance_manage(client, persona, partnership, own_return, status):
    client.force_login(persona)
    assert client.get(url("round_assign", partnership, pk=own_return.round_id)).status_code == status


@pytest.mark.parametrize("name", RETURN_PAGES)
def test_an_agency_lead_opens_their_own_agencys_return(client, agency_lead, partnership, own_return, name):
    client.force_login(agency_lead)
    assert client.get(url(name, partnership, pk=own_return.pk)).status_code == 200


@pytest.mark.parametrize("name", RETURN_PAGES)
def test_another_agencys_return_does_not_exist_for_an_agency_lead(client, agency_lead, partnership, other_return, name):
    client.force_login(agency_lead)
    assert client.get(url(name, partnership, pk=other_return.pk)).status_code == 404


def test_an_agency_lead_cannot_post_figures_into_another_agencys_return(client, agency_lead, partnership, other_return):
    client.force_login(agency_lead)
    response = client.post(url("return_edit", partnership, pk=other_return.pk), {"returns-test-referrals__value": "9"})
    assert response.status_code == 404
    assert not Observation.objects.filter(data_return=other_return).exists()


@pytest.mark.parametrize("name", ["return_validate", "return_send_back"])
@pytest.mark.parametrize(
    ("persona", "status"),
    [("business_unit", 200), ("auditor", 403), ("agency_lead", 403), ("outsider", 404)],
    indirect=["persona"],
)
def test_validating_and_sending_back_need_performance_manage(client, persona, partnership, own_return, name, status):
    client.force_login(persona)
    assert client.get(url(name, partnership, pk=own_return.pk)).status_code == status


def test_an_auditor_reads_a_return_but_cannot_enter_figures(client, auditor, partnership, own_return):
    html = page(client, auditor, url("return_detail", partnership, pk=own_return.pk))
    assert "Enter figures" not in html
    assert client.get(url("return_edit", partnership, pk=own_return.pk)).status_code == 403


# Rounds


def test_the_business_unit_opens_a_quarterly_round(client, business_unit, partnership):
    client.force_login(business_unit)
    response = client.post(
        url("round_create", partnership),
        {"kind": "quarter", "year": "2014-15", "quarter": "2", "deadline": "2014-10-31", "opens_on": "2014-10-01"},
    )
    round = ReturnRound.objects.get(partnership=partnership)
    assert response.status_code == 302
    assert response["Location"] == url("round_assign", partnership, pk=round.pk)
    assert (round.period.label, round.deadline) == ("Q2 2014-15", dt.date(2014, 10, 31))


def test_a_quarterly_round_without_its_quarter_is_refused(client, business_unit, partnership):
    client.force_login(business_unit)
    response = client.post(
        url("round_create", partnership), {"kind": "quarter", "year": "2014-15", "deadline": "2015-01-31"}
    )
    assert response.status_code == 200
    assert "Choose the quarter." in response.content.decode()
    assert not ReturnRound.objects.exists()


def test_a_second_round_for_the_same_period_is_refused_on_the_form(client, business_unit, partnership, own_return):
    client.force_login(business_unit)
    response = client.post(
        url("round_create", partnership), {"kind": "year", "year": "2014-15", "deadline": "2099-01-31"}
    )
    assert "A round of returns for 2014-15 is already open." in response.content.decode()


def test_the_business_unit_sees_each_round_with_its_counts(client, business_unit, agency_lead, partnership, own_return):
    submit(own_return, agency_lead)
    html = page(client, business_unit, url("returns", partnership))
    assert url("round_detail", partnership, pk=own_return.round_id) in html
    assert "Awaiting validation" in html


def test_an_agency_lead_sees_their_own_returns_only(client, agency_lead, partnership, own_return, other_return):
    html = page(client, agency_lead, url("returns", partnership))
    assert url("return_detail", partnership, pk=own_return.pk) in html
    assert url("return_detail", partnership, pk=other_return.pk) not in html


def test_the_round_shows_who_has_submitted_and_who_is_overdue(
    client, business_unit, agency_lead, partnership, own_return, other_return
):
    submit(own_return, agency_lead)
    ReturnRound.objects.filter(pk=own_return.round_id).update(deadline=dt.date.today() - dt.timedelta(days=1))
    html = page(client, business_unit, url("round_detail", partnership, pk=own_return.round_id))
    assert "Submitted" in html
    assert "Overdue" in html
    assert str(other_return.agency) in html


def test_the_round_exports_who_is_overdue(client, business_unit, partnership, own_return, other_return):
    ReturnRound.objects.filter(pk=own_return.round_id).update(deadline=dt.date.today() - dt.timedelta(days=1))
    client.force_login(business_unit)
    response = client.get(url("round_detail", partnership, pk=own_return.round_id), {"_export": "csv"})
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert {(row["Agency"], row["Status"], row["Overdue"]) for row in rows} == {
        (str(own_return.agency), "Draft", "Yes"),
        (str(other_return.agency), "Draft", "Yes"),
    }


def test_an_agency_lead_sees_only_their_row_of_a_round(client, agency_lead, partnership, own_return, other_return):
    html = page(client, agency_lead, url("round_detail", partnership, pk=own_return.round_id))
    assert str(own_return.agency) in html
    assert str(other_return.agency) not in html


def test_the_assign_page_lists_every_agency(client, business_unit, partnership, own_return, other_return):
    html = page(client, business_unit, url("round_assign", partnership, pk=own_return.round_id))
    assert str(own_return.agency) in html and str(other_return.agency) in html


def test_the_business_unit_chooses_an_agencys_figures(client, business_unit, partnership, own_return, indicators):
    client.force_login(business_unit)
    address = url("round_assign", partnership, pk=own_return.round_id)
    assert "Figures" in page(client, business_unit, address, agency=own_return.agency_id)
    lado = indicators["returns-test-lado"]
    response = client.post(address, {"agency": own_return.agency_id, "indicators": [lado.pk]})
    assert response.status_code == 302
    assert list(own_return.indicators.all()) == [lado]


def test_an_agency_not_of_the_partnership_cannot_be_chosen(client, business_unit, partnership, own_return):
    client.force_login(business_unit)
    address = url("round_assign", partnership, pk=own_return.round_id)
    assert client.get(address, {"agency": 999999}).status_code == 404


# Entering figures


def test_the_figures_form_has_a_group_per_indicator(client, agency_lead, partnership, own_return):
    html = page(client, agency_lead, url("return_edit", partnership, pk=own_return.pk))
    assert "Referrals (test)</legend>" in html
    assert 'name="returns-test-rereferrals__numerator"' in html
    assert 'name="returns-test-referrals__numerator"' not in html  # a count has no numerator


def test_figures_are_saved_from_the_form(client, agency_lead, partnership, own_return):
    client.force_login(agency_lead)
    response = client.post(url("return_edit", partnership, pk=own_return.pk), FIGURES)
    assert response.status_code == 302
    assert Observation.objects.filter(data_return=own_return).count() == 2


def test_an_error_keeps_everything_typed_and_saves_nothing(client, agency_lead, partnership, own_return):
    client.force_login(agency_lead)
    typed = {**FIGURES, "returns-test-referrals__value": "lots", "returns-test-rereferrals__comment": "Typed."}
    response = client.post(url("return_edit", partnership, pk=own_return.pk), typed)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Enter the value of Referrals (test) as a number, like 120 or 12.5" in html
    assert 'value="lots"' in html and 'value="18"' in html and "Typed.</textarea>" in html
    assert '<a href="#id_returns-test-referrals__value">' in html
    assert not Observation.objects.filter(data_return=own_return).exists()


def test_a_large_change_is_shown_as_needing_a_comment(client, agency_lead, partnership, agency, indicators, own_return):
    referrals = indicators["returns-test-referrals"]
    last_year = return_with(
        partnership=partnership,
        agency=agency,
        indicators=[referrals],
        period=period_for_year("2013-14"),
        status="validated",
    )
    figure(last_year, referrals, 60)
    client.force_login(agency_lead)
    response = client.post(url("return_edit", partnership, pk=own_return.pk), FIGURES, follow=True)
    html = response.content.decode()
    assert "changed a lot since the last period" in html
    assert "Referrals (test) is up 100% on last period (60 to 120)" in html


def test_a_submitted_return_is_shown_read_only(client, agency_lead, partnership, own_return):
    submit(own_return, agency_lead)
    html = page(client, agency_lead, url("return_edit", partnership, pk=own_return.pk))
    assert "can no longer be changed" in html
    assert "<input" not in html.split("<main", 1)[1].split("</main>")[0]


def test_posting_figures_into_a_submitted_return_changes_nothing(client, agency_lead, partnership, own_return):
    submit(own_return, agency_lead)
    client.force_login(agency_lead)
    client.post(url("return_edit", partnership, pk=own_return.pk), {**FIGURES, "returns-test-referrals__value": "1"})
    assert Observation.objects.get(data_return=own_return, indicator__code="returns-test-referrals").value == 120


# The template


def test_the_template_downloads_as_xlsx(client, agency_lead, partnership, own_return):
    client.force_login(agency_lead)
    response = client.get(url("return_template", partnership, pk=own_return.pk))
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert response["Content-Disposition"].endswith('.xlsx"')
    assert FIGURES_SHEET in openpyxl.load_workbook(io.BytesIO(response.content)).sheetnames


def test_a_downloaded_template_filled_in_and_uploaded_saves_its_figures(client, agency_lead, partnership, own_return):
    client.force_login(agency_lead)
    workbook = openpyxl.load_workbook(
        io.BytesIO(client.get(url("return_template", partnership, pk=own_return.pk)).content)
    )
    sheet = workbook[FIGURES_SHEET]
    headings = {cell.value: cell.column for cell in sheet[4] if cell.value}
    for row in range(5, sheet.max_row + 1):
        code = sheet.cell(row=row, column=1).value
        if code == "returns-test-referrals":
            sheet.cell(row=row, column=headings["Value"], value=2626)
        elif code == "returns-test-rereferrals":
            sheet.cell(row=row, column=headings["Numerator"], value=578)
            sheet.cell(row=row, column=headings["Denominator"], value=2626)
            sheet.cell(row=row, column=headings["Value"], value=22)
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = client.post(
        url("return_upload", partnership, pk=own_return.pk),
        {"file": SimpleUploadedFile("filled.xlsx", buffer.getvalue())},
    )
    assert response.status_code == 302
    saved = {o.indicator.code: o.value for o in Observation.objects.filter(data_return=own_return)}
    assert saved == {"returns-test-referrals": Decimal("2626"), "returns-test-rereferrals": Decimal("22")}


def test_uploading_another_returns_template_is_refused(
    client, agency_lead, business_unit, partnership, own_return, other_return
):
    client.force_login(business_unit)
    content = client.get(url("return_template", partnership, pk=other_return.pk)).content
    client.force_login(agency_lead)
    response = client.post(
        url("return_upload", partnership, pk=own_return.pk), {"file": SimpleUploadedFile("theirs.xlsx", content)}
    )
    assert response.status_code == 200
    assert "This file is the template of another return" in response.content.decode()
    assert not Observation.objects.exists()


def test_uploading_a_file_that_is_not_xlsx_is_refused(client, agency_lead, partnership, own_return):
    client.force_login(agency_lead)
    response = client.post(
        url("return_upload", partnership, pk=own_return.pk), {"file": SimpleUploadedFile("figures.pdf", b"%PDF-1.4")}
    )
    assert "must be an Excel workbook (.xlsx)" in response.content.decode()


# Submitting, validating, sending back


def test_the_submit_page_lists_what_stops_submission(client, agency_lead, partnership, own_return):
    html = page(client, agency_lead, url("return_submit", partnership, pk=own_return.pk))
    assert "The return cannot be submitted yet" in html
    assert "Enter a figure for Referrals (test), or tick not available and say why" in html


def test_an_agency_lead_submits_a_complete_return(client, agency_lead, partnership, own_return):
    fill_in(own_return, agency_lead)
    client.force_login(agency_lead)
    response = client.post(url("return_submit", partnership, pk=own_return.pk))
    assert response.status_code == 302
    own_return.refresh_from_db()
    assert own_return.status == Status.SUBMITTED


def test_posting_an_incomplete_return_does_not_submit_it(client, agency_lead, partnership, own_return):
    client.force_login(agency_lead)
    response = client.post(url("return_submit", partnership, pk=own_return.pk))
    assert response.status_code == 200
    own_return.refresh_from_db()
    assert own_return.status == Status.DRAFT


def test_the_business_unit_validates_a_submitted_return(client, business_unit, agency_lead, partnership, own_return):
    submit(own_return, agency_lead)
    client.force_login(business_unit)
    response = client.post(url("return_validate", partnership, pk=own_return.pk))
    assert response["Location"] == url("round_detail", partnership, pk=own_return.round_id)
    own_return.refresh_from_db()
    assert own_return.status == Status.VALIDATED


def test_a_draft_is_not_offered_for_validation(client, business_unit, partnership, own_return):
    html = page(client, business_unit, url("return_validate", partnership, pk=own_return.pk))
    assert "only a submitted return can be validated" in html
    client.post(url("return_validate", partnership, pk=own_return.pk))
    own_return.refresh_from_db()
    assert own_return.status == Status.DRAFT


def test_sending_back_without_a_reason_is_refused(client, business_unit, agency_lead, partnership, own_return):
    submit(own_return, agency_lead)
    client.force_login(business_unit)
    response = client.post(url("return_send_back", partnership, pk=own_return.pk), {"reason": ""})
    assert "Say what the agency needs to correct." in response.content.decode()
    own_return.refresh_from_db()
    assert own_return.status == Status.SUBMITTED


def test_a_return_sent_back_shows_the_reason_to_the_agency(client, business_unit, agency_lead, partnership, own_return):
    submit(own_return, agency_lead)
    client.force_login(business_unit)
    client.post(url("return_send_back", partnership, pk=own_return.pk), {"reason": "Referrals are double counted."})
    html = page(client, agency_lead, url("return_detail", partnership, pk=own_return.pk))
    assert "Sent back for correction" in html
    assert "Referrals are double counted." in html
    assert "Enter figures" in html


def test_the_return_page_offers_the_business_unit_validation_once_submitted(
    client, business_unit, agency_lead, partnership, own_return
):
    submit(own_return, agency_lead)
    html = page(client, business_unit, url("return_detail", partnership, pk=own_return.pk))
    assert url("return_validate", partnership, pk=own_return.pk) in html
    assert url("return_send_back", partnership, pk=own_return.pk) in html


def test_the_rounds_export_as_xlsx(client, business_unit, partnership, own_return):
    client.force_login(business_unit)
    response = client.get(url("returns", partnership), {"_export": "xlsx"})
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    assert [cell.value for cell in sheet[1]][:2] == ["Period", "Deadline"]
    assert sheet["A2"].value == "2014-15"


def test_an_agency_leads_returns_export_as_csv(client, agency_lead, partnership, own_return, other_return):
    client.force_login(agency_lead)
    response = client.get(url("returns", partnership), {"_export": "csv"})
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert [(row["Period"], row["Agency"], row["Status"]) for row in rows] == [
        ("2014-15", str(own_return.agency), "Draft")
    ]


def test_an_upload_with_many_problems_shows_the_first_of_each_kind_and_counts_the_rest(
    client, agency_lead, partnership, own_return
):
    client.force_login(agency_lead)
    workbook = openpyxl.load_workbook(
        io.BytesIO(client.get(url("return_template", partnership, pk=own_return.pk)).content)
    )
    sheet = workbook[FIGURES_SHEET]
    first = sheet.max_row + 1
    for row in range(first, first + 100):  # figures with no indicator code
        sheet.cell(row=row, column=6, value=row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = client.post(
        url("return_upload", partnership, pk=own_return.pk),
        {"file": SimpleUploadedFile("filled.xlsx", buffer.getvalue())},
    )
    page = response.content.decode()
    # Each is shown twice: in the error summary and by the field.
    assert len(re.findall(r"Row \d+: the indicator code is missing", page)) == 2 * 20
    assert f"Row {first + 19}: the indicator code is missing" in page
    assert f"Row {first + 20}: the indicator code is missing" not in page
    assert "80 more rows with the same problem" in page
    assert not Observation.objects.exists()
