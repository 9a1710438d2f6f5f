"""The pages of monthly uploads: the upload page with its table of problems (nothing kept, the
choices made kept), CSV and XLSX both recorded, a month replaced after confirming, the agencies a
lead may choose, the register of uploads scoped to the lead's agency, an upload's page whose
download neutralises formulas, deleting after asking, the template, and what waits on the home
page."""

import csv
import datetime as dt
import io

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils.html import escape

from assure.registers.models import Entry, Upload
from assure.registers.tests.factories import EntryFactory, UploadFactory, marac_values
from assure.registers.waiting_uploads import TO_UPLOAD, extracts_to_upload

pytestmark = pytest.mark.django_db
HEADINGS = "agency_reference,discussed-on,repeat,children,referred-by\n"


def _url(name: str, partnership, **kwargs) -> str:
    return reverse(f"registers:{name}", kwargs={"partnership": partnership.slug, **kwargs})


def _csv(text: str, name: str = "marac-may.csv") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, text.encode(), content_type="text/csv")


def _post(client, partnership, agency, upload, month: int = 5, year: int = 2015):
    return client.post(
        _url("upload", partnership, kind="marac-case"),
        {"action": "upload", "agency": agency.pk, "month": month, "year": year, "upload": upload},
    )


def test_a_good_csv_is_recorded_and_its_page_shown(client, agency_lead, partnership, agency):
    client.force_login(agency_lead)
    done = _post(client, partnership, agency, _csv(HEADINGS + "MARAC/1,04/05/2015,no,2,police\n"))
    upload = Upload.objects.get()
    assert done.status_code == 302 and done["Location"] == _url("upload_detail", partnership, pk=upload.pk)
    assert (upload.agency, upload.month, upload.rows) == (agency, dt.date(2015, 5, 1), 1)
    assert Entry.objects.get().upload == upload


def test_a_good_xlsx_is_recorded(client, agency_lead, partnership, agency):
    workbook = openpyxl.Workbook()
    workbook.active.append(HEADINGS.strip().split(","))
    workbook.active.append(["MARAC/1", dt.datetime(2015, 5, 4), "yes", 3, "Independent domestic violence adviser"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    client.force_login(agency_lead)
    _post(client, partnership, agency, SimpleUploadedFile("marac.xlsx", buffer.getvalue()))
    entry = Entry.objects.get()
    assert entry.occurred_on == dt.date(2015, 5, 4)
    assert entry.values == {"discussed-on": "2015-05-04", "repeat": "yes", "children": 3, "referred-by": "idva"}


def test_a_bad_row_shows_the_problems_by_line_and_column_and_keeps_the_choices(
    client, agency_lead, partnership, agency
):
    client.force_login(agency_lead)
    page = _post(
        client,
        partnership,
        agency,
        _csv(HEADINGS + "MARAC/1,04/05/2015,no,2,police\nJane Smith,05/05/2015,no,2,police\n"),
        month=5,
        year=2015,
    )
    assert page.status_code == 200
    html = page.content.decode()
    assert "nothing has been kept" in html
    assert '<td class="govuk-table__cell">3</td>' in html
    assert "<code>agency_reference</code>" in html
    assert 'value="2015"' in html
    assert '<option value="5" selected>' in html
    assert not Upload.objects.exists() and not Entry.objects.exists()


def test_a_month_already_uploaded_is_replaced_after_confirming(client, agency_lead, partnership, agency):
    client.force_login(agency_lead)
    _post(client, partnership, agency, _csv(HEADINGS + "MARAC/1,04/05/2015,no,2,police\n"))
    first = Upload.objects.get()
    asked = _post(client, partnership, agency, _csv(HEADINGS + "MARAC/7,06/05/2015,no,1,idva\n"))
    assert asked.status_code == 200
    assert "Replace the upload of May 2015" in asked.content.decode()
    assert list(Entry.objects.values_list("agency_reference", flat=True)) == ["MARAC/1"]
    done = client.post(_url("upload", partnership, kind="marac-case"), {"action": "replace"})
    second = Upload.objects.get()
    assert done.status_code == 302 and second.pk != first.pk
    assert list(Entry.objects.values_list("agency_reference", flat=True)) == ["MARAC/7"]


def test_a_replacement_once_used_cannot_be_confirmed_again(client, agency_lead, partnership, agency):
    client.force_login(agency_lead)
    again = client.post(_url("upload", partnership, kind="marac-case"), {"action": "replace"})
    assert again.status_code == 302 and not Upload.objects.exists()


def test_the_lead_is_offered_only_their_own_agency(client, agency_lead, partnership, agency, other_agency):
    client.force_login(agency_lead)
    page = _post(client, partnership, other_agency, _csv(HEADINGS + "MARAC/1,04/05/2015,no,2,police\n"))
    assert page.status_code == 200
    assert "Select a valid choice" in page.content.decode()
    assert not Upload.objects.exists()


def test_a_lead_whose_agency_does_not_record_the_kind_is_refused(client, agency_lead, partnership):
    client.force_login(agency_lead)
    assert client.get(_url("upload", partnership, kind="placement-notification")).status_code == 403


def test_the_template_download_is_headed_by_the_kinds_codes(client, agency_lead, partnership, marac):
    client.force_login(agency_lead)
    download = client.get(_url("upload_template", partnership, kind="marac-case", fmt="csv"))
    headings = next(csv.reader(io.StringIO(download.content.decode())))
    assert headings == ["agency_reference"] + [field.code for field in marac.spec.fields]
    assert client.get(_url("upload_template", partnership, kind="marac-case", fmt="pdf")).status_code == 404


def test_the_uploads_register_shows_a_lead_their_agencys_only(client, agency_lead, partnership, agency, other_agency):
    UploadFactory(partnership=partnership, agency=agency, filename="ours.csv", month=dt.date(2015, 5, 1))
    UploadFactory(partnership=partnership, agency=other_agency, month=dt.date(2015, 3, 1))
    client.force_login(agency_lead)
    html = client.get(_url("uploads", partnership)).content.decode()
    assert "May 2015" in html and "March 2015" not in html


def test_another_agencys_upload_page_is_not_found_for_a_lead(client, agency_lead, partnership, other_agency):
    upload = UploadFactory(partnership=partnership, agency=other_agency)
    client.force_login(agency_lead)
    assert client.get(_url("upload_detail", partnership, pk=upload.pk)).status_code == 404


def test_the_business_unit_filters_uploads_by_agency(client, business_unit, partnership, agency, other_agency):
    UploadFactory(partnership=partnership, agency=agency, month=dt.date(2015, 5, 1))
    UploadFactory(partnership=partnership, agency=other_agency, month=dt.date(2015, 3, 1))
    client.force_login(business_unit)
    html = client.get(_url("uploads", partnership) + f"?agency={other_agency.pk}").content.decode()
    assert "March 2015" in html and "May 2015" not in html


def test_an_uploads_download_neutralises_a_formula_like_reference(client, agency_lead, partnership, agency):
    client.force_login(agency_lead)
    _post(client, partnership, agency, _csv(HEADINGS + "=1+1,04/05/2015,no,2,police\n"))
    upload = Upload.objects.get()
    assert Entry.objects.get().agency_reference == "=1+1"
    page = client.get(_url("upload_detail", partnership, pk=upload.pk))
    assert escape("=1+1") in page.content.decode()
    download = client.get(_url("upload_detail", partnership, pk=upload.pk) + "?_export=csv")
    assert "'=1+1" in download.content.decode()


def test_deleting_an_upload_asks_first_then_deletes_its_entries(client, agency_lead, partnership, agency):
    client.force_login(agency_lead)
    _post(client, partnership, agency, _csv(HEADINGS + "MARAC/1,04/05/2015,no,2,police\n"))
    upload = Upload.objects.get()
    url = _url("upload_delete", partnership, pk=upload.pk)
    asked = client.get(url)
    assert "Delete the upload and its entries" in asked.content.decode()
    assert Upload.objects.exists()
    client.post(url)
    assert not Upload.objects.exists() and not Entry.objects.exists()


def _sends(partnership, agency, *kind_codes) -> None:
    """The agency sends these registers as monthly extracts: it uploaded April 2015's."""
    for code in kind_codes:
        UploadFactory(partnership=partnership, agency=agency, kind_code=code, month=dt.date(2015, 4, 1))


def test_an_agency_that_never_sent_an_extract_is_not_chased(agency_lead, partnership, agency):
    from assure.registers.waiting_uploads import reminders_due

    assert extracts_to_upload(user=agency_lead, partnership=partnership, today=dt.date(2015, 6, 11)) == []
    assert [d for d in reminders_due(today=dt.date(2015, 6, 7)) if d.partnership == partnership] == []


def test_last_months_extract_waits_for_the_lead_after_the_tenth(agency_lead, partnership, agency):
    _sends(partnership, agency, "marac-case")
    items = extracts_to_upload(user=agency_lead, partnership=partnership, today=dt.date(2015, 6, 11))
    titles = [item.title for item in items]
    assert "Upload May 2015's MARAC cases extract" in titles
    assert {item.kind for item in items} == {TO_UPLOAD}
    assert extracts_to_upload(user=agency_lead, partnership=partnership, today=dt.date(2015, 6, 9)) == []


def test_an_upload_or_an_entry_of_the_month_stops_it_waiting(agency_lead, partnership, agency):
    _sends(partnership, agency, "marac-case", "custody-after-charge", "operation-encompass")
    UploadFactory(partnership=partnership, agency=agency, kind_code="marac-case", month=dt.date(2015, 5, 1))
    EntryFactory(
        partnership=partnership,
        agency=agency,
        kind_code="custody-after-charge",
        values={"charged-at": "2015-05-03T10:00:00"},
        occurred_on=dt.date(2015, 5, 3),
    )
    titles = [
        i.title for i in extracts_to_upload(user=agency_lead, partnership=partnership, today=dt.date(2015, 6, 11))
    ]
    assert not any("MARAC" in title for title in titles)
    assert not any("custody" in title.lower() for title in titles)
    assert any("Operation Encompass" in title for title in titles)


def test_nothing_waits_for_the_business_unit(business_unit, partnership, agency):
    assert extracts_to_upload(user=business_unit, partnership=partnership, today=dt.date(2015, 6, 11)) == []


def test_the_monthly_reminder_names_every_register_the_agency_owes(agency_lead, partnership, agency):
    from assure.registers.waiting_uploads import reminders_due

    _sends(partnership, agency, "marac-case", "operation-encompass")
    UploadFactory(partnership=partnership, agency=agency, kind_code="marac-case", month=dt.date(2015, 5, 1))
    due = [d for d in reminders_due(today=dt.date(2015, 6, 7)) if d.partnership == partnership]
    assert len(due) == 1
    assert due[0].target == agency and due[0].recipients == [agency_lead]
    assert due[0].deadline == dt.date(2015, 6, 10)
    assert "Operation Encompass" in due[0].body and "MARAC" not in due[0].body


def test_marac_values_helper_is_the_factorys(partnership):
    assert "discussed-on" in marac_values()
