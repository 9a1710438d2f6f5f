"""Files whose problems cost more than their size: a cell too large, bytes in no encoding read,
a NUL character, and thousands of bad rows, each ending as named problems on a page of bounded
size with the whole list to download."""

import csv
import io
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from assure.accounts.models import InstallationRole
from assure.accounts.tests.factories import UserFactory, enrol_totp
from assure.performance.areas import areas_load
from assure.performance.imports import ImportRejected, import_statistics
from assure.performance.imports import problems as import_problems
from assure.performance.imports.jobs import import_job_create
from assure.performance.models import ImportJob, Observation
from assure.performance.tests.test_imports import C1, subset_file, year

pytestmark = pytest.mark.django_db

# Every measure column of the C1 mapping that must hold a figure.
FIGURE_COLUMNS = ("referral_count", "rereferral_count", "rereferral_percent")


@pytest.fixture
def areas():
    areas_load()


@pytest.fixture(autouse=True)
def private_files(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "private"
    return settings.MEDIA_ROOT


def rewrite(path: Path, line: int, change) -> Path:
    """Replace the text of one physical line (1 is the header) by ``change(text)``."""
    lines = path.read_bytes().split(b"\r\n")
    lines[line - 1] = change(lines[line - 1])
    path.write_bytes(b"\r\n".join(lines))
    return path


def rejected_problems(path: Path):
    with pytest.raises(ImportRejected) as rejected:
        import_statistics(path=path, mapping_code="dfe-c1")
    return rejected.value.problems


# --- parser errors are named row errors ---------------------------------------------------------


def test_a_cell_larger_than_128_kb_is_a_named_row_error(areas, tmp_path):
    path = subset_file(tmp_path, C1, year("2015"))
    rewrite(path, 6, lambda text: text.replace(b",", b',"' + b"x" * (129 * 1024) + b'",', 1))
    problems = rejected_problems(path)
    assert [(p.line, p.kind) for p in problems] == [(6, "unreadable")]
    assert "larger than 128 KB" in problems[0].reason
    assert not Observation.objects.exists()


def test_every_other_row_is_still_checked_after_an_unreadable_one(areas, tmp_path):
    def spoil(line, row):
        if line == 9:
            row["referral_count"] = "lots"
        return row

    path = subset_file(tmp_path, C1, year("2015"), change=spoil)
    rewrite(path, 4, lambda text: text + b"," + b"9" * (200 * 1024))
    assert [(p.line, p.kind) for p in rejected_problems(path)] == [(4, "unreadable"), (9, "not-a-figure")]


def test_a_nul_character_is_a_named_row_error(areas, tmp_path):
    path = subset_file(tmp_path, C1, year("2015"))
    # In a column the mapping does not read, where it would otherwise pass unseen.
    rewrite(path, 8, lambda text: text.replace(b",", b",\x00", 1))
    problems = rejected_problems(path)
    assert [(p.line, p.kind) for p in problems] == [(8, "unreadable")]
    assert "NUL" in problems[0].reason


def test_bytes_in_no_encoding_read_are_named_with_their_line_and_the_encoding_expected(areas, tmp_path):
    path = subset_file(tmp_path, C1, year("2015"))
    rewrite(path, 7, lambda text: text.replace(b"England", b"Engl\x81nd", 1))
    problems = rejected_problems(path)
    assert [(p.line, p.kind) for p in problems] == [(7, "encoding")]
    assert "CSV UTF-8" in problems[0].reason and "0x81" in problems[0].reason


# --- many problems: counted, the first of each kind shown, the whole list downloadable ----------


def many_problems_file(tmp_path) -> Path:
    """The 2015 rows of C1 (164 of them), each with all three figures spoiled."""

    def spoil(line, row):
        for column in FIGURE_COLUMNS:
            row[column] = "lots"
        if line % 2:
            row["time_period"] = "2015/16"
        return row

    return subset_file(tmp_path, C1, year("2015"), change=spoil)


@pytest.fixture
def operator(db):
    """The installation's operator, who imports the published statistics."""
    user = UserFactory(full_name="Otto Perator", email="otto@example.org")
    InstallationRole.objects.create(user=user, role="operator")
    enrol_totp(user)
    return user


def run_job(operator, path: Path, capture) -> ImportJob:
    upload = SimpleUploadedFile(path.name, path.read_bytes(), content_type="text/csv")
    with capture(execute=True):
        import_job_create(actor=operator, upload=upload, mapping_code="dfe-c1")
    return ImportJob.objects.get()


def test_a_file_with_many_problems_makes_a_small_page_with_counts_and_the_first_of_each_kind(
    client, operator, areas, tmp_path, django_capture_on_commit_callbacks
):
    client.force_login(operator)
    job = run_job(operator, many_problems_file(tmp_path), django_capture_on_commit_callbacks)
    assert job.status == ImportJob.Status.FAILED
    # 164 rows, three figures each, and every other row's year.
    total = 164 * 3 + 82
    # The job keeps the counts and the first of each kind, not every problem.
    assert len(job.problems) == 2 * import_problems.PROBLEMS_SHOWN
    assert sum(kind["count"] for kind in job.messages if "count" in kind) == total

    response = client.get(job.get_absolute_url())
    page = response.content.decode()
    assert len(response.content) < 200 * 1024
    assert f"the {total:,} problems" in page
    assert "492" in page and "82" in page  # the count of each kind
    assert page.count("is neither a number nor a suppression code") == import_problems.PROBLEMS_SHOWN
    assert "?_export=csv" in page


def test_the_whole_list_of_problems_downloads_as_csv(
    client, operator, areas, tmp_path, django_capture_on_commit_callbacks
):
    client.force_login(operator)
    job = run_job(operator, many_problems_file(tmp_path), django_capture_on_commit_callbacks)
    response = client.get(job.get_absolute_url(), {"_export": "csv"})
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == ["Line", "Column", "Problem"]
    assert len(rows) == 1 + 164 * 3 + 82
    assert rows[1][:2] == ["2", "referral_count"]


def test_the_list_kept_is_bounded_and_says_how_many_it_leaves_out(
    client, operator, areas, tmp_path, django_capture_on_commit_callbacks, monkeypatch
):
    monkeypatch.setattr(import_problems, "PROBLEMS_LISTED", 100)
    client.force_login(operator)
    job = run_job(operator, many_problems_file(tmp_path), django_capture_on_commit_callbacks)
    rows = list(
        csv.reader(io.StringIO(client.get(job.get_absolute_url(), {"_export": "csv"}).content.decode("utf-8-sig")))
    )
    assert len(rows) == 1 + 100 + 1
    assert f"{164 * 3 + 82 - 100:,} more problems" in rows[-1][2]


def test_a_job_that_was_imported_has_nothing_to_download(
    client, operator, areas, tmp_path, django_capture_on_commit_callbacks
):
    client.force_login(operator)
    job = run_job(operator, subset_file(tmp_path, C1, year("2015")), django_capture_on_commit_callbacks)
    assert job.status == ImportJob.Status.DONE
    assert client.get(job.get_absolute_url(), {"_export": "csv"}).status_code == 404
