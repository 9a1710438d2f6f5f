"""Who may import what: published statistics belong to the whole installation, so only its
operator imports them; no partnership's page writes a published figure; areas come only from the
area files; and every import and correction is shown, with who and when, to every partnership."""

from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import NoReverseMatch, reverse

from assure.performance.areas import areas_load
from assure.performance.imports import ImportRejected, import_statistics
from assure.performance.models import Area, ImportJob, Observation, Publication
from assure.performance.tests.test_imports import C1, published, subset_file, year

pytestmark = pytest.mark.django_db

SHROPSHIRE = "E06000051"


@pytest.fixture(autouse=True)
def private_files(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "private"


@pytest.fixture
def referrals_2015(tmp_path):
    areas_load()
    import_statistics(path=subset_file(tmp_path, C1, year("2015")), mapping_code="dfe-c1")
    return published("dfe-referrals", "2014-15", SHROPSHIRE).value


def one_row_correction(tmp_path, value="99999"):
    """The one-row file of the finding: Shropshire's referrals for 2014-15 "corrected"."""
    folder = tmp_path / "correction"
    folder.mkdir()

    def keep(row):
        return row["time_period"] == "2015" and row["new_la_code"] == SHROPSHIRE

    def change(line, row):
        row["referral_count"] = value
        return row

    return subset_file(folder, C1, keep, change=change)


def _partnership_import_address(partnership) -> str | None:
    try:
        return reverse("performance:import_create", kwargs={"partnership": partnership.slug})
    except NoReverseMatch:
        return None


def test_a_partnerships_business_unit_cannot_change_a_published_figure(
    client, business_unit, partnership, referrals_2015, tmp_path, django_capture_on_commit_callbacks
):
    client.force_login(business_unit)
    address = _partnership_import_address(partnership) or f"/p/{partnership.slug}/performance/imports/new/"
    file = SimpleUploadedFile(C1, one_row_correction(tmp_path).read_bytes(), content_type="text/csv")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(address, {"mapping": "dfe-c1", "upload": file})
    assert response.status_code in (403, 404, 405)
    assert published("dfe-referrals", "2014-15", SHROPSHIRE).value == referrals_2015
    assert not ImportJob.objects.exists()


def test_the_partnerships_statistics_page_says_who_imports_published_figures(client, business_unit, partnership):
    client.force_login(business_unit)
    page = client.get(reverse("performance:imports", kwargs={"partnership": partnership.slug})).content.decode()
    assert "operator" in page
    assert "Import a file" not in page


def test_the_operator_imports_from_the_installation_page(
    client, operator, referrals_2015, tmp_path, django_capture_on_commit_callbacks
):
    client.force_login(operator)
    assert client.get(reverse("statistics:list")).status_code == 200
    file = SimpleUploadedFile(C1, one_row_correction(tmp_path).read_bytes(), content_type="text/csv")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("statistics:create"), {"mapping": "dfe-c1", "upload": file})
    job = ImportJob.objects.get()
    assert response.status_code == 302 and response.url == reverse("statistics:job", kwargs={"pk": job.pk})
    assert (job.status, job.partnership, job.created_by) == (ImportJob.Status.DONE, None, operator)
    assert published("dfe-referrals", "2014-15", SHROPSHIRE).value == Decimal("99999")


@pytest.mark.parametrize("persona", ["business_unit", "board_member", "viewer", "outsider"], indirect=True)
def test_no_partnership_member_may_use_the_installation_pages(client, persona):
    client.force_login(persona)
    assert client.get(reverse("statistics:create")).status_code == 403
    assert client.post(reverse("statistics:create"), {}).status_code == 403


def test_an_unknown_area_code_is_a_row_error_naming_it_and_makes_no_area(tmp_path):
    areas_load()

    def invent(line, row):
        if row["new_la_code"] == SHROPSHIRE:
            row["new_la_code"], row["la_name"] = "E06999999", "Nowhere"
        return row

    before = Area.objects.count()
    with pytest.raises(ImportRejected) as rejected:
        import_statistics(path=subset_file(tmp_path, C1, year("2015"), change=invent), mapping_code="dfe-c1")
    assert any("E06999999" in problem.reason and problem.line > 1 for problem in rejected.value.problems)
    assert Area.objects.count() == before and not Area.objects.filter(code="E06999999").exists()
    assert not Observation.objects.exists()


def test_every_partnership_sees_who_corrected_a_published_figure_and_which(
    client, business_unit, operator, referrals_2015, tmp_path
):
    import_statistics(path=one_row_correction(tmp_path), mapping_code="dfe-c1", actor=operator)
    correction = Publication.objects.order_by("-pk").first()
    client.force_login(business_unit)
    page = client.get(reverse("performance:imports", kwargs={"partnership": "northshire"})).content.decode()
    assert "Another partnership" not in page
    assert str(operator) in page
    assert f"{referrals_2015:,.0f}" in page and "99,999" in page
    assert correction.corrections and correction.corrections[0]["area"] == SHROPSHIRE
