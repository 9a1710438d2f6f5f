"""What the production settings take from the environment: where stored files are kept and
where e-mail goes (docs/deployment.md, Settings and Files)."""

import importlib
import sys

import pytest
from django.core.exceptions import ImproperlyConfigured


def production_settings(monkeypatch, **environment: str) -> dict:
    """config/settings/production.py read afresh with these environment variables set, and
    without the ones of the storage and mail settings that are not given."""
    for name in ("ASSURE_S3_BUCKET", "AWS_S3_ENDPOINT_URL", "ASSURE_MAIL_FOLDER", "ASSURE_SMTP_HOST"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("DJANGO_SECRET_KEY", "s" * 64)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    # Imported afresh, and whatever was imported before put back afterwards.
    monkeypatch.delitem(sys.modules, "config.settings.production", raising=False)
    settings = vars(importlib.import_module("config.settings.production"))
    monkeypatch.delitem(sys.modules, "config.settings.production")
    return settings


def test_files_are_kept_in_the_private_folder_when_no_bucket_is_named(monkeypatch):
    storage = production_settings(monkeypatch)["STORAGES"]["default"]
    assert storage["BACKEND"] == "django.core.files.storage.FileSystemStorage"


def test_a_named_bucket_keeps_the_files_private_and_never_overwritten(monkeypatch):
    storage = production_settings(
        monkeypatch, ASSURE_S3_BUCKET="assure-private-files", AWS_S3_ENDPOINT_URL="https://minio.internal:9000"
    )["STORAGES"]["default"]
    assert storage["BACKEND"] == "storages.backends.s3.S3Storage"
    options = storage["OPTIONS"]
    assert (options["bucket_name"], options["endpoint_url"]) == ("assure-private-files", "https://minio.internal:9000")
    assert (options["default_acl"], options["file_overwrite"]) == ("private", False)


def test_the_static_files_stay_with_the_application_when_a_bucket_is_named(monkeypatch):
    storages = production_settings(monkeypatch, ASSURE_S3_BUCKET="assure-private-files")["STORAGES"]
    assert storages["staticfiles"]["BACKEND"] == "whitenoise.storage.CompressedManifestStaticFilesStorage"


def test_a_mail_folder_has_every_message_written_there(monkeypatch, tmp_path):
    mailer = production_settings(monkeypatch, ASSURE_MAIL_FOLDER=str(tmp_path))["MAILERS"]["default"]
    assert mailer == {
        "BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "OPTIONS": {"file_path": str(tmp_path)},
    }


def test_a_mail_folder_and_a_mail_server_together_are_refused(monkeypatch, tmp_path):
    with pytest.raises(ImproperlyConfigured, match="not both"):
        production_settings(monkeypatch, ASSURE_MAIL_FOLDER=str(tmp_path), ASSURE_SMTP_HOST="smtp.internal")


def test_without_a_mail_folder_or_server_mail_goes_to_this_machine(monkeypatch):
    mailer = production_settings(monkeypatch)["MAILERS"]["default"]
    assert mailer["OPTIONS"] == {"host": "localhost", "port": 25}
