"""The kinds of file a meeting's paper may be, its size and the words of its refusals."""

import io
import zipfile

from django.core.files.uploadedfile import SimpleUploadedFile

from assure.governance.papers import ALLOWED_HINT, KINDS, MAX_BYTES, paper_problem


def _pptx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("ppt/presentation.xml", "<p:presentation/>")
    return buffer.getvalue()


def test_a_presentation_is_accepted_as_a_paper():
    assert paper_problem(SimpleUploadedFile("slides.pptx", _pptx())) is None


def test_papers_are_office_documents_and_pdfs_only():
    assert set(KINDS) == {"pdf", "docx", "xlsx", "pptx", "odt", "ods", "odp"}


def test_a_picture_is_refused_as_a_paper_with_the_hint():
    upload = SimpleUploadedFile("photo.png", b"\x89PNG\r\n\x1a\n....")
    assert paper_problem(upload) == f"The paper must be one of: {ALLOWED_HINT}"


def test_a_paper_over_20_mb_is_refused():
    big = SimpleUploadedFile("paper.pdf", b"%PDF-" + b"0" * MAX_BYTES)
    assert paper_problem(big) == "The paper must be 20 MB or smaller."


def test_a_paper_of_20_mb_is_accepted():
    assert paper_problem(SimpleUploadedFile("paper.pdf", b"%PDF-" + b"0" * (MAX_BYTES - 5))) is None
