"""An agency's lead makes the year's single-agency training return: on the form (the
questionnaire engine's page) or by uploading its template; the figures are copied onto the
return when it is submitted."""

import datetime as dt
import io

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from assure.training.models import TrainingReturn
from assure.training.selectors.returns import asked_year, due_on

pytestmark = pytest.mark.django_db

ANSWERS = {
    "workforce": "420",
    "completed-foundation": "300",
    "completed-multi-agency": "80",
    "completed-specialist": "25",
    "completed-designated-lead": "4",
    "comments": "",
}


def _url(name, partnership):
    return reverse(f"training:{name}", kwargs={"partnership": partnership.slug})


def test_the_year_asked_is_the_one_ended_last_and_due_by_30_june():
    assert asked_year(dt.date(2015, 3, 31)) == "2013-14"
    assert asked_year(dt.date(2015, 4, 1)) == "2014-15"
    assert due_on("2014-15") == dt.date(2015, 6, 30)


def test_opening_the_page_starts_the_return(client, agency_lead, partnership, agency):
    client.force_login(agency_lead)
    assert client.get(_url("return_mine", partnership)).status_code == 200
    made = TrainingReturn.objects.get()
    assert (made.agency, made.status, made.response is not None) == (agency, "draft", True)


def test_submitting_the_form_copies_the_figures(client, agency_lead, partnership):
    client.force_login(agency_lead)
    response = client.post(_url("return_mine", partnership), {**ANSWERS, "action": "submit"})
    assert response.status_code == 302
    made = TrainingReturn.objects.get()
    assert made.status == TrainingReturn.Status.SUBMITTED
    assert made.workforce == 420
    assert made.completions == {"foundation": 300, "multi-agency": 80, "specialist": 25, "designated-lead": 4}
    assert made.route == TrainingReturn.Route.FORM


def test_a_return_without_its_workforce_is_not_submitted(client, agency_lead, partnership):
    client.force_login(agency_lead)
    client.post(_url("return_mine", partnership), {**ANSWERS, "workforce": "", "action": "submit"})
    assert TrainingReturn.objects.get().status == TrainingReturn.Status.DRAFT


def _filled_template(client, partnership, figures: dict) -> SimpleUploadedFile:
    download = client.get(_url("return_template", partnership))
    workbook = openpyxl.load_workbook(io.BytesIO(download.content))
    sheet = workbook["Training return"]
    for row in sheet.iter_rows(min_row=1):
        if row[0].value in figures:
            row[2].value = figures[row[0].value]
    buffer = io.BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile("return.xlsx", buffer.getvalue())


def test_uploading_the_filled_template_submits_the_return(client, agency_lead, partnership):
    client.force_login(agency_lead)
    upload = _filled_template(client, partnership, {**{k: int(v) for k, v in ANSWERS.items() if v}, "comments": ""})
    response = client.post(_url("return_upload", partnership), {"upload": upload})
    assert response.status_code == 302
    made = TrainingReturn.objects.get()
    assert (made.status, made.route, made.workforce) == ("submitted", "upload", 420)
    assert made.completions["specialist"] == 25


def test_an_upload_with_a_wrong_figure_keeps_nothing(client, agency_lead, partnership):
    client.force_login(agency_lead)
    figures = {**{k: int(v) for k, v in ANSWERS.items() if v}, "completed-specialist": "lots"}
    page = client.post(_url("return_upload", partnership), {"upload": _filled_template(client, partnership, figures)})
    assert page.status_code == 200
    assert "completed-specialist" in page.content.decode()
    made = TrainingReturn.objects.get()
    assert made.status == "draft"
    assert not made.response.answers.exists()


def test_a_submitted_return_cannot_be_uploaded_again(client, agency_lead, partnership):
    client.force_login(agency_lead)
    client.post(_url("return_mine", partnership), {**ANSWERS, "action": "submit"})
    upload = _filled_template(client, partnership, {"workforce": 1})
    client.post(_url("return_upload", partnership), {"upload": upload})
    assert TrainingReturn.objects.get().workforce == 420
