"""Stored files kept in an S3-compatible object store, as the production settings choose it when
ASSURE_S3_BUCKET names a bucket (docs/deployment.md, Files). The store is moto's, held in
memory: nothing leaves the machine."""

import boto3
import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from moto import mock_aws

from assure.core.files import local_path
from assure.performance.areas import areas_load
from assure.performance.imports.jobs import import_job_create
from assure.performance.models import ImportJob, Observation
from assure.performance.tests.test_imports import C1, subset_file, year
from assure.section11.services.returns import evidence_add
from assure.section11.tests.factories import PDF_BYTES, CycleFactory, ReturnFactory

from .test_production_settings import production_settings

BUCKET = "assure-private-files"
REGION = "eu-west-2"


@pytest.fixture
def bucket(monkeypatch, settings, tmp_path):
    """The object store, with Assure's bucket, as the default storage; the folder storage would
    write under MEDIA_ROOT, which must stay empty."""
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "assure-test")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "assure-test-secret")
    settings.MEDIA_ROOT = tmp_path / "private"
    with mock_aws():
        store = boto3.client("s3", region_name=REGION)
        store.create_bucket(Bucket=BUCKET, CreateBucketConfiguration={"LocationConstraint": REGION})
        production = production_settings(monkeypatch, ASSURE_S3_BUCKET=BUCKET, AWS_S3_REGION_NAME=REGION)
        settings.STORAGES = production["STORAGES"]
        yield store
    assert not settings.MEDIA_ROOT.exists()


def stored_names(store) -> list[str]:
    return [item["Key"] for item in store.list_objects_v2(Bucket=BUCKET).get("Contents", [])]


def test_a_file_is_kept_private_in_the_bucket(bucket):
    name = default_storage.save("section11/evidence", ContentFile(PDF_BYTES))
    grants = bucket.get_object_acl(Bucket=BUCKET, Key=name)["Grants"]
    assert [grant["Permission"] for grant in grants] == ["FULL_CONTROL"]
    assert grants[0]["Grantee"]["Type"] == "CanonicalUser"


def test_a_file_saved_under_a_name_already_used_gets_a_name_of_its_own(bucket):
    first = default_storage.save("statistics/figures.csv", ContentFile(b"first"))
    second = default_storage.save("statistics/figures.csv", ContentFile(b"second"))
    assert first != second
    assert bucket.get_object(Bucket=BUCKET, Key=first)["Body"].read() == b"first"


@pytest.mark.django_db
def test_evidence_added_to_a_return_is_kept_in_the_bucket_and_downloaded_through_the_view(
    bucket, client, agency_lead, partnership, agency
):
    draft = ReturnFactory(cycle=CycleFactory(lead_partnership=partnership), agency=agency)
    upload = SimpleUploadedFile("Safeguarding policy.pdf", PDF_BYTES)
    evidence = evidence_add(actor=agency_lead, partnership=partnership, response=draft.responses.first(), upload=upload)
    assert stored_names(bucket) == [evidence.file.name]

    client.force_login(agency_lead)
    url = reverse("section11:evidence_download", kwargs={"partnership": partnership.slug, "pk": evidence.pk})
    download = client.get(url)
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == PDF_BYTES
    assert 'filename="Safeguarding policy.pdf"' in download["Content-Disposition"]


def test_a_file_in_the_bucket_is_copied_to_this_machine_for_a_library_that_needs_a_path(bucket):
    name = default_storage.save("statistics/figures.csv", ContentFile(b"area,value\nE06000051,12\n"))
    stored = ImportJob(upload=name).upload
    with local_path(stored=stored) as path:
        assert path.suffix == ".csv"
        assert path.read_bytes() == b"area,value\nE06000051,12\n"
    assert not path.exists()


@pytest.mark.django_db
def test_a_statistics_file_uploaded_to_the_bucket_is_imported_from_it(
    bucket, operator, tmp_path, django_capture_on_commit_callbacks
):
    areas_load()
    path = subset_file(tmp_path, C1, year("2015"))
    upload = SimpleUploadedFile(path.name, path.read_bytes(), content_type="text/csv")
    with django_capture_on_commit_callbacks(execute=True):
        job = import_job_create(actor=operator, upload=upload, mapping_code="dfe-c1")
    job.refresh_from_db()
    assert job.status == ImportJob.Status.DONE, job.messages
    assert stored_names(bucket) == [job.upload.name]
    assert Observation.objects.filter(period__label="2014-15").exists()
