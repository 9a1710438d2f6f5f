"""The results page: its tables and charts, an agency lead's narrower view, the filters in the
downloads, and each table's CSV and XLSX download."""

import csv
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from assure.audits.models import Audit

from .factories import AuditFactory, FindingFactory, ProgrammeFactory
from .test_results_selectors import QUESTION, answered, case

pytestmark = pytest.mark.django_db


@pytest.fixture
def audit(partnership, agency, business_unit):
    return AuditFactory(
        partnership=partnership,
        programme=ProgrammeFactory(partnership=partnership, year=2014),
        created_by=business_unit,
        agencies=[agency],
        status=Audit.Status.MODERATION,
    )


def address(partnership, **query) -> str:
    base = reverse("audits:results", kwargs={"partnership": partnership.slug})
    return base + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def test_the_page_shows_grades_by_term_answers_and_findings(client, business_unit, partnership, agency, audit):
    answered(case(audit, agreed_grade="good"), agency, {QUESTION: "yes"})
    FindingFactory(audit=audit, created_by=business_unit, theme="Information sharing")
    client.force_login(business_unit)
    html = client.get(address(partnership)).content.decode()
    assert "Autumn term 2014-15" in html
    assert 'data-vega-spec="chart-terms"' in html
    assert "Information shared in good time" in html
    assert "100%" in html
    assert "Information sharing" in html


def test_an_agency_lead_is_told_the_view_is_their_agencys(client, agency_lead, partnership, audit):
    client.force_login(agency_lead)
    response = client.get(address(partnership))
    assert response.status_code == 200
    assert "the audits your agency took part in" in response.content.decode()


def test_the_downloads_keep_the_filters(client, business_unit, partnership, audit):
    client.force_login(business_unit)
    case(audit, agreed_grade="good")
    html = client.get(address(partnership, term="autumn")).content.decode()
    assert "?term=autumn&amp;_export=csv&amp;table=grades" in html


def test_the_grades_download_as_csv(client, business_unit, partnership, audit):
    case(audit, agreed_grade="good")
    case(audit, agreed_grade="inadequate")
    client.force_login(business_unit)
    response = client.get(address(partnership, _export="csv", table="grades"))
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == ["Grade", "Every file: files", "Every file: % of graded"]
    assert ["Good", "1", "50"] in rows
    assert ["Files audited", "2", ""] in rows


def test_the_answers_download_as_xlsx(client, business_unit, partnership, agency, audit):
    answered(case(audit), agency, {QUESTION: "no"})
    client.force_login(business_unit)
    response = client.get(address(partnership, _export="xlsx", table="questions"))
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert rows[0][:5] == [
        "Question",
        "Asked when",
        "Autumn term 2014-15: asked",
        "Autumn term 2014-15: yes",
        "Autumn term 2014-15: % yes",
    ]
    line = next(row for row in rows if row[0] == "Information shared in good time")
    assert line[2:5] == [1, 0, 0]


def test_a_finding_that_looks_like_a_formula_is_made_safe_in_the_download(client, business_unit, partnership, audit):
    FindingFactory(audit=audit, created_by=business_unit, theme="=HYPERLINK(1)")
    client.force_login(business_unit)
    response = client.get(address(partnership, _export="csv", table="findings"))
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[1][2] == "'=HYPERLINK(1)"


def test_an_unknown_table_is_not_found(client, business_unit, partnership):
    client.force_login(business_unit)
    assert client.get(address(partnership, _export="csv", table="people")).status_code == 404
