"""A partnership's business unit imports its own figures: they are the partnership's alone, and
never change a published figure, a publication, an area or a neighbour."""

import codecs
from decimal import Decimal as D

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from assure.audit.models import Event
from assure.performance.cache import partnership_scope
from assure.performance.models import (
    Area,
    FiguresVersion,
    LocalImport,
    Observation,
    Publication,
    StatisticalNeighbour,
    TextEncoding,
)
from assure.performance.periods import period_for_year
from assure.performance.selectors.scorecard import LOCAL_IMPORT_SOURCE, build_scorecard
from assure.performance.tests.factories import (
    AreaFactory,
    LocalImportFactory,
    ScorecardLineFactory,
    indicator,
    published,
)

pytestmark = pytest.mark.django_db

GOOD = "indicator,period,value\ncsc-referrals,2024-25,1234\n"


@pytest.fixture(autouse=True)
def private_files(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "private"


def u(name, partnership, **kwargs):
    return reverse(f"performance:{name}", kwargs={"partnership": partnership.slug, **kwargs})


def post_file(client, partnership, text: str | bytes, capture, name="local-figures.csv"):
    """Upload a file of local figures (text, written as UTF-8, or bytes) as the signed-in person;
    returns its LocalImport."""
    content = text.encode() if isinstance(text, str) else text
    upload = SimpleUploadedFile(name, content, content_type="text/csv")
    with capture(execute=True):
        response = client.post(u("local_import_create", partnership), {"upload": upload})
    assert response.status_code == 302, response.content.decode()[:2000]
    return LocalImport.objects.get(partnership=partnership)


def local_figures(partnership):
    return Observation.objects.filter(source=Observation.Source.LOCAL_IMPORT, partnership=partnership)


def test_a_business_units_figures_show_as_local_for_its_partnership_only(
    client, business_unit, partnership, other_partnership, django_capture_on_commit_callbacks
):
    referrals = indicator("csc-referrals")
    ScorecardLineFactory(priority__partnership=partnership, indicator=referrals)
    ScorecardLineFactory(priority__partnership=other_partnership, indicator=referrals)
    client.force_login(business_unit)

    job = post_file(client, partnership, GOOD, django_capture_on_commit_callbacks)

    assert job.status == LocalImport.Status.DONE
    row = build_scorecard(user=business_unit, partnership=partnership).sections[0].rows[0]
    assert (row.value, row.value_source) == (D("1234"), LOCAL_IMPORT_SOURCE)
    assert not local_figures(other_partnership).exists()


def test_the_store_refuses_to_touch_a_published_figure_from_a_local_import(partnership):
    from assure.performance.imports.store import LocalFigureRefused, local_figures_save

    referrals, year = indicator("csc-referrals"), period_for_year("2024-25")
    figure = published(referrals, AreaFactory(), 500, period=year)
    attempts = [
        figure,  # the stored published figure itself
        Observation(  # a new published figure
            source=Observation.Source.PUBLICATION,
            indicator=referrals,
            definition_id=referrals.definition_id,
            period=year,
            area=figure.area,
            value=D(1),
        ),
        Observation(  # a local figure that names an area
            source=Observation.Source.LOCAL_IMPORT,
            partnership=partnership,
            indicator=referrals,
            definition_id=referrals.definition_id,
            period=year,
            area=figure.area,
            value=D(1),
        ),
    ]
    for attempt in attempts:
        if attempt.pk:
            attempt.value = D(1)
        with pytest.raises(LocalFigureRefused):
            local_figures_save(partnership=partnership, observations=[attempt], recorded_at=timezone.now())
    figure.refresh_from_db()
    assert figure.value == D(500)
    assert Observation.objects.filter(source=Observation.Source.PUBLICATION).count() == 1
    assert not local_figures(partnership).exists()


def test_a_local_import_leaves_published_figures_publications_areas_and_neighbours_alone(
    client, business_unit, partnership, django_capture_on_commit_callbacks
):
    figure = published(indicator("csc-referrals"), AreaFactory(), 500, period=period_for_year("2024-25"))
    before = (Publication.objects.count(), Area.objects.count(), StatisticalNeighbour.objects.count())
    client.force_login(business_unit)

    post_file(client, partnership, GOOD, django_capture_on_commit_callbacks)

    figure.refresh_from_db()
    assert figure.value == D(500)
    assert (Publication.objects.count(), Area.objects.count(), StatisticalNeighbour.objects.count()) == before
    assert list(local_figures(partnership).values_list("value", flat=True)) == [D("1234")]


def test_another_partnerships_business_unit_gets_404_on_the_job(client, outsider, partnership, other_partnership):
    job = LocalImportFactory(partnership=partnership)
    client.force_login(outsider)
    # Through its own partnership's address, and through the one it is not a member of.
    assert client.get(u("local_import_job", other_partnership, pk=job.pk)).status_code == 404
    assert client.get(u("local_import_job", partnership, pk=job.pk)).status_code == 404


def test_an_agency_lead_may_not_import_local_figures(client, agency_lead, partnership):
    job = LocalImportFactory(partnership=partnership)
    client.force_login(agency_lead)
    assert client.get(u("local_import_create", partnership)).status_code == 403
    assert client.get(u("local_import_job", partnership, pk=job.pk)).status_code == 403


def test_an_unknown_indicator_code_is_a_named_row_error(
    client, business_unit, partnership, django_capture_on_commit_callbacks
):
    client.force_login(business_unit)
    text = GOOD + "no-such-indicator,2024-25,12\n"

    job = post_file(client, partnership, text, django_capture_on_commit_callbacks)

    assert job.status == LocalImport.Status.FAILED
    [problem] = job.problems
    assert (problem["line"], problem["column"], problem["kind"]) == (3, "indicator", "unknown-indicator")
    assert "'no-such-indicator'" in problem["reason"]
    assert not local_figures(partnership).exists()


def test_the_import_is_recorded_in_the_partnerships_trail(
    client, business_unit, partnership, django_capture_on_commit_callbacks
):
    client.force_login(business_unit)

    post_file(client, partnership, GOOD, django_capture_on_commit_callbacks)

    event = Event.objects.get(verb="performance.local_figures_imported")
    assert (event.partnership, event.actor) == (partnership, business_unit)
    assert event.data["file_name"] == "local-figures.csv"
    assert (event.data["created"], event.data["updated"], event.data["unchanged"]) == (1, 0, 0)


def test_the_import_moves_the_partnerships_figures_version_on(
    client, business_unit, partnership, django_capture_on_commit_callbacks
):
    def version():
        found = FiguresVersion.objects.filter(scope=partnership_scope(partnership.pk)).first()
        return found.version if found else 0

    client.force_login(business_unit)
    before = version()

    post_file(client, partnership, GOOD, django_capture_on_commit_callbacks)

    assert version() > before


def test_a_later_file_corrects_the_partnerships_own_figure(
    client, business_unit, partnership, django_capture_on_commit_callbacks
):
    client.force_login(business_unit)
    post_file(client, partnership, GOOD, django_capture_on_commit_callbacks, name="first.csv")
    LocalImport.objects.all().delete()

    post_file(client, partnership, GOOD.replace("1234", "1240"), django_capture_on_commit_callbacks)

    assert list(local_figures(partnership).values_list("value", flat=True)) == [D("1240")]


def test_the_job_page_names_each_bad_row_and_offers_them_all_to_download(
    client, business_unit, partnership, django_capture_on_commit_callbacks
):
    client.force_login(business_unit)
    job = post_file(client, partnership, GOOD + "no-such-indicator,2024-25,12\n", django_capture_on_commit_callbacks)

    page = client.get(job.get_absolute_url()).content.decode()
    download = client.get(job.get_absolute_url() + "?_export=csv").content.decode()

    assert "The file was not imported" in page and "no-such-indicator" in page
    assert "no-such-indicator" in download


# --- the text of the file ------------------------------------------------------------------------

COMMENTED = "indicator,period,value,comment\ncsc-referrals,2024-25,1234,Révisé – provisional\n"


@pytest.mark.parametrize(
    ("content", "encoding"),
    [
        (COMMENTED.encode("cp1252"), TextEncoding.CP1252),
        (codecs.BOM_UTF16_LE + COMMENTED.encode("utf-16-le"), TextEncoding.UTF16_LE),
        (codecs.BOM_UTF8 + COMMENTED.encode("utf-8"), TextEncoding.UTF8_BOM),
    ],
    ids=["windows-1252", "utf-16", "utf-8 with its mark"],
)
def test_a_file_in_each_encoding_read_imports_and_says_which(
    client, business_unit, partnership, django_capture_on_commit_callbacks, content, encoding
):
    client.force_login(business_unit)
    job = post_file(client, partnership, content, django_capture_on_commit_callbacks)
    assert (job.status, job.encoding) == (LocalImport.Status.DONE, encoding)
    assert f"The file is {encoding.label} text." in job.notes
    assert list(local_figures(partnership).values_list("comment", flat=True)) == ["Révisé – provisional"]


def test_a_file_in_no_encoding_read_names_its_line_and_writes_nothing(
    client, business_unit, partnership, django_capture_on_commit_callbacks
):
    client.force_login(business_unit)
    content = GOOD.encode() + b"csc-referrals,2023-24,12\n" + b"csc-referrals,2022-23,\x81\n"
    job = post_file(client, partnership, content, django_capture_on_commit_callbacks)
    assert job.status == LocalImport.Status.FAILED
    assert [(p["line"], p["kind"]) for p in job.problems] == [(4, "encoding")]
    assert not local_figures(partnership).exists()


def test_a_line_with_fewer_cells_than_the_header_is_a_named_row_error_and_writes_nothing(
    client, business_unit, partnership, django_capture_on_commit_callbacks
):
    client.force_login(business_unit)
    text = "indicator,period,value,comment\ncsc-referrals,2024-25,1234,\ncsc-referrals,2023-24\n"
    job = post_file(client, partnership, text, django_capture_on_commit_callbacks)
    assert job.status == LocalImport.Status.FAILED
    [problem] = job.problems
    assert (problem["line"], problem["kind"]) == (3, "cells")
    assert "2 cells where the header has 4" in problem["reason"]
    assert not local_figures(partnership).exists()


def test_a_last_line_without_a_line_break_is_read_as_spreadsheets_save_it(
    client, business_unit, partnership, django_capture_on_commit_callbacks
):
    client.force_login(business_unit)
    job = post_file(client, partnership, GOOD.rstrip("\n"), django_capture_on_commit_callbacks)
    assert job.status == LocalImport.Status.DONE
    assert list(local_figures(partnership).values_list("value", flat=True)) == [D("1234")]


def test_blank_lines_are_named_as_left_out_and_listed_to_download(
    client, business_unit, partnership, django_capture_on_commit_callbacks
):
    client.force_login(business_unit)
    job = post_file(client, partnership, GOOD + "\n,,\n", django_capture_on_commit_callbacks)
    assert job.status == LocalImport.Status.DONE
    assert "2 rows left out (blank): lines 3–4." in job.notes
    download = client.get(job.get_absolute_url() + "?_export=csv").content.decode("utf-8-sig")
    assert download.splitlines()[1:] == ["3,,left out: blank", "4,,left out: blank"]
