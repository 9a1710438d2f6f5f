"""library_validate and library_load from the command line."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from assure.library.models import LibraryDocument

from .conftest import sector_document


def test_validate_passes_on_the_shipped_library(db):
    out = StringIO()
    call_command("library_validate", stdout=out)
    assert "valid" in out.getvalue()


def test_validate_fails_on_a_broken_file(write_document):
    path = write_document(sector_document(items="- {urn: nope, code: alpha, title: A, description: A}"))
    err = StringIO()
    with pytest.raises(CommandError):
        call_command("library_validate", str(path), stderr=err)
    assert str(path) in err.getvalue()


def test_validate_reads_the_library_folder_from_settings(settings, write_document, tmp_path):
    write_document("urn: [")
    settings.LIBRARY_DIR = tmp_path
    with pytest.raises(CommandError):
        call_command("library_validate", stderr=StringIO())


def test_load_fails_on_a_broken_file_and_loads_nothing(db, write_document, tmp_path):
    write_document(sector_document(), "good.yaml")
    write_document("urn: [", "bad.yaml")
    with pytest.raises(CommandError):
        call_command("library_load", str(tmp_path), stdout=StringIO(), stderr=StringIO())
    assert not LibraryDocument.objects.filter(urn="urn:test:sectors").exists()


def test_load_reports_what_it_loaded(db, write_document):
    out = StringIO()
    call_command("library_load", str(write_document(sector_document())), stdout=out)
    assert "loaded urn:test:sectors v1" in out.getvalue()


def test_validate_fails_on_a_missing_file(tmp_path):
    err = StringIO()
    with pytest.raises(CommandError):
        call_command("library_validate", str(tmp_path / "missing.yaml"), stderr=err)
    assert "missing.yaml" in err.getvalue()
