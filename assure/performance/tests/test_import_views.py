import csv
import html
import io
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from assure.audit.models import Event
from assure.performance.areas import areas_load
from assure.performance.imports.jobs import import_job_execute
from assure.performance.models import ImportJob, Observation, Publication
from assure.performance.tests.factories import ImportJobFactory
from assure.performance.tests.test_imports import C1, subset_file, year

pytestmark = pytest.mark.django_db


def u(name, partnership, **kwargs):
    return reverse(f"performance:{name}", kwargs={"partnership": partnership.slug, **kwargs})


def i(name, **kwargs):
    """An address of the installation's statistics pages (its operator's)."""
    return reverse(f"statistics:{name}", kwargs=kwargs or None)


@pytest.fixture(autouse=True)
def private_files(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "private"
    return settings.MEDIA_ROOT


@pytest.fixture
def c1_2015(tmp_path) -> Path:
    areas_load()
    return subset_file(tmp_path, C1, year("2015"))


def upload(path: Path, name: str | None = None, content_type: str = "text/csv") -> SimpleUploadedFile:
    return SimpleUploadedFile(name or path.name, path.read_bytes(), content_type=content_type)


def post_import(client, file, mapping="dfe-c1", capture=None):
    with capture(execute=True):
        return client.post(i("create"), {"mapping": mapping, "upload": file})


# --- who may use the pages ----------------------------------------------------------------------


def test_the_business_unit_may_open_the_partnerships_list(client, business_unit, partnership):
    client.force_login(business_unit)
    assert client.get(u("imports", partnership)).status_code == 200


@pytest.mark.parametrize("name", ["list", "create"])
def test_the_operator_may_open_the_import_pages(client, operator, name):
    client.force_login(operator)
    assert client.get(i(name)).status_code == 200


@pytest.mark.parametrize("persona", ["board_member", "agency_lead", "auditor", "viewer"], indirect=True)
def test_no_one_else_may_open_the_partnerships_list(client, persona, partnership):
    client.force_login(persona)
    assert client.get(u("imports", partnership)).status_code == 403


@pytest.mark.parametrize(
    "persona", ["business_unit", "board_member", "agency_lead", "auditor", "viewer"], indirect=True
)
@pytest.mark.parametrize("name", ["list", "create"])
def test_no_partnership_member_may_open_the_import_pages(client, persona, name):
    client.force_login(persona)
    assert client.get(i(name)).status_code == 403


def test_another_partnerships_business_unit_cannot_see_them(client, outsider, partnership):
    client.force_login(outsider)
    assert client.get(u("imports", partnership)).status_code == 404


def test_the_operator_sees_no_partnerships_page(client, operator, partnership):
    client.force_login(operator)
    assert client.get(u("imports", partnership)).status_code == 404


def test_a_job_is_not_shown_to_a_business_unit(client, business_unit):
    job = ImportJobFactory()
    client.force_login(business_unit)
    assert client.get(i("job", pk=job.pk)).status_code == 403


def test_signing_in_comes_first(client, partnership):
    for address in (u("imports", partnership), i("list"), i("create")):
        response = client.get(address)
        assert response.status_code == 302 and reverse("account_login") in response.url


# --- uploading and importing -------------------------------------------------------------------


def test_an_uploaded_file_is_imported_by_the_task_and_the_result_shown(
    client, operator, c1_2015, django_capture_on_commit_callbacks
):
    client.force_login(operator)
    response = post_import(client, upload(c1_2015), capture=django_capture_on_commit_callbacks)
    job = ImportJob.objects.get()
    assert response.status_code == 302 and response.url == i("job", pk=job.pk)
    assert (job.status, job.partnership, job.created_by) == (ImportJob.Status.DONE, None, operator)
    assert job.publication == Publication.objects.get() and job.rows_done == job.rows_total == 164
    page = client.get(response.url).content.decode()
    assert "What was imported" in page and "164 rows read, 164 kept" in page
    assert "hx-trigger" not in page
    assert Observation.objects.filter(publication=job.publication).count() == 1640


def test_the_uploaded_file_is_kept_privately(
    client, operator, c1_2015, private_files, django_capture_on_commit_callbacks
):
    client.force_login(operator)
    post_import(client, upload(c1_2015), capture=django_capture_on_commit_callbacks)
    stored = Path(ImportJob.objects.get().upload.path)
    assert stored.is_file() and stored.is_relative_to(private_files)
    assert stored.read_bytes() == c1_2015.read_bytes()


def test_a_file_with_bad_rows_fails_and_lists_every_one(client, operator, tmp_path, django_capture_on_commit_callbacks):
    areas_load()

    def spoil(line, row):
        if line in (5, 12):
            row["referral_count"] = "lots"
        return row

    client.force_login(operator)
    path = subset_file(tmp_path, C1, year("2015"), change=spoil)
    response = post_import(client, upload(path), capture=django_capture_on_commit_callbacks)
    job = ImportJob.objects.get()
    assert job.status == ImportJob.Status.FAILED and job.publication is None
    assert [(p["line"], p["column"]) for p in job.problems] == [(5, "referral_count"), (12, "referral_count")]
    page = client.get(response.url).content.decode()
    assert "The file was not imported" in page and "the 2 problems" in page
    assert "&#x27;lots&#x27; is neither a number nor a suppression code" in page
    assert not Observation.objects.exists()
    assert Event.objects.filter(verb="statistics.import_rejected", partnership=None).exists()


def test_a_file_already_imported_says_nothing_changed(client, operator, c1_2015, django_capture_on_commit_callbacks):
    client.force_login(operator)
    post_import(client, upload(c1_2015), capture=django_capture_on_commit_callbacks)
    response = post_import(client, upload(c1_2015), capture=django_capture_on_commit_callbacks)
    assert "was already imported with this mapping" in client.get(response.url).content.decode()
    assert Publication.objects.count() == 1


def test_a_file_whose_name_does_not_fit_the_mapping_is_refused_at_once(
    client, operator, c1_2015, django_capture_on_commit_callbacks
):
    client.force_login(operator)
    response = post_import(client, upload(c1_2015), mapping="dfe-d3", capture=django_capture_on_commit_callbacks)
    assert response.status_code == 200
    assert "its name should look like d3_*.csv" in response.content.decode()
    assert not ImportJob.objects.exists()


def test_a_file_that_is_not_csv_is_refused(client, operator, tmp_path, django_capture_on_commit_callbacks):
    client.force_login(operator)
    spreadsheet = SimpleUploadedFile(
        "c1_referrals.xlsx",
        b"PK\x03\x04\0\0",
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response = post_import(client, spreadsheet, capture=django_capture_on_commit_callbacks)
    assert "The selected file must be a CSV file." in response.content.decode()
    assert not ImportJob.objects.exists()


def test_a_pdf_under_a_csv_name_is_refused_at_once_saying_what_it_is(
    client, operator, c1_2015, django_capture_on_commit_callbacks
):
    client.force_login(operator)
    pdf = SimpleUploadedFile(C1, b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", content_type="text/csv")
    response = post_import(client, pdf, capture=django_capture_on_commit_callbacks)
    assert "The selected file is a PDF document, not a CSV file" in response.content.decode()
    assert not ImportJob.objects.exists()


def test_a_utf16_file_is_imported_and_the_page_says_it_was_read_as_utf16(
    client, operator, c1_2015, django_capture_on_commit_callbacks
):
    client.force_login(operator)
    utf16 = SimpleUploadedFile(C1, c1_2015.read_text(encoding="utf-8").encode("utf-16"), content_type="text/csv")
    response = post_import(client, utf16, capture=django_capture_on_commit_callbacks)
    job = ImportJob.objects.get()
    assert job.status == ImportJob.Status.DONE and job.publication.encoding.startswith("utf-16")
    page = client.get(response.url).content.decode()
    assert "The file is UTF-16 (" in page and "164 rows read, 164 kept" in page


def test_a_file_cut_off_part_way_through_its_last_line_names_the_line_and_writes_nothing(
    client, operator, c1_2015, django_capture_on_commit_callbacks
):
    client.force_login(operator)
    cut = SimpleUploadedFile(C1, c1_2015.read_bytes()[:-5], content_type="text/csv")
    response = post_import(client, cut, capture=django_capture_on_commit_callbacks)
    job = ImportJob.objects.get()
    assert job.status == ImportJob.Status.FAILED
    assert [(p["line"], p["kind"]) for p in job.problems] == [(165, "cut-off")]
    page = client.get(response.url).content.decode()
    assert "A last line cut off part-way" in page and "the file ends part-way through this line" in page
    assert not Observation.objects.exists()


def test_rows_left_out_are_named_on_the_page_and_every_one_downloads(
    client, operator, tmp_path, django_capture_on_commit_callbacks
):
    areas_load()

    def calendar_year(line, row):
        if line % 2:  # lines 3, 5 ... 165
            row["time_identifier"] = "Calendar year"
        return row

    client.force_login(operator)
    path = subset_file(tmp_path, C1, year("2015"), change=calendar_year)
    response = post_import(client, upload(path), capture=django_capture_on_commit_callbacks)
    page = html.unescape(client.get(response.url).content.decode())
    assert "164 rows read, 82 kept" in page
    assert "82 rows left out (time_identifier is 'Calendar year', not 'Reporting year'): lines 3, 5, 7" in page
    assert "and 62 more." in page and "Download the 82 rows left out (CSV)" in page
    download = client.get(response.url, {"_export": "csv"}).content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(download)))
    assert [row[0] for row in rows[1:]] == [str(line) for line in range(3, 166, 2)]
    assert rows[1][1:] == ["time_identifier", "left out: time_identifier is 'Calendar year', not 'Reporting year'"]


def test_a_file_too_large_is_refused(client, operator, monkeypatch, c1_2015, django_capture_on_commit_callbacks):
    monkeypatch.setattr("assure.performance.imports.jobs.MAX_UPLOAD_BYTES", 1000)
    client.force_login(operator)
    response = post_import(client, upload(c1_2015), capture=django_capture_on_commit_callbacks)
    assert "smaller than 20 MB" in response.content.decode()


def test_the_form_asks_for_both_answers(client, operator):
    client.force_login(operator)
    page = client.post(i("create"), {}).content.decode()
    assert "Select what the file holds." in page and "Select a CSV file." in page


def test_queuing_an_import_is_recorded_in_the_trail(client, operator, c1_2015, django_capture_on_commit_callbacks):
    client.force_login(operator)
    post_import(client, upload(c1_2015), capture=django_capture_on_commit_callbacks)
    assert Event.objects.filter(verb="statistics.import_queued", partnership=None, actor=operator).exists()
    assert Event.objects.filter(verb="statistics.imported", partnership=None).exists()


# --- the status page -----------------------------------------------------------------------------


def test_a_running_import_asks_for_its_status_every_two_seconds(client, operator):
    job = ImportJobFactory(status=ImportJob.Status.RUNNING, rows_done=500, rows_total=2132)
    client.force_login(operator)
    page = client.get(i("job", pk=job.pk)).content.decode()
    assert 'hx-trigger="every 2s"' in page and "500 of 2132 rows checked." in page
    assert "Refresh the page" in page  # without JavaScript


def test_the_status_alone_is_sent_to_the_polling_page(client, operator):
    job = ImportJobFactory(status=ImportJob.Status.QUEUED)
    client.force_login(operator)
    response = client.get(i("job", pk=job.pk), headers={"HX-Request": "true", "HX-Target": "import-status"})
    body = response.content.decode()
    assert body.lstrip().startswith('<div id="import-status"') and "Waiting to start." in body
    assert "<html" not in body


def test_a_job_runs_only_once(operator, c1_2015, private_files):
    job = ImportJobFactory(created_by=operator, upload=SimpleUploadedFile(C1, c1_2015.read_bytes()))
    import_job_execute(job_id=job.pk)
    import_job_execute(job_id=job.pk)
    assert Publication.objects.count() == 1
    assert ImportJob.objects.get().status == ImportJob.Status.DONE


# --- the list ------------------------------------------------------------------------------------


def test_the_list_shows_each_publication_with_its_provenance(
    client, operator, business_unit, partnership, c1_2015, django_capture_on_commit_callbacks
):
    client.force_login(operator)
    post_import(client, upload(c1_2015), capture=django_capture_on_commit_callbacks)
    publication = Publication.objects.get()
    for viewer, address in ((operator, i("list")), (business_unit, u("imports", partnership))):
        client.force_login(viewer)
        page = client.get(address).content.decode().replace("<wbr>", "")
        for shown in (C1, publication.title, "Children in need, table C1", publication.checksum[:12], "Opie Rator"):
            assert shown in page
        assert "1640" in page
    client.force_login(operator)
    assert "Recent imports" in client.get(i("list")).content.decode()


def test_the_list_names_the_operator_to_every_partnership(client, business_unit, operator, partnership, c1_2015):
    from assure.performance.imports import import_statistics

    import_statistics(path=c1_2015, mapping_code="dfe-c1", actor=operator)
    client.force_login(business_unit)
    page = client.get(u("imports", partnership)).content.decode()
    assert "Opie Rator (operator)" in page and "Another partnership" not in page


def test_the_list_exports_csv(client, business_unit, partnership, c1_2015):
    from assure.performance.imports import import_statistics

    import_statistics(path=c1_2015, mapping_code="dfe-c1")
    client.force_login(business_unit)
    response = client.get(u("imports", partnership), {"_export": "csv"})
    body = b"".join(response.streaming_content if response.streaming else [response.content]).decode()
    assert C1 in body and Publication.objects.get().checksum in body and "Command line" in body
