"""Every CSV and XLSX file Assure writes: a text someone typed into Assure never arrives in a
spreadsheet as a live formula, and a download carries text, never the page's markup.

The downloads are found the way the permission matrix finds pages: every URL of the project is
requested as the business unit on a partnership whose records are named with formula-like texts,
with ``?_export=csv`` and ``?_export=xlsx``, with ``?format=csv`` where it answers JSON (the API),
and by following every download link its page offers (a budget's two tables, each table of a
Section 11 analysis). Whatever comes back as CSV or XLSX is read cell by cell.
"""

import csv
import io
import re
from html import unescape
from urllib.parse import urljoin

import openpyxl
import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from assure.accounts.models import User
from assure.actions.models import Action
from assure.actions.tests.factories import ActionFactory
from assure.audit.models import AccessLog
from assure.audit.services import event_record
from assure.core.spreadsheets import is_formula_like
from assure.partnerships.models import Agency, Contribution, Expenditure, Meeting, Subgroup
from assure.partnerships.tests.factories import AgencyFactory
from assure.performance.models import DataReturn, Observation
from assure.performance.periods import period_for_year
from assure.performance.returns_xlsx import FIGURES_SHEET, read_return_file
from assure.performance.tests.factories import ObservationFactory, figure, indicator, return_with
from assure.plans.models import Priority
from assure.reports.models import Report
from assure.section11.models import Cycle
from assure.section11.tests.factories import CycleFactory
from tests.urlwalk import project_routes
from tests.world import SAMPLES, build_side, url_for

HYPERLINK = '=HYPERLINK("http://x","y")'
# What the partnership's records are called here: each would be a formula to a spreadsheet.
SEEDED = {
    "agency": "=cmd|' /C calc'!A0",
    "action": "+SUM(1,2)",
    "subgroup": "@SUM(1,1)",
    "chair": "-2+3+cmd|' /C calc'!A0",
    "meeting": HYPERLINK,
    "location": "\tTown hall",
    "contribution": "=1+1",
    "expenditure": "-1+1 staffing",
    "note": "\r=2+2",
    "member": "=Dee Formula",
    "report": "+Annual report",
    "cycle": "=Section 11 2014",
    "priority": "@Early help",
    "comment": HYPERLINK,
    "event": "=SUM(A1:A9)",
    "read": "@Case review 7",
}
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
MARKUP = re.compile(r"<\s*/?\s*[a-zA-Z][^<>]*>")
DOWNLOAD_LINK = re.compile(r'href="([^"]*(?:_export=|format=csv)[^"]*)"')
# A download found in the walk of every URL must not be this few: the walk would be checking
# next to nothing (there are about twenty today).
FEWEST_DOWNLOADS = 20


def _seed(side, business_unit) -> None:
    """Name the records of the side's partnership with formula-like texts, as someone could."""
    # Saved rather than updated, so the field history (the trail) names the agency too.
    agency = Agency.objects.get(pk=side.agency.pk)
    agency.name = SEEDED["agency"]
    agency.save()
    Action.objects.filter(pk=side.action.pk).update(title=SEEDED["action"])
    Subgroup.objects.filter(pk=side.subgroup.pk).update(name=SEEDED["subgroup"], chair=SEEDED["chair"])
    Meeting.objects.filter(pk=side.meeting.pk).update(title=SEEDED["meeting"], location=SEEDED["location"])
    Contribution.objects.filter(pk=side.contribution.pk).update(
        agency=None, source=SEEDED["contribution"], note=SEEDED["note"]
    )
    Expenditure.objects.filter(pk=side.expenditure.pk).update(line=SEEDED["expenditure"], note=SEEDED["note"])
    User.objects.filter(pk=side.membership.user_id).update(full_name=SEEDED["member"])
    Report.objects.filter(pk=side.report.pk).update(title=SEEDED["report"])
    Cycle.objects.filter(pk=side.section11_cycle.pk).update(title=SEEDED["cycle"])
    Priority.objects.filter(pk=side.priority.pk).update(title=SEEDED["priority"])
    event_record(
        actor=business_unit,
        verb="actions.created",
        target=side.action,
        partnership=side.partnership,
        summary=SEEDED["event"],
    )
    AccessLog.objects.create(
        partnership=side.partnership,
        user=business_unit,
        area="case-review",
        record_type=ContentType.objects.get_for_model(Meeting),
        record_id=str(side.meeting.pk),
        record_label=SEEDED["read"],
    )
    referrals = indicator("csc-referrals")
    # A figure of the draft return (its template), one of last year's validated return (the
    # scorecard's and the API's) and a local import (the API's observations).
    figure(side.data_return, referrals, 5, comment=SEEDED["comment"])
    validated = return_with(
        partnership=side.partnership,
        agency=side.agency,
        indicators=[referrals],
        period=period_for_year("2013-14"),
        status=DataReturn.Status.VALIDATED,
    )
    figure(validated, referrals, -4, comment=SEEDED["comment"])
    ObservationFactory(
        indicator=referrals,
        source=Observation.Source.LOCAL_IMPORT,
        partnership=side.partnership,
        agency=side.agency,
        comment=SEEDED["comment"],
        value=-3,
    )


@pytest.fixture
def seeded(partnership, agency, business_unit):
    side = build_side(partnership, agency, business_unit)
    _seed(side, business_unit)
    return side


def _kind(response) -> str | None:
    content_type = response.get("Content-Type", "")
    if content_type.startswith("text/csv"):
        return "csv"
    if content_type.startswith(XLSX):
        return "xlsx"
    return None


def _cells(kind: str, content: bytes) -> list[tuple[str, object, bool]]:
    """Every cell of a download as (where, value, marked as text by a quote prefix)."""
    if kind == "csv":
        rows = csv.reader(io.StringIO(content.decode("utf-8-sig")))
        return [
            (f"row {r} column {c}", value, False) for r, row in enumerate(rows, 1) for c, value in enumerate(row, 1)
        ]
    cells = []
    for sheet in openpyxl.load_workbook(io.BytesIO(content)).worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.value is None:
                    continue
                # A formula cell counts as unquoted text, whatever it holds.
                text = f"={cell.value.lstrip('=')}" if cell.data_type == "f" else cell.value
                cells.append((f"{sheet.title}!{cell.coordinate}", text, cell.data_type != "f" and cell.quotePrefix))
    return cells


def _problems(cells) -> list[str]:
    problems = []
    for where, value, quoted in cells:
        if not isinstance(value, str):
            continue
        if is_formula_like(value) and not quoted:
            problems.append(f"{where}: a formula-like text {value!r}")
        if MARKUP.search(value):
            problems.append(f"{where}: markup {value!r}")
    return problems


def _neutralised(cells) -> set[str]:
    """The seeded texts found in the download, neutralised."""
    found = set()
    for _, value, quoted in cells:
        if not isinstance(value, str):
            continue
        for text in SEEDED.values():
            if (quoted and text in value) or f"'{text}" in value:
                found.add(text)
    return found


def _downloads(client: Client, side) -> dict[str, tuple[str, bytes]]:
    """Every CSV or XLSX download reachable from the URLs of the project, by address."""
    slug = side.partnership.slug
    found: dict[str, tuple[str, bytes]] = {}
    asked: set[str] = set()

    def ask(url: str):
        if url in asked:
            return None
        asked.add(url)
        response = client.get(url)
        kind = _kind(response) if response.status_code == 200 else None
        if kind:
            found[url] = (kind, response.content)
        return response

    for route in project_routes():
        if route.name.startswith("(unnamed") or (set(route.kwargs) - {"partnership"} and route.name not in SAMPLES):
            continue
        url = url_for(route, side, slug)
        response = ask(url)
        if response is None or response.status_code != 200:
            continue
        content_type = response.get("Content-Type", "")
        if content_type.startswith("application/json"):
            ask(f"{url}?format=csv")
        elif content_type.startswith("text/html"):
            ask(f"{url}?_export=csv")
            ask(f"{url}?_export=xlsx")
            for href in DOWNLOAD_LINK.findall(response.content.decode()):
                ask(urljoin(url, unescape(href)))
    return found


def test_every_download_neutralises_formulas_and_carries_no_markup(client, seeded, business_unit):
    client.force_login(business_unit)
    downloads = _downloads(client, seeded)
    assert len(downloads) >= FEWEST_DOWNLOADS, f"only {len(downloads)} downloads found: {sorted(downloads)}"
    problems, neutralised = [], set()
    for url, (kind, content) in sorted(downloads.items()):
        cells = _cells(kind, content)
        problems += [f"{url}: {problem}" for problem in _problems(cells)]
        neutralised |= _neutralised(cells)
    assert not problems, "\n".join(problems)
    # Every formula-like name given to the records reached some download, neutralised.
    assert set(SEEDED.values()) - neutralised == set()


def _tracker(client, partnership, export_format: str):
    url = reverse("actions:tracker", kwargs={"partnership": partnership.slug})
    return client.get(url, {"_export": export_format})


@pytest.fixture
def hyperlinked_action(partnership, business_unit):
    agency = AgencyFactory(name=HYPERLINK, partnerships=[partnership])
    return ActionFactory(partnership=partnership, owner_agency=agency, title=HYPERLINK, created_by=business_unit)


def test_the_action_tracker_csv_neutralises_a_formula_in_a_title_and_an_agency_name(
    client, business_unit, partnership, hyperlinked_action
):
    client.force_login(business_unit)
    rows = list(csv.DictReader(io.StringIO(_tracker(client, partnership, "csv").content.decode())))
    assert rows[0]["Title"] == f"'{HYPERLINK}"
    assert rows[0]["Owner agency"] == f"'{HYPERLINK}"


def test_the_action_tracker_xlsx_neutralises_a_formula_in_a_title_and_an_agency_name(
    client, business_unit, partnership, hyperlinked_action
):
    client.force_login(business_unit)
    sheet = openpyxl.load_workbook(io.BytesIO(_tracker(client, partnership, "xlsx").content)).active
    headings = [cell.value for cell in sheet[1]]
    row = sheet[2]
    for heading in ("Title", "Owner agency"):
        cell = row[headings.index(heading)]
        assert (cell.value, cell.data_type) == (f"'{HYPERLINK}", "s")


def test_the_section11_cycles_csv_holds_the_cycle_title_not_a_link(client, business_unit, partnership):
    CycleFactory(lead_partnership=partnership, title="Section 11 audit 2014", created_by=business_unit)
    client.force_login(business_unit)
    url = reverse("section11:cycles", kwargs={"partnership": partnership.slug})
    content = client.get(url, {"_export": "csv"}).content.decode()
    assert "<" not in content
    assert list(csv.DictReader(io.StringIO(content)))[0]["Cycle"] == "Section 11 audit 2014"


@pytest.mark.parametrize("comment", [HYPERLINK, "-5 fewer referrals than last year"])
def test_a_return_template_marks_a_formula_like_comment_as_text_and_reads_it_back_exactly(
    client, business_unit, partnership, agency, comment
):
    referrals = indicator("csc-referrals")
    data_return = return_with(partnership=partnership, agency=agency, indicators=[referrals])
    figure(data_return, referrals, 5, comment=comment)
    client.force_login(business_unit)
    url = reverse("performance:return_template", kwargs={"partnership": partnership.slug, "pk": data_return.pk})
    content = client.get(url).content
    sheet = openpyxl.load_workbook(io.BytesIO(content))[FIGURES_SHEET]
    cell = next(cell for row in sheet.iter_rows() for cell in row if cell.value == comment)
    assert (cell.data_type, cell.quotePrefix) == ("s", True)
    uploaded = read_return_file(SimpleUploadedFile("return.xlsx", content, content_type=XLSX), data_return=data_return)
    assert [row.entry.comment for row in uploaded] == [comment]
